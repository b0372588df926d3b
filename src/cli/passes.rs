//! `overhead passes`: predict passes from the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use crate::orbit::{
    ElementSet, Observer, ObserverFrame, PassSearch, Satellite, SkyPresence, StdMagnitudes,
    find_passes, parse_elements,
};
use crate::report::{self, PassRecord, SatelliteNote};

/// Output formats of `overhead passes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table in local time.
    Table,
    /// One JSON object with the observer, the window and the passes.
    Json,
    /// One row per pass, times in UTC.
    Csv,
    /// An iCalendar file, one event per pass.
    Ics,
}

/// Arguments of `overhead passes`.
#[derive(Debug, clap::Args)]
pub struct PassesArgs {
    /// Element file (TLE, OMM JSON or OMM CSV; detected from the content). Without it,
    /// the cached CelesTrak data merged over the bundled snapshot (newest epoch wins).
    #[arg(long, value_name = "FILE")]
    pub elements: Option<PathBuf>,
    /// Catalog number of a satellite to predict (repeatable).
    #[arg(long = "sat", value_name = "NORAD")]
    pub sats: Vec<u64>,
    /// Satellites whose name contains this text, case-insensitive (repeatable).
    #[arg(long = "name", value_name = "TEXT")]
    pub names: Vec<String>,
    /// Every satellite in the elements.
    #[arg(long)]
    pub all: bool,
    /// Observer's geodetic latitude, degrees (north positive).
    #[arg(long, allow_negative_numbers = true, value_name = "DEG")]
    pub lat: f64,
    /// Observer's longitude, degrees (east positive).
    #[arg(long, allow_negative_numbers = true, value_name = "DEG")]
    pub lon: f64,
    /// Observer's height above the WGS-84 ellipsoid, metres.
    #[arg(
        long = "alt-m",
        default_value_t = 0.0,
        allow_negative_numbers = true,
        value_name = "M"
    )]
    pub alt_m: f64,
    /// Start of the window (RFC 3339, e.g. 2026-08-22T18:00:00Z); default now.
    #[arg(long, value_name = "RFC3339")]
    pub start: Option<String>,
    /// Length of the window in days.
    #[arg(long, default_value_t = 3.0, value_name = "N")]
    pub days: f64,
    /// Elevation that counts as rise and set, degrees.
    #[arg(
        long = "horizon-deg",
        default_value_t = 0.0,
        allow_negative_numbers = true,
        value_name = "D"
    )]
    pub horizon_deg: f64,
    /// Drop passes whose highest point is lower than this, degrees.
    #[arg(
        long = "min-elevation-deg",
        default_value_t = 10.0,
        allow_negative_numbers = true,
        value_name = "D"
    )]
    pub min_elevation_deg: f64,
    /// Lowest elevation at which a satellite counts as visible, degrees.
    #[arg(
        long = "visible-elevation-deg",
        default_value_t = 10.0,
        value_name = "D"
    )]
    pub visible_elevation_deg: f64,
    /// Highest Sun elevation at which the sky counts as dark, degrees.
    #[arg(long = "max-sun-elevation-deg", default_value_t = -6.0, allow_negative_numbers = true, value_name = "D")]
    pub max_sun_elevation_deg: f64,
    /// Use apparent (refracted) elevations instead of geometric ones.
    #[arg(long)]
    pub refraction: bool,
    /// Only passes that can be seen with the naked eye.
    #[arg(long = "visible-only")]
    pub visible_only: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Time zone for the table (IANA name, e.g. Asia/Seoul); default the computer's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Print how long the search took (without loading and output) to stderr.
    #[arg(long)]
    pub timing: bool,
}

fn parse_start(start: Option<&str>) -> anyhow::Result<DateTime<Utc>> {
    match start {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .with_context(|| {
                format!("--start {text:?} is not an RFC 3339 time like 2026-08-22T18:00:00Z")
            }),
    }
}

fn load_elements(args: &PassesArgs) -> anyhow::Result<Vec<ElementSet>> {
    match &args.elements {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let parsed = parse_elements(&text, &path.display().to_string())?;
            for warning in &parsed.warnings {
                eprintln!("overhead: warning: {}: skipped {warning}", path.display());
            }
            Ok(parsed.sets)
        }
        None => default_elements(),
    }
}

