//! The JSON report: the observer, the window, and every pass with its points, visibility,
//! brightness, the Moon and the age of its elements, written one pass at a time.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{MoonNearPass, PassRecord, SatelliteNote, rfc3339, round_to};
use crate::orbit::{
    Appears, BrightVerdict, MagnitudeEstimate, Observer, ObserverFrame, PassPoint, Vanishes,
};

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
    standard_magnitude: Option<JsonStandardMagnitude>,
    bright_enough: Option<JsonBright>,
    moon: Option<JsonMoon>,
    not_visible_reason: Option<&'static str>,
    element_epoch: String,
    element_age_days: f64,
    timing_uncertainty_s: f64,
}

/// The standard magnitude a pass's magnitude was predicted from; its citation is in the
/// report's `magnitude_sources`, under `basis`.
#[derive(Serialize)]
struct JsonStandardMagnitude {
    value: f64,
    sigma: f64,
    source: &'static str,
    basis: String,
    may_flare: bool,
}

impl From<&MagnitudeEstimate> for JsonStandardMagnitude {
    fn from(e: &MagnitudeEstimate) -> Self {
        Self {
            value: round_to(e.value, 2),
            sigma: round_to(e.sigma, 2),
            source: e.source.tag(),
            basis: e.basis.to_string(),
            may_flare: e.may_flare,
        }
    }
}

/// `bright_enough`: `true`, `false`, or `"maybe"` when within a sigma of the limit.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonBright {
    Known(bool),
    Maybe(&'static str),
}

impl From<BrightVerdict> for JsonBright {
    fn from(v: BrightVerdict) -> Self {
        v.as_bool().map_or(Self::Maybe("maybe"), Self::Known)
    }
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
            name: r.shown_name().to_owned(),
            rise: (&r.pass.rise).into(),
            culmination: (&r.pass.culmination).into(),
            set: (&r.pass.set).into(),
            duration_s: round_to(r.pass.duration().num_milliseconds() as f64 / 1000.0, 3),
            visible: r.pass.is_visible,
            visible_start: r.pass.visible_start().map(|p| rfc3339(p.time)),
            visible_end: r.pass.visible_end().map(|p| rfc3339(p.time)),
            visible_start_point: r.pass.visible_start().as_ref().map(JsonPoint::from),
            visible_peak: r.pass.visible_peak().as_ref().map(JsonPoint::from),
            visible_end_point: r.pass.visible_end().as_ref().map(JsonPoint::from),
            appears: r.pass.appears.map(Appears::tag),
            vanishes: r.pass.vanishes.map(Vanishes::tag),
            visible_stretches: r.pass.visible_stretches,
            magnitude: r.pass.magnitude.map(|m| round_to(m, 2)),
            standard_magnitude: r.standard_magnitude().map(JsonStandardMagnitude::from),
            bright_enough: r.bright_verdict(limiting_magnitude).map(JsonBright::from),
            moon: MoonNearPass::of(&r.pass, frame).map(JsonMoon::from),
            not_visible_reason: r.pass.not_visible_reason.map(|x| x.phrase()),
            element_epoch: rfc3339(r.element_epoch()),
            element_age_days: round_to(r.element_age_days(), 3),
            timing_uncertainty_s: round_to(r.timing_uncertainty_s(), 1),
        }
    }
}

/// Where the next pass to see is seen: where it appears, its highest point while seen,
/// where it vanishes.
#[derive(Serialize)]
struct JsonSeen {
    start: JsonPoint,
    peak: JsonPoint,
    end: JsonPoint,
}

/// One satellite asked for: what the window held for it, and its next pass to see.
#[derive(Serialize)]
struct JsonSatellite<'a> {
    norad_id: u64,
    name: &'a str,
    presence: &'static str,
    error: Option<&'a str>,
    passes: usize,
    visible_passes: usize,
    next_visible: Option<JsonSeen>,
    searched_until: String,
}

impl<'a> From<&'a SatelliteNote> for JsonSatellite<'a> {
    fn from(note: &'a SatelliteNote) -> Self {
        Self {
            norad_id: note.norad_id,
            name: &note.name,
            presence: note.presence,
            error: note.error.as_deref(),
            passes: note.passes,
            visible_passes: note.visible_passes,
            next_visible: note.next_visible.as_ref().and_then(|p| {
                Some(JsonSeen {
                    start: (&p.visible_start()?).into(),
                    peak: (&p.visible_peak()?).into(),
                    end: (&p.visible_end()?).into(),
                })
            }),
            searched_until: rfc3339(note.searched_until),
        }
    }
}

/// The satellites, serialized one at a time.
struct JsonSatellites<'a>(&'a [SatelliteNote]);

impl Serialize for JsonSatellites<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonSatellite::from))
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    observer: JsonObserver,
    start: String,
    end: String,
    limiting_magnitude: f64,
    passes: JsonPasses<'a>,
    satellites: JsonSatellites<'a>,
    magnitude_sources: std::collections::BTreeMap<&'a str, &'a str>,
}

/// Writes the JSON report `{"observer", "start", "end", "limiting_magnitude", "passes":
/// [...], "satellites": [...], "magnitude_sources": {...}}` to `w`, one pass at a time;
/// `bright_enough` judges each visible pass against `limiting_magnitude` with its standard
/// magnitude's sigma (`true`, `false` or `"maybe"`); `magnitude_sources` gives the citation
/// of each `standard_magnitude.basis`. Each satellite is `{"norad_id", "name", "presence",
/// "error", "passes", "visible_passes", "next_visible": {"start", "peak", "end"} | null,
/// "searched_until"}`.
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
        satellites: JsonSatellites(satellites),
        magnitude_sources: records
            .iter()
            .filter_map(|r| r.standard_magnitude())
            .map(|e| (&*e.basis, &*e.citation))
            .collect(),
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
