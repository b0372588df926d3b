//! The CSV report: a header row, then one row per pass (times in UTC, RFC 3339).
//!
//! Written with the `csv` crate (quoting, CRLF row ends). The numbers are formatted digit
//! by digit (`digits`, the same bytes as `{:.3}`) into one reused buffer per worker, never
//! a `String` per field. A week of the whole catalog (about 700,000 rows, 160 MB) is
//! formatted in parallel batches of rows while the batches before are written, in order,
//! so memory holds two windows of batches, not the file.

use std::io::Write;

use rayon::prelude::*;

use super::PassRecord;
use super::digits::{push_fixed, push_rfc3339, push_whole};
use crate::orbit::{Appears, PassPoint, Vanishes};

/// The header row's column names, in order.
const COLUMNS: [&str; 37] = [
    "norad_id",
    "name",
    "rise_time",
    "rise_azimuth_deg",
    "rise_elevation_deg",
    "rise_range_km",
    "culmination_time",
    "culmination_azimuth_deg",
    "culmination_elevation_deg",
    "culmination_range_km",
    "set_time",
    "set_azimuth_deg",
    "set_elevation_deg",
    "set_range_km",
    "duration_s",
    "visible",
    "visible_start",
    "visible_end",
    "magnitude",
    "not_visible_reason",
    "element_age_days",
    "timing_uncertainty_s",
    "visible_start_azimuth_deg",
    "visible_start_elevation_deg",
    "visible_peak_time",
    "visible_peak_azimuth_deg",
    "visible_peak_elevation_deg",
    "visible_peak_range_km",
    "visible_end_azimuth_deg",
    "visible_end_elevation_deg",
    "appears",
    "vanishes",
    "bright_enough",
    "standard_magnitude",
    "standard_magnitude_sigma",
    "standard_magnitude_source",
    "standard_magnitude_basis",
];

/// Rows formatted by one worker at a time before they are written (about 0.5 MB of text).
const ROWS_PER_BATCH: usize = 2 * 1024;

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
/// for `limiting_magnitude` (`true`, `maybe`, `false`) follow the earlier columns (empty
/// when not visible), then the standard magnitude, its sigma, source and basis.
pub fn write_csv(
    mut w: impl Write,
    records: &[&PassRecord],
    limiting_magnitude: f64,
) -> std::io::Result<()> {
    let mut header = csv_writer(Vec::new());
    header.write_record(COLUMNS)?;
    w.write_all(&into_bytes(header)?)?;
    // Each worker formats a batch of rows into its own buffer, a window of batches at a
    // time, on a thread of its own while this one writes the window before: the batches
    // are written in order, and memory holds two windows, never the file.
    let window = ROWS_PER_BATCH * rayon::current_num_threads().max(1);
    std::thread::scope(|scope| {
        let (sender, formatted) = std::sync::mpsc::sync_channel::<Vec<std::io::Result<Vec<u8>>>>(1);
        let formatter = scope.spawn(move || {
            for records in records.chunks(window) {
                let batches = records
                    .par_chunks(ROWS_PER_BATCH)
                    .map(|batch| rows(batch, limiting_magnitude))
                    .collect();
                if sender.send(batches).is_err() {
                    // The writer stopped (a write failed): nothing more to format.
                    return;
                }
            }
        });
        let written = formatted
            .iter()
            .flatten()
            .try_for_each(|batch| w.write_all(&batch?));
        // Dropping the receiver first lets a formatter blocked on a full channel finish.
        drop(formatted);
        if formatter.join().is_err() {
            return Err(std::io::Error::other("formatting the CSV rows failed"));
        }
        written
    })
}

/// A CSV writer as the report needs it: comma, CRLF row ends, quotes only where needed.
fn csv_writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The bytes a CSV writer over a `Vec` has written.
fn into_bytes(writer: csv::Writer<Vec<u8>>) -> std::io::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// The rows of `records`, formatted.
fn rows(records: &[&PassRecord], limiting_magnitude: f64) -> std::io::Result<Vec<u8>> {
    let mut out = csv_writer(Vec::with_capacity(records.len() * 256));
    let mut row = Row {
        out: &mut out,
        field: Vec::with_capacity(64),
    };
    for r in records {
        row.record(r, limiting_magnitude)?;
    }
    into_bytes(out)
}

