//! Reading element sets: CelesTrak OMM JSON, OMM CSV, and 2-line / 3-line TLE.
//!
//! The format is detected from the content, never from a file name. A record that
//! cannot be used is skipped with a [`ParseWarning`] naming where it was and why; the
//! rest of the file still loads. Only a file with nothing usable at all is an error.
//! No input, however malformed, makes these functions panic (see the property tests
//! in `tests/elements.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::constants::{DAY_MINUTES, DAY_MS};
use super::propagator::Propagator;
use crate::text::{EXCERPT_CHARS, NAME_CHARS, clean, number};

/// One satellite's mean elements, as published, with where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementSet {
    /// NORAD / USSPACECOM catalog number (may exceed 99,999 since July 2026).
    pub norad_id: u64,
    /// Object name as published (trimmed), or `"NORAD <id>"` where the source had none.
    pub name: String,
    /// COSPAR international designator, e.g. `"1998-067A"`, where known.
    pub international_designator: Option<String>,
    /// Epoch of the elements, UTC.
    pub epoch: DateTime<Utc>,
    /// Where the set was read from (a file path, URL or "bundled"), for display.
    pub source: String,
    /// The mean elements in the form the `sgp4` crate propagates.
    pub elements: sgp4::Elements,
    /// SGP4 built from `elements` and checked at the epoch, once, when the set was parsed.
    propagator: Propagator,
}

impl ElementSet {
    /// The SGP4 propagator of these elements (built once, when the set was parsed).
    pub fn propagator(&self) -> &Propagator {
        &self.propagator
    }

    /// Age of the elements at `t`, in days (negative when `t` is before the epoch).
    pub fn age_days(&self, t: DateTime<Utc>) -> f64 {
        (t - self.epoch).num_milliseconds() as f64 / DAY_MS
    }

    /// Mean motion in revolutions per day (Kozai), as published.
    pub fn mean_motion_rev_per_day(&self) -> f64 {
        self.elements.mean_motion
    }

    /// Orbital period in minutes, from the published mean motion.
    pub fn period_minutes(&self) -> f64 {
        DAY_MINUTES / self.elements.mean_motion
    }
}

/// The text formats [`parse_elements`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementFormat {
    /// CelesTrak OMM JSON: an array of objects with CCSDS OMM keywords.
    OmmJson,
    /// CelesTrak OMM CSV: a header row of OMM keywords, one record per row.
    OmmCsv,
    /// Two-line or three-line element sets.
    Tle,
}

/// A record that was skipped, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseWarning {
    /// Where in the input: `"line 12"` for TLE and CSV, `"record 5"` for JSON (1-based).
    pub location: String,
    /// The satellite's name or catalog number, when it could be read.
    pub object: Option<String>,
    /// What was wrong.
    pub reason: String,
}

impl std::fmt::Display for ParseWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.object {
            Some(object) => write!(f, "{} ({}): {}", self.location, object, self.reason),
            None => write!(f, "{}: {}", self.location, self.reason),
        }
    }
}

/// The result of reading one input: the usable sets and the skipped records.
#[derive(Debug, Clone, Default)]
pub struct ParsedElements {
    /// Usable element sets, in input order (duplicates of one satellite already merged, newest epoch kept).
    pub sets: Vec<ElementSet>,
    /// Records that were skipped.
    pub warnings: Vec<ParseWarning>,
}

/// Why an input as a whole could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ElementsError {
    /// Nothing in the input was a usable element set.
    #[error("no usable element sets in {source_name}{}", describe_skipped(.skipped, .first_problem))]
    NothingUsable {
        /// The input's name (path or URL).
        source_name: String,
        /// How many records were skipped.
        skipped: usize,
        /// The first skipped record's problem, if any was recognised at all.
        first_problem: Option<String>,
    },
    /// The input looked like JSON but is not valid JSON or not an array of OMM records.
    #[error("{source_name} is not valid OMM JSON: {message}")]
    BadJson {
        /// The input's name.
        source_name: String,
        /// What the JSON parser said.
        message: String,
    },
}

