//! Every satellite asked for on the command line is found and accounted for (issue 20):
//! `--name` finds what people type, `--list` names a ready list, and a satellite with
//! nothing to see in the window says when it is next seen, in the table, on stderr and in
//! the JSON's `satellites`. On the bundled snapshot of 22 Aug 2026 (no cache).

use std::process::{Command, Output};

use serde_json::Value;

/// `overhead passes` on the bundled snapshot from `place` (lat, lon) for `window` from
/// 22 Aug 2026, 12:00 UTC, in English, times in `tz`.
fn passes(which: &[&str], place: (&str, &str), tz: &str, extra: &[&str]) -> Output {
    let mut args = vec!["passes"];
    args.extend_from_slice(which);
    args.extend_from_slice(&[
        "--lat",
        place.0,
        "--lon",
        place.1,
        "--start",
        "2026-08-22T12:00:00Z",
        "--tz",
        tz,
    ]);
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(&args)
        .env(
            "OVERHEAD_CACHE_DIR",
            std::env::temp_dir().join("overhead-asked-test-no-cache"),
        )
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

const LONDON: (&str, &str) = ("51.5074", "-0.1278");
const SEOUL: (&str, &str) = ("37.5665", "126.978");

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(report: &Value) -> Vec<u64> {
    report["satellites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["norad_id"].as_u64().unwrap())
        .collect()
}

#[test]
fn names_find_what_people_type() {
    let one = |name: &str| {
        let out = passes(
            &["--name", name],
            LONDON,
            "Europe/London",
            &["--days", "1", "--format", "json"],
        );
        ids(&json(&out))
    };
    assert_eq!(one("Hubble"), [20_580]);
    assert_eq!(one("Tiangong"), [48_274]);
    assert_eq!(one("China space station"), [48_274]);
    assert_eq!(one("CSS"), [48_274]);
    assert_eq!(one("space station"), [25_544, 48_274]);
    // "ISS" is the ISS, not SWISSCUBE; stderr says which other names hold the letters.
    let out = passes(
        &["--name", "ISS"],
        LONDON,
        "Europe/London",
        &["--days", "1", "--format", "json"],
    );
    assert_eq!(ids(&json(&out)), [25_544]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(r#"--name "ISS" is ISS (ZARYA) (25544);"#),
        "{stderr}"
    );
    // No exact name: every name that holds it. The bundled visual group brings the
    // rocket bodies.
    let rocket_bodies = one("R/B");
    assert!(rocket_bodies.len() > 50, "{}", rocket_bodies.len());
}

#[test]
fn a_list_names_the_korean_reconnaissance_satellites() {
    let out = passes(
        &["--list", "korean-recon"],
        SEOUL,
        "Asia/Seoul",
        &["--tonight", "--format", "json"],
    );
    assert_eq!(
        ids(&json(&out)),
        [58_400, 58_463, 59_452, 62_377, 63_630, 66_293]
    );
    let bad = passes(&["--list", "nope"], SEOUL, "Asia/Seoul", &[]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("korean-recon"));
}

#[test]
fn a_satellite_with_nothing_to_see_says_when_it_is_next_seen() {
    // Tiangong from London: not seen in these two days; next seen on 3 September.
    let table = passes(
        &["--list", "famous"],
        LONDON,
        "Europe/London",
        &["--days", "2"],
    );
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains(
            "CSS (TIANHE): no visible pass in these 2 days; next visible Thu 03 Sep 21:11 \
             (from the SSW, 13° up)"
        ),
        "{text}"
    );
    // Hubble's orbit (28.5°) never brings it above London's horizon.
    assert!(
        text.contains("HST: never rises here (not in the next 30 days either)"),
        "{text}"
    );
    // The JSON gives the same, and stderr says it for scripts' readers.
    let out = passes(
        &["--list", "famous"],
        LONDON,
        "Europe/London",
        &["--days", "2", "--format", "json"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains("CSS (TIANHE): no visible pass"), "{stderr}");
    let report = json(&out);
    let sat = |id: u64| {
        report["satellites"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["norad_id"] == id)
            .unwrap()
            .clone()
    };
    let iss = sat(25_544);
    assert!(iss["visible_passes"].as_u64().unwrap() >= 1);
    assert!(iss["passes"].as_u64().unwrap() >= iss["visible_passes"].as_u64().unwrap());
    // The ISS's next pass to see is in the window: searched only that far.
    assert_eq!(iss["searched_until"], report["end"]);
    let css = sat(48_274);
    assert_eq!(css["visible_passes"], 0);
    assert_eq!(css["presence"], "passes");
    let next = &css["next_visible"];
    assert!(
        next["start"]["time"]
            .as_str()
            .unwrap()
            .starts_with("2026-09-03T20:11"),
        "{next}"
    );
    for point in ["start", "peak", "end"] {
        for field in ["time", "azimuth_deg", "elevation_deg", "range_km"] {
            assert!(!next[point][field].is_null(), "{point}.{field}");
        }
    }
    assert!(css["searched_until"].as_str().unwrap() > "2026-09-03T20:11");
    let hst = sat(20_580);
    assert_eq!(hst["presence"], "never_above");
    assert!(hst["next_visible"].is_null());
    assert!(
        hst["searched_until"]
            .as_str()
            .unwrap()
            .starts_with("2026-09-23T")
    );
}
