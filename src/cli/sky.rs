//! `overhead sky`: what is in the sky at one time and place (the Sun, the Moon, the planets
//! Mercury to Saturn and the bright stars), for scripts, tests and a quick look.
//!
//! Every direction is topocentric, azimuth from true north through east and geometric
//! (airless) elevation, like the rest of Overhead. The sources and their accuracy are in
//! [`crate::orbit::stars`], [`crate::orbit::planets`], [`crate::orbit::moon`] and
//! [`crate::orbit::sun`].

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::checks::{self, ArgError, ObserverArgs, check_number};
use crate::atlas::sky::Star;
use crate::i18n::{Lang, language};
use crate::orbit::frames::julian_date_utc;
use crate::orbit::planets::planet_view_at;
use crate::orbit::{Observer, ObserverFrame, Planet, StarSky, moon_view, sun_direction};
use crate::report::compass_point;
use crate::t;
use crate::text::{display_width, pad_end, pad_start};

/// Default `--max-magnitude` of `overhead sky`: the stars a city sky shows.
pub const DEFAULT_STAR_LIMIT: f64 = 2.5;

/// Output formats of `overhead sky`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable list of what is up, with compass points.
    Table,
    /// One JSON object: observer, time, sun, moon, planets, stars.
    Json,
}

/// Arguments of `overhead sky`.
#[derive(Debug, clap::Args)]
pub struct SkyArgs {
    /// Where the observer stands.
    #[command(flatten)]
    pub observer: ObserverArgs,
    /// The moment (RFC 3339, e.g. 2026-08-22T12:00:00Z); default now.
    #[arg(long, value_name = "RFC3339")]
    pub time: Option<String>,
    /// List the stars brighter than this visual magnitude (above and below the horizon),
    /// from -5 to 20; the bundled catalogue stops at 6.
    #[arg(
        long = "max-magnitude",
        default_value_t = DEFAULT_STAR_LIMIT,
        allow_hyphen_values = true,
        value_name = "M"
    )]
    pub max_magnitude: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

impl SkyArgs {
    /// Stage two of reading the arguments (see [`super::checks`]): the observer and the star
    /// limit, each finite and in its range, or an error naming the first that is not.
    pub fn check_numbers(&self) -> Result<(Observer, f64), ArgError> {
        let observer = self.observer.checked()?;
        let limit = check_number(
            "--max-magnitude",
            self.max_magnitude,
            checks::LIMITING_MAGNITUDE,
        )?;
        Ok((observer, limit))
    }
}

/// The observer of a [`SkyReport`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SkyObserver {
    /// Geodetic latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Height above WGS-84, metres.
    pub alt_m: f64,
}

/// The Sun in a [`SkyReport`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SkySun {
    /// Azimuth, degrees from true north through east.
    pub azimuth_deg: f64,
    /// Geometric elevation, degrees.
    pub elevation_deg: f64,
}

/// The Moon in a [`SkyReport`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SkyMoon {
    /// Topocentric azimuth, degrees from true north through east.
    pub azimuth_deg: f64,
    /// Topocentric geometric elevation, degrees.
    pub elevation_deg: f64,
    /// Lit fraction of the disc, 0 to 1.
    pub illuminated_fraction: f64,
    /// True from new Moon to full Moon.
    pub is_waxing: bool,
    /// Distance from the observer, km.
    pub range_km: f64,
}

/// A planet in a [`SkyReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkyPlanet {
    /// English name, e.g. `"Venus"`.
    pub name: &'static str,
    /// Azimuth, degrees from true north through east.
    pub azimuth_deg: f64,
    /// Geometric elevation, degrees.
    pub elevation_deg: f64,
    /// Estimated visual magnitude.
    pub magnitude: f64,
}

/// A star in a [`SkyReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkyStar {
    /// Hipparcos number.
    pub hip: u32,
    /// Proper name, else the Bayer/Flamsteed designation, else `"HIP n"`.
    pub name: String,
    /// Korean proper name (for the Korean table; not in the JSON), empty if none.
    #[serde(skip)]
    pub name_ko: String,
    /// Azimuth, degrees from true north through east.
    pub azimuth_deg: f64,
    /// Geometric elevation, degrees.
    pub elevation_deg: f64,
    /// Visual magnitude (V).
    pub magnitude: f64,
}

