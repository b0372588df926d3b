//! Passes written out for people and programs: JSON, CSV, iCalendar, compass points and
//! plain-language descriptions. Shared by the command line and the window's export.

use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::orbit::{
    Appears, MoonView, Observer, ObserverFrame, Pass, PassPoint, Vanishes, moon_view,
    timing_uncertainty_s,
};
use crate::text::{NAME_CHARS, clean};
use crate::timefmt::TimeFormatter;

/// The element set a satellite's passes were predicted from: shared by all of its
/// [`PassRecord`]s, so a week of the whole catalog holds each name once.
#[derive(Debug, Clone, PartialEq)]
pub struct PassSource {
    /// Satellite name as published.
    pub name: String,
    /// Epoch of the element set used, UTC.
    pub element_epoch: DateTime<Utc>,
    /// Mean motion of the elements, revolutions per day (for the uncertainty estimate).
    pub mean_motion_rev_per_day: f64,
}

impl PassSource {
    /// The source of passes predicted from the element set `set`.
    pub fn new(set: &crate::orbit::ElementSet) -> Self {
        Self {
            name: set.name.clone(),
            element_epoch: set.epoch,
            mean_motion_rev_per_day: set.mean_motion_rev_per_day(),
        }
    }
}

/// A pass with the satellite's name and the age of the elements it was predicted from.
#[derive(Debug, Clone, PartialEq)]
pub struct PassRecord {
    /// Where the pass came from (name, element epoch), shared with the satellite's other passes.
    pub source: Arc<PassSource>,
    /// The pass.
    pub pass: Pass,
}

impl PassRecord {
    /// The record of `pass`, predicted from the element set `set`.
    pub fn new(set: &crate::orbit::ElementSet, pass: Pass) -> Self {
        Self {
            source: Arc::new(PassSource::new(set)),
            pass,
        }
    }

    /// The records of a satellite's `passes`, predicted from `set`, sharing one source
    /// (the vector holds exactly as many as there are passes).
    pub fn all(
        set: &crate::orbit::ElementSet,
        passes: impl IntoIterator<Item = Pass>,
    ) -> Vec<Self> {
        let source = Arc::new(PassSource::new(set));
        let mut records: Vec<Self> = passes
            .into_iter()
            .map(|pass| Self {
                source: Arc::clone(&source),
                pass,
            })
            .collect();
        records.shrink_to_fit();
        records
    }

    /// Satellite name as published.
    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// Epoch of the element set used, UTC.
    pub fn element_epoch(&self) -> DateTime<Utc> {
        self.source.element_epoch
    }

    /// Age of the elements at culmination, days.
    pub fn element_age_days(&self) -> f64 {
        (self.pass.culmination.time - self.source.element_epoch).num_milliseconds() as f64
            / crate::orbit::constants::DAY_MS
    }

    /// Rough 1-sigma timing uncertainty from the element age, seconds (an estimate).
    pub fn timing_uncertainty_s(&self) -> f64 {
        timing_uncertainty_s(self.element_age_days(), self.source.mean_motion_rev_per_day)
    }
}

/// The 16-point compass name of an azimuth in degrees (north = 0, east = 90).
pub fn compass_point(azimuth_deg: f64) -> &'static str {
    const POINTS: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    let index = ((azimuth_deg.rem_euclid(360.0) / 22.5) + 0.5).floor() as usize % 16;
    POINTS[index]
}

/// The 8-point compass direction in words, for plain-language text ("north-west").
pub fn compass_words(azimuth_deg: f64) -> &'static str {
    const WORDS: [&str; 8] = [
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    ];
    let index = ((azimuth_deg.rem_euclid(360.0) / 45.0) + 0.5).floor() as usize % 8;
    WORDS[index]
}

/// Elevation as a number of fists held at arm's length (about 10° each), in words.
pub fn fists(elevation_deg: f64) -> String {
    let n = (elevation_deg / 10.0).round() as i64;
    match n {
        ..=0 => "just above the horizon".to_owned(),
        1 => "about one fist above the horizon".to_owned(),
        9.. => "straight overhead".to_owned(),
        n => {
            const WORDS: [&str; 9] = [
                "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            ];
            let word = WORDS.get(n as usize).copied().unwrap_or("many");
            format!("about {word} fists above the horizon")
        }
    }
}

/// A bearing rounded to a whole degree in [0, 360) (359.6° reads as 0°, not 360°).
pub fn whole_bearing_deg(azimuth_deg: f64) -> f64 {
    azimuth_deg.rem_euclid(360.0).round() % 360.0
}

/// A direction no one can mistake for a height: "NNE (bearing 17°)".
pub fn bearing_words(azimuth_deg: f64) -> String {
    format!(
        "{} (bearing {:.0}°)",
        compass_point(azimuth_deg),
        whole_bearing_deg(azimuth_deg)
    )
}

/// A height no one can mistake for a direction: "25° up".
pub fn height_words(elevation_deg: f64) -> String {
    format!("{:.0}° up", elevation_deg.max(0.0).round())
}

/// Where to look at one point of a pass: "NNE (bearing 17°, 25° up)".
pub fn look_words(point: &PassPoint) -> String {
    format!(
        "{} (bearing {:.0}°, {})",
        compass_point(point.azimuth_deg),
        whole_bearing_deg(point.azimuth_deg),
        height_words(point.elevation_deg)
    )
}

/// The parts of a visible pass an observer needs: where it appears, its highest point
/// while seen, and where it vanishes, with how it appears and vanishes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeenPart {
    /// Where it is first seen.
    pub start: PassPoint,
    /// Highest point while seen.
    pub peak: PassPoint,
    /// Where it is last seen.
    pub end: PassPoint,
    /// How it comes into view.
    pub appears: Appears,
    /// How it is lost from view.
    pub vanishes: Vanishes,
}

