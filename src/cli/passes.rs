//! `overhead passes`: predict passes from the command line.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::checks::{self, ArgError, ObserverArgs, SatelliteArgs, check_number, check_text};
use super::table::{brightness_summary, satellite_lines, table};
use crate::orbit::night::{Night, night_of};
use crate::orbit::{
    ElementSet, Observer, ObserverFrame, PassSearch, Satellite, find_passes, parse_elements,
};
use crate::report::{self, PassRecord, SatelliteNote, WindowWords};
use crate::t;
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
    /// The element sets and the satellites to predict.
    #[command(flatten)]
    pub satellites: SatelliteArgs,
    /// Every satellite in the elements.
    #[arg(long)]
    pub all: bool,
    /// Where the observer stands.
    #[command(flatten)]
    pub observer: ObserverArgs,
    /// Start of the window (RFC 3339, e.g. 2026-08-22T18:00:00Z); default now.
    #[arg(long, value_name = "RFC3339")]
    pub start: Option<String>,
    /// Length of the window in days, more than 0 and at most 366.
    #[arg(
        long,
        default_value_t = 3.0,
        allow_hyphen_values = true,
        value_name = "N",
        conflicts_with = "tonight"
    )]
    pub days: f64,
    /// Only tonight: from the dusk after --start (or now) to the next dawn, with the Sun at
    /// --max-sun-elevation-deg; the night in progress if it is already dark then.
    #[arg(long)]
    pub tonight: bool,
    /// Elevation that counts as rise and set, degrees, from -90 to 90.
    #[arg(
        long = "horizon-deg",
        default_value_t = PassSearch::default().horizon_deg,
        allow_hyphen_values = true,
        value_name = "D"
    )]
    pub horizon_deg: f64,
    /// Drop passes whose highest point is lower than this, degrees, from -90 to 90.
    #[arg(
        long = "min-elevation-deg",
        default_value_t = PassSearch::default().min_elevation_deg,
        allow_hyphen_values = true,
        value_name = "D"
    )]
    pub min_elevation_deg: f64,
    /// Lowest elevation at which a satellite counts as visible, degrees, from -90 to 90.
    #[arg(
        long = "visible-elevation-deg",
        default_value_t = PassSearch::default().visible_min_elevation_deg,
        allow_hyphen_values = true,
        value_name = "D"
    )]
    pub visible_elevation_deg: f64,
    /// Highest Sun elevation at which the sky counts as dark, degrees, from -90 to 90.
    #[arg(
        long = "max-sun-elevation-deg",
        default_value_t = PassSearch::default().max_sun_elevation_deg,
        allow_hyphen_values = true,
        value_name = "D"
    )]
    pub max_sun_elevation_deg: f64,
    /// Use apparent (refracted) elevations instead of geometric ones.
    #[arg(long)]
    pub refraction: bool,
    /// Only passes that can be seen with the naked eye: visible, and not known to be
    /// fainter than --max-magnitude (passes of unknown brightness are kept and counted).
    #[arg(long = "visible-only")]
    pub visible_only: bool,
    /// The sky's limiting magnitude (`--max-magnitude`).
    #[command(flatten)]
    pub limit: LimitingMagnitude,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Time zone for the table (IANA name, e.g. Asia/Seoul); default the --city's, else the
    /// computer's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Every pass time to the second (the table's rise–set too, the calendar's events), as
    /// Heavens-Above shows them; short passes show seconds anyway.
    #[arg(long)]
    pub seconds: bool,
    /// Print how long the search took (without loading and output) and the peak memory
    /// (Linux) to stderr.
    #[arg(long)]
    pub timing: bool,
}

/// Satellites named one by one on stderr when the window is too far from their epochs.
const NOT_SEARCHED_SHOWN: usize = 5;

pub(super) fn parse_start(start: Option<&str>) -> anyhow::Result<DateTime<Utc>> {
    match start {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .with_context(|| t!("cli-bad-start", text = format!("{text:?}"))),
    }
}

/// The numbers of `overhead passes`, each checked against its documented range.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedNumbers {
    /// The observer (latitude, longitude, height).
    pub observer: Observer,
    /// Window length, days.
    pub days: f64,
    /// The search's thresholds.
    pub search: PassSearch,
}

