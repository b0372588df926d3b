//! `overhead identify`: "what was that?", which satellite was the moving light seen at a
//! time and place (the engine is [`crate::orbit::identify`]). Exits 0 when a satellite fits,
//! 1 when nothing known does (the answer still printed), 2 on an error.

mod names;
mod table;

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Serialize;

use super::checks::{ObserverArgs, Range, check_number};
use super::passes::{load_element_sets, warn_about_element_ages};
use crate::orbit::stars::SkyDirection;
use crate::orbit::{
    Candidate, Identification, Observer, ObserverFrame, Satellite, ScoreModel, Sighting, identify,
};
use crate::t;

pub use names::{AZIMUTH_DEG, ELEVATION_DEG, PlaceError, place};

/// `--time-tolerance-s`: how far off the time may be, seconds.
pub const TIME_TOLERANCE_S: Range = Range {
    min: 0.0,
    max: 3600.0,
    min_excluded: true,
    unit: "seconds",
};
/// `--after-s`: seconds from `--at` to `--to`.
pub const AFTER_S: Range = Range {
    min: 0.0,
    max: 600.0,
    min_excluded: true,
    unit: "seconds",
};
/// `--magnitude`: how bright it looked, from brighter than Venus to the naked eye's limit
/// and a little beyond.
pub const SEEN_MAGNITUDE: Range = Range {
    min: -8.0,
    max: 8.0,
    min_excluded: false,
    unit: "(visual magnitude)",
};

/// Default `--time-tolerance-s`.
pub const DEFAULT_TIME_TOLERANCE_S: f64 = 60.0;

/// Output formats of `overhead identify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The verdict and the candidates in words.
    Table,
    /// One JSON object: observer, time, the sighting, the candidates best first.
    Json,
}

/// Arguments of `overhead identify`.
#[derive(Debug, clap::Args)]
pub struct IdentifyArgs {
    /// Where the observer stood.
    #[command(flatten)]
    pub observer: ObserverArgs,
    /// When it was at --at (RFC 3339, e.g. 2026-08-22T12:37:10Z).
    #[arg(long, value_name = "RFC3339")]
    pub time: String,
    /// How far off --time may be, seconds, more than 0 and at most 3600.
    #[arg(
        long = "time-tolerance-s",
        default_value_t = DEFAULT_TIME_TOLERANCE_S,
        allow_hyphen_values = true,
        value_name = "S"
    )]
    pub time_tolerance_s: f64,
    /// Where it was at --time: azimuth and elevation in degrees ("120,35": from true north
    /// through east, 0 to 360; height 0 to 90), or a star, planet or the Moon it was near
    /// ("Vega", "near Jupiter").
    #[arg(long, value_name = "AZ,EL|NAME", allow_hyphen_values = true)]
    pub at: String,
    /// Where it was --after-s seconds later, or, without --after-s, a point on the way it went.
    #[arg(long, value_name = "AZ,EL|NAME", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Seconds from --at to --to, more than 0 and at most 600.
    #[arg(
        long = "after-s",
        allow_hyphen_values = true,
        value_name = "S",
        requires = "to"
    )]
    pub after_s: Option<f64>,
    /// How bright it looked, visual magnitude (-8 to 8), if you can say.
    #[arg(long, allow_hyphen_values = true, value_name = "M")]
    pub magnitude: Option<f64>,
    /// Element file (TLE, OMM JSON or OMM CSV). Without it, the cached CelesTrak data merged
    /// over the bundled snapshot (newest epoch wins).
    #[arg(long, value_name = "FILE")]
    pub elements: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

impl IdentifyArgs {
    /// Stage two of reading the arguments (see [`super::checks`]): every number in its
    /// range, the time readable, the places readable and above the horizon.
    pub fn check(&self) -> anyhow::Result<(Observer, Sighting)> {
        let observer = self.observer.checked()?;
        let time_tolerance_s = check_number(
            "--time-tolerance-s",
            self.time_tolerance_s,
            TIME_TOLERANCE_S,
        )?;
        let after_s = self
            .after_s
            .map(|s| check_number("--after-s", s, AFTER_S))
            .transpose()?;
        let magnitude = self
            .magnitude
            .map(|m| check_number("--magnitude", m, SEEN_MAGNITUDE))
            .transpose()?;
        let time = DateTime::parse_from_rfc3339(&self.time)
            .map(|t| t.with_timezone(&Utc))
            .with_context(|| t!("cli-bad-time", text = format!("{:?}", self.time)))?;
        let frame = ObserverFrame::new(observer);
        let at = place("--at", &self.at, &frame, time)?;
        let to = match &self.to {
            Some(text) => {
                let later = time + Duration::milliseconds((after_s.unwrap_or(0.0) * 1000.0) as i64);
                Some(place("--to", text, &frame, later)?)
            }
            None => None,
        };
        if let Some(to) = to
            && angle_deg(at, to) < 0.01
        {
            bail!(t!("cli-identify-same-place"));
        }
        Ok((
            observer,
            Sighting {
                time,
                time_tolerance_s,
                at,
                to,
                after_s,
                magnitude,
            },
        ))
    }
}

