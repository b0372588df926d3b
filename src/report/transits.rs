//! Transits written out: JSON (with the centre line), CSV (one row per event) and
//! iCalendar (one event per transit, with the nearest point as its place). Times in UTC
//! (RFC 3339, milliseconds) in JSON and CSV; the calendar's words are those of
//! [`super::transit_words`], in the thread's language.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::ics::{ics_escape, ics_fold, ics_time};
use super::transit_words::{body_tag, point_words, transit_lines, transit_summary};
use super::{rfc3339, round_to};
use crate::orbit::Observer;
use crate::orbit::transit::Transit;
use crate::timefmt::TimeFormatter;

#[derive(Serialize)]
struct JsonAtObserver {
    time: String,
    min_separation_deg: f64,
    transit: bool,
    duration_s: f64,
}

#[derive(Serialize)]
struct JsonNearest {
    lat: f64,
    lon: f64,
    distance_km: f64,
    bearing_deg: f64,
    time: String,
    duration_s: f64,
}

#[derive(Serialize)]
struct JsonLinePoint {
    time: String,
    lat: f64,
    lon: f64,
}

#[derive(Serialize)]
struct JsonEvent {
    norad_id: u64,
    name: String,
    body: &'static str,
    at_observer: JsonAtObserver,
    nearest_centre_point: JsonNearest,
    centre_line: Vec<JsonLinePoint>,
    path_width_km: f64,
    body_azimuth_deg: f64,
    body_elevation_deg: f64,
    body_radius_deg: f64,
    range_km: f64,
    satellite_size_arcsec: Option<f64>,
    element_age_days: f64,
    timing_uncertainty_s: f64,
}

impl From<&Transit> for JsonEvent {
    fn from(t: &Transit) -> Self {
        let p = &t.at_place;
        let n = &t.nearest;
        Self {
            norad_id: t.norad_id,
            name: crate::text::clean(&t.name, crate::text::NAME_CHARS),
            body: body_tag(t.body),
            at_observer: JsonAtObserver {
                time: rfc3339(p.time),
                min_separation_deg: round_to(p.min_separation_deg, 5),
                transit: p.is_transit,
                duration_s: round_to(p.duration_s, 3),
            },
            nearest_centre_point: JsonNearest {
                lat: round_to(n.latitude_deg, 5),
                lon: round_to(n.longitude_deg, 5),
                distance_km: round_to(n.distance_km, 3),
                bearing_deg: round_to(n.bearing_deg, 1),
                time: rfc3339(n.time),
                duration_s: round_to(n.duration_s, 3),
            },
            centre_line: t
                .centre_line
                .iter()
                .map(|q| JsonLinePoint {
                    time: rfc3339(q.time),
                    lat: round_to(q.latitude_deg, 5),
                    lon: round_to(q.longitude_deg, 5),
                })
                .collect(),
            path_width_km: round_to(t.path_width_km, 3),
            body_azimuth_deg: round_to(p.body_azimuth_deg, 3),
            body_elevation_deg: round_to(p.body_elevation_deg, 3),
            body_radius_deg: round_to(p.body_radius_deg, 5),
            range_km: round_to(p.range_km, 1),
            satellite_size_arcsec: p.satellite_size_arcsec.map(|a| round_to(a, 1)),
            element_age_days: round_to(t.element_age_days, 3),
            timing_uncertainty_s: round_to(t.timing_uncertainty_s, 1),
        }
    }
}

/// A satellite whose transit search stopped before the window's end, for the JSON's
/// `satellites`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransitSatelliteNote {
    /// Catalog number.
    pub norad_id: u64,
    /// Name.
    pub name: String,
    /// "not_searched" (the window is too far from the element epoch) or "stopped" (decay).
    pub presence: &'static str,
    /// Why.
    pub error: String,
}

#[derive(Serialize)]
struct JsonObserver {
    lat: f64,
    lon: f64,
    alt_m: f64,
}

#[derive(Serialize)]
struct JsonTransits<'a> {
    observer: JsonObserver,
    start: String,
    end: String,
    radius_km: f64,
    events: Vec<JsonEvent>,
    satellites: &'a [TransitSatelliteNote],
}

