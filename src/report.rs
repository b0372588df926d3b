//! Passes written out for people and programs: JSON, CSV, iCalendar, compass points and
//! plain-language descriptions. Shared by the command line and the window's export.

use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::orbit::{Observer, Pass, PassPoint, timing_uncertainty_s};
use crate::text::{NAME_CHARS, clean};

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
            / 86_400_000.0
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

/// A description of a pass that a pupil understands, with times formatted by `time`.
///
/// "Look north-west at 21:14; it climbs to about four fists above the horizon, in the
/// south-east, and fades at 21:19 as it enters Earth's shadow."
pub fn plain_description(pass: &Pass, time: impl Fn(DateTime<Utc>) -> String) -> String {
    let (start, end) = match (pass.visible_start, pass.visible_end) {
        (Some(a), Some(b)) => (a, b),
        _ => (pass.rise, pass.set),
    };
    let top = &pass.culmination;
    let mut text = format!(
        "Look {} at {}; it climbs to {}, in the {}",
        compass_words(start.azimuth_deg),
        time(start.time),
        fists(top.elevation_deg),
        compass_words(top.azimuth_deg),
    );
    if !pass.is_visible {
        let why = pass
            .not_visible_reason
            .map_or("it cannot be seen", |r| r.phrase());
        text = format!(
            "Above the horizon from {} to {} but not visible to the eye ({why}); highest in the {} at {}.",
            time(pass.rise.time),
            time(pass.set.time),
            compass_words(top.azimuth_deg),
            fists(top.elevation_deg).trim_start_matches("about "),
        );
        return text;
    }
    // It fades into the shadow when it vanishes high in a dark sky; otherwise it sets.
    let ends_in_shadow = end.elevation_deg > 10.5 && (end.time - pass.set.time).num_seconds() < -5;
    if ends_in_shadow {
        text.push_str(&format!(
            ", and fades at {} in the {} as it enters Earth's shadow.",
            time(end.time),
            compass_words(end.azimuth_deg)
        ));
    } else {
        text.push_str(&format!(
            ", and sinks out of sight in the {} at {}.",
            compass_words(end.azimuth_deg),
            time(end.time)
        ));
    }
    if let Some(mag) = pass.magnitude {
        text.push_str(&format!(" {}", brightness_words(mag)));
    }
    text
}

/// How bright a magnitude looks, in words.
pub fn brightness_words(magnitude: f64) -> String {
    let words = if magnitude <= -2.0 {
        "Very bright: brighter than any star."
    } else if magnitude <= 0.0 {
        "Bright: like the brightest stars."
    } else if magnitude <= 2.5 {
        "Easy to see, like a bright star."
    } else if magnitude <= 4.5 {
        "Faint: needs a dark sky."
    } else {
        "Very faint: binoculars help."
    };
    format!("{words} (magnitude {magnitude:.1})")
}

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
    magnitude: Option<f64>,
    not_visible_reason: Option<&'static str>,
    element_epoch: String,
    element_age_days: f64,
    timing_uncertainty_s: f64,
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

/// The passes of a report, turned into JSON one at a time as they are written.
struct JsonPasses<'a>(&'a [&'a PassRecord]);

impl Serialize for JsonPasses<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| JsonPass::from(*r)))
    }
}