/// Everything `overhead sky` reports, in the JSON's shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkyReport {
    /// Where.
    pub observer: SkyObserver,
    /// When, RFC 3339 UTC.
    pub time: String,
    /// The Sun's centre.
    pub sun: SkySun,
    /// The Moon's centre.
    pub moon: SkyMoon,
    /// Mercury to Saturn, in order from the Sun; empty outside the years their elements
    /// are valid for (see `planets_omitted`).
    pub planets: Vec<SkyPlanet>,
    /// Why no planet is listed, when the time is outside 1800–2050 (issue 25); absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planets_omitted: Option<String>,
    /// The stars brighter than the limit, brightest first, above and below the horizon.
    pub stars: Vec<SkyStar>,
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// What is in the sky of `observer` at `t`: the Sun, the Moon, the planets and the stars of
/// `stars` brighter than `max_magnitude` (angles rounded to 0.0001°, 0.36″).
pub fn sky_report(
    observer: Observer,
    t: DateTime<Utc>,
    max_magnitude: f64,
    stars: &[Star],
) -> SkyReport {
    let frame = ObserverFrame::new(observer);
    let jd = julian_date_utc(t);
    let sky = StarSky::at_jd(&frame, jd);
    let sun = sun_direction(&frame, t);
    let moon = moon_view(&frame, t);
    let angle = |deg: f64| round_to(deg, 4);
    let planets_valid = crate::orbit::planets::planets_valid_at(t);
    let planets = Planet::ALL
        .iter()
        .filter(|_| planets_valid)
        .map(|&p| {
            let v = planet_view_at(p, &sky, jd);
            SkyPlanet {
                name: p.name(),
                azimuth_deg: angle(v.direction.azimuth_deg),
                elevation_deg: angle(v.direction.elevation_deg),
                magnitude: round_to(v.magnitude, 2),
            }
        })
        .collect();
    let stars = stars
        .iter()
        .filter(|s| s.magnitude <= max_magnitude)
        .map(|s| {
            let d = sky.look(s.position);
            SkyStar {
                hip: s.hip,
                name: star_label(s),
                name_ko: s.name_ko.clone(),
                azimuth_deg: angle(d.azimuth_deg),
                elevation_deg: angle(d.elevation_deg),
                magnitude: s.magnitude,
            }
        })
        .collect();
    SkyReport {
        observer: SkyObserver {
            lat: observer.latitude_deg,
            lon: observer.longitude_deg,
            alt_m: observer.altitude_m,
        },
        time: t.to_rfc3339_opts(SecondsFormat::Millis, true),
        sun: SkySun {
            azimuth_deg: angle(sun.azimuth_deg),
            elevation_deg: angle(sun.elevation_deg),
        },
        moon: SkyMoon {
            azimuth_deg: angle(moon.azimuth_deg),
            elevation_deg: angle(moon.elevation_deg),
            illuminated_fraction: round_to(moon.illuminated_fraction, 4),
            is_waxing: moon.is_waxing,
            range_km: round_to(moon.range_km, 1),
        },
        planets,
        planets_omitted: (!planets_valid).then(|| {
            let (first, last) = crate::orbit::planets::VALID_YEARS;
            t!(
                "cli-sky-planets-omitted",
                first = first.to_string(),
                last = last.to_string()
            )
        }),
        stars,
    }
}

/// A star's name for people: its proper name, else its designation, else its HIP number.
fn star_label(s: &Star) -> String {
    if !s.name.is_empty() {
        s.name.clone()
    } else if !s.designation.is_empty() {
        s.designation.clone()
    } else {
        format!("HIP {}", s.hip)
    }
}

/// A star's name in `lang`: the Korean name in Korean where the data has one, else
/// [`star_label`]'s.
fn star_name_in(s: &SkyStar, lang: Lang) -> &str {
    crate::i18n::name_in(lang, &s.name, &s.name_ko)
}

/// A direction for people: "SSW 192°, 22° up" or "8° below the horizon".
fn where_words(azimuth_deg: f64, elevation_deg: f64) -> String {
    // Compass points as wide as the language's widest ("NNE", "북북동").
    let dir_w = (0..16)
        .map(|i| display_width(compass_point(f64::from(i) * 22.5)))
        .max()
        .unwrap_or(3);
    let bearing = format!(
        "{} {:>3.0}°",
        pad_start(compass_point(azimuth_deg), dir_w),
        azimuth_deg.round().rem_euclid(360.0)
    );
    if elevation_deg >= 0.0 {
        t!(
            "cli-sky-up",
            bearing = bearing,
            deg = format!("{elevation_deg:>4.0}")
        )
    } else {
        t!(
            "cli-sky-below",
            bearing = bearing,
            deg = format!("{:>4.0}", -elevation_deg)
        )
    }
}

