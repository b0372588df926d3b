//! `overhead passes`: predict passes from the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use crate::orbit::night::{Night, night_of};
use crate::orbit::{
    ElementSet, Observer, ObserverFrame, PassSearch, Satellite, SkyPresence, StdMagnitudes,
    find_passes, parse_elements,
};
use crate::report::{self, PassRecord, SatelliteNote, SeenPart};
use crate::timefmt::TimeFormatter;

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
    #[arg(
        long,
        default_value_t = 3.0,
        value_name = "N",
        conflicts_with = "tonight"
    )]
    pub days: f64,
    /// Only tonight: from the dusk after --start (or now) to the next dawn, with the Sun at
    /// --max-sun-elevation-deg; the night in progress if it is already dark then.
    #[arg(long)]
    pub tonight: bool,
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
    /// Only passes that can be seen with the naked eye: visible, and not known to be
    /// fainter than --max-magnitude (passes of unknown brightness are kept and counted).
    #[arg(long = "visible-only")]
    pub visible_only: bool,
    /// Faintest magnitude the sky shows (limiting magnitude): city 3, suburb 4, dark
    /// site 5.5, binoculars 7.5. A visible pass fainter than this is not bright enough.
    #[arg(
        long = "max-magnitude",
        default_value_t = report::DEFAULT_LIMITING_MAGNITUDE,
        allow_negative_numbers = true,
        value_name = "M"
    )]
    pub max_magnitude: f64,
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
    let fmt = tz.map_or_else(TimeFormatter::computer, TimeFormatter::named);
    let start = parse_start(args.start.as_deref())?;
    let observer = Observer::new(args.lat, args.lon, args.alt_m);
    let frame = ObserverFrame::new(observer);
    let (start, end) = if args.tonight {
        match night_of(&frame, start, args.max_sun_elevation_deg) {
            Night::Dark { dusk, dawn } => (dusk.max(start), dawn),
            Night::AlwaysDark { from, until } => {
                eprintln!(
                    "overhead: polar night: the Sun stays below {}° all day; searching the 24 hours from {}",
                    args.max_sun_elevation_deg,
                    from.format("%Y-%m-%d %H:%M UTC")
                );
                (from, until)
            }
            Night::NeverDark { until } => {
                let text = format!(
                    "The sky does not get dark tonight here: the Sun stays above {}° from {} to {}, so no satellite can be seen against a dark sky.\n",
                    args.max_sun_elevation_deg,
                    start.format("%Y-%m-%d %H:%M UTC"),
                    until.format("%Y-%m-%d %H:%M UTC"),
                );
                // Scripts still get a well-formed, empty report.
                let mut out = std::io::stdout().lock();
                let written = match args.format {
                    Format::Table => out.write_all(text.as_bytes()),
                    Format::Json => report::write_json(
                        &mut out,
                        &observer,
                        start,
                        until,
                        args.max_magnitude,
                        &[],
                        &[],
                    ),
                    Format::Csv => report::write_csv(&mut out, &[], args.max_magnitude),
                    Format::Ics => out.write_all(
                        report::to_ics(&[], &observer, Utc::now(), args.max_magnitude, &fmt)
                            .as_bytes(),
                    ),
                };
                if args.format != Format::Table {
                    eprint!("overhead: {text}");
                }
                written.context("cannot write the output")?;
                return Ok(ExitCode::SUCCESS);
            }
        }
    } else {
        (
            start,
            start + Duration::milliseconds((args.days * 86_400_000.0) as i64),
        )
    };
    let sets = select(&args, load_elements(&args)?)?;
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
                    list.passes.into_iter().filter(|pass| {
                        !args.visible_only || pass.is_visible_to_eye(args.max_magnitude)
                    }),
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
        Format::Json => report::write_json(
            &mut out,
            &observer,
            start,
            end,
            args.max_magnitude,
            &records,
            &notes,
        ),
        Format::Csv => report::write_csv(&mut out, &records, args.max_magnitude),
        Format::Ics => out.write_all(
            report::to_ics(&records, &observer, Utc::now(), args.max_magnitude, &fmt).as_bytes(),
        ),
        Format::Table => {
            out.write_all(table(&records, &notes, start, end, &fmt, args.max_magnitude).as_bytes())
        }
    };
    if args.format != Format::Table
        && let Some(line) = brightness_summary(&records, args.max_magnitude)
    {
        eprintln!("overhead: {line}");
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // A closed pipe (`overhead passes ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).context("cannot write the output"),
    }
    Ok(ExitCode::SUCCESS)
}