/// Every cached source and the bundled snapshot, merged (newest epoch wins); the data's
/// origin and age go to stderr so scripts still get clean output.
fn default_elements() -> anyhow::Result<Vec<ElementSet>> {
    let cache_dir = crate::catalog::default_cache_dir()?;
    let now = Utc::now();
    let loaded = crate::catalog::load_catalog(&cache_dir, now);
    for warning in &loaded.warnings {
        eprintln!("overhead: warning: {warning}");
    }
    let origin = match loaded.origin {
        crate::catalog::CatalogOrigin::Cache => "cached CelesTrak data over the bundled snapshot",
        crate::catalog::CatalogOrigin::Bundled => {
            "the bundled snapshot (run `overhead fetch` to update)"
        }
        crate::catalog::CatalogOrigin::Empty => {
            bail!("no element sets: nothing cached and the bundled snapshot is unreadable")
        }
    };
    if let Some(message) = loaded.age_message(now) {
        eprintln!("overhead: using {origin}. {message}");
    }
    Ok(loaded.sets)
}

fn std_magnitudes() -> StdMagnitudes {
    crate::catalog::bundled_std_magnitudes()
}

fn select(args: &PassesArgs, sets: Vec<ElementSet>) -> anyhow::Result<Vec<ElementSet>> {
    if args.all {
        return Ok(sets);
    }
    if args.sats.is_empty() && args.names.is_empty() {
        bail!("choose satellites with --sat NORAD, --name TEXT or --all");
    }
    let names: Vec<String> = args.names.iter().map(|n| n.to_lowercase()).collect();
    for id in &args.sats {
        if !sets.iter().any(|s| s.norad_id == *id) {
            eprintln!("overhead: warning: satellite {id} is not in the elements");
        }
    }
    let chosen: Vec<ElementSet> = sets
        .into_iter()
        .filter(|s| {
            args.sats.contains(&s.norad_id)
                || names.iter().any(|n| s.name.to_lowercase().contains(n))
        })
        .collect();
    if chosen.is_empty() {
        bail!("none of the chosen satellites is in the elements");
    }
    Ok(chosen)
}

/// Runs `overhead passes`.
pub fn run(args: PassesArgs) -> anyhow::Result<ExitCode> {
    if !(-90.0..=90.0).contains(&args.lat) || !(-180.0..=360.0).contains(&args.lon) {
        bail!("--lat must be within ±90 and --lon within ±180 degrees");
    }
    if !(args.days > 0.0 && args.days <= 366.0) {
        bail!("--days must be more than 0 and at most 366");
    }
    let tz: Option<chrono_tz::Tz> = match &args.tz {
        Some(name) => Some(
            name.parse()
                .map_err(|_| anyhow::anyhow!("--tz {name:?} is not an IANA time zone name"))?,
        ),
        None => None,
    };
    let start = parse_start(args.start.as_deref())?;
    let end = start + Duration::milliseconds((args.days * 86_400_000.0) as i64);
    let sets = select(&args, load_elements(&args)?)?;
    let observer = Observer::new(args.lat, args.lon, args.alt_m);
    let frame = ObserverFrame::new(observer);
    let search = PassSearch {
        horizon_deg: args.horizon_deg,
        min_elevation_deg: args.min_elevation_deg,
        visible_min_elevation_deg: args.visible_elevation_deg,
        max_sun_elevation_deg: args.max_sun_elevation_deg,
        refraction: args.refraction,
    };
    let mut sats = Vec::with_capacity(sets.len());
    let mut notes = Vec::new();
    for set in sets {
        let (id, name) = (set.norad_id, set.name.clone());
        match Satellite::new(set) {
            Ok(sat) => sats.push(sat),
            Err(e) => notes.push(SatelliteNote {
                norad_id: id,
                name,
                presence: "never_above",
                error: Some(e.to_string()),
            }),
        }
    }
    let magnitudes = std_magnitudes();
    let search_started = std::time::Instant::now();
    // Each satellite's passes become records on the worker that found them, so the
    // whole catalog's passes are held once, not twice.
    let per_sat: Vec<(Vec<PassRecord>, Option<SatelliteNote>)> =
        sats.par_iter()
            .map(|sat| {
                let list = find_passes(
                    sat,
                    &frame,
                    start,
                    end,
                    &search,
                    magnitudes.get(sat.set.norad_id),
                );
                let note = (list.presence != SkyPresence::Passes || list.stopped_early.is_some())
                    .then(|| SatelliteNote {
                        norad_id: sat.set.norad_id,
                        name: sat.set.name.clone(),
                        presence: match list.presence {
                            SkyPresence::Passes => "passes",
                            SkyPresence::AlwaysAbove => "always_above",
                            SkyPresence::NeverAbove => "never_above",
                        },
                        error: list.stopped_early.as_ref().map(ToString::to_string),
                    });
                let records = PassRecord::all(
                    &sat.set,
                    list.passes
                        .into_iter()
                        .filter(|pass| pass.is_visible || !args.visible_only),
                );
                (records, note)
            })
            .collect();
    if args.timing {
        let ms = search_started.elapsed().as_secs_f64() * 1000.0;
        eprintln!(
            "overhead: searched {} satellites over {} days in {ms:.1} ms ({:.3} ms per satellite)",
            sats.len(),
            args.days,
            ms / sats.len().max(1) as f64
        );
    }
    let mut records: Vec<&PassRecord> = Vec::new();
    for (sat_records, note) in &per_sat {
        if let Some(note) = note {
            if let Some(e) = &note.error {
                eprintln!("overhead: warning: {} ({}): {e}", note.name, note.norad_id);
            }
            notes.push(note.clone());
        }
        records.extend(sat_records);
    }
    records.sort_by_key(|r| (r.pass.rise.time, r.pass.norad_id));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Json => report::write_json(&mut out, &observer, start, end, &records, &notes),
        Format::Csv => report::write_csv(&mut out, &records),
        Format::Ics => out.write_all(report::to_ics(&records, &observer, Utc::now()).as_bytes()),
        Format::Table => out.write_all(table(&records, &notes, start, end, tz).as_bytes()),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // A closed pipe (`overhead passes ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).context("cannot write the output"),
    }
    Ok(ExitCode::SUCCESS)
}