fn describe_skipped(skipped: &usize, first: &Option<String>) -> String {
    match (skipped, first) {
        (0, _) => " (it holds no TLE, OMM JSON or OMM CSV records)".to_owned(),
        (n, Some(first)) => format!(" ({n} records skipped; first: {first})"),
        (n, None) => format!(" ({n} records skipped)"),
    }
}

/// Detects the format of `text` from its content.
///
/// JSON starts with `[` or `{`; CSV has a header row naming `NORAD_CAT_ID`; anything
/// else is read as TLE.
pub fn detect_format(text: &str) -> ElementFormat {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        return ElementFormat::OmmJson;
    }
    let first_line = trimmed.lines().next().unwrap_or("");
    if first_line.contains(',') && first_line.to_ascii_uppercase().contains("NORAD_CAT_ID") {
        ElementFormat::OmmCsv
    } else {
        ElementFormat::Tle
    }
}

/// Reads every element set in `text`, whatever its format, skipping bad records.
///
/// `source_name` names the input in warnings and in each set's [`ElementSet::source`].
/// Each set's SGP4 propagator is built here, once, and checked by propagating it to its
/// own epoch, so a set that SGP4 rejects or that is already below the Earth's surface is
/// skipped here rather than failing later; the set keeps it ([`ElementSet::propagator`]). When one satellite appears more than once,
/// the set with the newest epoch is kept.
///
/// ```
/// let tle = "ISS (ZARYA)\n\
/// 1 25544U 98067A   26234.50053383  .00009133  00000+0  17025-3 0  9997\n\
/// 2 25544  51.6331 331.8814 0007668  72.6488 287.5339 15.49570248582031\n";
/// let parsed = overhead::orbit::parse_elements(tle, "example").unwrap();
/// assert_eq!(parsed.sets[0].norad_id, 25544);
/// assert_eq!(parsed.sets[0].name, "ISS (ZARYA)");
/// ```
pub fn parse_elements(text: &str, source_name: &str) -> Result<ParsedElements, ElementsError> {
    let text = text.trim_start_matches('\u{feff}');
    let (candidates, warnings) = match detect_format(text) {
        ElementFormat::OmmJson => read_omm_json(text, source_name)?,
        ElementFormat::OmmCsv => read_omm_csv(text),
        ElementFormat::Tle => read_tle(text),
    };
    // Warnings quote the input (a name, a line, a value): one short printable line each.
    let mut warnings: Vec<ParseWarning> = warnings
        .into_iter()
        .map(|w| ParseWarning {
            location: w.location,
            object: w.object.map(|o| clean(&o, NAME_CHARS)),
            reason: clean(&w.reason, 2 * EXCERPT_CHARS),
        })
        .collect();
    let mut sets = Vec::with_capacity(candidates.len());
    for (location, elements) in candidates {
        match check_elements(elements, source_name) {
            Ok(set) => sets.push(set),
            Err((object, reason)) => warnings.push(ParseWarning {
                location,
                object,
                reason,
            }),
        }
    }
    if sets.is_empty() {
        return Err(ElementsError::NothingUsable {
            source_name: source_name.to_owned(),
            skipped: warnings.len(),
            first_problem: warnings.first().map(ToString::to_string),
        });
    }
    Ok(ParsedElements {
        sets: merge_newest(sets),
        warnings,
    })
}

/// Merges element sets so that each satellite appears once, with its newest epoch.
///
/// The order of first appearance is kept. An older set never replaces a newer one,
/// whichever order they arrive in; of two sets with the same epoch the first is kept.
pub fn merge_newest(sets: impl IntoIterator<Item = ElementSet>) -> Vec<ElementSet> {
    let mut index_by_id: HashMap<u64, usize> = HashMap::new();
    let mut merged: Vec<ElementSet> = Vec::new();
    for set in sets {
        match index_by_id.get(&set.norad_id) {
            Some(&i) => {
                if let Some(existing) = merged.get_mut(i)
                    && set.epoch > existing.epoch
                {
                    *existing = set;
                }
            }
            None => {
                index_by_id.insert(set.norad_id, merged.len());
                merged.push(set);
            }
        }
    }
    merged
}

type Candidates = (Vec<(String, sgp4::Elements)>, Vec<ParseWarning>);

