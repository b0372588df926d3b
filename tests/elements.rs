//! Reading element sets: format detection, TLE quirks, OMM JSON and CSV, bad records,
//! merging by epoch, and arbitrary bytes never panicking.

use overhead::orbit::{ElementFormat, detect_format, merge_newest, parse_elements};
use proptest::prelude::*;

use crate::util::data_path;

fn read(name: &str) -> String {
    std::fs::read_to_string(data_path(name)).unwrap()
}

/// Rewrites column 69 of a TLE line so that its checksum is right.
fn with_checksum(line: &str) -> String {
    crate::util::with_tle_checksum(line)
}

const ISS_1: &str = "1 25544U 98067A   26234.50053383  .00009133  00000+0  17025-3 0  9997";
const ISS_2: &str = "2 25544  51.6331 331.8814 0007668  72.6488 287.5339 15.49570248582031";

#[test]
fn three_line_tle_with_crlf_and_padded_names_loads_every_station() {
    let parsed = parse_elements(&read("elements/stations-2026-08-22.txt"), "stations").unwrap();
    assert_eq!(parsed.sets.len(), 21);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let iss = parsed.sets.iter().find(|s| s.norad_id == 25544).unwrap();
    assert_eq!(iss.name, "ISS (ZARYA)");
    assert_eq!(iss.source, "stations");
    assert_eq!(iss.epoch.format("%Y-%m-%d").to_string(), "2026-08-22");
}

#[test]
fn two_line_tle_with_lf_gets_a_name_from_its_number() {
    let parsed = parse_elements(&format!("{ISS_1}\n{ISS_2}\n"), "two-line").unwrap();
    assert_eq!(parsed.sets[0].norad_id, 25544);
    assert_eq!(parsed.sets[0].name, "NORAD 25544");
}

#[test]
fn alpha5_catalog_numbers_decode_above_99999() {
    let l1 = with_checksum(&ISS_1.replace("25544", "A0001"));
    let l2 = with_checksum(&ISS_2.replace("25544", "A0001"));
    let parsed = parse_elements(&format!("NEW SAT\n{l1}\n{l2}\n"), "alpha5").unwrap();
    assert_eq!(parsed.sets[0].norad_id, 100_001);
}

#[test]
fn omm_csv_with_six_digit_ids_and_bare_decimals_loads() {
    let text = read("elements/active-sample-2026-08-22.csv");
    assert_eq!(detect_format(&text), ElementFormat::OmmCsv);
    let parsed = parse_elements(&text, "csv").unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.sets.len(), 53);
    assert!(parsed.sets.iter().any(|s| s.norad_id > 99_999));
    let malligyong = parsed.sets.iter().find(|s| s.norad_id == 58400).unwrap();
    assert_eq!(malligyong.name, "MALLIGYONG-1");
    assert_eq!(
        malligyong.international_designator.as_deref(),
        Some("2023-179A")
    );
}

#[test]
fn omm_json_array_loads() {
    let text = read("elements/stations-2025-06-28.json");
    assert_eq!(detect_format(&text), ElementFormat::OmmJson);
    let parsed = parse_elements(&text, "json").unwrap();
    assert_eq!(parsed.sets.len(), 13);
    assert!(parsed.sets.iter().any(|s| s.name == "CSS (TIANHE)"));
}

#[test]
fn format_is_detected_from_content_not_name() {
    assert_eq!(detect_format("  [ {} ]"), ElementFormat::OmmJson);
    assert_eq!(
        detect_format("\u{feff}OBJECT_NAME,NORAD_CAT_ID\r\n"),
        ElementFormat::OmmCsv
    );
    assert_eq!(
        detect_format(&format!("{ISS_1}\n{ISS_2}")),
        ElementFormat::Tle
    );
}

#[test]
fn bad_records_are_skipped_with_a_warning_naming_line_and_reason() {
    let bad_checksum = ISS_1.replace("9997", "9998");
    let bad_number = with_checksum(&ISS_2.replace("51.6331", "51.6x31"));
    let hubble_1 = "1 20580U 90037B   26234.12345678  .00001000  00000+0  50000-4 0  9990";
    let text = format!(
        "BROKEN ONE\n{bad_checksum}\n{ISS_2}\nBROKEN TWO\n{}\n{bad_number}\nORPHAN\n{}\nGOOD\n{ISS_1}\n{ISS_2}\n",
        with_checksum(&ISS_1.replace("25544", "25545")).replace("25545", "25544"),
        with_checksum(hubble_1),
    );
    let parsed = parse_elements(&text, "mixed").unwrap();
    assert_eq!(parsed.sets.len(), 1);
    let reasons: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(
        reasons[0].starts_with("line 1 (BROKEN ONE)") && reasons[0].contains("checksum"),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].starts_with("line 4 (BROKEN TWO)"),
        "{}",
        reasons[1]
    );
    assert!(
        reasons[2].starts_with("line 7 (ORPHAN)") && reasons[2].contains("not followed by line 2"),
        "{}",
        reasons[2]
    );
}