/// The sky's limiting magnitude, one option for `passes` and `handout`.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitingMagnitude {
    /// Faintest magnitude the sky shows (limiting magnitude): city 3, suburb 4, dark
    /// site 5.5, binoculars 7.5. A visible pass fainter than this is not bright enough.
    #[arg(
        long = "max-magnitude",
        default_value_t = report::DEFAULT_LIMITING_MAGNITUDE,
        allow_hyphen_values = true,
        value_name = "M"
    )]
    pub max_magnitude: f64,
}

impl PassesArgs {
    /// Stage two of reading the arguments (see [`super::checks`]): every number finite and
    /// in its range, or an error naming the first one that is not.
    pub fn check_numbers(&self) -> Result<CheckedNumbers, ArgError> {
        let observer = self.observer.checked()?;
        let days = check_number("--days", self.days, checks::DAYS)?;
        let elevation = |arg, value| check_number(arg, value, checks::ELEVATION_DEG);
        let search = PassSearch {
            horizon_deg: elevation("--horizon-deg", self.horizon_deg)?,
            min_elevation_deg: elevation("--min-elevation-deg", self.min_elevation_deg)?,
            visible_min_elevation_deg: elevation(
                "--visible-elevation-deg",
                self.visible_elevation_deg,
            )?,
            max_sun_elevation_deg: elevation(
                "--max-sun-elevation-deg",
                self.max_sun_elevation_deg,
            )?,
            refraction: self.refraction,
        };
        check_number(
            "--max-magnitude",
            self.limit.max_magnitude,
            checks::LIMITING_MAGNITUDE,
        )?;
        for name in &self.satellites.names {
            check_text("--name", name)?;
        }
        Ok(CheckedNumbers {
            observer,
            days,
            search,
        })
    }
}

/// The element sets of `--elements`, else the cached and bundled ones (shared with
/// `overhead transits`).
pub(super) fn load_elements(satellites: &SatelliteArgs) -> anyhow::Result<Vec<ElementSet>> {
    load_element_sets(satellites.elements.as_deref())
}

/// The element sets of `--elements FILE` (its skipped records warned about on stderr), or
/// without it every cached source merged over the bundled snapshot (see
/// [`default_elements`]). Shared with `overhead identify`.
pub(super) fn load_element_sets(
    elements: Option<&std::path::Path>,
) -> anyhow::Result<Vec<ElementSet>> {
    match elements {
        Some(path) => {
            let text =
                crate::catalog::read_element_file(path, crate::catalog::max_element_bytes())?;
            let file = path.display().to_string();
            let parsed = parse_elements(&text, &file)?;
            drop(text);
            for warning in &parsed.warnings {
                warn(&t!(
                    "cli-skipped",
                    file = file.clone(),
                    warning = warning.to_string()
                ));
            }
            // Skipped records beyond the first few are counted, not listed one by one.
            if parsed.unlisted_skipped() > 0 {
                warn(&t!(
                    "cli-skipped-more",
                    file = file.clone(),
                    count = parsed.unlisted_skipped(),
                    total = parsed.skipped
                ));
            }
            if parsed.stopped_early {
                warn(&t!(
                    "cli-stopped-reading",
                    file = file.clone(),
                    count = crate::orbit::elements::MAX_UNUSABLE_IN_A_ROW
                ));
            }
            if parsed.left_out > 0 {
                warn(&t!(
                    "catalog-too-many-satellites",
                    limit = crate::orbit::MAX_SATELLITES,
                    left_out = parsed.left_out
                ));
            }
            Ok(parsed.sets)
        }
        None => default_elements(),
    }
}

/// Prints one warning line to stderr, cleaned of control characters and cut to length.
pub(super) fn warn(message: &str) {
    eprintln!(
        "overhead: {}",
        t!(
            "cli-warning",
            message = crate::text::clean(message, crate::text::MESSAGE_CHARS)
        )
    );
}

/// Every cached source and the bundled snapshot, merged (newest epoch wins); the data's
/// origin and age go to stderr so scripts still get clean output.
fn default_elements() -> anyhow::Result<Vec<ElementSet>> {
    let now = Utc::now();
    let loaded = crate::catalog::load_default_catalog(now);
    for warning in &loaded.warnings {
        warn(warning);
    }
    let origin = match loaded.origin {
        crate::catalog::CatalogOrigin::Cache => "cache",
        crate::catalog::CatalogOrigin::Bundled => "bundled",
        crate::catalog::CatalogOrigin::Empty => bail!(t!("cli-no-elements")),
    };
    if let Some(message) = loaded.age_message(now) {
        eprintln!(
            "overhead: {}",
            t!("cli-using", origin = origin, message = message)
        );
    }
    Ok(loaded.sets)
}

