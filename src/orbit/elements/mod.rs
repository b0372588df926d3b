//! Reading element sets: CelesTrak OMM JSON, OMM CSV, and 2-line / 3-line TLE.
//!
//! The format is detected from the content, never from a file name. A record that
//! cannot be used is skipped and counted; the first few ([`MAX_WARNINGS_KEPT`]) are kept
//! as [`ParseWarning`]s naming where they were and why, and the rest of the file still
//! loads. Only a file with nothing usable at all (or whose layout is ambiguous: a CSV
//! header naming one column twice) is an error. No input, however malformed, makes these
//! functions panic (see the property tests in `tests/elements.rs` and `tests/hostile.rs`).
//!
//! Memory follows what is kept, not what is read (issue 25): the text is walked once,
//! line by line or (JSON) record by record, without a tree of every value; a skipped
//! record costs a count, not a message; a satellite seen again is merged at once (the
//! newest epoch kept, SGP4 not even built for an older one); and at most
//! [`MAX_SATELLITES`] distinct satellites are kept from one input.
//!
//! The readers live in `lines` (line ends of every kind), `tle` and `omm` (the OMM
//! keywords, shared by `omm_csv` and `omm_json`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::constants::{DAY_MINUTES, DAY_MS};
use super::propagator::Propagator;
use crate::text::{EXCERPT_CHARS, NAME_CHARS, clean, number};

mod lines;
mod omm;
mod omm_csv;
mod omm_json;
mod tle;

/// How many skipped records are kept as [`ParseWarning`]s; the others are only counted
/// ([`ParsedElements::skipped`]).
pub const MAX_WARNINGS_KEPT: usize = 20;

/// Unusable records in a row after which the rest of an input is not read: no element
/// file has a million bad records together, and reading on would only spend time on junk
/// (a 64 MiB file holds 33 million one-character "records"). Said in the result
/// ([`ParsedElements::stopped_early`]).
pub const MAX_UNUSABLE_IN_A_ROW: usize = 1_000_000;

/// Most distinct satellites kept from one input (or one merged catalog). The public
/// catalog holds under 70,000 objects and CelesTrak's active set about 16,000; a file with
/// more (a 64 MiB file of minimal TLEs holds 480,000) keeps the first this many, saying so,
/// so that memory stays bounded (an element set with its SGP4 constants is about 1 kB).
pub const MAX_SATELLITES: usize = 100_000;

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
    /// The mean elements in the form the `sgp4` crate propagates (the name and designator
    /// are kept once, in the fields above, not again in here).
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
    /// The first [`MAX_WARNINGS_KEPT`] skipped records, with why.
    pub warnings: Vec<ParseWarning>,
    /// How many records were skipped in all (at least `warnings.len()`).
    pub skipped: usize,
    /// How many records were read in all: usable, merged duplicates and skipped.
    pub records: usize,
    /// Usable satellites left out because the input held more than [`MAX_SATELLITES`].
    pub left_out: usize,
    /// True when reading stopped after [`MAX_UNUSABLE_IN_A_ROW`] unusable records in a
    /// row; the rest of the input was not read.
    pub stopped_early: bool,
}

impl ParsedElements {
    /// True when most of the input was unusable: more than half of at least
    /// [`JUNK_MIN_RECORDS`] records skipped. Such a download is refused (the old cache
    /// kept): an error page or a broken mirror, not element data with a few bad records.
    pub fn is_mostly_junk(&self) -> bool {
        self.stopped_early || (self.skipped >= JUNK_MIN_RECORDS && self.skipped * 2 > self.records)
    }

    /// The skipped records beyond those kept as warnings.
    pub fn unlisted_skipped(&self) -> usize {
        self.skipped.saturating_sub(self.warnings.len())
    }
}

/// Fewest skipped records that can make an input "mostly junk"
/// ([`ParsedElements::is_mostly_junk`]): a small file with a few stray lines is not.
pub const JUNK_MIN_RECORDS: usize = 10;

