//! `overhead handout`: a one-page PDF for a place and a night, to print for a class.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;

use super::checks::{ObserverArgs, SatelliteArgs, check_text};
use super::passes::{Format, LimitingMagnitude, PassesArgs, Searched, search, some_searched};
use crate::handout::{
    HandoutInput, best_pass, chart_constellation_lines, chart_stars, data_line, handout_pdf,
    path_samples,
};
use crate::output::{OutputTarget, write_output};
use crate::report::{self, PassRecord};

/// Faintest stars drawn on the handout's chart (a printed page shows fewer than the sky).
const CHART_STAR_MAGNITUDE: f64 = 4.5;

/// Arguments of `overhead handout`.
#[derive(Debug, clap::Args)]
pub struct HandoutArgs {
    /// Where to write the PDF (`-` for standard output). A file there is replaced
    /// atomically, keeping its mode; a device or pipe is written to; a directory is refused.
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Name of the place for the title (default: the --city's name, else its coordinates).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// The element sets and the satellites to include.
    #[command(flatten)]
    pub satellites: SatelliteArgs,
    /// Draw this satellite's best pass on the chart (default: the best pass of all).
    #[arg(long = "chart-sat", value_name = "NORAD")]
    pub chart_sat: Option<u64>,
    /// Where the observer stands.
    #[command(flatten)]
    pub observer: ObserverArgs,
    /// Start of the window (RFC 3339); default now.
    #[arg(long, value_name = "RFC3339")]
    pub start: Option<String>,
    /// Only tonight: from the dusk after --start (or now) to the next dawn (the default
    /// unless --days is given).
    #[arg(long, conflicts_with = "days")]
    pub tonight: bool,
    /// Length of the window in days, instead of tonight.
    #[arg(long, allow_hyphen_values = true, value_name = "N")]
    pub days: Option<f64>,
    /// Time zone for the times (IANA name, e.g. Asia/Seoul); default the --city's, else the
    /// computer's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Pass times to the second, as Heavens-Above shows them; short passes show seconds
    /// anyway.
    #[arg(long)]
    pub seconds: bool,
    /// The sky's limiting magnitude (`--max-magnitude`).
    #[command(flatten)]
    pub limit: LimitingMagnitude,
}

impl HandoutArgs {
    /// The pass search the handout lists: the visible passes a naked eye can see.
    fn search_args(&self) -> PassesArgs {
        let defaults = crate::orbit::PassSearch::default();
        PassesArgs {
            satellites: self.satellites.clone(),
            all: false,
            observer: self.observer.clone(),
            start: self.start.clone(),
            days: self.days.unwrap_or(1.0),
            tonight: self.days.is_none(),
            horizon_deg: defaults.horizon_deg,
            min_elevation_deg: defaults.min_elevation_deg,
            visible_elevation_deg: defaults.visible_min_elevation_deg,
            max_sun_elevation_deg: defaults.max_sun_elevation_deg,
            refraction: false,
            visible_only: true,
            limit: self.limit.clone(),
            format: Format::Table,
            tz: self.tz.clone(),
            seconds: self.seconds,
            timing: false,
        }
    }
}

/// Runs `overhead handout`.
pub fn run(args: HandoutArgs) -> anyhow::Result<ExitCode> {
    let place = args
        .place
        .as_deref()
        .map(|p| check_text("--place", p))
        .transpose()?;
    let target = OutputTarget::from_arg(&args.out);
    let found = search(&args.search_args())?;
    // No satellite could be searched (the window is years from every epoch): an error, as
    // for `overhead passes`, not a page that quietly lists nothing.
    some_searched(&found)?;
    let records: Vec<&PassRecord> = found.records();
    check_chart_sat(args.chart_sat, &found, &records)?;
    let fmt = &found.fmt;
    let chosen: Vec<&PassRecord> = match args.chart_sat {
        Some(id) => records
            .iter()
            .copied()
            .filter(|r| r.pass.norad_id == id)
            .collect(),
        None => records.clone(),
    };
    let best = best_pass(&chosen, args.limit.max_magnitude);
    let chart = best.and_then(|r| {
        let sat = found
            .sats
            .iter()
            .find(|s| s.set.norad_id == r.pass.norad_id)?;
        Some((r, path_samples(sat, &found.frame, r)))
    });
    let chart_time = best.map(|r| r.pass.visible_peak().unwrap_or(r.pass.culmination).time);
    let stars = chart_time.map_or_else(Vec::new, |t| {
        chart_stars(&found.frame, t, CHART_STAR_MAGNITUDE)
    });
    let constellation_lines =
        chart_time.map_or_else(Vec::new, |t| chart_constellation_lines(&found.frame, t));
    // Every satellite asked for is accounted for: a line for each with nothing to see.
    let window_words = found.window_words();
    let unseen: Vec<String> = found
        .notes
        .iter()
        .filter_map(|note| note.unseen_words(window_words, fmt))
        .collect();
    let place_line = report::coordinates_words(&found.observer);
    let city_name = args
        .observer
        .city()?
        .map(|c| c.name_in(crate::i18n::language()).to_owned());
    let place_name = place
        .map(str::to_owned)
        .or(city_name)
        .unwrap_or_else(|| place_line.clone());
    let window_line = match &found.never_dark {
        Some(text) => text.trim().to_owned(),
        None if args.days.is_none() => crate::t!(
            "words-handout-night",
            date = fmt.date_year(found.start),
            from = fmt.hm(found.start),
            to = fmt.hm(found.end),
            zone = fmt.zone_label(found.start),
            limit = crate::orbit::PassSearch::default()
                .max_sun_elevation_deg
                .to_string()
        ),
        None => crate::t!(
            "words-handout-window",
            from = fmt.date_time(found.start),
            to = fmt.date_time(found.end),
            zone = fmt.zone_label(found.start),
        ),
    };
    let now = Utc::now();
    let data_line = data_line(&records, &crate::t!("words-handout-source"), now);
    let input = HandoutInput {
        place_name: &place_name,
        place_line,
        window_line,
        records: &records,
        chart,
        stars,
        fmt: *fmt,
        limiting_magnitude: args.limit.max_magnitude,
        data_line,
        made_at: now,
        unseen,
        constellation_lines,
        zone_at: chart_time.unwrap_or(found.start),
    };
    let pdf = handout_pdf(&input)?;
    write_output(&target, &pdf)?;
    let file = target.shown();
    eprintln!(
        "overhead: {}",
        match best {
            Some(r) => crate::t!(
                "cli-handout-wrote-chart",
                file = file,
                count = records.len(),
                sat = r.name().to_owned()
            ),
            None => crate::t!("cli-handout-wrote", file = file, count = records.len()),
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// A `--chart-sat` must be one of the satellites with a pass on the page: an error naming
/// it otherwise (not a chart of some other satellite, or none, without a word).
fn check_chart_sat(
    chart_sat: Option<u64>,
    found: &Searched,
    records: &[&PassRecord],
) -> anyhow::Result<()> {
    let Some(id) = chart_sat else {
        return Ok(());
    };
    if records.iter().any(|r| r.pass.norad_id == id) {
        return Ok(());
    }
    match found.sats.iter().find(|s| s.set.norad_id == id) {
        Some(sat) => anyhow::bail!(crate::t!(
            "cli-chart-sat-no-pass",
            id = id.to_string(),
            name = sat.set.name.clone()
        )),
        None => anyhow::bail!(crate::t!("cli-chart-sat-not-chosen", id = id.to_string())),
    }
}
