//! Issue 25, "one bad record must not sink the file": each listed case, and the property
//! tests extended to the streamed JSON reader.

use overhead::orbit::{ElementsError, parse_elements};
use proptest::prelude::*;

use super::{STATIONS_COUNT, STATIONS_JSON, passes, stderr, write_temp};
use crate::util::{data_bytes, data_path, with_tle_checksum};

fn stations_json() -> String {
    String::from_utf8(data_bytes(STATIONS_JSON)).unwrap()
}

/// The active-set sample as OMM CSV (53 satellites).
fn sample_csv() -> String {
    std::fs::read_to_string(data_path("elements/active-sample-2026-08-22.csv")).unwrap()
}

#[test]
fn one_omm_record_with_mean_motion_1e400_is_skipped_not_the_file() {
    let json =
        stations_json().replacen("\"MEAN_MOTION\": 15.50286067", "\"MEAN_MOTION\": 1e400", 1);
    let parsed = parse_elements(&json, "t").unwrap();
    assert_eq!(parsed.sets.len(), STATIONS_COUNT - 1);
    assert_eq!(parsed.skipped, 1);
    let warning = parsed.warnings[0].to_string();
    assert_eq!(
        warning,
        "record 1 (ISS (ZARYA)): MEAN_MOTION 1e400 is not a finite number (out of range)"
    );
}

#[test]
fn an_omm_epoch_with_a_z_suffix_is_read_as_utc() {
    let json = stations_json().replace("\",\n    \"MEAN_MOTION\"", "Z\",\n    \"MEAN_MOTION\"");
    assert!(json.contains("\"EPOCH\": \"2025-06-28T16:09:47.210976Z\""));
    let parsed = parse_elements(&json, "t").unwrap();
    assert_eq!(parsed.sets.len(), STATIONS_COUNT, "{:?}", parsed.warnings);
    let iss = parsed.sets.iter().find(|s| s.norad_id == 25544).unwrap();
    assert_eq!(iss.epoch.to_rfc3339(), "2025-06-28T16:09:47.210976+00:00");
    // The CSV form too.
    let csv = sample_csv().replace("2026-08-22T12:30:24.433632", "2026-08-22T12:30:24.433632Z");
    let parsed = parse_elements(&csv, "t").unwrap();
    assert_eq!(parsed.skipped, 0, "{:?}", parsed.warnings);
}

