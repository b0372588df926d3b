//! The `overhead` binary run as scripts run it: output formats, warnings and errors.

use std::process::{Command, Output};

use serde_json::Value;

use crate::util::data_path;

fn overhead(args: &[&str]) -> Output {
    overhead_in("C.UTF-8", args)
}

/// `overhead` with the locale `LANG=lang` (and no LC_ALL / LC_MESSAGES to override it).
fn overhead_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(args)
        .env(
            "OVERHEAD_CACHE_DIR",
            std::env::temp_dir().join("overhead-cli-test-no-cache"),
        )
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap()
}

/// `overhead passes` on the fixture elements from Seoul (38 m up) for two days from
/// 22 Aug 2026, 12:00 UTC, for the satellites `which` (e.g. `["--sat", "25544"]`), in the
/// locale `lang`.
fn seoul_passes(lang: &str, which: &[&str], format: &str, extra: &[&str]) -> Output {
    let elements = data_path("fixture_elements.tle");
    let mut args = vec!["passes", "--elements", elements.to_str().unwrap()];
    args.extend_from_slice(which);
    args.extend_from_slice(&[
        "--lat",
        "37.5665",
        "--lon",
        "126.978",
        "--alt-m",
        "38",
        "--start",
        "2026-08-22T12:00:00Z",
        "--days",
        "2",
        "--format",
        format,
    ]);
    args.extend_from_slice(extra);
    overhead_in(lang, &args)
}

/// KORSAT-7 from Seoul (times in Asia/Seoul), in the locale `lang`.
fn seoul_korsat(lang: &str, format: &str, extra: &[&str]) -> Output {
    let mut extra = extra.to_vec();
    extra.extend_from_slice(&["--tz", "Asia/Seoul"]);
    seoul_passes(lang, &["--name", "KORSAT-7"], format, &extra)
}