/// The sky's state in words, from the Sun's elevation (civil, nautical, astronomical
/// twilight at −6°, −12°, −18°).
fn daylight_words(sun_elevation_deg: f64) -> String {
    let state = match sun_elevation_deg {
        e if e >= 0.0 => "day",
        e if e >= -6.0 => "civil",
        e if e >= -12.0 => "nautical",
        e if e >= -18.0 => "astronomical",
        _ => "night",
    };
    t!("cli-sky-daylight", state = state)
}

/// Writes the readable table of `report` (stars above the horizon only; the JSON has all).
pub fn write_table(mut w: impl std::io::Write, report: &SkyReport) -> std::io::Result<()> {
    let o = report.observer;
    let time = report
        .time
        .replace('T', " ")
        .trim_end_matches('Z')
        .trim_end_matches(".000")
        .to_owned();
    writeln!(
        w,
        "{}",
        t!(
            "cli-sky-title",
            lat = format!("{:.4}", o.lat.abs()),
            ns = if o.lat >= 0.0 { "n" } else { "s" },
            lon = format!("{:.4}", o.lon.abs()),
            ew = if o.lon >= 0.0 { "e" } else { "w" },
            alt = o.alt_m.round().to_string(),
            time = time,
            daylight = daylight_words(report.sun.elevation_deg)
        )
    )?;
    writeln!(w, "{}", t!("cli-sky-directions"))?;
    writeln!(
        w,
        "{} {}",
        pad_end(&t!("cli-sky-sun"), 16),
        where_words(report.sun.azimuth_deg, report.sun.elevation_deg)
    )?;
    let m = report.moon;
    writeln!(
        w,
        "{} {}  {}",
        pad_end(&t!("cli-sky-moon"), 16),
        where_words(m.azimuth_deg, m.elevation_deg),
        t!(
            "cli-sky-moon-phase",
            lit = format!("{:.0}", m.illuminated_fraction * 100.0),
            waxing = if m.is_waxing { "yes" } else { "no" }
        )
    )?;
    let mag = |m: f64| t!("cli-sky-mag", mag = format!("{m:>5.1}"));
    writeln!(w)?;
    writeln!(w, "{}", t!("cli-sky-planets"))?;
    if let Some(why) = &report.planets_omitted {
        writeln!(w, "{why}")?;
    }
    for p in &report.planets {
        writeln!(
            w,
            "{} {}  {}",
            pad_end(&t!("cli-sky-planet", name = p.name), 16),
            pad_end(&where_words(p.azimuth_deg, p.elevation_deg), 33),
            mag(p.magnitude)
        )?;
    }
    writeln!(w)?;
    let up: Vec<&SkyStar> = report
        .stars
        .iter()
        .filter(|s| s.elevation_deg >= 0.0)
        .collect();
    writeln!(
        w,
        "{}",
        t!("cli-sky-stars", up = up.len(), total = report.stars.len())
    )?;
    for s in up {
        writeln!(
            w,
            "{} {}  {}",
            pad_end(&crate::text::clean(star_name_in(s, language()), 16), 16),
            pad_end(&where_words(s.azimuth_deg, s.elevation_deg), 33),
            mag(s.magnitude)
        )?;
    }
    Ok(())
}

/// Runs `overhead sky`.
pub fn run(args: SkyArgs) -> anyhow::Result<ExitCode> {
    let (observer, limit) = args.check_numbers()?;
    let t = match args.time.as_deref() {
        None => Utc::now(),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .with_context(|| t!("cli-bad-time", text = format!("{text:?}")))?,
    };
    let report = sky_report(observer, t, limit, crate::atlas::sky::stars());
    if let (Some(why), Format::Json) = (&report.planets_omitted, args.format) {
        eprintln!("overhead: {why}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        // Serialised first, so that a closed pipe is reported as one (serde_json would wrap it).
        Format::Json => {
            let text = serde_json::to_string_pretty(&report).context("cannot write JSON")?;
            out.write_all(text.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
        }
        Format::Table => write_table(&mut out, &report),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`overhead sky ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).with_context(|| t!("cli-cannot-write")),
    }
}