/// How many visible passes are too faint for `limiting_magnitude`, and how many have no
/// known brightness: "2 visible passes have no known brightness (shown as ?)".
fn brightness_summary(records: &[&PassRecord], limiting_magnitude: f64) -> Option<String> {
    let visible = records.iter().filter(|r| r.pass.is_visible);
    let (mut unknown, mut faint) = (0, 0);
    for r in visible {
        match r.pass.is_bright_enough(limiting_magnitude) {
            None => unknown += 1,
            Some(false) => faint += 1,
            Some(true) => {}
        }
    }
    let mut parts = Vec::new();
    if faint > 0 {
        parts.push(format!(
            "{faint} visible pass{} fainter than magnitude {limiting_magnitude} (too faint for the naked eye here)",
            if faint == 1 { " is" } else { "es are" }
        ));
    }
    if unknown > 0 {
        parts.push(format!(
            "{unknown} visible pass{} no known brightness (no standard magnitude; shown as ?)",
            if unknown == 1 { " has" } else { "es have" }
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; ") + ".")
}

fn table(
    records: &[&PassRecord],
    notes: &[SatelliteNote],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    fmt: &TimeFormatter,
    limiting_magnitude: f64,
) -> String {
    let mut out = format!(
        "Passes from {} to {} ({}); naked-eye limit magnitude {limiting_magnitude}\n",
        start.format("%Y-%m-%d %H:%M UTC"),
        end.format("%Y-%m-%d %H:%M UTC"),
        fmt.zone_label(start),
    );
    // Each seen point: time, height, direction ("21:39:00  40° NNE  17°").
    let point = |q: &crate::orbit::PassPoint| {
        format!(
            "{} {:>3.0}° {:>3} {:>3.0}°",
            fmt.hms(q.time),
            q.elevation_deg.max(0.0),
            report::compass_point(q.azimuth_deg),
            q.azimuth_deg.rem_euclid(360.0).round() % 360.0
        )
    };
    let cell = 23;
    out.push_str(&format!(
        "{:<10} {:<24} {:<cell$}  {:<cell$}  {:<cell$}  {:<19} {:>5} {:<5} {:<26} {:>5}\n",
        "", "", "Appears", "Highest while seen", "Vanishes", "", "", "", "Above the horizon", "",
    ));
    out.push_str(&format!(
        "{:<10} {:<24} {:<cell$}  {:<cell$}  {:<cell$}  {:<19} {:>5} {:<5} {:<26} {:>5}\n",
        "Date",
        "Satellite",
        "time     height dir",
        "time     height dir",
        "time     height dir",
        "How",
        "Mag",
        "Eye",
        "rise–set, highest",
        "Age d",
    ));
    for r in records {
        let p = &r.pass;
        let mut name = r.name().to_owned();
        if name.chars().count() > 24 {
            name = name.chars().take(23).collect::<String>() + "…";
        }
        let seen = match SeenPart::of(p) {
            Some(seen) => format!(
                "{:<cell$}  {:<cell$}  {:<cell$}  {:<19}",
                point(&seen.start),
                point(&seen.peak),
                point(&seen.end),
                format!(
                    "{} → {}",
                    report::appears_short(seen.appears),
                    report::vanishes_short(seen.vanishes)
                ),
            ),
            None => format!(
                "{:<w$}",
                format!(
                    "not visible: {}",
                    p.not_visible_reason.map_or("", |x| x.phrase())
                ),
                w = 3 * cell + 4 + 2 + 19
            ),
        };
        let eye = match p.is_bright_enough(limiting_magnitude) {
            Some(true) => "yes",
            Some(false) => "faint",
            None if p.is_visible => "?",
            None => "",
        };
        let mag = match (p.is_visible, p.magnitude) {
            (true, Some(m)) => format!("{m:.1}"),
            (true, None) => "?".to_owned(),
            (false, _) => "".to_owned(),
        };
        let horizon = format!(
            "{}–{} {:>2.0}° {}",
            fmt.hm(p.rise.time),
            fmt.hm(p.set.time),
            p.culmination.elevation_deg,
            report::compass_point(p.culmination.azimuth_deg)
        );
        out.push_str(&format!(
            "{:<10} {:<24} {seen} {:>5} {:<5} {:<26} {:>5.1}\n",
            fmt.date(p.rise.time),
            name,
            mag,
            eye,
            horizon,
            // Rounded so that a few minutes before the epoch does not print as "-0.0".
            (r.element_age_days() * 10.0).round() / 10.0 + 0.0,
        ));
    }
    if records.is_empty() {
        out.push_str("No passes in this window.\n");
    }
    if let Some(line) = brightness_summary(records, limiting_magnitude) {
        out.push_str(&line);
        out.push('\n');
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