/// Warns (once, on stderr) when any chosen element set is more than
/// [`crate::catalog::STALE_AFTER_DAYS`] from some moment of the window, before or after
/// its epoch: predictions drift by minutes within weeks. This applies to every source,
/// `--elements` included. Sets more than [`crate::orbit::MAX_DAYS_FROM_EPOCH`] away are
/// refused by the search itself, with their own note.
pub(super) fn warn_about_element_ages(
    sets: &[ElementSet],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) {
    let farthest_days = |set: &ElementSet| {
        let (a, b) = (set.age_days(start), set.age_days(end));
        if a.abs() > b.abs() { a } else { b }
    };
    let stale: Vec<(f64, &ElementSet)> = sets
        .iter()
        .map(|set| (farthest_days(set), set))
        // Farther than a year, the search refuses the set with its own note.
        .filter(|(days, _)| {
            days.abs() > crate::catalog::STALE_AFTER_DAYS
                && days.abs() <= crate::orbit::MAX_DAYS_FROM_EPOCH
        })
        .collect();
    let Some((worst_days, worst)) = stale
        .iter()
        .copied()
        .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()))
    else {
        return;
    };
    let side = if worst_days < 0.0 { "after" } else { "before" };
    warn(&t!(
        "cli-stale",
        stale = stale.len(),
        total = sets.len(),
        days = crate::catalog::STALE_AFTER_DAYS.to_string(),
        name = worst.name.clone(),
        id = worst.norad_id.to_string(),
        epoch = worst.epoch.format("%Y-%m-%d").to_string(),
        far = format!("{:.0}", worst_days.abs()),
        side = side,
    ));
}

fn select(args: &PassesArgs, sets: Vec<ElementSet>) -> anyhow::Result<Vec<ElementSet>> {
    if args.all {
        return Ok(sets);
    }
    let asked = &args.satellites;
    if asked.sats.is_empty() && asked.names.is_empty() && asked.lists.is_empty() {
        bail!(t!("cli-choose-satellites"));
    }
    let mut wanted: Vec<u64> = asked.sats.clone();
    wanted.extend(
        asked
            .lists
            .iter()
            .filter_map(|id| crate::catalog::satellite_list(id))
            .flat_map(crate::catalog::SatelliteList::norad_ids),
    );
    for id in &wanted {
        if !sets.iter().any(|s| s.norad_id == *id) {
            warn(&t!("cli-satellite-missing", id = id.to_string()));
        }
    }
    let index = crate::catalog::NameIndex::new(sets.iter().map(|s| (s.norad_id, s.name.as_str())));
    for name in &asked.names {
        let chosen = index.chosen_by(name);
        // The exact name or alias wins over names that only hold the text: say so, once.
        let others = index.search(name, usize::MAX).len() - chosen.len();
        if others > 0 {
            let names: Vec<String> = chosen
                .iter()
                .filter_map(|m| sets.get(m.position))
                .map(|s| format!("{} ({})", s.name, s.norad_id))
                .collect();
            warn(&t!(
                "cli-name-exact",
                text = name.as_str(),
                chosen = names.join(", "),
                others = others
            ));
        }
        wanted.extend(chosen.iter().map(|m| m.norad_id));
    }
    let chosen: Vec<ElementSet> = sets
        .into_iter()
        .filter(|s| wanted.contains(&s.norad_id))
        .collect();
    if chosen.is_empty() {
        bail!(t!("cli-none-chosen"));
    }
    Ok(chosen)
}

/// Where the sky does not get dark tonight: the table says so; scripts still get a
/// well-formed, empty report, with the reason on stderr.
fn write_never_dark(
    args: &PassesArgs,
    observer: &Observer,
    fmt: &TimeFormatter,
    start: DateTime<Utc>,
    until: DateTime<Utc>,
    text: &str,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let limit = args.limit.max_magnitude;
    let written = match args.format {
        Format::Table => out.write_all(text.as_bytes()),
        Format::Json => report::write_json(&mut out, observer, start, until, limit, &[], &[]),
        Format::Csv => report::write_csv(&mut out, &[], limit),
        Format::Ics => {
            out.write_all(report::to_ics(&[], observer, Utc::now(), limit, fmt).as_bytes())
        }
    };
    if args.format != Format::Table {
        eprint!("overhead: {text}");
    }
    written.with_context(|| t!("cli-cannot-write"))
}