impl SeenPart {
    /// The seen part of `pass`, when it is visible.
    pub fn of(pass: &Pass) -> Option<Self> {
        Some(Self {
            start: pass.visible_start?,
            peak: pass.visible_peak?,
            end: pass.visible_end?,
            appears: pass.appears?,
            vanishes: pass.vanishes?,
        })
    }
}

/// How a visible pass ends, for tables: "sets", "into shadow" or "dawn".
pub fn vanishes_short(vanishes: Vanishes) -> &'static str {
    match vanishes {
        Vanishes::Sets => "sets",
        Vanishes::EntersShadow => "into shadow",
        Vanishes::SkyBrightens => "dawn",
    }
}

/// How a visible pass begins, for tables: "rises", "from shadow" or "dusk".
pub fn appears_short(appears: Appears) -> &'static str {
    match appears {
        Appears::Rises => "rises",
        Appears::LeavesShadow => "from shadow",
        Appears::SkyDarkens => "dusk",
    }
}

/// A description of a pass that a pupil understands, with times formatted by `time`.
///
/// For a visible pass it follows the seen part: where to look first, how high it gets
/// while seen, where and how it is lost (sets, fades into Earth's shadow, or the dawn),
/// then how bright it is ("Look NNE (bearing 17°, 12° up) at 21:39, where it rises. It
/// climbs to 51° up (about five fists) in the ENE at 21:41, then fades into Earth's shadow
/// in the E (bearing 95°, 30° up) at 21:43. Easy to see, like a bright star (magnitude
/// 1.8).").
pub fn plain_description(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> String {
    let Some(seen) = SeenPart::of(pass) else {
        let top = &pass.culmination;
        let why = pass
            .not_visible_reason
            .map_or("it cannot be seen", |r| r.phrase());
        return format!(
            "Above the horizon from {} to {} but not visible to the eye ({why}); highest {} in the {} at {}.",
            time(pass.rise.time),
            time(pass.set.time),
            height_words(top.elevation_deg),
            bearing_words(top.azimuth_deg),
            time(top.time),
        );
    };
    let (start, peak, end) = (&seen.start, &seen.peak, &seen.end);
    let mut text = match seen.appears {
        Appears::Rises => format!(
            "Look {} at {}, where it comes up.",
            look_words(start),
            time(start.time)
        ),
        Appears::LeavesShadow => format!(
            "Look {} at {}, where it comes out of Earth's shadow.",
            look_words(start),
            time(start.time)
        ),
        Appears::SkyDarkens => format!(
            "Look {} at {}, once the sky is dark enough.",
            look_words(start),
            time(start.time)
        ),
    };
    // A peak more than 1 s from either end is a climb and a descent; otherwise the
    // whole seen part goes one way.
    let apart = |a: &PassPoint, b: &PassPoint| (a.time - b.time).num_milliseconds().abs() > 1000;
    let fist_words = fists(peak.elevation_deg)
        .replace("fists above the horizon", "fists")
        .replace("fist above the horizon", "fist");
    if apart(peak, start) && apart(peak, end) {
        text.push_str(&format!(
            " It climbs to {} ({fist_words}) in the {} at {}, then ",
            height_words(peak.elevation_deg),
            bearing_words(peak.azimuth_deg),
            time(peak.time),
        ));
    } else if apart(peak, start) {
        text.push_str(" It climbs all the way and ");
    } else {
        text.push_str(&format!(
            " It is highest there ({fist_words}), then sinks and "
        ));
    }
    let place = if seen.vanishes == Vanishes::EntersShadow && end.elevation_deg >= 45.0 {
        "high in the"
    } else if seen.vanishes == Vanishes::Sets {
        "low in the"
    } else {
        "in the"
    };
    let ending = match seen.vanishes {
        Vanishes::Sets => "drops out of sight",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "is lost in the brightening sky",
    };
    text.push_str(&format!(
        "{ending} {place} {} at {}.",
        look_words(end),
        time(end.time)
    ));
    match pass.magnitude {
        Some(mag) => text.push_str(&format!(" {}", brightness_words(mag))),
        None => text.push_str(" Brightness unknown (no standard magnitude for it)."),
    }
    text
}

/// A short alert for a visible pass that starts soon, in the words of the seen part:
/// "ISS (ZARYA) in 4 min 10 s: look NNE (bearing 17°, 12° up) at 21:39; highest 51° up in
/// the ENE; fades into Earth's shadow at 21:43. Magnitude −2.1, very bright."
pub fn alert_text(
    name: &str,
    pass: &Pass,
    until_start: &str,
    time: impl Fn(DateTime<Utc>) -> String,
) -> String {
    match seen_directions(pass, time) {
        Some(directions) => format!("{name} in {until_start}: {}", lower_first(&directions)),
        None => format!("{name} rises in {until_start}."),
    }
}

/// Where to look for the seen part of a pass, in one sentence with the brightness: "Look
/// NNE (bearing 17°, 12° up) at 21:39; highest 51° up in the ENE; fades into Earth's
/// shadow at 21:43. Magnitude −2.1, very bright." None when the pass is not visible.
pub fn seen_directions(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> Option<String> {
    let seen = SeenPart::of(pass)?;
    let ending = match seen.vanishes {
        Vanishes::Sets => "sets",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "is lost in the dawn",
    };
    let brightness = match pass.magnitude {
        Some(m) => format!("Magnitude {m:.1}, {}.", brightness_short(m)),
        None => "Brightness unknown.".to_owned(),
    };
    Some(format!(
        "Look {} at {}; highest {} in the {}; {ending} at {}. {brightness}",
        look_words(&seen.start),
        time(seen.start.time),
        height_words(seen.peak.elevation_deg),
        compass_point(seen.peak.azimuth_deg),
        time(seen.end.time),
    ))
}

/// `text` with its first letter in lower case ("Look" → "look").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The brightness scale: up to this magnitude, the few words for alerts and the sentence
/// for descriptions (the last row takes everything fainter).
const BRIGHTNESS_SCALE: [(f64, &str, &str); 5] = [
    (-2.0, "very bright", "Very bright, brighter than any star"),
    (0.0, "bright", "Bright, like the brightest stars"),
    (2.5, "easy to see", "Easy to see, like a bright star"),
    (4.5, "faint, needs a dark sky", "Faint: it needs a dark sky"),
    (
        f64::INFINITY,
        "very faint, binoculars help",
        "Very faint: binoculars help",
    ),
];

/// The row of [`BRIGHTNESS_SCALE`] for `magnitude`.
fn brightness_row(magnitude: f64) -> (&'static str, &'static str) {
    let row = BRIGHTNESS_SCALE
        .iter()
        .find(|(up_to, _, _)| magnitude <= *up_to)
        .unwrap_or(&BRIGHTNESS_SCALE[4]);
    (row.1, row.2)
}

/// How bright a magnitude looks, in a few words: "very bright", "easy to see"...
pub fn brightness_short(magnitude: f64) -> &'static str {
    brightness_row(magnitude).0
}

/// How bright a magnitude looks, in words: "Easy to see, like a bright star (magnitude 1.8)."
pub fn brightness_words(magnitude: f64) -> String {
    format!(
        "{} (magnitude {magnitude:.1}).",
        brightness_row(magnitude).1
    )
}

/// "37.5665° N, 126.9780° E, 38 m": where an observer stands, for titles and hovers.
pub fn coordinates_words(observer: &Observer) -> String {
    format!(
        "{:.4}° {}, {:.4}° {}, {:.0} m",
        observer.latitude_deg.abs(),
        if observer.latitude_deg >= 0.0 {
            "N"
        } else {
            "S"
        },
        observer.longitude_deg.abs(),
        if observer.longitude_deg >= 0.0 {
            "E"
        } else {
            "W"
        },
        observer.altitude_m
    )
}

/// The Moon as it bears on a visible pass: where it is at the pass's highest point while
/// seen, how much of it is lit, and how close it comes to the seen part's path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoonNearPass {
    /// The Moon at the seen part's peak, topocentric.
    pub moon: MoonView,
    /// Least angle between the Moon and the seen path (start, peak, end joined by great
    /// circles on the sky), degrees.
    pub separation_deg: f64,
}

