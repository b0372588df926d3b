//! `overhead handout`: a one-page PDF for a place and a night, to print for a class.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::Utc;

use super::checks::{ObserverArgs, SatelliteArgs};
use super::passes::{Format, LimitingMagnitude, PassesArgs, search};
use crate::handout::{HandoutInput, best_pass, chart_stars, data_line, handout_pdf, path_samples};
use crate::report::{self, PassRecord};

/// Faintest stars drawn on the handout's chart (a printed page shows fewer than the sky).
const CHART_STAR_MAGNITUDE: f64 = 4.5;

/// Arguments of `overhead handout`.
#[derive(Debug, clap::Args)]
pub struct HandoutArgs {
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Name of the place for the title (default: its coordinates).
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
    /// Time zone for the times (IANA name, e.g. Asia/Seoul); default the computer's.
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
    let found = search(&args.search_args())?;
    let records: Vec<&PassRecord> = found.records();
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
    let place_line = report::coordinates_words(&found.observer);
    let place_name = args.place.clone().unwrap_or_else(|| place_line.clone());
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
    };
    let pdf = handout_pdf(&input)?;
    crate::catalog::write_atomic(&args.out, &pdf).with_context(|| {
        crate::t!(
            "cli-cannot-write-file",
            file = args.out.display().to_string()
        )
    })?;
    let file = args.out.display().to_string();
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
