//! `overhead transits`: when the ISS or Tiangong (or any satellite) crosses the Sun or the
//! Moon near a place, and where to stand to see it ([`crate::orbit::transit`]).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::checks::{self, ArgError, ObserverArgs, SatelliteArgs, check_number, check_text};
use super::passes::{Format, load_elements, parse_start, time_formatter, warn, window_end};
use crate::orbit::transit::{DEFAULT_SATELLITES, Transit, TransitSearch, find_transits};
use crate::orbit::{ElementSet, Observer, ObserverFrame, Satellite};
use crate::report::{self, TransitSatelliteNote};
use crate::t;

/// Which bodies `--body` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BodyChoice {
    /// Transits across the Sun.
    Sun,
    /// Transits across the Moon.
    Moon,
    /// Both.
    Both,
}

/// Arguments of `overhead transits`.
#[derive(Debug, clap::Args)]
pub struct TransitsArgs {
    /// Where the observer stands.
    #[command(flatten)]
    pub observer: ObserverArgs,
    /// The element sets and the satellites (default: the ISS, 25544, and Tiangong, 48274).
    #[command(flatten)]
    pub satellites: SatelliteArgs,
    /// List the passes whose centre line comes within this distance of the place, km,
    /// from 0 to 500 (and any the place itself sees cross the disc).
    #[arg(
        long = "radius-km",
        default_value_t = 50.0,
        allow_hyphen_values = true,
        value_name = "KM"
    )]
    pub radius_km: f64,
    /// The Sun, the Moon, or both.
    #[arg(long, value_enum, default_value_t = BodyChoice::Both)]
    pub body: BodyChoice,
    /// Start of the window (RFC 3339, e.g. 2026-08-22T00:00:00Z); default now.
    #[arg(long, value_name = "RFC3339")]
    pub start: Option<String>,
    /// Length of the window in days, more than 0 and at most 366.
    #[arg(
        long,
        default_value_t = 14.0,
        allow_hyphen_values = true,
        value_name = "N"
    )]
    pub days: f64,
    /// Time zone for the table and the calendar (IANA name, e.g. Europe/London); default
    /// the computer's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print how long the search took (without loading and output) to stderr.
    #[arg(long)]
    pub timing: bool,
}

impl TransitsArgs {
    /// Stage two of reading the arguments (see [`super::checks`]): the observer, the
    /// window's length and the search, each number finite and in its range, or an error
    /// naming the first that is not.
    pub fn check_numbers(&self) -> Result<(Observer, f64, TransitSearch), ArgError> {
        let observer = self.observer.checked()?;
        let radius_km = check_number("--radius-km", self.radius_km, checks::RADIUS_KM)?;
        let days = check_number("--days", self.days, checks::DAYS)?;
        for name in &self.satellites.names {
            check_text("--name", name)?;
        }
        let search = TransitSearch {
            radius_km,
            sun: self.body != BodyChoice::Moon,
            moon: self.body != BodyChoice::Sun,
        };
        Ok((observer, days, search))
    }
}

/// The satellites asked for: `--sat` and `--name`, else the ISS and Tiangong.
fn select(args: &SatelliteArgs, sets: Vec<ElementSet>) -> anyhow::Result<Vec<ElementSet>> {
    let ids: Vec<u64> = if args.sats.is_empty() && args.names.is_empty() {
        DEFAULT_SATELLITES.to_vec()
    } else {
        args.sats.clone()
    };
    let names: Vec<String> = args.names.iter().map(|n| n.to_lowercase()).collect();
    for id in &ids {
        if !sets.iter().any(|s| s.norad_id == *id) {
            warn(&t!("cli-satellite-missing", id = id.to_string()));
        }
    }
    let chosen: Vec<ElementSet> = sets
        .into_iter()
        .filter(|s| {
            ids.contains(&s.norad_id) || names.iter().any(|n| s.name.to_lowercase().contains(n))
        })
        .collect();
    if chosen.is_empty() {
        bail!(t!("cli-none-chosen"));
    }
    Ok(chosen)
}

/// The table: a title, then each event's lines (the sentence first, the rest indented).
fn table(
    transits: &[&Transit],
    observer: &Observer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    radius_km: f64,
    fmt: &crate::timefmt::TimeFormatter,
) -> String {
    let mut out = t!(
        "cli-transits-title",
        start = start.format("%Y-%m-%d %H:%M UTC").to_string(),
        end = end.format("%Y-%m-%d %H:%M UTC").to_string(),
        radius = crate::text::number(radius_km),
        place = report::coordinates_words(observer),
        zone = fmt.zone_label(start)
    ) + "\n";
    if transits.is_empty() {
        out += &(t!("cli-transits-none", radius = crate::text::number(radius_km)) + "\n");
    }
    for transit in transits {
        out.push('\n');
        for (i, line) in report::transit_lines(transit, fmt).iter().enumerate() {
            if i > 0 {
                out.push_str("    ");
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Runs `overhead transits`.
pub fn run(args: TransitsArgs) -> anyhow::Result<ExitCode> {
    let (observer, days, search) = args.check_numbers()?;
    let fmt = time_formatter(args.tz.as_deref(), args.observer.city_zone())?;
    let start = parse_start(args.start.as_deref())?;
    let end = window_end(start, days)?;
    let sets = select(&args.satellites, load_elements(&args.satellites)?)?;
    super::passes::warn_about_element_ages(&sets, start, end);
    let sats: Vec<Satellite> = sets.into_iter().map(Satellite::new).collect();
    let frame = ObserverFrame::new(observer);
    let started = std::time::Instant::now();
    let lists: Vec<_> = sats
        .par_iter()
        .map(|sat| find_transits(sat, &frame, start, end, &search))
        .collect();
    if args.timing {
        eprintln!(
            "overhead: searched {} satellites over {days} days in {:.1} ms",
            sats.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    let mut notes = Vec::new();
    for (sat, list) in sats.iter().zip(&lists) {
        if let Some(e) = &list.stopped_early {
            warn(&format!("{} ({}): {e}", sat.set.name, sat.set.norad_id));
            notes.push(TransitSatelliteNote {
                norad_id: sat.set.norad_id,
                name: sat.set.name.clone(),
                presence: if matches!(e, crate::orbit::PropagationError::TooFarFromEpoch { .. }) {
                    "not_searched"
                } else {
                    "stopped"
                },
                error: e.to_string(),
            });
        }
    }
    let mut transits: Vec<&Transit> = lists.iter().flat_map(|l| &l.transits).collect();
    transits.sort_by_key(|t| (t.nearest.time, t.norad_id));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Json => report::write_transits_json(
            &mut out,
            &observer,
            start,
            end,
            search.radius_km,
            &transits,
            &notes,
        ),
        Format::Csv => report::write_transits_csv(&mut out, &transits),
        Format::Ics => {
            out.write_all(report::transits_to_ics(&transits, Utc::now(), &fmt).as_bytes())
        }
        Format::Table => out
            .write_all(table(&transits, &observer, start, end, search.radius_km, &fmt).as_bytes()),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // A closed pipe (`overhead transits ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).with_context(|| t!("cli-cannot-write")),
    }
    if !sats.is_empty()
        && notes
            .iter()
            .filter(|n| n.presence == "not_searched")
            .count()
            == sats.len()
    {
        bail!(t!(
            "cli-none-searched",
            days = crate::orbit::MAX_DAYS_FROM_EPOCH.to_string()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
