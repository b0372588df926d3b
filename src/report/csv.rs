//! The CSV report: a header row, then one row per pass (times in UTC, RFC 3339).

use super::{PassRecord, rfc3339};
use crate::orbit::{Appears, PassPoint, Vanishes};
use crate::text::{NAME_CHARS, clean};

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