impl MoonNearPass {
    /// Where the Moon is during the seen part of `pass`, from the observer at `frame`; None
    /// when the pass is not visible.
    pub fn of(pass: &Pass, frame: &ObserverFrame) -> Option<Self> {
        let seen = SeenPart::of(pass)?;
        let moon = moon_view(frame, seen.peak.time);
        let separation_deg = separation_from_path_deg(&moon, &[seen.start, seen.peak, seen.end]);
        Some(Self {
            moon,
            separation_deg,
        })
    }

    /// True when the Moon is up, more than half lit and within 30° of the path: bright
    /// enough, and near enough, to wash out a faint satellite.
    pub fn is_worth_noting(&self) -> bool {
        self.moon.elevation_deg > 0.0
            && self.moon.illuminated_fraction > 0.5
            && self.separation_deg < MOON_NOTE_SEPARATION_DEG
    }

    /// "Bright Moon (78% lit) 15° from the path."
    pub fn words(&self) -> String {
        format!(
            "Bright Moon ({:.0}% lit) {:.0}° from the path.",
            self.moon.illuminated_fraction * 100.0,
            self.separation_deg
        )
    }
}

/// A bright Moon closer than this to a pass's path is noted, degrees.
pub const MOON_NOTE_SEPARATION_DEG: f64 = 30.0;