fn table(
    records: &[&PassRecord],
    notes: &[SatelliteNote],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tz: Option<chrono_tz::Tz>,
) -> String {
    let zone = match tz {
        Some(tz) => tz.name().to_owned(),
        None => format!("local time, UTC{}", chrono::Local::now().format("%:z")),
    };
    let local = |t: DateTime<Utc>, pattern: &str| match tz {
        Some(tz) => t.with_timezone(&tz).format(pattern).to_string(),
        None => t.with_timezone(&chrono::Local).format(pattern).to_string(),
    };
    let fmt_date = |t| local(t, "%a %d %b");
    let fmt_time = |t| local(t, "%H:%M:%S");
    let mut out = format!(
        "Passes from {} to {} ({zone})\n",
        start.format("%Y-%m-%d %H:%M UTC"),
        end.format("%Y-%m-%d %H:%M UTC")
    );
    out.push_str(&format!(
        "{:<10} {:<24} {:>8} {:>9}  {:>8} {:>9}  {:>8} {:>9}  {:>6}  {:<22} {:>5} {:>6}\n",
        "Date", "Satellite", "Rise", "", "Highest", "", "Set", "", "Dur", "Visible", "Mag", "Age d"
    ));
    for r in records {
        let p = &r.pass;
        let dir = |az: f64| format!("{:>3} {:>3.0}°", report::compass_point(az), az);
        let visible = if p.is_visible {
            match (p.visible_start, p.visible_end) {
                (Some(a), Some(b)) => format!(
                    "yes {}–{}",
                    fmt_time(a.time).get(..5).unwrap_or(""),
                    fmt_time(b.time).get(..5).unwrap_or("")
                ),
                _ => "yes".to_owned(),
            }
        } else {
            format!("no: {}", p.not_visible_reason.map_or("", |x| x.phrase()))
        };
        let mut name = r.name().to_owned();
        if name.chars().count() > 24 {
            name = name.chars().take(23).collect::<String>() + "…";
        }
        let secs = p.duration().num_seconds();
        out.push_str(&format!(
            "{:<10} {:<24} {:>8} {:>9}  {:>8} {:>5.0}° {:>3}  {:>8} {:>9}  {:>3}:{:02}  {:<22} {:>5} {:>6.1}\n",
            fmt_date(p.rise.time),
            name,
            fmt_time(p.rise.time),
            dir(p.rise.azimuth_deg),
            fmt_time(p.culmination.time),
            p.culmination.elevation_deg,
            report::compass_point(p.culmination.azimuth_deg),
            fmt_time(p.set.time),
            dir(p.set.azimuth_deg),
            secs / 60,
            secs % 60,
            visible,
            p.magnitude.map_or("-".to_owned(), |m| format!("{m:.1}")),
            // Rounded so that a few minutes before the epoch does not print as "-0.0".
            (r.element_age_days() * 10.0).round() / 10.0 + 0.0,
        ));
    }
    if records.is_empty() {
        out.push_str("No passes in this window.\n");
    }
    for note in notes {
        let what = match (note.presence, &note.error) {
            (_, Some(e)) => format!("stopped: {e}"),
            ("always_above", _) => "always above the horizon (no rises or sets)".to_owned(),
            ("never_above", _) => "never above the horizon in this window".to_owned(),
            _ => continue,
        };
        out.push_str(&format!("{} ({}): {what}\n", note.name, note.norad_id));
    }
    out
}