fn check_elements(
    elements: sgp4::Elements,
    source_name: &str,
) -> Result<ElementSet, (Option<String>, String)> {
    // Names reach the terminal, CSV, iCalendar and the window: printable, one line, short.
    let name = elements
        .object_name
        .as_deref()
        .map(|n| clean(n, NAME_CHARS))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("NORAD {}", elements.norad_id));
    let object = Some(format!("{} {}", name, elements.norad_id));
    let numbers = [
        elements.mean_motion,
        elements.eccentricity,
        elements.inclination,
        elements.right_ascension,
        elements.argument_of_perigee,
        elements.mean_anomaly,
        elements.drag_term,
        elements.mean_motion_dot,
        elements.mean_motion_ddot,
    ];
    if numbers.iter().any(|x| !x.is_finite()) {
        return Err((object, "a field is not a finite number".to_owned()));
    }
    if !(0.0..1.0).contains(&elements.eccentricity) {
        return Err((
            object,
            format!(
                "eccentricity {} is outside [0, 1)",
                number(elements.eccentricity)
            ),
        ));
    }
    if !(elements.mean_motion > 0.0 && elements.mean_motion < 20.0) {
        return Err((
            object,
            format!(
                "mean motion {} rev/day is not a possible Earth orbit",
                number(elements.mean_motion)
            ),
        ));
    }
    // Angles as TLE columns and OMM keywords define them: inclination 0–180°, the others
    // 0–360° (360 itself is tolerated, as some writers round 359.99995 up).
    let angles = [
        ("inclination", elements.inclination, 180.0),
        (
            "right ascension of the ascending node",
            elements.right_ascension,
            360.0,
        ),
        ("argument of perigee", elements.argument_of_perigee, 360.0),
        ("mean anomaly", elements.mean_anomaly, 360.0),
    ];
    for (what, value_deg, max_deg) in angles {
        if !(0.0..=max_deg).contains(&value_deg) {
            return Err((
                object,
                format!("{what} {} deg is outside [0, {max_deg}]", number(value_deg)),
            ));
        }
    }
    let epoch = elements.datetime.and_utc();
    let mut elements = elements;
    elements.object_name = Some(name.clone());
    // Building the propagator and propagating to the epoch catches what SGP4 itself
    // rejects (e.g. a perigee inside the Earth, eccentricity driven out of range). The
    // propagator is kept: nothing builds SGP4 for this set again.
    let propagator = Propagator::new(&elements).map_err(|e| (object, e.to_string()))?;
    Ok(ElementSet {
        norad_id: elements.norad_id,
        name,
        international_designator: elements
            .international_designator
            .as_deref()
            .map(|d| clean(d, NAME_CHARS)),
        epoch,
        source: source_name.to_owned(),
        elements,
        propagator,
    })
}

// ---------------------------------------------------------------------------------------
// OMM JSON

fn read_omm_json(text: &str, source_name: &str) -> Result<Candidates, ElementsError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ElementsError::BadJson {
            source_name: source_name.to_owned(),
            message: clean(&e.to_string(), 2 * EXCERPT_CHARS),
        })?;
    let records = match value {
        serde_json::Value::Array(records) => records,
        object @ serde_json::Value::Object(_) => vec![object],
        _ => {
            return Err(ElementsError::BadJson {
                source_name: source_name.to_owned(),
                message: "expected an array of OMM records".to_owned(),
            });
        }
    };
    let mut candidates = Vec::with_capacity(records.len());
    let mut warnings = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let location = format!("record {}", i + 1);
        let object = record
            .get("OBJECT_NAME")
            .and_then(|v| v.as_str())
            .map(|s| s.trim().to_owned());
        match serde_json::from_value::<sgp4::Elements>(record) {
            Ok(elements) => candidates.push((location, elements)),
            Err(e) => warnings.push(ParseWarning {
                location,
                object,
                reason: format!("not a usable OMM record: {e}"),
            }),
        }
    }
    Ok((candidates, warnings))
}

// ---------------------------------------------------------------------------------------
// OMM CSV