/// A direction on the sky as a unit vector (east, north, up).
fn sky_unit(azimuth_deg: f64, elevation_deg: f64) -> [f64; 3] {
    let (sa, ca) = azimuth_deg.to_radians().sin_cos();
    let (se, ce) = elevation_deg.to_radians().sin_cos();
    [sa * ce, ca * ce, se]
}

/// Least angle from the Moon to the path through `points` (each pair joined by the great
/// circle between them), degrees.
fn separation_from_path_deg(moon: &MoonView, points: &[PassPoint]) -> f64 {
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let angle = |a: [f64; 3], b: [f64; 3]| dot(a, b).clamp(-1.0, 1.0).acos().to_degrees();
    let m = sky_unit(moon.azimuth_deg, moon.elevation_deg);
    let units: Vec<[f64; 3]> = points
        .iter()
        .map(|p| sky_unit(p.azimuth_deg, p.elevation_deg))
        .collect();
    let mut best = units
        .iter()
        .map(|&u| angle(m, u))
        .fold(f64::INFINITY, f64::min);
    for pair in units.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let n = [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ];
        let len = dot(n, n).sqrt();
        if len < 1e-12 {
            continue;
        }
        let n = [n[0] / len, n[1] / len, n[2] / len];
        // The foot of the perpendicular lies on the arc when it is on the inner side of
        // both ends.
        let foot = [
            m[0] - dot(m, n) * n[0],
            m[1] - dot(m, n) * n[1],
            m[2] - dot(m, n) * n[2],
        ];
        let ab = angle(a, b);
        if angle(a, foot) <= ab && angle(foot, b) <= ab {
            best = best.min(dot(m, n).abs().clamp(0.0, 1.0).asin().to_degrees());
        }
    }
    best
}

/// Limiting-magnitude presets: the faintest star the observer's sky shows.
pub const SKY_PRESETS: [(&str, f64); 4] = [
    ("City (mag 3)", 3.0),
    ("Suburb (mag 4)", 4.0),
    ("Dark site (mag 5.5)", 5.5),
    ("Binoculars (mag 7.5)", 7.5),
];

/// The default limiting magnitude: a suburban sky.
pub const DEFAULT_LIMITING_MAGNITUDE: f64 = 4.0;

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[derive(Serialize)]
struct JsonPoint {
    time: String,
    azimuth_deg: f64,
    elevation_deg: f64,
    range_km: f64,
}

impl From<&PassPoint> for JsonPoint {
    fn from(p: &PassPoint) -> Self {
        Self {
            time: rfc3339(p.time),
            azimuth_deg: round_to(p.azimuth_deg, 3),
            elevation_deg: round_to(p.elevation_deg, 3),
            range_km: round_to(p.range_km, 3),
        }
    }
}

/// `x` rounded to `decimals` places, never a negative zero (so "-0" is not printed).
fn round_to(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale + 0.0
}

#[derive(Serialize)]
struct JsonPass {
    norad_id: u64,
    name: String,
    rise: JsonPoint,
    culmination: JsonPoint,
    set: JsonPoint,
    duration_s: f64,
    visible: bool,
    visible_start: Option<String>,
    visible_end: Option<String>,
    visible_start_point: Option<JsonPoint>,
    visible_peak: Option<JsonPoint>,
    visible_end_point: Option<JsonPoint>,
    appears: Option<&'static str>,
    vanishes: Option<&'static str>,
    visible_stretches: u8,
    magnitude: Option<f64>,
    bright_enough: Option<bool>,
    moon: Option<JsonMoon>,
    not_visible_reason: Option<&'static str>,
    element_epoch: String,
    element_age_days: f64,
    timing_uncertainty_s: f64,
}

/// The Moon at a visible pass's peak while seen.
#[derive(Serialize)]
struct JsonMoon {
    azimuth_deg: f64,
    elevation_deg: f64,
    illuminated_fraction: f64,
    separation_deg: f64,
    noted: bool,
}

impl From<MoonNearPass> for JsonMoon {
    fn from(m: MoonNearPass) -> Self {
        Self {
            azimuth_deg: round_to(m.moon.azimuth_deg, 2),
            elevation_deg: round_to(m.moon.elevation_deg, 2),
            illuminated_fraction: round_to(m.moon.illuminated_fraction, 3),
            separation_deg: round_to(m.separation_deg, 1),
            noted: m.is_worth_noting(),
        }
    }
}

#[derive(Serialize)]
struct JsonObserver {
    lat: f64,
    lon: f64,
    alt_m: f64,
}

/// A satellite searched, with the outcome when it has no passes to show.
#[derive(Debug, Clone, Serialize)]
pub struct SatelliteNote {
    /// Catalog number.
    pub norad_id: u64,
    /// Name.
    pub name: String,
    /// "passes", "always_above" or "never_above" over the window.
    pub presence: &'static str,
    /// A propagation failure (e.g. decay) that cut the search short.
    pub error: Option<String>,
}