/// Why an input as a whole could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ElementsError {
    /// Nothing in the input was a usable element set.
    #[error(
        "no usable element sets in {source_name}{}{}",
        describe_skipped(.skipped, .first_problem),
        if *.stopped_early { "; reading stopped there, the rest of it is not element data either way" } else { "" }
    )]
    NothingUsable {
        /// The input's name (path or URL).
        source_name: String,
        /// How many records were skipped.
        skipped: usize,
        /// The first skipped record's problem, if any was recognised at all.
        first_problem: Option<String>,
        /// Reading stopped after [`MAX_UNUSABLE_IN_A_ROW`] unusable records in a row.
        stopped_early: bool,
    },
    /// The input looked like JSON but is not valid JSON or not an array of OMM records.
    #[error("{source_name} is not valid OMM JSON: {message}")]
    BadJson {
        /// The input's name.
        source_name: String,
        /// What the JSON parser said.
        message: String,
    },
    /// The input looked like OMM CSV, but its header cannot be read unambiguously (a
    /// column named twice, a required column missing, far too many columns).
    #[error("{source_name} is not usable OMM CSV: {problem}")]
    BadCsvHeader {
        /// The input's name.
        source_name: String,
        /// What is wrong with the header.
        problem: String,
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
    // Only the start of the first line is looked at: a header is short, and a megabyte
    // line of commas is not worth upper-casing.
    let first_line = lines::Lines::new(trimmed)
        .next()
        .map_or("", |(_, line)| line);
    let head = first_line
        .get(..first_line.len().min(4096))
        .unwrap_or(first_line);
    if head.contains(',') && head.to_ascii_uppercase().contains("NORAD_CAT_ID") {
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
/// skipped here rather than failing later; the set keeps it ([`ElementSet::propagator`]).
/// When one satellite appears more than once, the set with the newest epoch is kept.
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
    let mut collector = Collector::new(source_name);
    match detect_format(text) {
        ElementFormat::OmmJson => omm_json::read(text, &mut collector)?,
        ElementFormat::OmmCsv => omm_csv::read(text, &mut collector)?,
        ElementFormat::Tle => tle::read(text, &mut collector),
    }
    collector.finish()
}

/// Merges element sets so that each satellite appears once, with its newest epoch.
///
/// The order of first appearance is kept. An older set never replaces a newer one,
/// whichever order they arrive in; of two sets with the same epoch the first is kept.
pub fn merge_newest(sets: impl IntoIterator<Item = ElementSet>) -> Vec<ElementSet> {
    let mut merger = Merger::new(usize::MAX);
    for set in sets {
        merger.add(set);
    }
    merger.sets
}

/// Element sets merged one at a time, each satellite once with its newest epoch, at most
/// `limit` satellites (see [`merge_newest`]): memory follows the satellites kept, not the
/// sets offered.
#[derive(Debug, Default)]
pub struct Merger {
    sets: Vec<ElementSet>,
    index_by_id: HashMap<u64, usize>,
    limit: usize,
    left_out: usize,
}

/// What [`Merger`] would do with a set of a satellite at an epoch.
enum Place {
    /// A satellite not yet kept, with room for it.
    New,
    /// Newer than the kept set at this index.
    Replace(usize),
    /// Not newer than the kept set: dropped.
    Older,
    /// A satellite not yet kept, and no room.
    Full,
}

impl Merger {
    /// An empty merger keeping at most `limit` satellites.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            ..Self::default()
        }
    }

    fn place(&self, norad_id: u64, epoch: DateTime<Utc>) -> Place {
        match self.index_by_id.get(&norad_id) {
            Some(&i) => match self.sets.get(i) {
                Some(kept) if epoch > kept.epoch => Place::Replace(i),
                _ => Place::Older,
            },
            None if self.sets.len() < self.limit => Place::New,
            None => Place::Full,
        }
    }

    /// Adds `set`: kept if its satellite is new (and there is room), replacing the kept
    /// set if newer, else dropped.
    pub fn add(&mut self, set: ElementSet) {
        match self.place(set.norad_id, set.epoch) {
            Place::New => {
                self.index_by_id.insert(set.norad_id, self.sets.len());
                self.sets.push(set);
            }
            Place::Replace(i) => {
                if let Some(kept) = self.sets.get_mut(i) {
                    *kept = set;
                }
            }
            Place::Older => {}
            Place::Full => self.left_out += 1,
        }
    }

    /// Satellites offered but left out for want of room.
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// The kept sets, in the order their satellites first came.
    pub fn into_sets(mut self) -> Vec<ElementSet> {
        // Grown by doubling: up to half of it would be empty room, kept as long as the
        // catalog is.
        self.sets.shrink_to_fit();
        self.sets
    }
}

/// What the readers hand their records to: checks each candidate, merges it, and counts
/// (and for the first few, describes) the skipped ones.
pub(super) struct Collector<'a> {
    source_name: &'a str,
    merger: Merger,
    warnings: Vec<ParseWarning>,
    skipped: usize,
    records: usize,
    /// Unusable records since the last usable one.
    unusable_in_a_row: usize,
}

impl<'a> Collector<'a> {
    fn new(source_name: &'a str) -> Self {
        Self {
            source_name,
            merger: Merger::new(MAX_SATELLITES),
            warnings: Vec::new(),
            skipped: 0,
            records: 0,
            unusable_in_a_row: 0,
        }
    }

    /// True once [`MAX_UNUSABLE_IN_A_ROW`] records in a row were unusable: the readers stop.
    pub(super) fn should_stop(&self) -> bool {
        self.unusable_in_a_row >= MAX_UNUSABLE_IN_A_ROW
    }

    /// Records one skipped record. The location, name and reason are built (and cleaned)
    /// only for the first [`MAX_WARNINGS_KEPT`]: a file of millions of bad lines costs a
    /// count, not a message each.
    pub(super) fn skip(
        &mut self,
        location: impl FnOnce() -> String,
        object: Option<&str>,
        reason: impl FnOnce() -> String,
    ) {
        self.records += 1;
        self.skipped += 1;
        self.unusable_in_a_row += 1;
        if self.warnings.len() < MAX_WARNINGS_KEPT {
            // Warnings quote the input (a name, a line, a value): one short printable line each.
            self.warnings.push(ParseWarning {
                location: location(),
                object: object
                    .map(|o| clean(o, NAME_CHARS))
                    .filter(|o| !o.is_empty()),
                reason: clean(&reason(), 2 * EXCERPT_CHARS),
            });
        }
    }