impl From<&PassRecord> for JsonPass {
    fn from(r: &PassRecord) -> Self {
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
            magnitude: r.pass.magnitude.map(|m| round_to(m, 2)),
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
    passes: JsonPasses<'a>,
    satellites: &'a [SatelliteNote],
}

/// Writes the JSON report `{"observer", "start", "end", "passes": [...], "satellites": [...]}`
/// to `w`, one pass at a time.
pub fn write_json(
    w: impl std::io::Write,
    observer: &Observer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    records: &[&PassRecord],
    satellites: &[SatelliteNote],
) -> std::io::Result<()> {
    let report = JsonReport {
        observer: JsonObserver {
            lat: observer.latitude_deg,
            lon: observer.longitude_deg,
            alt_m: observer.altitude_m,
        },
        start: rfc3339(start),
        end: rfc3339(end),
        passes: JsonPasses(records),
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
    records: &[&PassRecord],
    satellites: &[SatelliteNote],
) -> String {
    let mut out = Vec::new();
    match write_json(&mut out, observer, start, end, records, satellites) {
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
pub fn to_csv(records: &[&PassRecord]) -> String {
    let mut out = Vec::new();
    match write_csv(&mut out, records) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => e.to_string(),
    }
}

/// Writes the CSV report to `w`: a header row, then one row per pass; times in UTC (RFC 3339).
pub fn write_csv(mut w: impl std::io::Write, records: &[&PassRecord]) -> std::io::Result<()> {
    w.write_all(
        "norad_id,name,rise_time,rise_azimuth_deg,rise_elevation_deg,rise_range_km,\
culmination_time,culmination_azimuth_deg,culmination_elevation_deg,culmination_range_km,\
set_time,set_azimuth_deg,set_elevation_deg,set_range_km,duration_s,visible,visible_start,\
visible_end,magnitude,not_visible_reason,element_age_days,timing_uncertainty_s\r\n"
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
        write!(
            w,
            "{},{},{},{},{},{:.3},{},{},{},{},{},{:.3},{:.1}\r\n",
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

/// The iCalendar (RFC 5545) report: one VEVENT per pass from rise to set, with the look
/// angles in the description. `stamp` is the DTSTAMP (when the file was made).
pub fn to_ics(records: &[&PassRecord], observer: &Observer, stamp: DateTime<Utc>) -> String {
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
    for r in records {
        let p = &r.pass;
        let visibility = if p.is_visible {
            match p.magnitude {
                Some(m) => format!("visible, magnitude {m:.1}"),
                None => "visible".to_owned(),
            }
        } else {
            format!(
                "not visible: {}",
                p.not_visible_reason.map_or("", |x| x.phrase())
            )
        };
        let summary = format!(
            "{} pass, max {:.0}° {} ({visibility})",
            clean(r.name(), NAME_CHARS),
            p.culmination.elevation_deg,
            compass_point(p.culmination.azimuth_deg)
        );
        let angle = |label: &str, q: &PassPoint| {
            format!(
                "{label} {} UTC: azimuth {:.0}° ({}), elevation {:.0}°, range {:.0} km",
                q.time.format("%H:%M:%S"),
                q.azimuth_deg,
                compass_point(q.azimuth_deg),
                round_to(q.elevation_deg, 0),
                q.range_km
            )
        };
        let mut description = [
            angle("Rise", &p.rise),
            angle("Highest", &p.culmination),
            angle("Set", &p.set),
        ]
        .join("\n");
        if let (Some(a), Some(b)) = (p.visible_start, p.visible_end) {
            description.push_str(&format!(
                "\nVisible {}–{} UTC",
                a.time.format("%H:%M:%S"),
                b.time.format("%H:%M:%S")
            ));
        }
        description.push_str(&format!(
            "\nElements {:.1} days old (timing ±{:.0} s, estimate). Observer {:.4}, {:.4}.",
            round_to(r.element_age_days(), 1),
            r.timing_uncertainty_s(),
            observer.latitude_deg,
            observer.longitude_deg
        ));
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{}-{}@overhead",
                p.norad_id,
                p.rise.time.format("%Y%m%dT%H%M%S")
            ),
            format!("DTSTAMP:{}", ics_time(stamp)),
            format!("DTSTART:{}", ics_time(p.rise.time)),
            format!("DTEND:{}", ics_time(p.set.time)),
            format!("SUMMARY:{}", ics_escape(&summary)),
            format!("DESCRIPTION:{}", ics_escape(&description)),
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

    #[test]
    fn fists_for_forty_degrees() {
        assert_eq!(fists(41.0), "about four fists above the horizon");
    }
}