/// The passes of a report, turned into JSON one at a time as they are written, with the
/// limiting magnitude that judges them.
struct JsonPasses<'a>(&'a [&'a PassRecord], f64, &'a ObserverFrame);

impl Serialize for JsonPasses<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| JsonPass::new(r, self.1, self.2)))
    }
}

impl JsonPass {
    fn new(r: &PassRecord, limiting_magnitude: f64, frame: &ObserverFrame) -> Self {
        JsonPass {
            norad_id: r.pass.norad_id,
            name: clean(r.name(), NAME_CHARS),
            rise: (&r.pass.rise).into(),
            culmination: (&r.pass.culmination).into(),
            set: (&r.pass.set).into(),
            duration_s: round_to(r.pass.duration().num_milliseconds() as f64 / 1000.0, 3),
            visible: r.pass.is_visible,
            visible_start: r.pass.visible_start.map(|p| rfc3339(p.time)),
            visible_end: r.pass.visible_end.map(|p| rfc3339(p.time)),
            visible_start_point: r.pass.visible_start.as_ref().map(JsonPoint::from),
            visible_peak: r.pass.visible_peak.as_ref().map(JsonPoint::from),
            visible_end_point: r.pass.visible_end.as_ref().map(JsonPoint::from),
            appears: r.pass.appears.map(Appears::tag),
            vanishes: r.pass.vanishes.map(Vanishes::tag),
            visible_stretches: r.pass.visible_stretches,
            magnitude: r.pass.magnitude.map(|m| round_to(m, 2)),
            bright_enough: r.pass.is_bright_enough(limiting_magnitude),
            moon: MoonNearPass::of(&r.pass, frame).map(JsonMoon::from),
            not_visible_reason: r.pass.not_visible_reason.map(|x| x.phrase()),
            element_epoch: rfc3339(r.element_epoch()),
            element_age_days: round_to(r.element_age_days(), 3),
            timing_uncertainty_s: round_to(r.timing_uncertainty_s(), 1),
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    observer: JsonObserver,
    start: String,
    end: String,
    limiting_magnitude: f64,
    passes: JsonPasses<'a>,
    satellites: &'a [SatelliteNote],
}

/// Writes the JSON report `{"observer", "start", "end", "limiting_magnitude", "passes":
/// [...], "satellites": [...]}` to `w`, one pass at a time; `bright_enough` judges each
/// visible pass against `limiting_magnitude`.
pub fn write_json(
    w: impl std::io::Write,
    observer: &Observer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    limiting_magnitude: f64,
    records: &[&PassRecord],
    satellites: &[SatelliteNote],
) -> std::io::Result<()> {
    let frame = ObserverFrame::new(*observer);
    let report = JsonReport {
        observer: JsonObserver {
            lat: observer.latitude_deg,
            lon: observer.longitude_deg,
            alt_m: observer.altitude_m,
        },
        start: rfc3339(start),
        end: rfc3339(end),
        limiting_magnitude,
        passes: JsonPasses(records, limiting_magnitude, &frame),
        satellites,
    };
    let mut w = w;
    serde_json::to_writer_pretty(&mut w, &report).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// The JSON report as a string (see [`write_json`]).
pub fn to_json(
    observer: &Observer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    limiting_magnitude: f64,
    records: &[&PassRecord],
    satellites: &[SatelliteNote],
) -> String {
    let mut out = Vec::new();
    match write_json(
        &mut out,
        observer,
        start,
        end,
        limiting_magnitude,
        records,
        satellites,
    ) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The CSV report as a string (see [`write_csv`]).
pub fn to_csv(records: &[&PassRecord], limiting_magnitude: f64) -> String {
    let mut out = Vec::new();
    match write_csv(&mut out, records, limiting_magnitude) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => e.to_string(),
    }
}

/// Writes the CSV report to `w`: a header row, then one row per pass; times in UTC (RFC 3339).
/// The seen part's points, how it appears and vanishes, and whether it is bright enough
/// for `limiting_magnitude` follow the earlier columns (empty when not visible).
pub fn write_csv(
    mut w: impl std::io::Write,
    records: &[&PassRecord],
    limiting_magnitude: f64,
) -> std::io::Result<()> {
    w.write_all(
        "norad_id,name,rise_time,rise_azimuth_deg,rise_elevation_deg,rise_range_km,\
culmination_time,culmination_azimuth_deg,culmination_elevation_deg,culmination_range_km,\
set_time,set_azimuth_deg,set_elevation_deg,set_range_km,duration_s,visible,visible_start,\
visible_end,magnitude,not_visible_reason,element_age_days,timing_uncertainty_s,\
visible_start_azimuth_deg,visible_start_elevation_deg,visible_peak_time,\
visible_peak_azimuth_deg,visible_peak_elevation_deg,visible_peak_range_km,\
visible_end_azimuth_deg,visible_end_elevation_deg,appears,vanishes,bright_enough\r\n"
            .as_bytes(),
    )?;
    for r in records {
        let p = &r.pass;
        let point = |q: &PassPoint| {
            format!(
                "{},{:.3},{:.3},{:.3}",
                rfc3339(q.time),
                q.azimuth_deg,
                q.elevation_deg,
                q.range_km
            )
        };
        let angles = |q: Option<PassPoint>| {
            q.map_or(",".to_owned(), |q| {
                format!("{:.3},{:.3}", q.azimuth_deg, q.elevation_deg)
            })
        };
        let peak = p.visible_peak.map_or(",,,".to_owned(), |q| point(&q));
        write!(
            w,
            "{},{},{},{},{},{:.3},{},{},{},{},{},{:.3},{:.1},{},{},{},{},{},{}\r\n",
            p.norad_id,
            csv_field(&clean(r.name(), NAME_CHARS)),
            point(&p.rise),
            point(&p.culmination),
            point(&p.set),
            p.duration().num_milliseconds() as f64 / 1000.0,
            p.is_visible,
            p.visible_start.map(|q| rfc3339(q.time)).unwrap_or_default(),
            p.visible_end.map(|q| rfc3339(q.time)).unwrap_or_default(),
            p.magnitude.map(|m| format!("{m:.2}")).unwrap_or_default(),
            p.not_visible_reason.map(|x| x.phrase()).unwrap_or_default(),
            r.element_age_days(),
            r.timing_uncertainty_s(),
            angles(p.visible_start),
            peak,
            angles(p.visible_end),
            p.appears.map(Appears::tag).unwrap_or_default(),
            p.vanishes.map(Vanishes::tag).unwrap_or_default(),
            p.is_bright_enough(limiting_magnitude)
                .map(|b| b.to_string())
                .unwrap_or_default(),
        )?;
    }
    Ok(())
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn ics_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds an iCalendar content line to 75 octets per line (RFC 5545 §3.1), never inside a
/// UTF-8 character or between a backslash and the character it escapes.
fn ics_fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            // Keep an escape sequence ("\,", "\n") together on the next line.
            let carried = if out.ends_with('\\') { out.pop() } else { None };
            out.push_str("\r\n ");
            width = 1;
            if let Some(backslash) = carried {
                out.push(backslash);
                width += 1;
            }
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// The iCalendar (RFC 5545) report: one VEVENT per pass, spanning the seen part of a
/// visible pass and rise to set otherwise, with the directions in the description. Times in
/// the description are shown by `fmt` with UTC in brackets; `limiting_magnitude` judges the
/// brightness; `stamp` is the DTSTAMP (when the file was made).
pub fn to_ics(
    records: &[&PassRecord],
    observer: &Observer,
    stamp: DateTime<Utc>,
    limiting_magnitude: f64,
    fmt: &TimeFormatter,
) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Overhead//Satellite passes//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&ics_fold(line));
    }
    let frame = ObserverFrame::new(*observer);
    let zone_label = |t: DateTime<Utc>| {
        if fmt.is_utc() {
            "UTC".to_owned()
        } else {
            fmt.zone_short(t)
        }
    };
    // "21:39 KST (12:39 UTC)", or "12:39 UTC" when the zone is UTC.
    let both = |t: DateTime<Utc>| {
        if fmt.is_utc() {
            format!("{} UTC", fmt.hm(t))
        } else {
            format!(
                "{} {} ({} UTC)",
                fmt.hm(t),
                zone_label(t),
                t.format("%H:%M")
            )
        }
    };
    for r in records {
        let p = &r.pass;
        let seen = SeenPart::of(p);
        let visibility = match (seen, p.magnitude) {
            (Some(_), Some(m)) if m > limiting_magnitude => {
                format!("visible, magnitude {m:.1}: too faint for the naked eye here")
            }
            (Some(_), Some(m)) => format!("visible, magnitude {m:.1}"),
            (Some(_), None) => "visible, brightness unknown".to_owned(),
            (None, _) => format!(
                "not visible: {}",
                p.not_visible_reason.map_or("", |x| x.phrase())
            ),
        };
        let top = seen.map_or(p.culmination, |s| s.peak);
        let summary = format!(
            "{} pass, max {:.0}° {} ({visibility})",
            clean(r.name(), NAME_CHARS),
            top.elevation_deg,
            compass_point(top.azimuth_deg)
        );
        let angle = |label: &str, q: &PassPoint| {
            format!(
                "{label} {}: {}, range {:.0} km",
                both(q.time),
                look_words(q),
                q.range_km
            )
        };
        let mut description = vec![plain_description(p, both)];
        if let Some(moon) = MoonNearPass::of(p, &frame).filter(MoonNearPass::is_worth_noting) {
            description.push(moon.words());
        }
        if let Some(seen) = seen {
            description.push(angle("Appears", &seen.start));
            description.push(angle("Highest while visible", &seen.peak));
            description.push(angle("Vanishes", &seen.end));
        }
        description.push(angle("Rise", &p.rise));
        description.push(angle("Highest", &p.culmination));
        description.push(angle("Set", &p.set));
        description.push(format!(
            "Elements {:.1} days old (timing ±{:.0} s, estimate). Observer {:.4}, {:.4}.",
            round_to(r.element_age_days(), 1),
            r.timing_uncertainty_s(),
            observer.latitude_deg,
            observer.longitude_deg
        ));
        let (from, to) = seen.map_or((p.rise.time, p.set.time), |s| (s.start.time, s.end.time));
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{}-{}@overhead",
                p.norad_id,
                p.rise.time.format("%Y%m%dT%H%M%S")
            ),
            format!("DTSTAMP:{}", ics_time(stamp)),
            format!("DTSTART:{}", ics_time(from)),
            format!("DTEND:{}", ics_time(to)),
            format!("SUMMARY:{}", ics_escape(&summary)),
            format!("DESCRIPTION:{}", ics_escape(&description.join("\n"))),
            "END:VEVENT".to_owned(),
        ];
        for line in lines {
            out.push_str(&ics_fold(&line));
        }
    }
    out.push_str(&ics_fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compass_points_wrap() {
        assert_eq!(compass_point(0.0), "N");
        assert_eq!(compass_point(359.0), "N");
        assert_eq!(compass_point(315.0), "NW");
        assert_eq!(compass_words(300.0), "north-west");
    }

    #[test]
    fn ics_lines_are_folded_to_75_octets() {
        let folded = ics_fold(&"x".repeat(200));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn ics_folding_keeps_escapes_together_and_unfolds_to_the_line() {
        let line = format!("DESCRIPTION:{}\\,{}", "x".repeat(62), "y".repeat(80));
        let folded = ics_fold(&line);
        assert!(
            folded
                .split("\r\n")
                .all(|l| l.len() <= 75 && !l.ends_with('\\'))
        );
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    /// A point of a crafted pass: minutes after 21:30 UTC, azimuth and elevation.
    fn at(minute: f64, azimuth_deg: f64, elevation_deg: f64) -> PassPoint {
        let t0: DateTime<Utc> = "2026-08-22T21:30:00Z".parse().unwrap();
        PassPoint {
            time: t0 + chrono::Duration::milliseconds((minute * 60_000.0) as i64),
            azimuth_deg,
            elevation_deg,
            range_km: 800.0,
        }
    }

    /// A pass rising in the SSE at 21:31, highest 51° in the ENE at 21:37, setting in the N
    /// at 21:43 (KORSAT-7 from Seoul, 22 Aug 2026), seen from `start` to `end`.
    fn crafted(seen: Option<(PassPoint, PassPoint, PassPoint, Appears, Vanishes)>) -> Pass {
        let mut pass = Pass {
            norad_id: 58463,
            rise: at(1.0, 155.0, 0.0),
            culmination: at(7.0, 68.0, 51.0),
            set: at(13.0, 354.0, 0.0),
            is_visible: false,
            visible_start: None,
            visible_peak: None,
            visible_end: None,
            visible_stretches: 0,
            appears: None,
            vanishes: None,
            magnitude: None,
            not_visible_reason: Some(crate::orbit::NotVisibleReason::EarthShadow),
        };
        if let Some((start, peak, end, appears, vanishes)) = seen {
            pass.is_visible = true;
            pass.not_visible_reason = None;
            pass.visible_start = Some(start);
            pass.visible_peak = Some(peak);
            pass.visible_end = Some(end);
            pass.visible_stretches = 1;
            pass.appears = Some(appears);
            pass.vanishes = Some(vanishes);
        }
        pass
    }

    fn hm(t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }

    #[test]
    fn seen_after_the_culmination_never_climbs_and_points_where_it_is_seen() {
        // Issue 10: visible 21:39-21:41 only, after the 21:37 peak; it once said "it climbs to
        // about five fists above the horizon, in the east", where it was in shadow.
        let (start, end) = (at(9.0, 17.0, 40.0), at(11.3, 354.0, 12.0));
        let pass = crafted(Some((
            start,
            start,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with(
                "Look NNE (bearing 17°, 40° up) at 21:39, where it comes out of Earth's shadow."
            ),
            "{text}"
        );
        assert!(!text.contains("climbs"), "{text}");
        assert!(!text.contains("east"), "{text}");
        assert!(text.contains("sinks"), "{text}");
        assert!(
            text.contains("drops out of sight low in the N (bearing 354°, 12° up) at 21:41."),
            "{text}"
        );
        assert!(
            text.ends_with("Brightness unknown (no standard magnitude for it)."),
            "{text}"
        );
    }

    #[test]
    fn ending_in_shadow_says_where_it_fades() {
        let (start, peak, end) = (
            at(2.0, 160.0, 12.0),
            at(7.0, 68.0, 51.0),
            at(9.0, 30.0, 48.0),
        );
        let mut pass = crafted(Some((
            start,
            peak,
            end,
            Appears::Rises,
            Vanishes::EntersShadow,
        )));
        pass.magnitude = Some(1.8);
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with("Look SSE (bearing 160°, 12° up) at 21:32, where it comes up."),
            "{text}"
        );
        assert!(
            text.contains(
                "It climbs to 51° up (about five fists) in the ENE (bearing 68°) at 21:37"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "fades into Earth's shadow high in the NNE (bearing 30°, 48° up) at 21:39."
            ),
            "{text}"
        );
        assert!(text.contains("magnitude 1.8"), "{text}");
    }

    #[test]
    fn ending_at_the_horizon_sets() {
        let (start, peak, end) = (
            at(2.0, 160.0, 10.0),
            at(7.0, 68.0, 51.0),
            at(12.0, 350.0, 10.0),
        );
        let pass = crafted(Some((start, peak, end, Appears::Rises, Vanishes::Sets)));
        let text = plain_description(&pass, hm);
        assert!(
            text.contains("then drops out of sight low in the N (bearing 350°, 10° up) at 21:42."),
            "{text}"
        );
    }

    #[test]
    fn appearing_out_of_shadow_and_climbing_says_so() {
        let (start, end) = (at(4.0, 120.0, 30.0), at(7.0, 68.0, 51.0));
        let pass = crafted(Some((
            start,
            end,
            end,
            Appears::LeavesShadow,
            Vanishes::EntersShadow,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.contains("where it comes out of Earth's shadow"),
            "{text}"
        );
        assert!(
            text.contains("It climbs all the way and fades into Earth's shadow high in the ENE"),
            "{text}"
        );
    }

    #[test]
    fn starting_as_the_sky_darkens_says_so() {
        let (start, peak, end) = (
            at(5.0, 100.0, 40.0),
            at(7.0, 68.0, 51.0),
            at(12.0, 350.0, 10.0),
        );
        let pass = crafted(Some((
            start,
            peak,
            end,
            Appears::SkyDarkens,
            Vanishes::Sets,
        )));
        let text = plain_description(&pass, hm);
        assert!(
            text.starts_with(
                "Look E (bearing 100°, 40° up) at 21:35, once the sky is dark enough."
            ),
            "{text}"
        );
    }

    #[test]
    fn alert_gives_bearing_and_height_apart() {
        let (start, peak, end) = (
            at(9.0, 17.0, 25.0),
            at(9.0, 17.0, 25.0),
            at(11.0, 354.0, 12.0),
        );
        let mut pass = crafted(Some((
            start,
            peak,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        pass.magnitude = Some(2.0);
        let text = alert_text("KORSAT-7", &pass, "4 min", hm);
        assert_eq!(
            text,
            "KORSAT-7 in 4 min: look NNE (bearing 17°, 25° up) at 21:39; highest 25° up in the NNE; \
sets at 21:41. Magnitude 2.0, easy to see."
        );
    }

    #[test]
    fn not_visible_pass_says_why() {
        let text = plain_description(&crafted(None), hm);
        assert!(
            text.contains("not visible to the eye (in Earth's shadow)"),
            "{text}"
        );
        assert!(
            text.contains("highest 51° up in the ENE (bearing 68°) at 21:37"),
            "{text}"
        );
    }

    fn moon_at(azimuth_deg: f64, elevation_deg: f64) -> MoonView {
        MoonView {
            azimuth_deg,
            elevation_deg,
            range_km: 384_000.0,
            illuminated_fraction: 0.8,
            is_waxing: true,
        }
    }

    #[test]
    fn moon_separation_is_measured_to_the_path_not_just_its_corners() {
        // A path along the horizon-parallel arc from east to west through the zenith side:
        // start E 20° up, peak S 60° up, end W 20° up. The great circle from start to peak
        // passes through azimuth 118°, 48.6° up, midway: a Moon there is on the path, far
        // from every corner.
        let path = [
            at(0.0, 90.0, 20.0),
            at(3.0, 180.0, 60.0),
            at(6.0, 270.0, 20.0),
        ];
        let moon = moon_at(118.0, 47.0);
        let corners = path
            .iter()
            .map(|p| {
                crate::orbit::angular_separation_deg(118.0, 47.0, p.azimuth_deg, p.elevation_deg)
            })
            .fold(f64::INFINITY, f64::min);
        let d = separation_from_path_deg(&moon, &path);
        assert!(d < corners - 10.0, "path {d}°, nearest corner {corners}°");
        assert!(d < 2.0, "{d}");
        // On the path itself: zero.
        assert!(separation_from_path_deg(&moon_at(180.0, 60.0), &path) < 1e-6);
    }

    #[test]
    fn a_bright_moon_near_the_path_is_noted_and_a_set_one_is_not() {
        let near = MoonNearPass {
            moon: moon_at(135.0, 40.0),
            separation_deg: 15.0,
        };
        assert!(near.is_worth_noting());
        assert_eq!(near.words(), "Bright Moon (80% lit) 15° from the path.");
        let set = MoonNearPass {
            moon: moon_at(135.0, -3.0),
            ..near
        };
        assert!(!set.is_worth_noting());
        let thin = MoonNearPass {
            moon: MoonView {
                illuminated_fraction: 0.3,
                ..near.moon
            },
            ..near
        };
        assert!(!thin.is_worth_noting());
    }

    #[test]
    fn fists_for_forty_degrees() {
        assert_eq!(fists(41.0), "about four fists above the horizon");
    }
}