/// Splits one CSV row, honouring double quotes (`""` inside quotes is a quote).
fn split_csv_row(row: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => in_quotes = !in_quotes,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn read_omm_csv(text: &str) -> Candidates {
    let mut lines = text.lines().enumerate();
    let mut candidates = Vec::new();
    let mut warnings = Vec::new();
    let Some((_, header)) = lines.next() else {
        return (candidates, warnings);
    };
    let columns: Vec<String> = split_csv_row(header.trim())
        .into_iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let location = format!("line {}", i + 1);
        let fields = split_csv_row(line);
        let mut map = serde_json::Map::new();
        for (column, value) in columns.iter().zip(fields.iter()) {
            map.insert(
                column.clone(),
                serde_json::Value::String(value.trim().to_owned()),
            );
        }
        let object = map
            .get("OBJECT_NAME")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if fields.len() != columns.len() {
            warnings.push(ParseWarning {
                location,
                object,
                reason: format!(
                    "{} fields where the header has {}",
                    fields.len(),
                    columns.len()
                ),
            });
            continue;
        }
        // OMM CSV spells empty designators as "" and numbers as strings; the sgp4
        // crate's OMM deserialiser accepts numbers given as strings.
        if map.get("OBJECT_ID").and_then(|v| v.as_str()) == Some("") {
            map.insert("OBJECT_ID".to_owned(), serde_json::Value::Null);
        }
        match serde_json::from_value::<sgp4::Elements>(serde_json::Value::Object(map)) {
            Ok(elements) => candidates.push((location, elements)),
            Err(e) => warnings.push(ParseWarning {
                location,
                object,
                reason: format!("not a usable OMM record: {e}"),
            }),
        }
    }
    (candidates, warnings)
}

// ---------------------------------------------------------------------------------------
// TLE

/// The TLE mod-10 checksum of the first 68 characters: digits count their value, `-` counts 1.
fn tle_checksum(line: &[u8]) -> u32 {
    line.iter()
        .take(68)
        .map(|&c| match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'-' => 1,
            _ => 0,
        })
        .sum::<u32>()
        % 10
}

/// Checks one element line's length, characters and checksum before handing it to `sgp4`.
fn check_tle_line(line: &str, which: u8) -> Result<(), String> {
    let bytes = line.as_bytes();
    if !line.is_ascii() {
        return Err(format!("line {which} has non-ASCII characters"));
    }
    if bytes.len() != 69 {
        return Err(format!(
            "line {which} is {} characters long, not 69",
            bytes.len()
        ));
    }
    let expected = match bytes.get(68) {
        Some(c @ b'0'..=b'9') => u32::from(c - b'0'),
        _ => return Err(format!("line {which} has no checksum digit in column 69")),
    };
    let actual = tle_checksum(bytes);
    if actual != expected {
        return Err(format!(
            "bad checksum on line {which} (column 69 says {expected}, the line sums to {actual})"
        ));
    }
    Ok(())
}

/// Cuts an element line to its 69 columns. Some files (e.g. Vallado's test set) append
/// extra columns after a space; trailing blanks are also dropped.
fn element_line(raw: &str) -> &str {
    let line = raw.trim_end();
    match line.get(..69) {
        Some(head) if line.len() > 69 && line[69..].starts_with(char::is_whitespace) => head,
        _ => line,
    }
}

/// Older element sets leave the classification (column 8) and ephemeris type (column 63)
/// blank; they mean "U" and "0". Neither change alters the checksum (letters and blanks
/// count zero, and so does the digit 0).
fn fill_blank_line1_fields(line1: &str) -> Vec<u8> {
    let mut bytes = line1.as_bytes().to_vec();
    if let Some(c @ b' ') = bytes.get_mut(7) {
        *c = b'U';
    }
    if let Some(c @ b' ') = bytes.get_mut(62) {
        *c = b'0';
    }
    bytes
}

fn looks_like_line(line: &str, digit: char) -> bool {
    let mut chars = line.chars();
    chars.next() == Some(digit) && chars.next() == Some(' ')
}