#[test]
fn eccentricity_out_of_range_and_decayed_orbits_are_skipped() {
    let csv_header = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT";
    let text = format!(
        "{csv_header}\nHYPERBOLIC,2026-001A,2026-08-22T12:00:00,15.5,1.2,51.6,10,10,10,0,U,90001,999,1,.0001,.0001,0\nINSIDE EARTH,2026-001B,2026-08-22T12:00:00,15.5,.1,51.6,10,10,0,0,U,90002,999,1,.0001,.0001,0\nFINE,2026-001C,2026-08-22T12:00:00,15.5,.0001,51.6,10,10,10,0,U,90003,999,1,.0001,.0001,0\n"
    );
    let parsed = parse_elements(&text, "edge").unwrap();
    assert_eq!(parsed.sets.len(), 1);
    assert_eq!(parsed.sets[0].norad_id, 90003);
    assert!(
        parsed.warnings[0].reason.contains("eccentricity"),
        "{}",
        parsed.warnings[0]
    );
    assert_eq!(parsed.warnings[0].location, "line 2");
    assert!(
        parsed.warnings[1].to_string().contains("INSIDE EARTH"),
        "{}",
        parsed.warnings[1]
    );
}

#[test]
fn a_file_with_nothing_usable_is_a_clear_error() {
    for text in [
        "",
        "<html><body>403 Forbidden</body></html>",
        "No GP data found",
        "[]",
        "{\"a\": 1}",
    ] {
        let err = parse_elements(text, "junk").unwrap_err().to_string();
        assert!(err.contains("junk"), "{err}");
    }
}

#[test]
fn newer_epoch_wins_whatever_the_order() {
    let old = parse_elements(&read("elements/stations-2025-06-28.json"), "old")
        .unwrap()
        .sets;
    let new = parse_elements(&read("elements/stations-2026-08-22.txt"), "new")
        .unwrap()
        .sets;
    for merged in [
        merge_newest(old.iter().cloned().chain(new.iter().cloned())),
        merge_newest(new.iter().cloned().chain(old.iter().cloned())),
    ] {
        let iss = merged.iter().find(|s| s.norad_id == 25544).unwrap();
        assert_eq!(iss.source, "new");
    }
}

#[test]
fn duplicate_sets_in_one_file_keep_the_newest() {
    let older = with_checksum(&ISS_1.replace("26234.50053383", "26230.50053383"));
    let text = format!("ISS NEW\n{ISS_1}\n{ISS_2}\nISS OLD\n{older}\n{ISS_2}\n");
    let parsed = parse_elements(&text, "dupes").unwrap();
    assert_eq!(parsed.sets.len(), 1);
    assert_eq!(parsed.sets[0].name, "ISS NEW");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_elements(&text, "fuzz");
    }

    #[test]
    fn mutated_tles_never_panic(pos in 0usize..140, byte in any::<u8>(), cut in 0usize..150) {
        let mut bytes = format!("ISS\n{ISS_1}\n{ISS_2}\n").into_bytes();
        if pos < bytes.len() {
            bytes[pos] = byte;
        }
        bytes.truncate(cut.max(1));
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_elements(&text, "fuzz");
    }

    #[test]
    fn mutated_csv_and_json_never_panic(pos in 0usize..400, byte in any::<u8>()) {
        let csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\nCALSPHERE 1,1964-063C,2026-08-22T12:30:24.433632,13.76683693,.00279781,90.2176,73.3121,91.0130,301.2972,0,U,900,999,8055,.46237927E-3,.465E-5,0\n";
        let json = r#"[{"OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","EPOCH":"2025-06-28T16:09:47.210976","MEAN_MOTION":15.50286067,"ECCENTRICITY":0.0002267,"INCLINATION":51.6347,"RA_OF_ASC_NODE":250.149,"ARG_OF_PERICENTER":304.7962,"MEAN_ANOMALY":55.2814,"EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":25544,"ELEMENT_SET_NO":999,"REV_AT_EPOCH":51694,"BSTAR":0.00010869,"MEAN_MOTION_DOT":5.814e-05,"MEAN_MOTION_DDOT":0}]"#;
        for text in [csv, json] {
            let mut bytes = text.as_bytes().to_vec();
            if pos < bytes.len() {
                bytes[pos] = byte;
            }
            let _ = parse_elements(&String::from_utf8_lossy(&bytes), "fuzz");
        }
    }
}