/// Angle between two directions, degrees.
fn angle_deg(a: SkyDirection, b: SkyDirection) -> f64 {
    let (sa, ca) = a.elevation_deg.to_radians().sin_cos();
    let (sb, cb) = b.elevation_deg.to_radians().sin_cos();
    let dz = (a.azimuth_deg - b.azimuth_deg).to_radians().cos();
    (sa * sb + ca * cb * dz)
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees()
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The observer in the JSON.
#[derive(Debug, Serialize)]
struct JsonObserver {
    lat: f64,
    lon: f64,
    alt_m: f64,
}

/// A direction in the JSON.
#[derive(Debug, Serialize)]
struct JsonDirection {
    azimuth_deg: f64,
    elevation_deg: f64,
}

impl From<SkyDirection> for JsonDirection {
    fn from(d: SkyDirection) -> Self {
        Self {
            azimuth_deg: round_to(d.azimuth_deg, 3),
            elevation_deg: round_to(d.elevation_deg, 3),
        }
    }
}

/// A candidate in the JSON (rounded for people; the fields of [`Candidate`]).
#[derive(Debug, Serialize)]
struct JsonCandidate {
    norad_id: u64,
    name: String,
    score: f64,
    fits: bool,
    time: String,
    time_offset_s: f64,
    miss_deg: f64,
    direction_error_deg: Option<f64>,
    rate_deg_s: f64,
    rate_error: Option<f64>,
    azimuth_deg: f64,
    elevation_deg: f64,
    sunlit: bool,
    magnitude: Option<f64>,
    standard_magnitude: Option<f64>,
    standard_magnitude_sigma: Option<f64>,
    magnitude_source: Option<&'static str>,
    range_km: f64,
    element_age_days: f64,
    timing_uncertainty_s: f64,
    together_with: Vec<JsonCompanion>,
}

/// A satellite flying with a candidate, in the JSON.
#[derive(Debug, Serialize)]
struct JsonCompanion {
    norad_id: u64,
    name: String,
}

impl From<&Candidate> for JsonCandidate {
    fn from(c: &Candidate) -> Self {
        Self {
            norad_id: c.norad_id,
            name: c.name.clone(),
            score: round_to(c.score, 4),
            fits: c.fits,
            time: c.time.to_rfc3339_opts(SecondsFormat::Millis, true),
            time_offset_s: round_to(c.time_offset_s, 1),
            miss_deg: round_to(c.miss_deg, 2),
            direction_error_deg: c.direction_error_deg.map(|d| round_to(d, 1)),
            rate_deg_s: round_to(c.rate_deg_s, 3),
            rate_error: c.rate_error.map(|r| round_to(r, 3)),
            azimuth_deg: round_to(c.azimuth_deg, 2),
            elevation_deg: round_to(c.elevation_deg, 2),
            sunlit: c.sunlit,
            magnitude: c.magnitude.map(|m| round_to(m, 1)),
            standard_magnitude: c.standard.map(|m| round_to(m.magnitude, 2)),
            standard_magnitude_sigma: c.standard.map(|m| round_to(m.sigma, 2)),
            magnitude_source: c.standard.and_then(|m| m.source).map(|s| s.tag()),
            range_km: round_to(c.range_km, 1),
            element_age_days: round_to(c.element_age_days, 2),
            timing_uncertainty_s: round_to(c.timing_uncertainty_s, 1),
            together_with: c
                .together_with
                .iter()
                .map(|(norad_id, name)| JsonCompanion {
                    norad_id: *norad_id,
                    name: name.clone(),
                })
                .collect(),
        }
    }
}

/// Everything `overhead identify --format json` writes.
#[derive(Debug, Serialize)]
struct JsonReport {
    observer: JsonObserver,
    time: String,
    time_tolerance_s: f64,
    at: JsonDirection,
    to: Option<JsonDirection>,
    after_s: Option<f64>,
    magnitude: Option<f64>,
    fits: bool,
    verdict: String,
    searched: usize,
    not_searched: usize,
    candidates: Vec<JsonCandidate>,
}

fn json_report(observer: &Observer, sighting: &Sighting, found: &Identification) -> JsonReport {
    JsonReport {
        observer: JsonObserver {
            lat: observer.latitude_deg,
            lon: observer.longitude_deg,
            alt_m: observer.altitude_m,
        },
        time: sighting.time.to_rfc3339_opts(SecondsFormat::Millis, true),
        time_tolerance_s: sighting.time_tolerance_s,
        at: sighting.at.into(),
        to: sighting.to.map(Into::into),
        after_s: sighting.after_s,
        magnitude: sighting.magnitude,
        fits: found.fits(),
        verdict: crate::report::identify_verdict(found),
        searched: found.searched,
        not_searched: found.not_searched,
        candidates: found.candidates.iter().map(JsonCandidate::from).collect(),
    }
}

/// Runs `overhead identify`.
pub fn run(args: IdentifyArgs) -> anyhow::Result<ExitCode> {
    let (observer, sighting) = args.check()?;
    let sets = load_element_sets(args.elements.as_deref())?;
    let tolerance = Duration::milliseconds((sighting.time_tolerance_s * 1000.0) as i64);
    warn_about_element_ages(&sets, sighting.time - tolerance, sighting.time + tolerance);
    let sats: Vec<Satellite> = sets.into_iter().map(Satellite::new).collect();
    let frame = ObserverFrame::new(observer);
    let found = identify(
        &sats,
        crate::catalog::bundled_magnitude_tiers(),
        &frame,
        &sighting,
        &ScoreModel::default(),
    );
    if found.searched == 0 {
        bail!(t!(
            "cli-identify-none-searched",
            days = crate::orbit::MAX_DAYS_FROM_EPOCH.to_string()
        ));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => {
            let report = json_report(&observer, &sighting, &found);
            let text = serde_json::to_string_pretty(&report).context("cannot write JSON")?;
            out.write_all(text.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
        }
        Format::Table => out.write_all(table::table(&observer, &sighting, &found).as_bytes()),
    };
    // Like grep: 1 when nothing known fits (an answer, not an error).
    let code = if found.fits() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(code),
        // A closed pipe (`overhead identify ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(e).with_context(|| t!("cli-cannot-write")),
    }
}