/// Writes the JSON report `{"observer", "start", "end", "radius_km", "events": [...],
/// "satellites": [...]}` to `w`; each event has `norad_id`, `name`, `body`,
/// `at_observer`, `nearest_centre_point`, `centre_line`, `path_width_km`, the body's
/// azimuth, elevation and radius, `range_km`, `satellite_size_arcsec`, `element_age_days`
/// and `timing_uncertainty_s`. `satellites` notes the satellites whose search stopped.
pub fn write_transits_json(
    mut w: impl std::io::Write,
    observer: &Observer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    radius_km: f64,
    transits: &[&Transit],
    satellites: &[TransitSatelliteNote],
) -> std::io::Result<()> {
    let report = JsonTransits {
        observer: JsonObserver {
            lat: observer.latitude_deg,
            lon: observer.longitude_deg,
            alt_m: observer.altitude_m,
        },
        start: rfc3339(start),
        end: rfc3339(end),
        radius_km,
        events: transits.iter().map(|t| JsonEvent::from(*t)).collect(),
        satellites,
    };
    serde_json::to_writer_pretty(&mut w, &report).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// The CSV columns, in order.
const CSV_COLUMNS: [&str; 21] = [
    "norad_id",
    "name",
    "body",
    "time",
    "nearest_lat",
    "nearest_lon",
    "distance_km",
    "bearing_deg",
    "duration_s",
    "path_width_km",
    "observer_time",
    "min_separation_deg",
    "transit",
    "observer_duration_s",
    "body_azimuth_deg",
    "body_elevation_deg",
    "body_radius_deg",
    "range_km",
    "satellite_size_arcsec",
    "element_age_days",
    "timing_uncertainty_s",
];

/// Writes one CSV row per transit (times in UTC): the centre line's nearest point
/// (`time`, `nearest_lat`, `nearest_lon`, `distance_km`, `bearing_deg`, `duration_s`),
/// the strip's width, what the observer's place sees, and the elements' age. The centre
/// line itself is in the JSON.
pub fn write_transits_csv(w: impl std::io::Write, transits: &[&Transit]) -> std::io::Result<()> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    out.write_record(CSV_COLUMNS)?;
    let fixed = |x: f64, decimals: usize| format!("{:.*}", decimals, round_to(x, decimals as i32));
    for t in transits {
        let p = &t.at_place;
        let n = &t.nearest;
        out.write_record([
            t.norad_id.to_string(),
            crate::text::clean(&t.name, crate::text::NAME_CHARS),
            body_tag(t.body).to_owned(),
            rfc3339(n.time),
            fixed(n.latitude_deg, 5),
            fixed(n.longitude_deg, 5),
            fixed(n.distance_km, 3),
            fixed(n.bearing_deg, 1),
            fixed(n.duration_s, 3),
            fixed(t.path_width_km, 3),
            rfc3339(p.time),
            fixed(p.min_separation_deg, 5),
            p.is_transit.to_string(),
            fixed(p.duration_s, 3),
            fixed(p.body_azimuth_deg, 3),
            fixed(p.body_elevation_deg, 3),
            fixed(p.body_radius_deg, 5),
            fixed(p.range_km, 1),
            p.satellite_size_arcsec
                .map_or_else(String::new, |a| fixed(a, 1)),
            fixed(t.element_age_days, 3),
            fixed(t.timing_uncertainty_s, 1),
        ])?;
    }
    out.flush()
}

/// The iCalendar file of `transits`: one event per transit, from half a minute before the
/// centre line's nearest moment to half a minute after, placed at the nearest point
/// (`GEO`, and `LOCATION` in words), with every line of [`transit_lines`] in the
/// description; `stamp` is the DTSTAMP.
pub fn transits_to_ics(transits: &[&Transit], stamp: DateTime<Utc>, fmt: &TimeFormatter) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Overhead//Satellite transits//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&ics_fold(line));
    }
    let half_minute = chrono::Duration::seconds(30);
    for t in transits {
        let n = &t.nearest;
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:transit-{}-{}-{}@overhead",
                t.norad_id,
                body_tag(t.body),
                n.time.format("%Y%m%dT%H%M%S")
            ),
            format!("DTSTAMP:{}", ics_time(stamp)),
            format!("DTSTART:{}", ics_time(n.time - half_minute)),
            format!("DTEND:{}", ics_time(n.time + half_minute)),
            format!("SUMMARY:{}", ics_escape(&transit_summary(t, fmt))),
            format!(
                "LOCATION:{}",
                ics_escape(&point_words(n.latitude_deg, n.longitude_deg))
            ),
            format!("GEO:{:.5};{:.5}", n.latitude_deg, n.longitude_deg),
            format!(
                "DESCRIPTION:{}",
                ics_escape(&transit_lines(t, fmt).join("\n"))
            ),
            "END:VEVENT".to_owned(),
        ];
        for line in lines {
            out.push_str(&ics_fold(&line));
        }
    }
    out.push_str(&ics_fold("END:VCALENDAR"));
    out
}