#[test]
fn bstar_1e300_gives_no_nan_in_any_message() {
    let dir = tempfile::tempdir().unwrap();
    let json = stations_json().replacen("\"BSTAR\": 0.00010869", "\"BSTAR\": 1e300", 1);
    let file = write_temp(dir.path(), "drag.json", json.as_bytes());
    for format in ["table", "json", "csv"] {
        let out = passes(
            &file,
            "2025-06-28T12:00:00Z",
            &["--sat", "25544", "--format", format],
        );
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(!all.contains("NaN"), "{format}: {all}");
        assert!(!all.to_lowercase().contains("nan km"), "{format}: {all}");
    }
    let out = passes(&file, "2025-06-28T12:00:00Z", &["--sat", "25544"]);
    assert!(
        stderr(&out).contains("the position is not a finite number"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_csv_header_naming_norad_cat_id_twice_is_refused_by_name() {
    // A second NORAD_CAT_ID column holding the same number for every row would collapse
    // the 53 satellites into one.
    let csv: String = sample_csv()
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l},NORAD_CAT_ID\n")
            } else {
                format!("{l},1\n")
            }
        })
        .collect();
    let err = parse_elements(&csv, "dup.csv").unwrap_err();
    assert!(matches!(err, ElementsError::BadCsvHeader { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("names NORAD_CAT_ID twice (columns 12 and 18)"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = write_temp(dir.path(), "dup.csv", csv.as_bytes());
    let out = passes(&file, "2026-08-22T12:00:00Z", &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("NORAD_CAT_ID twice"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn cr_only_line_ends_are_read() {
    let csv = sample_csv().replace('\n', "\r");
    let parsed = parse_elements(&csv, "mac.csv").unwrap();
    assert_eq!(parsed.sets.len(), 53, "{:?}", parsed.warnings);
    let tle = std::fs::read_to_string(data_path("fixture_elements.tle"))
        .unwrap()
        .replace("\r\n", "\n")
        .replace('\n', "\r");
    let parsed = parse_elements(&tle, "mac.tle").unwrap();
    assert!(parsed.sets.len() >= 9, "{:?}", parsed.warnings);
    assert_eq!(parsed.skipped, 0, "{:?}", parsed.warnings);
}

#[test]
fn a_tle_day_of_year_of_000_367_or_999_is_a_bad_day_not_a_bad_year() {
    let tle = std::fs::read_to_string(data_path("fixture_elements.tle")).unwrap();
    let first_set: Vec<&str> = tle.lines().take(3).collect();
    for day in ["000", "367", "999"] {
        // The checksum kept right: the replaced digits change the sum.
        let line1 = with_tle_checksum(&first_set[1].replacen("26234", &format!("26{day}"), 1));
        let text = format!("{}\n{line1}\n{}\n{tle}", first_set[0], first_set[2]);
        let parsed = parse_elements(&text, "t").unwrap();
        let reason = &parsed.warnings[0].reason;
        assert!(
            reason.starts_with(&format!("bad day of year {day}.")),
            "{reason}"
        );
        assert!(!reason.contains("error in the year"), "{reason}");
    }
}

#[test]
fn the_far_epoch_message_does_not_contradict_itself() {
    // The fixture's ISS epoch is 2026-08-22 12:00:46; a window ending 365.3 days later.
    let out = passes(
        &data_path("fixture_elements.tle"),
        "2027-08-22T12:00:00Z",
        &["--sat", "25544", "--days", "0.3"],
    );
    let err = stderr(&out);
    assert!(
        err.contains("reaches 365.3 days after the element epoch"),
        "{err}"
    );
    assert!(!err.contains("reaches 365 days"), "{err}");
}

/// One OMM record for the property test: good (with its catalog number), or one of the
/// ways a record can be bad.
#[derive(Debug, Clone)]
enum Record {
    Good(u64),
    HugeNumber,
    Empty,
    Number,
    Text,
    Nested,
    NoEpoch,
}

fn record_json(record: &Record) -> String {
    let good = |id: u64, mean_motion: &str, epoch: &str| {
        format!(
            r#"{{"OBJECT_NAME":"SAT {id}","OBJECT_ID":"2020-001A",{epoch}"MEAN_MOTION":{mean_motion},"ECCENTRICITY":0.0002,"INCLINATION":51.6,"RA_OF_ASC_NODE":250.1,"ARG_OF_PERICENTER":304.8,"MEAN_ANOMALY":55.3,"EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":{id},"ELEMENT_SET_NO":999,"REV_AT_EPOCH":1,"BSTAR":0.0001,"MEAN_MOTION_DOT":0.00005,"MEAN_MOTION_DDOT":0}}"#
        )
    };
    let epoch = r#""EPOCH":"2025-06-28T16:09:47.210976","#;
    match record {
        Record::Good(id) => good(*id, "15.5", epoch),
        Record::HugeNumber => good(7, "1e400", epoch),
        Record::Empty => "{}".to_owned(),
        Record::Number => "12345".to_owned(),
        Record::Text => r#""not a record""#.to_owned(),
        Record::Nested => r#"[{"NORAD_CAT_ID":1},[2,[3]]]"#.to_owned(),
        Record::NoEpoch => good(8, "15.5", ""),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The streamed JSON reader against a per-record reference: every good record with a
    /// new catalog number is kept, every bad one skipped and counted, whatever surrounds it.
    #[test]
    fn the_streamed_json_reader_keeps_exactly_the_good_records(
        records in proptest::collection::vec(
            prop_oneof![
                (1u64..40).prop_map(Record::Good),
                Just(Record::HugeNumber),
                Just(Record::Empty),
                Just(Record::Number),
                Just(Record::Text),
                Just(Record::Nested),
                Just(Record::NoEpoch),
            ],
            0..40,
        ),
        spacing in prop_oneof![Just(""), Just(" "), Just("\n  "), Just("\r\n")],
    ) {
        let body: Vec<String> = records.iter().map(record_json).collect();
        let json = format!("[{spacing}{}{spacing}]", body.join(&format!(",{spacing}")));
        let mut ids: Vec<u64> = records
            .iter()
            .filter_map(|r| match r { Record::Good(id) => Some(*id), _ => None })
            .collect();
        let good = ids.len();
        ids.sort_unstable();
        ids.dedup();
        match parse_elements(&json, "prop") {
            Ok(parsed) => {
                prop_assert_eq!(parsed.sets.len(), ids.len());
                prop_assert_eq!(parsed.skipped, records.len() - good);
                prop_assert_eq!(parsed.records, records.len());
                prop_assert!(parsed.warnings.len() <= overhead::orbit::MAX_WARNINGS_KEPT);
            }
            Err(ElementsError::NothingUsable { skipped, .. }) => {
                prop_assert!(ids.is_empty());
                prop_assert_eq!(skipped, records.len());
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }

    /// Any cut of a good JSON file is a clean error or a shorter read, never a panic.
    #[test]
    fn a_json_file_cut_anywhere_never_panics(cut in 0usize..7000) {
        let json = stations_json();
        let end = (0..=cut.min(json.len())).rev().find(|&i| json.is_char_boundary(i)).unwrap_or(0);
        let _ = parse_elements(&json[..end], "cut");
    }
}