/// What a pass search from the command line found: the window, the passes of each
/// satellite searched, and the notes on those without passes. Shared by `overhead passes`
/// and `overhead handout`.
pub struct Searched {
    /// The observer.
    pub observer: Observer,
    /// The observer's frame.
    pub frame: ObserverFrame,
    /// How times are shown (`--tz`, else the computer's zone).
    pub fmt: TimeFormatter,
    /// Window start, UTC.
    pub start: DateTime<Utc>,
    /// Window end, UTC.
    pub end: DateTime<Utc>,
    /// The satellites searched.
    pub sats: Vec<Satellite>,
    /// Each satellite's passes (filtered by `--visible-only`).
    pub per_sat: Vec<Vec<PassRecord>>,
    /// Satellites with something to say (always above, never above, stopped, not searched).
    pub notes: Vec<SatelliteNote>,
    /// How many satellites were not searched (window too far from their epochs).
    pub not_searched: usize,
    /// `--tonight` where the sky does not get dark: what to say instead of a list.
    pub never_dark: Option<String>,
    /// The window is tonight's (from dusk to dawn).
    pub tonight: bool,
}

impl Searched {
    /// How the window is named in sentences: "tonight", or "in these 2 days".
    pub fn window_words(&self) -> WindowWords {
        if self.tonight {
            WindowWords::Tonight
        } else {
            WindowWords::Span {
                start: self.start,
                end: self.end,
            }
        }
    }

    /// Every pass found, in rise-time order.
    pub fn records(&self) -> Vec<&PassRecord> {
        let records: Vec<&PassRecord> = self.per_sat.iter().flatten().collect();
        sort_stably_by_time(
            records,
            |r| r.pass.rise.time.timestamp_millis(),
            |r| (r.pass.rise.time, r.pass.norad_id),
        )
    }
}