    /// Offers one record's elements: checked, SGP4 built, merged; or skipped with why.
    pub(super) fn candidate(
        &mut self,
        location: impl FnOnce() -> String,
        elements: sgp4::Elements,
    ) {
        let epoch = elements.datetime.and_utc();
        // An older copy of a satellite already kept is dropped before SGP4 is built for it;
        // so is a new satellite when the input already gave the most that are kept.
        match self.merger.place(elements.norad_id, epoch) {
            Place::Older => {
                self.records += 1;
                self.unusable_in_a_row = 0;
                return;
            }
            Place::Full => {
                self.records += 1;
                self.unusable_in_a_row = 0;
                self.merger.left_out += 1;
                return;
            }
            Place::New | Place::Replace(_) => {}
        }
        match check_elements(elements, self.source_name) {
            Ok(set) => {
                self.records += 1;
                self.unusable_in_a_row = 0;
                self.merger.add(set);
            }
            Err((object, reason)) => self.skip(location, object.as_deref(), || reason),
        }
    }

    fn finish(self) -> Result<ParsedElements, ElementsError> {
        let left_out = self.merger.left_out();
        let stopped_early = self.should_stop();
        let sets = self.merger.into_sets();
        if sets.is_empty() {
            return Err(ElementsError::NothingUsable {
                source_name: self.source_name.to_owned(),
                skipped: self.skipped,
                first_problem: self.warnings.first().map(ToString::to_string),
                stopped_early,
            });
        }
        Ok(ParsedElements {
            sets,
            warnings: self.warnings,
            skipped: self.skipped,
            records: self.records,
            left_out,
            stopped_early,
        })
    }
}

fn check_elements(
    mut elements: sgp4::Elements,
    source_name: &str,
) -> Result<ElementSet, (Option<String>, String)> {
    // Names reach the terminal, CSV, iCalendar and the window: printable, one line, short.
    let name = elements
        .object_name
        .take()
        .map(|n| clean(&n, NAME_CHARS))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("NORAD {}", elements.norad_id));
    let international_designator = elements
        .international_designator
        .take()
        .map(|d| clean(&d, NAME_CHARS))
        .filter(|d| !d.is_empty());
    let object = Some(format!("{} {}", name, elements.norad_id));
    let numbers = [
        ("mean motion", elements.mean_motion),
        ("eccentricity", elements.eccentricity),
        ("inclination", elements.inclination),
        ("right ascension", elements.right_ascension),
        ("argument of perigee", elements.argument_of_perigee),
        ("mean anomaly", elements.mean_anomaly),
        ("BSTAR drag term", elements.drag_term),
        ("mean motion derivative", elements.mean_motion_dot),
        ("mean motion second derivative", elements.mean_motion_ddot),
    ];
    if let Some((what, _)) = numbers.iter().find(|(_, x)| !x.is_finite()) {
        return Err((object, format!("the {what} is not a finite number")));
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
    // Building the propagator and propagating to the epoch catches what SGP4 itself
    // rejects (e.g. a perigee inside the Earth, eccentricity driven out of range). The
    // propagator is kept: nothing builds SGP4 for this set again.
    let propagator = Propagator::new(&elements).map_err(|e| (object, e.to_string()))?;
    Ok(ElementSet {
        norad_id: elements.norad_id,
        name,
        international_designator,
        epoch,
        source: source_name.to_owned(),
        elements,
        propagator,
    })
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

    #[test]
    fn junk_lines_keep_twenty_messages_and_a_count_and_a_million_stop_the_reading() {
        let text = format!("{}{ISS}", "junk\n".repeat(100_000));
        let parsed = parse_elements(&text, "t").unwrap();
        assert_eq!(parsed.sets.len(), 1);
        assert_eq!(parsed.warnings.len(), MAX_WARNINGS_KEPT);
        assert_eq!(parsed.skipped, 100_000);
        assert!(parsed.is_mostly_junk());
        assert!(!parsed.stopped_early);
        let text = format!("{ISS}{}{ISS}", "junk\n".repeat(MAX_UNUSABLE_IN_A_ROW + 5));
        let parsed = parse_elements(&text, "t").unwrap();
        assert!(parsed.stopped_early);
        assert_eq!(parsed.skipped, MAX_UNUSABLE_IN_A_ROW);
    }

    #[test]
    fn duplicates_are_merged_as_they_come_and_the_limit_counts_the_rest() {
        let mut merger = Merger::new(1);
        let iss = parse_elements(ISS, "t").unwrap().sets.remove(0);
        let mut other = iss.clone();
        other.norad_id = 1;
        merger.add(iss.clone());
        merger.add(iss);
        merger.add(other);
        assert_eq!(merger.left_out(), 1);
        assert_eq!(merger.into_sets().len(), 1);
    }
}