#[test]
fn korean_table_has_korean_headers_dates_and_directions() {
    let out = seoul_korsat("C.UTF-8", "table", &["--lang", "ko"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for word in [
        "날짜",
        "위성",
        "나타남",
        "보이는 동안 최고점",
        "사라짐",
        "맨눈",
        "지평선 위",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    // Seen 20:52:59 KST on Sunday 23 August, 14° up in the north-east, lost in the NNE.
    assert!(text.contains("8월 23일 (일) KORSAT-7"), "{text}");
    assert!(text.contains("20:52:59  14°   북동  53°"), "{text}");
    assert!(text.contains("북북동"), "{text}");
    assert!(text.contains("그림자 밖 → 짐"), "{text}");
    assert!(text.contains("보이지 않음: 낮이라 하늘이 밝음"), "{text}");
    assert!(!text.contains("Satellite"), "{text}");
    // The title: the window, the clock the table's times are in, the limit in 등급.
    assert!(
        text.lines().next().is_some_and(
            |l| l.contains(" 통과 목록. 표의 시각은 ") && l.contains(" 기준, 맨눈 한계 4등급")
        ),
        "{text}"
    );
    // The stale-elements warning is Korean too.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("경고: 궤도 자료 1개 중 1개"), "{err}");
    // Columns line up by display width: every row's rise–set cell starts in the same
    // terminal column as its heading (the row's last dash: an estimated magnitude is a
    // range, "7.2–9.4", before it).
    let column = |line: &str, what: &str| {
        line.rfind(what)
            .map(|i| unicode_width::UnicodeWidthStr::width(&line[..i]))
    };
    let lines: Vec<&str> = text.lines().collect();
    let head = column(lines[2], "뜸–짐").unwrap();
    // Pass rows only: the satellite's own "no visible pass" line below them has no times.
    let rows: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("KORSAT-7") && l.contains('–'))
        .collect();
    assert!(!rows.is_empty(), "{text}");
    for line in rows {
        // The cell starts with the rise time, "22:21" or (a short pass) "22:21:30"; an
        // estimated magnitude's range ("6.1–7.3") comes before it.
        let dash = line.rfind('–').unwrap();
        let cell = line[..dash].rfind(' ').unwrap() + 1;
        assert_eq!(column(line, &line[cell..]), Some(head), "{line}");
    }
}

#[test]
fn korean_locale_speaks_korean_and_lang_en_restores_english() {
    let ko = seoul_korsat("ko_KR.UTF-8", "table", &[]);
    let text = String::from_utf8(ko.stdout).unwrap();
    assert!(text.contains("날짜") && text.contains("북북동"), "{text}");
    let en = seoul_korsat("ko_KR.UTF-8", "table", &["--lang", "en"]);
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(text.contains("Date       Satellite"), "{text}");
    assert!(text.contains("from shadow → sets"), "{text}");
    assert!(!text.contains("날짜"), "{text}");
    let err = String::from_utf8(en.stderr).unwrap();
    assert!(
        err.contains("overhead: warning: 1 of 1 element sets"),
        "{err}"
    );
}

#[test]
fn json_and_csv_do_not_change_with_the_language() {
    for format in ["json", "csv"] {
        let en = seoul_korsat("C.UTF-8", format, &["--lang", "en"]);
        let ko = seoul_korsat("ko_KR.UTF-8", format, &["--lang", "ko"]);
        assert!(en.status.success() && ko.status.success());
        assert!(!en.stdout.is_empty());
        assert_eq!(en.stdout, ko.stdout, "{format}");
    }
}

#[test]
fn korean_calendar_events_have_korean_text_and_english_fields() {
    let out = seoul_korsat("C.UTF-8", "ics", &["--lang", "ko"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("BEGIN:VEVENT"), "{text}");
    assert!(
        unfolded.contains("SUMMARY:KORSAT-7 통과\\, 최고 고도"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DESCRIPTION:"), "{unfolded}");
    // Seen for 89 s: to the second, said in words.
    assert!(
        unfolded.contains("20시 52분 59초 KST (11:52:59 UTC)"),
        "{unfolded}"
    );
    assert!(unfolded.contains("북동쪽 하늘"), "{unfolded}");
    // Every line still folds at 75 octets, never inside a character.
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
}

#[test]
fn korean_messages_explain_outcomes() {
    // Tromsø at midsummer: the sky does not get dark.
    let out = overhead_in(
        "ko_KR.UTF-8",
        &[
            "passes",
            "--elements",
            data_path("fixture_elements.tle").to_str().unwrap(),
            "--sat",
            "25544",
            "--lat",
            "69.6492",
            "--lon",
            "18.9553",
            "--start",
            "2026-06-21T12:00:00Z",
            "--tonight",
        ],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("하늘이 어두워지지 않아요"), "{text}");
    let out = overhead_in("ko_KR.UTF-8", &["passes", "--lat", "37.5", "--lon", "127"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("위성을 고르세요"), "{err}");
    // A bad argument and a missing satellite: no (은)는 after what the user typed.
    let out = overhead_in(
        "ko_KR.UTF-8",
        &[
            "passes", "--sat", "25544", "--lat", "37.5", "--lon", "127", "--tz", "Seoul",
        ],
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--tz \"Seoul\": IANA 시간대 이름이 아니에요"),
        "{err}"
    );
    let out = overhead_in("ko_KR.UTF-8", &["passes", "--lat", "200", "--lon", "127"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--lat 200: 범위를 벗어났어요. -90부터 90까지(도)여야 해요"),
        "{err}"
    );
    assert!(!err.contains("(은)") && !err.contains("(를)"), "{err}");
}

/// Tonight's ISS passes from (`lat`, `lon`) after `start`, from the fixture's elements.
fn iss_tonight(lat: &str, lon: &str, start: &str, extra: &[&str]) -> Output {
    let elements = data_path("fixture_elements.tle");
    let mut args = vec![
        "passes",
        "--elements",
        elements.to_str().unwrap(),
        "--sat",
        "25544",
        "--lat",
        lat,
        "--lon",
        lon,
        "--start",
        start,
        "--tonight",
    ];
    args.extend_from_slice(extra);
    overhead(&args)
}

/// The ISS from Seoul (times in the computer's zone).
fn seoul_iss(format: &str, extra: &[&str]) -> Output {
    seoul_passes("C.UTF-8", &["--sat", "25544"], format, extra)
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = seoul_iss("json", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["observer"]["lat"], 37.5665);
    assert_eq!(v["start"], "2026-08-22T12:00:00.000Z");
    assert_eq!(v["end"], "2026-08-24T12:00:00.000Z");
    let passes = v["passes"].as_array().unwrap();
    assert!(passes.len() >= 5, "{}", passes.len());
    for p in passes {
        assert_eq!(p["norad_id"], 25544);
        assert_eq!(p["name"], "ISS (ZARYA)");
        for event in ["rise", "culmination", "set"] {
            for field in ["time", "azimuth_deg", "elevation_deg", "range_km"] {
                assert!(!p[event][field].is_null(), "{event}.{field}");
            }
        }
        // Default --min-elevation-deg is 10.
        assert!(p["culmination"]["elevation_deg"].as_f64().unwrap() >= 10.0);
        assert!(p["element_age_days"].as_f64().unwrap() > 0.0);
        assert!(p["timing_uncertainty_s"].as_f64().unwrap() > 0.0);
        let visible = p["visible"].as_bool().unwrap();
        assert_eq!(p["visible_start"].is_string(), visible);
        assert_eq!(p["visible_end"].is_string(), visible);
        // The seen part: where it appears, its highest point while seen, where it vanishes.
        for point in ["visible_start_point", "visible_peak", "visible_end_point"] {
            assert_eq!(p[point].is_object(), visible, "{point}");
            if visible {
                for field in ["time", "azimuth_deg", "elevation_deg", "range_km"] {
                    assert!(!p[point][field].is_null(), "{point}.{field}");
                }
            }
        }
        assert_eq!(p["appears"].is_string(), visible);
        assert_eq!(p["vanishes"].is_string(), visible);
        // The ISS has a standard magnitude: a visible pass is judged (true, false or
        // "maybe"), a hidden one is not; the estimate is measured (qs.mag).
        assert_eq!(!p["bright_enough"].is_null(), visible);
        assert_eq!(p["standard_magnitude"]["source"], "measured");
        assert!(p["standard_magnitude"]["sigma"].as_f64().unwrap() > 0.0);
        if visible {
            let peak = p["visible_peak"]["elevation_deg"].as_f64().unwrap();
            assert!(peak <= p["culmination"]["elevation_deg"].as_f64().unwrap() + 1e-9);
            assert_eq!(p["visible_start"], p["visible_start_point"]["time"]);
        }
    }
    assert_eq!(v["limiting_magnitude"], 4.0);
    // The fixture's ISS pass over Seoul at 18:21 UTC on 22 Aug is visible (skyfield agrees).
    let evening = passes
        .iter()
        .find(|p| {
            p["rise"]["time"]
                .as_str()
                .unwrap()
                .starts_with("2026-08-22T18:21:04")
        })
        .unwrap();
    assert_eq!(evening["visible"], true);
}

#[test]
fn visible_only_keeps_only_visible_passes() {
    let all: Value = serde_json::from_slice(&seoul_iss("json", &[]).stdout).unwrap();
    let visible: Value =
        serde_json::from_slice(&seoul_iss("json", &["--visible-only"]).stdout).unwrap();
    let n_visible = all["passes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["visible"] == true)
        .count();
    assert!(n_visible > 0);
    assert_eq!(visible["passes"].as_array().unwrap().len(), n_visible);
}

#[test]
fn csv_has_a_header_and_a_row_per_pass() {
    let json: Value = serde_json::from_slice(&seoul_iss("json", &[]).stdout).unwrap();
    let out = seoul_iss("csv", &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("norad_id,name,rise_time,"));
    assert_eq!(lines.len() - 1, json["passes"].as_array().unwrap().len());
    assert!(lines[1].starts_with("25544,ISS (ZARYA),2026-08-2"));
}

#[test]
fn ics_is_an_icalendar_file_with_an_event_per_pass() {
    let json: Value = serde_json::from_slice(&seoul_iss("json", &[]).stdout).unwrap();
    let text = String::from_utf8(seoul_iss("ics", &[]).stdout).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        text.matches("BEGIN:VEVENT").count(),
        json["passes"].as_array().unwrap().len()
    );
    // A visible pass's event spans the part that can be seen (18:28:03 to 18:29:38 UTC)...
    assert!(text.contains("DTSTART:20260822T182803Z"), "{text}");
    assert!(text.contains("DTEND:20260822T182938Z"), "{text}");
    // ...and a pass in Earth's shadow spans rise to set (16:45 UTC on 22 Aug).
    assert!(text.contains("DTSTART:20260822T1645"), "{text}");
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(text.contains("SUMMARY:ISS (ZARYA) pass"));
}

#[test]
fn ics_descriptions_give_times_in_the_chosen_zone_with_utc_in_brackets() {
    let text = String::from_utf8(seoul_iss("ics", &["--tz", "Asia/Seoul"]).stdout).unwrap();
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("Look NNE (bearing 27°\\, 24° up) at 03:28:03 KST (18:28:03 UTC)"),
        "{unfolded}"
    );
}

#[test]
fn table_is_readable_in_the_observers_zone() {
    let out = seoul_iss("table", &["--tz", "Asia/Seoul"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Asia/Seoul"));
    // Seen from 18:28:03 UTC, 03:28:03 in Seoul, out of Earth's shadow; above the horizon
    // from 18:21 (03:21). Seen for 95 s, under two minutes: the whole row is to the second.
    assert!(text.contains("03:28:03  24° NNE  27°"), "{text}");
    assert!(text.contains("from shadow → sets"), "{text}");
    assert!(text.contains("03:21:04–03:31:47"), "{text}");
    // A longer pass keeps its rise–set times to the minute.
    assert!(text.contains("04:59–05:08"), "{text}");
    assert!(text.contains("ISS (ZARYA)"));
}

#[test]
fn visible_only_on_the_whole_bundled_catalog_drops_passes_too_faint_and_counts_unknown_ones() {
    // Issue 10: "Visible only" listed XMM-NEWTON (magnitude 12.3) and CXO (12.4).
    let out = overhead(&[
        "passes",
        "--all",
        "--lat",
        "37.5665",
        "--lon",
        "126.978",
        "--start",
        "2026-08-22T09:00:00Z",
        "--days",
        "1",
        "--min-elevation-deg",
        "10",
        "--visible-only",
        "--max-magnitude",
        "4",
        "--format",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let passes = v["passes"].as_array().unwrap();
    assert!(passes.len() > 50, "{}", passes.len());
    let mut unknown = 0;
    for p in passes {
        assert_eq!(p["visible"], true, "{p}");
        match p["magnitude"].as_f64() {
            Some(m) => {
                // Kept: not fainter than the limit by a sigma or more (the JSON's magnitude
                // is rounded to 0.01).
                let sigma = p["standard_magnitude"]["sigma"].as_f64().unwrap();
                assert!(
                    m - sigma < 4.0 + 0.005,
                    "{} at magnitude {m} ± {sigma}",
                    p["name"]
                );
                assert_ne!(p["bright_enough"], false);
            }
            None => {
                assert!(p["bright_enough"].is_null());
                unknown += 1;
            }
        }
    }
    assert!(unknown > 0);
    // Counts of 1,000 or more are written with thousands separators.
    let digits = unknown.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    assert!(
        stderr.contains(&format!(
            "{grouped} visible passes have no known brightness"
        )),
        "{stderr}"
    );
}

#[test]
fn tonight_runs_from_dusk_to_dawn() {
    let out = iss_tonight(
        "37.5665",
        "126.978",
        "2026-08-22T03:00:00Z",
        &["--format", "json"],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // 22 Aug 2026 in Seoul: the Sun reaches -6° (civil dusk) at 19:43 KST (10:43 UTC)
    // and again (civil dawn) at 05:27 KST (20:27 UTC).
    let start = v["start"].as_str().unwrap();
    let end = v["end"].as_str().unwrap();
    assert!(start.starts_with("2026-08-22T10:43"), "{start}");
    assert!(end.starts_with("2026-08-22T20:27"), "{end}");
    for p in v["passes"].as_array().unwrap() {
        assert!(p["set"]["time"].as_str().unwrap() >= start);
        assert!(p["rise"]["time"].as_str().unwrap() <= end);
    }
}

#[test]
fn tonight_where_the_sky_never_gets_dark_says_so() {
    // Tromsø at midsummer.
    let out = iss_tonight("69.6492", "18.9553", "2026-06-21T12:00:00Z", &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("does not get dark tonight"), "{text}");
}

#[test]
fn geostationary_satellite_is_reported_as_always_above() {
    let elements = data_path("fixture_elements.tle");
    let out = overhead(&[
        "passes",
        "--elements",
        elements.to_str().unwrap(),
        "--sat",
        "36397",
        "--lat",
        "-0.1807",
        "--lon",
        "-78.4678",
        "--start",
        "2026-05-08T00:00:00Z",
        "--tz",
        "UTC",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("always above the horizon"), "{text}");
}

#[test]
fn bad_records_warn_on_stderr_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.tle");
    let good = std::fs::read_to_string(data_path("fixture_elements.tle")).unwrap();
    std::fs::write(&path, format!("JUNK\n1 99999U garbage\n{good}")).unwrap();
    let out = overhead(&[
        "passes",
        "--elements",
        path.to_str().unwrap(),
        "--sat",
        "25544",
        "--lat",
        "37.5",
        "--lon",
        "127",
        "--start",
        "2026-08-22T12:00:00Z",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("line 1 (JUNK)"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!v["passes"].as_array().unwrap().is_empty());
}

#[test]
fn errors_exit_non_zero_with_a_reason() {
    let elements = data_path("fixture_elements.tle");
    let e = elements.to_str().unwrap();
    for (args, expected) in [
        (
            vec![
                "passes",
                "--elements",
                e,
                "--sat",
                "25544",
                "--lat",
                "37",
                "--lon",
                "127",
                "--start",
                "yesterday",
            ],
            "RFC 3339",
        ),
        (
            vec![
                "passes",
                "--elements",
                "/nonexistent/x.tle",
                "--all",
                "--lat",
                "37",
                "--lon",
                "127",
            ],
            "cannot read",
        ),
        (
            vec!["passes", "--elements", e, "--lat", "37", "--lon", "127"],
            "--sat",
        ),
        (
            vec![
                "passes",
                "--elements",
                e,
                "--all",
                "--lat",
                "137",
                "--lon",
                "127",
            ],
            "--lat",
        ),
    ] {
        let out = overhead(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

/// `--city` finds a bundled place by name: the same passes as its coordinates, times in its
/// own zone (a class in Seoul planned from a computer in London), and the handout's title;
/// a name that matches nothing is refused with a hint, and `--city` with `--lat` is a
/// usage error.
#[test]
fn a_city_by_name_stands_for_its_coordinates_and_its_time_zone() {
    let elements = data_path("fixture_elements.tle");
    let elements = elements.to_str().unwrap();
    let common = [
        "passes",
        "--elements",
        elements,
        "--sat",
        "25544",
        "--start",
        "2026-08-22T12:00:00Z",
        "--days",
        "2",
        "--format",
        "json",
    ];
    // Run from a computer in London.
    let in_london = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_overhead"))
            .args(args)
            .env("TZ", "Europe/London")
            .env(
                "OVERHEAD_CACHE_DIR",
                std::env::temp_dir().join("overhead-cli-test-no-cache"),
            )
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let passes = |place: &[&str]| {
        let json: Value =
            serde_json::from_slice(&in_london(&[&common[..], place].concat())).unwrap();
        json["passes"].clone()
    };
    // GeoNames' Seoul: 37.566, 126.9784.
    let by_name = passes(&["--city", "seoul"]);
    let by_coordinates = passes(&["--lat", "37.566", "--lon", "126.9784"]);
    assert!(by_name.as_array().is_some_and(|p| !p.is_empty()));
    assert_eq!(by_name, by_coordinates);

    // The table's times are Seoul's, not the computer's London.
    let table = in_london(&[&common[..common.len() - 2], &["--city", "서울"]].concat());
    let text = String::from_utf8(table).unwrap();
    assert!(text.contains("Asia/Seoul (KST)"), "{text}");

    let unknown = overhead(&["passes", "--sat", "25544", "--city", "Qqqzzx"]);
    assert_eq!(unknown.status.code(), Some(2), "{unknown:?}");
    let err = String::from_utf8(unknown.stderr).unwrap();
    assert!(
        err.contains("--city \"Qqqzzx\" matches no bundled place"),
        "{err}"
    );
    let both = overhead(&["passes", "--sat", "25544", "--city", "Seoul", "--lat", "1"]);
    assert_eq!(both.status.code(), Some(2), "{both:?}");
}