/// One CSV writer and the buffer its fields are formatted in.
struct Row<'a> {
    out: &'a mut csv::Writer<Vec<u8>>,
    field: Vec<u8>,
}

impl Row<'_> {
    /// Writes the field formatted by `format` into the reused buffer.
    fn field(&mut self, format: impl FnOnce(&mut Vec<u8>)) -> csv::Result<()> {
        self.field.clear();
        format(&mut self.field);
        self.out.write_field(&self.field)
    }

    /// A number with `decimals` places, as `{:.N}` prints it.
    fn number(&mut self, x: f64, decimals: usize) -> csv::Result<()> {
        self.field(|buf| push_fixed(buf, x, decimals))
    }

    /// A time, RFC 3339 in UTC with milliseconds.
    fn time(&mut self, t: chrono::DateTime<chrono::Utc>) -> csv::Result<()> {
        self.field(|buf| push_rfc3339(buf, t))
    }

    /// Text (quoted by the writer where needed).
    fn text(&mut self, text: &str) -> csv::Result<()> {
        self.out.write_field(text)
    }

    /// Time, azimuth, elevation and range of a point.
    fn point(&mut self, q: &PassPoint) -> csv::Result<()> {
        self.time(q.time)?;
        self.number(q.azimuth_deg, 3)?;
        self.number(q.elevation_deg, 3)?;
        self.number(q.range_km, 3)
    }

    /// Azimuth and elevation of a point, or two empty fields.
    fn angles(&mut self, q: Option<PassPoint>) -> csv::Result<()> {
        match q {
            Some(q) => {
                self.number(q.azimuth_deg, 3)?;
                self.number(q.elevation_deg, 3)
            }
            None => {
                self.text("")?;
                self.text("")
            }
        }
    }

    /// The row of one pass.
    fn record(&mut self, r: &PassRecord, limiting_magnitude: f64) -> csv::Result<()> {
        let p = &r.pass;
        self.field(|buf| push_whole(buf, p.norad_id))?;
        self.text(r.shown_name())?;
        self.point(&p.rise)?;
        self.point(&p.culmination)?;
        self.point(&p.set)?;
        self.number(p.duration().num_milliseconds() as f64 / 1000.0, 3)?;
        self.text(if p.is_visible { "true" } else { "false" })?;
        match p.visible_start() {
            Some(q) => self.time(q.time)?,
            None => self.text("")?,
        }
        match p.visible_end() {
            Some(q) => self.time(q.time)?,
            None => self.text("")?,
        }
        match p.magnitude {
            Some(m) => self.number(m, 2)?,
            None => self.text("")?,
        }
        self.text(p.not_visible_reason.map(|x| x.phrase()).unwrap_or_default())?;
        self.number(r.element_age_days(), 3)?;
        self.number(r.timing_uncertainty_s(), 1)?;
        self.angles(p.visible_start())?;
        match &p.visible_peak() {
            Some(q) => self.point(q)?,
            None => {
                for _ in 0..4 {
                    self.text("")?;
                }
            }
        }
        self.angles(p.visible_end())?;
        self.text(p.appears.map(Appears::tag).unwrap_or_default())?;
        self.text(p.vanishes.map(Vanishes::tag).unwrap_or_default())?;
        self.text(r.bright_verdict(limiting_magnitude).map_or("", |v| v.tag()))?;
        match r.standard_magnitude() {
            Some(e) => {
                self.number(e.value, 2)?;
                self.number(e.sigma, 2)?;
                self.text(e.source.tag())?;
                self.text(&e.basis)?;
            }
            None => {
                for _ in 0..4 {
                    self.text("")?;
                }
            }
        }
        self.out.write_record(None::<&[u8]>)
    }
}