fn read_tle(text: &str) -> Candidates {
    let mut candidates = Vec::new();
    let mut warnings = Vec::new();
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let mut pending_name: Option<(usize, String)> = None;
    let mut i = 0;
    while let Some(&(number, raw)) = lines.get(i) {
        let line = element_line(raw);
        if looks_like_line(line, '1') {
            let name = pending_name.take();
            let object = name
                .as_ref()
                .map(|(_, n)| n.clone())
                .or_else(|| line.get(2..7).map(|id| id.trim().to_owned()));
            let location = format!("line {}", name.as_ref().map_or(number, |(n, _)| *n));
            match lines.get(i + 1) {
                Some(&(_, raw2)) if looks_like_line(element_line(raw2), '2') => {
                    let line2 = element_line(raw2);
                    i += 2;
                    let checked = check_tle_line(line, 1).and_then(|()| check_tle_line(line2, 2));
                    if let Err(reason) = checked {
                        warnings.push(ParseWarning {
                            location,
                            object,
                            reason,
                        });
                        continue;
                    }
                    let name = name.map(|(_, n)| n);
                    let line1 = fill_blank_line1_fields(line);
                    match sgp4::Elements::from_tle(name, &line1, line2.as_bytes()) {
                        Ok(elements) => candidates.push((location, elements)),
                        Err(e) => warnings.push(ParseWarning {
                            location,
                            object,
                            reason: e.to_string(),
                        }),
                    }
                }
                _ => {
                    warnings.push(ParseWarning {
                        location,
                        object,
                        reason: "line 1 is not followed by line 2".to_owned(),
                    });
                    i += 1;
                }
            }
        } else if looks_like_line(line, '2') {
            warnings.push(ParseWarning {
                location: format!("line {number}"),
                object: line.get(2..7).map(|id| id.trim().to_owned()),
                reason: "line 2 without a line 1 before it".to_owned(),
            });
            pending_name = None;
            i += 1;
        } else {
            if let Some((n, name)) = pending_name.take() {
                warnings.push(ParseWarning {
                    location: format!("line {n}"),
                    object: Some(name),
                    reason: "a name with no element lines after it".to_owned(),
                });
            }
            // Three-line sets sometimes prefix the name with "0 ".
            let name = raw.strip_prefix("0 ").unwrap_or(raw).trim().to_owned();
            pending_name = Some((number, name));
            i += 1;
        }
    }
    if let Some((n, name)) = pending_name {
        warnings.push(ParseWarning {
            location: format!("line {n}"),
            object: Some(name),
            reason: "a name with no element lines after it".to_owned(),
        });
    }
    (candidates, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISS: &str = "ISS (ZARYA)             \r\n1 25544U 98067A   26234.50053383  .00009133  00000+0  17025-3 0  9997\r\n2 25544  51.6331 331.8814 0007668  72.6488 287.5339 15.49570248582031\r\n";

    #[test]
    fn three_line_crlf_with_padded_name() {
        let parsed = parse_elements(ISS, "t").unwrap();
        assert_eq!(parsed.sets.len(), 1);
        assert_eq!(parsed.sets[0].name, "ISS (ZARYA)");
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn bad_checksum_is_skipped_with_warning() {
        let bad = ISS.replace("0  9997", "0  9998");
        let parsed = parse_elements(&format!("{bad}{ISS}"), "t").unwrap();
        assert_eq!(parsed.sets.len(), 1);
        assert_eq!(parsed.warnings.len(), 1);
        assert!(parsed.warnings[0].reason.contains("checksum"));
        assert_eq!(parsed.warnings[0].location, "line 1");
    }

    #[test]
    fn csv_numbers_without_leading_zero() {
        let csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\r\nCALSPHERE 1,1964-063C,2026-08-22T12:30:24.433632,13.76683693,.00279781,90.2176,73.3121,91.0130,301.2972,0,U,900,999,8055,.46237927E-3,.465E-5,0\r\n";
        let parsed = parse_elements(csv, "t").unwrap();
        assert_eq!(parsed.sets[0].norad_id, 900);
        assert!((parsed.sets[0].elements.eccentricity - 0.00279781).abs() < 1e-12);
        assert!((parsed.sets[0].elements.drag_term - 0.46237927e-3).abs() < 1e-12);
    }

    #[test]
    fn empty_input_is_a_clear_error() {
        let err = parse_elements("No GP data found", "celestrak").unwrap_err();
        assert!(err.to_string().contains("no usable element sets"));
    }
}