/// `items` sorted stably by `key`, as `sort_by_key` sorts them, where `key` orders first by
/// `time_ms` (a time in milliseconds that never decreases as the key grows).
///
/// The items are first spread into about one bucket per four by `time_ms`, in one pass
/// in their own order (a stable counting sort), and each bucket is then sorted by `key`.
/// The catalog week's 700,000 passes are read in memory order that way, instead of being
/// merged from one sorted run per satellite, which visits them scattered in memory.
fn sort_stably_by_time<T: Copy, K: Ord>(
    items: Vec<T>,
    time_ms: impl Fn(&T) -> i64,
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let (Some(first), Some(last)) = (
        items.iter().map(&time_ms).min(),
        items.iter().map(&time_ms).max(),
    ) else {
        return items;
    };
    let buckets = (items.len() / 4).max(1);
    let span_ms = u128::from(last.abs_diff(first)) + 1;
    let bucket_of = |item: &T| {
        let offset = u128::from(time_ms(item).abs_diff(first));
        // Below `buckets` because the offset is below the span.
        usize::try_from(offset * buckets as u128 / span_ms).unwrap_or(buckets - 1)
    };
    // Where each bucket starts in the result.
    let mut starts = vec![0_usize; buckets + 1];
    for item in &items {
        starts[bucket_of(item) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    // Every slot is written once below; the copy only gives it a value to start from.
    let mut sorted = items.clone();
    for item in &items {
        let slot = &mut next[bucket_of(item)];
        if let Some(place) = sorted.get_mut(*slot) {
            *place = *item;
        }
        *slot += 1;
    }
    drop(items);
    for bucket in starts.windows(2) {
        if let Some(slice) = sorted.get_mut(bucket[0]..bucket[1]) {
            slice.sort_by_key(&key);
        }
    }
    sorted
}

/// Runs `overhead passes`.
pub fn run(args: PassesArgs) -> anyhow::Result<ExitCode> {
    let result = run_search(&args);
    // `--timing` tells the peak memory however the run ended (a refused file included).
    if args.timing
        && let Some(peak_kb) = peak_memory_kb()
    {
        eprintln!(
            "overhead: peak memory {:.0} MB (VmHWM)",
            peak_kb as f64 / 1024.0
        );
    }
    result
}

fn run_search(args: &PassesArgs) -> anyhow::Result<ExitCode> {
    let found = search(args)?;
    let Searched {
        observer,
        frame,
        fmt,
        start,
        end,
        ref notes,
        ..
    } = found;
    if let Some(text) = &found.never_dark {
        write_never_dark(args, &observer, &fmt, start, end, text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let records = found.records();
    let notes = notes.as_slice();
    let lines = satellite_lines(notes, !args.all, found.window_words(), &fmt);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Json => report::write_json(
            &mut out,
            &observer,
            start,
            end,
            args.limit.max_magnitude,
            &records,
            notes,
        ),
        Format::Csv => report::write_csv(&mut out, &records, args.limit.max_magnitude),
        Format::Ics => out.write_all(
            report::to_ics(
                &records,
                &observer,
                Utc::now(),
                args.limit.max_magnitude,
                &fmt,
            )
            .as_bytes(),
        ),
        Format::Table => out.write_all(
            table(
                &records,
                &lines,
                &frame,
                start,
                end,
                &fmt,
                args.limit.max_magnitude,
            )
            .as_bytes(),
        ),
    };
    if args.format != Format::Table {
        if let Some(line) = brightness_summary(&records, args.limit.max_magnitude) {
            eprintln!("overhead: {line}");
        }
        for line in &lines {
            eprintln!("overhead: {line}");
        }
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // A closed pipe (`overhead passes ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).with_context(|| t!("cli-cannot-write")),
    }
    some_searched(&found)?;
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory so far, kB (`VmHWM` in `/proc/self/status`; Linux
/// only), for `--timing`.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// An error when satellites were chosen but none could be searched (the window is more
/// than [`crate::orbit::MAX_DAYS_FROM_EPOCH`] from every epoch): `passes` and `handout`
/// exit non-zero alike.
pub fn some_searched(found: &Searched) -> anyhow::Result<()> {
    if !found.sats.is_empty() && found.not_searched == found.sats.len() {
        bail!(t!(
            "cli-none-searched",
            days = crate::orbit::MAX_DAYS_FROM_EPOCH.to_string()
        ));
    }
    Ok(())
}

/// The end of a window of `days` from `start`, or an error when it falls past the
/// representable dates.
pub(super) fn window_end(start: DateTime<Utc>, days: f64) -> anyhow::Result<DateTime<Utc>> {
    start
        .checked_add_signed(Duration::milliseconds(
            (days * crate::orbit::constants::DAY_MS) as i64,
        ))
        .with_context(|| {
            t!(
                "cli-too-late",
                start = start.to_string(),
                days = days.to_string()
            )
        })
}

/// How `--tz` shows times: that IANA zone, else `city_zone` (the `--city`'s), else the
/// computer's.
pub(super) fn time_formatter(
    tz: Option<&str>,
    city_zone: Option<chrono_tz::Tz>,
) -> anyhow::Result<TimeFormatter> {
    match tz {
        Some(name) => name
            .parse::<chrono_tz::Tz>()
            .map(TimeFormatter::named)
            .map_err(|_| anyhow::anyhow!(t!("cli-bad-tz", name = format!("{name:?}")))),
        None => Ok(city_zone.map_or_else(TimeFormatter::computer, TimeFormatter::named)),
    }
}

/// Checks the arguments, loads and chooses the elements, and searches the window; the
/// warnings (stale data, failed satellites) go to stderr.
pub fn search(args: &PassesArgs) -> anyhow::Result<Searched> {
    let CheckedNumbers {
        observer,
        days,
        search,
    } = args.check_numbers()?;
    let fmt =
        time_formatter(args.tz.as_deref(), args.observer.city_zone())?.with_seconds(args.seconds);
    let start = parse_start(args.start.as_deref())?;
    let frame = ObserverFrame::new(observer);
    let limit_deg = search.max_sun_elevation_deg;
    let (start, end) = if args.tonight {
        match night_of(&frame, start, limit_deg) {
            Night::Dark { dusk, dawn } => (dusk.max(start), dawn),
            Night::AlwaysDark { from, until } => {
                warn(&t!(
                    "cli-polar-night",
                    limit = limit_deg.to_string(),
                    from = from.format("%Y-%m-%d %H:%M UTC").to_string()
                ));
                (from, until)
            }
            Night::NeverDark { until } => {
                let text = t!(
                    "cli-never-dark",
                    limit = limit_deg.to_string(),
                    from = start.format("%Y-%m-%d %H:%M UTC").to_string(),
                    until = until.format("%Y-%m-%d %H:%M UTC").to_string()
                ) + "\n";
                return Ok(Searched {
                    observer,
                    frame,
                    fmt,
                    start,
                    end: until,
                    sats: Vec::new(),
                    per_sat: Vec::new(),
                    notes: Vec::new(),
                    not_searched: 0,
                    never_dark: Some(text),
                    tonight: true,
                });
            }
        }
    } else {
        (start, window_end(start, days)?)
    };
    let sets = select(args, load_elements(&args.satellites)?)?;
    warn_about_element_ages(&sets, start, end);
    let sats: Vec<Satellite> = sets.into_iter().map(Satellite::new).collect();
    let mut notes = Vec::new();
    let search_started = std::time::Instant::now();
    // Each satellite's passes become records on the worker that found them, so the
    // whole catalog's passes are held once, not twice. A satellite asked for by name or
    // number with nothing to see in the window is searched ahead for its next pass to see.
    let look_ahead = !args.all;
    let limit = args.limit.max_magnitude;
    let per_sat: Vec<(Vec<PassRecord>, SatelliteNote)> = sats
        .par_iter()
        .map(|sat| {
            // The best standard magnitude known (measured, family or size, with its sigma):
            // the search predicts magnitudes from its value.
            let estimate = crate::catalog::magnitude_estimate(&sat.set);
            let std_magnitude = estimate.as_ref().map(|e| e.value);
            let sigma = estimate.as_ref().map_or(0.0, |e| e.sigma);
            let list = find_passes(sat, &frame, start, end, &search, std_magnitude);
            let mut note = SatelliteNote::of(&sat.set, &list, end, limit, sigma);
            if look_ahead {
                note.look_ahead(sat, &frame, &search, std_magnitude, limit, sigma);
            }
            let mut passes = list.passes;
            if args.visible_only {
                // Visible and not fainter than the sky's limit by a sigma or more.
                passes.retain(|pass| pass.may_be_seen(limit, sigma));
            }
            (PassRecord::all_estimated(&sat.set, passes, estimate), note)
        })
        .collect();
    if args.timing {
        let ms = search_started.elapsed().as_secs_f64() * 1000.0;
        eprintln!(
            "overhead: searched {} satellites over {} days in {ms:.1} ms ({:.3} ms per satellite)",
            sats.len(),
            days,
            ms / sats.len().max(1) as f64
        );
    }
    let mut not_searched = 0_usize;
    let mut per_sat_records = Vec::with_capacity(per_sat.len());
    for (sat_records, note) in per_sat {
        if note.presence == "not_searched" {
            not_searched += 1;
        }
        // A window far from every epoch refuses every satellite: name a few, count the rest.
        let shown = note.presence != "not_searched" || not_searched <= NOT_SEARCHED_SHOWN;
        if let Some(e) = &note.error
            && shown
        {
            warn(&format!("{} ({}): {e}", note.name, note.norad_id));
        }
        notes.push(note);
        per_sat_records.push(sat_records);
    }
    if not_searched > NOT_SEARCHED_SHOWN {
        warn(&t!(
            "cli-more-not-searched",
            count = not_searched - NOT_SEARCHED_SHOWN
        ));
    }
    Ok(Searched {
        observer,
        frame,
        fmt,
        start,
        end,
        sats,
        per_sat: per_sat_records,
        notes,
        not_searched,
        never_dark: None,
        tonight: args.tonight,
    })
}

#[cfg(test)]
mod tests {
    use super::sort_stably_by_time;

    #[test]
    fn bucket_sort_is_the_stable_sort() {
        // (time, satellite, order found): runs per satellite, ties on time across them.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in [0, 1, 2, 5, 100, 10_000] {
            let mut items: Vec<(i64, u64, usize)> = Vec::new();
            for sat in 0..(len / 20 + 1) as u64 {
                let mut t = (next() % 1000) as i64 - 500;
                for _ in 0..20.min(len) {
                    t += (next() % 90) as i64;
                    items.push((t, sat % 7, items.len()));
                }
            }
            items.truncate(len);
            let mut expected = items.clone();
            expected.sort_by_key(|&(t, sat, _)| (t, sat));
            let sorted = sort_stably_by_time(items, |&(t, _, _)| t, |&(t, sat, _)| (t, sat));
            assert_eq!(sorted, expected, "{len} items");
        }
    }
}
