//! Hostile or careless input never crashes, hangs, fills memory or lies (issues 11 and 25).
//!
//! The second round (issue 25) lives in the submodules, one per part of that issue:
//! `memory` (64 MiB inputs, counted records, streamed JSON, mostly-junk downloads),
//! `records` (one bad record must not sink the file), `output` (the handout's output
//! path and text fitting), `network` (credentials, proxies, slow servers, locks, and issue
//! 20's "offline is a normal state") and `window` (the clock and sky outside their data,
//! settings, small words).
//!
//! Each test reproduces one of the issue's findings: gzip bombs and oversized, special or
//! endless files (small limits set through `OVERHEAD_MAX_ELEMENT_BYTES` or `FetchConfig`,
//! never gigabytes), windows far from the element epoch, numbers out of range, angles out
//! of range, control characters in names and messages, concurrent `overhead fetch`
//! processes, and the smaller refresh-rule holes. The hostile inputs are built here from
//! the fixtures in `tests/data/`; servers are `tiny_http` on 127.0.0.1 only.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use overhead::catalog::{
    self, FetchConfig, FetchError, Fetcher, RefreshOutcome, RefreshPolicy, Source,
};
use proptest::prelude::*;

use crate::util::{Reply, TestServer, data_bytes, data_path};

/// Stations OMM JSON fixture (13 sets) and where the test server serves it.
const STATIONS_JSON: &str = "catalog/stations-2025-06-28.json";
const STATIONS_COUNT: usize = 13;
const STATIONS_PATH: &str = "/stations.json";
/// The CelesTrak query path `overhead fetch --group stations` asks for.
const STATIONS_QUERY: &str = "/NORAD/elements/gp.php?GROUP=stations&FORMAT=json";
/// Size limit used in the tests, bytes (the fixtures are under 7 kB).
const TEST_LIMIT_BYTES: u64 = 64 * 1024;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A gzip "bomb" at test scale: 1 MiB of zeros in about a kilobyte.
fn small_bomb() -> Vec<u8> {
    gzip(&vec![0_u8; 1024 * 1024])
}

fn fetcher(cache_dir: &Path, server_base: &str) -> Fetcher {
    let config = FetchConfig {
        celestrak_base_url: server_base.to_owned(),
        read_timeout: StdDuration::from_millis(400),
        total_timeout: StdDuration::from_secs(5),
        max_body_bytes: TEST_LIMIT_BYTES,
        ..FetchConfig::default()
    };
    Fetcher::new(cache_dir, config).unwrap()
}

/// `overhead` with a fresh cache and config, the element limit at [`TEST_LIMIT_BYTES`].
fn overhead(cache_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(args)
        .env("OVERHEAD_CACHE_DIR", cache_dir)
        .env("OVERHEAD_CONFIG_DIR", cache_dir.join("config"))
        .env("OVERHEAD_MAX_ELEMENT_BYTES", TEST_LIMIT_BYTES.to_string())
        .env_remove("OVERHEAD_CELESTRAK_URL")
        .output()
        .unwrap()
}

/// `overhead passes --elements <file>` over Seoul, 1 day from `start`, plus `extra`
/// (every satellite unless `extra` chooses some).
fn passes(elements: &Path, start: &str, extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "passes",
        "--elements",
        elements.to_str().unwrap(),
        "--start",
        start,
    ];
    // Defaults for what `extra` does not give.
    for (flag, value) in [("--lat", "37.5665"), ("--lon", "126.978"), ("--days", "1")] {
        if !extra.contains(&flag) {
            args.extend([flag, value]);
        }
    }
    if !extra.contains(&"--sat") && !extra.contains(&"--name") {
        args.push("--all");
    }
    args.extend_from_slice(extra);
    overhead(dir.path(), &args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// ---- 1. Gzip bombs ----

#[test]
fn gzip_bomb_from_a_server_is_refused_after_inflating_and_backs_off() {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(small_bomb()));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(dir.path(), &server.base_url());
    let source = Source::Url(server.url(STATIONS_PATH));
    let now = Utc::now();

    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), now);

    let RefreshOutcome::Failed {
        error: FetchError::InflatesTooLarge { limit_bytes, .. },
        retry_after,
        cache_kept,
    } = &outcome
    else {
        panic!("expected a refusal, got {outcome:?}");
    };
    assert_eq!(*limit_bytes, TEST_LIMIT_BYTES);
    assert_eq!(
        *retry_after,
        Some(now + Duration::hours(2)),
        "the failure is recorded"
    );
    assert!(
        outcome
            .message()
            .contains("inflates to more than the 65536-byte limit")
    );
    // Nothing was cached before: the message promises no cached copy.
    assert!(!cache_kept);
    assert!(
        !outcome.message().contains("keeping the cached data"),
        "{outcome}"
    );
    // The back-off holds: the bomb is not downloaded again.
    let again = fetcher.refresh(&source, RefreshPolicy { force: true }, now);
    assert!(
        matches!(again, RefreshOutcome::BackingOff { .. }),
        "{again:?}"
    );
    assert_eq!(server.requests(), 1);
}

#[test]
fn gzip_bomb_as_a_local_file_is_refused_by_fetch_and_by_passes() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = write_temp(dir.path(), "bomb.gz", &small_bomb());

    let fetched = overhead(dir.path(), &["fetch", "--url", bomb.to_str().unwrap()]);
    assert_eq!(fetched.status.code(), Some(1), "{fetched:?}");
    assert!(stderr(&fetched).contains("inflates to more than the 65536-byte limit"));

    let out = passes(&bomb, "2026-08-22T12:00:00Z", &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("inflates to more than the 65536-byte limit"));
}

#[test]
fn gzipped_element_file_is_read_like_the_plain_one() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write_temp(
        dir.path(),
        "fixture.tle.gz",
        &gzip(&data_bytes("fixture_elements.tle")),
    );
    let out = passes(&gz, "2026-08-22T12:00:00Z", &["--format", "csv"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("ISS (ZARYA)"));
}

// ---- 2. Local files: size, devices, FIFOs ----

#[test]
fn element_file_over_the_limit_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = data_bytes("fixture_elements.tle");
    big.resize(TEST_LIMIT_BYTES as usize + 1, b'\n');
    let big = write_temp(dir.path(), "big.tle", &big);

    let out = passes(&big, "2026-08-22T12:00:00Z", &[]);

    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("is larger than the 65536-byte limit; refused"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("OVERHEAD_MAX_ELEMENT_BYTES"));
}

#[cfg(unix)]
#[test]
fn devices_and_a_fifo_without_writer_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for (path, kind) in [
        (PathBuf::from("/dev/zero"), "a character device"),
        (PathBuf::from("/dev/urandom"), "a character device"),
        (fifo, "a FIFO"),
        (dir.path().to_path_buf(), "a directory"),
    ] {
        let started = std::time::Instant::now();
        let out = passes(&path, "2026-08-22T12:00:00Z", &[]);
        assert_eq!(out.status.code(), Some(2), "{path:?}: {out:?}");
        assert!(
            stderr(&out).contains(&format!("is not a regular file ({kind}); refused")),
            "{}",
            stderr(&out)
        );
        assert!(started.elapsed() < StdDuration::from_secs(20), "{path:?}");
        let fetched = overhead(dir.path(), &["fetch", "--url", path.to_str().unwrap()]);
        assert_eq!(fetched.status.code(), Some(1), "{path:?}: {fetched:?}");
        assert!(
            stderr(&fetched).contains("is not a regular file"),
            "{fetched:?}"
        );
    }
}

// ---- 3 and 5. Windows far from the epoch; stale elements on every path ----

#[test]
fn window_centuries_from_the_epoch_is_refused_per_satellite_not_saturated() {
    let fixture = data_path("fixture_elements.tle");
    for start in ["0000-01-01T00:00:00Z", "1900-01-01T00:00:00Z"] {
        let out = passes(&fixture, start, &["--format", "json"]);
        assert_eq!(out.status.code(), Some(2), "{start}: {out:?}");
        let err = stderr(&out);
        assert!(err.contains("not searched: the window reaches"), "{err}");
        assert!(err.contains("days before the element epoch"), "{err}");
        assert!(err.contains("no satellite was searched"), "{err}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["passes"].as_array().unwrap().len(), 0, "{start}");
        assert_eq!(json["satellites"][0]["presence"], "not_searched");
    }
}

#[test]
fn elements_a_few_months_old_get_a_stale_warning_with_elements_too() {
    // The fixture's ISS epoch is 2026-08-22; 99 days later the bundled path warns, and so
    // must --elements.
    let out = passes(
        &data_path("fixture_elements.tle"),
        "2026-11-29T00:00:00Z",
        &["--format", "csv"],
    );
    assert!(out.status.success(), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("are more than 14 days from this window"),
        "{err}"
    );
    assert!(err.contains("times may be off by many minutes"), "{err}");
    // Near the epoch: no warning.
    let fresh = passes(
        &data_path("fixture_elements.tle"),
        "2026-08-22T12:00:00Z",
        &["--sat", "25544"],
    );
    assert!(!stderr(&fresh).contains("more than 14 days"), "{fresh:?}");
}

#[test]
fn element_epoch_years_after_the_window_is_refused_not_aged_negatively() {
    let dir = tempfile::tempdir().unwrap();
    let json = String::from_utf8(data_bytes(STATIONS_JSON))
        .unwrap()
        .replace("\"2025-06-", "\"2099-06-");
    let future = write_temp(dir.path(), "future.json", json.as_bytes());
    let out = passes(&future, "2025-06-28T00:00:00Z", &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("reaches 27029 days before the element epoch"),
        "{err}"
    );
    assert!(!err.contains("-27029"), "{err}");
    // Years after the epoch, the same.
    let late = passes(
        &data_path("fixture_elements.tle"),
        "2030-01-01T00:00:00Z",
        &[],
    );
    assert_eq!(late.status.code(), Some(2), "{late:?}");
    assert!(
        stderr(&late).contains("days after the element epoch"),
        "{}",
        stderr(&late)
    );
    // Within the year, it is searched, with a warning about the distance.
    let near = passes(&future, "2099-03-01T00:00:00Z", &["--format", "csv"]);
    assert!(near.status.success(), "{near:?}");
    assert!(stderr(&near).contains("days after it"), "{}", stderr(&near));
}

// ---- 4. Numbers on the command line ----

#[test]
fn numbers_out_of_range_are_refused_naming_the_argument_and_range() {
    let fixture = data_path("fixture_elements.tle");
    let cases: &[(&[&str], &str)] = &[
        (
            &["--alt-m", "NaN"],
            "--alt-m NaN is not a finite number; it must be from -500 to 10000 metres",
        ),
        (&["--alt-m", "inf"], "--alt-m inf is not a finite number"),
        (&["--alt-m", "-inf"], "--alt-m -inf is not a finite number"),
        (&["--alt-m", "1e9"], "--alt-m 1e9 is out of range"),
        (
            &["--alt-m", "-20000"],
            "--alt-m -20000 is out of range; it must be from -500 to 10000 metres",
        ),
        (
            &["--horizon-deg", "NaN"],
            "--horizon-deg NaN is not a finite number; it must be from -90 to 90 degrees",
        ),
        (
            &["--min-elevation-deg", "NaN"],
            "--min-elevation-deg NaN is not a finite number",
        ),
        (
            &["--max-sun-elevation-deg", "200"],
            "--max-sun-elevation-deg 200 is out of range",
        ),
        (
            &["--visible-elevation-deg", "-91"],
            "--visible-elevation-deg -91 is out of range",
        ),
        (
            &["--lon", "300"],
            "--lon 300 is out of range; it must be from -180 to 180 degrees",
        ),
        (
            &["--days", "-1"],
            "--days -1 is out of range; it must be more than 0 and at most 366 days",
        ),
        (&["--days", "NaN"], "--days NaN is not a finite number"),
        (&["--name", " "], "--name is empty"),
    ];
    for (extra, expected) in cases {
        let out = passes(&fixture, "2026-08-22T12:00:00Z", extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {out:?}");
        assert!(
            stderr(&out).contains(expected),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn negative_numbers_are_read_as_numbers_and_accepted_in_range() {
    let out = passes(
        &data_path("fixture_elements.tle"),
        "2026-08-22T12:00:00Z",
        &[
            "--visible-elevation-deg",
            "-5",
            "--horizon-deg",
            "-0.5",
            "--lon",
            "-0.1276",
            "--lat",
            "-33.8688",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn fetch_refuses_empty_queries_and_bad_catalog_numbers_without_a_request() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (&["fetch", "--group", ""][..], "--group is empty"),
        (&["fetch", "--name", "  "][..], "--name is empty"),
        (
            &["fetch", "--catnr", "0"][..],
            "--catnr 0 is out of range; it must be from 1 to 999999999",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_overhead"))
            .args(args)
            .env("OVERHEAD_CACHE_DIR", dir.path())
            .env("OVERHEAD_CONFIG_DIR", dir.path().join("config"))
            .env("OVERHEAD_CELESTRAK_URL", server.base_url())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    assert_eq!(server.requests(), 0);
    // The library refuses them too (the window's custom sources).
    let empty = Source::group(" ").location(&server.base_url());
    assert!(
        matches!(
            empty,
            Err(catalog::SourceError::EmptyQuery { parameter: "GROUP" })
        ),
        "{empty:?}"
    );
}

// ---- 6. Angles in element records ----

#[test]
fn angles_out_of_range_in_omm_and_tle_are_skipped_with_the_value_in_scientific_form() {
    let json = String::from_utf8(data_bytes(STATIONS_JSON)).unwrap();
    let first_raan = json.find("\"RA_OF_ASC_NODE\":").unwrap();
    let value_end = first_raan + json[first_raan..].find(',').unwrap();
    let hostile = format!(
        "{}\"RA_OF_ASC_NODE\":1e308{}",
        &json[..first_raan],
        &json[value_end..]
    );
    let parsed = overhead::orbit::parse_elements(&hostile, "t").unwrap();
    assert_eq!(parsed.sets.len(), STATIONS_COUNT - 1);
    let reason = &parsed.warnings[0].reason;
    assert_eq!(
        reason,
        "right ascension of the ascending node 1e308 deg is outside [0, 360]"
    );
    let negative = json.replacen("\"MEAN_ANOMALY\": ", "\"MEAN_ANOMALY\": -", 1);
    let parsed = overhead::orbit::parse_elements(&negative, "t").unwrap();
    assert_eq!(
        parsed.sets.len(),
        STATIONS_COUNT - 1,
        "{:?}",
        parsed.warnings
    );
    assert!(parsed.warnings[0].reason.starts_with("mean anomaly -"));
}

// ---- 8. What reaches the terminal and files ----

fn hostile_name_json() -> String {
    String::from_utf8(data_bytes(STATIONS_JSON))
        .unwrap()
        .replacen(
            "\"ISS (ZARYA)\"",
            "\"ISS\\u001b]0;pwned\\u0007\\r\\nX,\\\"Y\\u001b[31m\\u202e\"",
            1,
        )
}

#[test]
fn control_characters_in_names_reach_no_output_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_temp(dir.path(), "evil.json", hostile_name_json().as_bytes());
    for format in ["table", "csv", "ics", "json"] {
        let out = passes(
            &file,
            "2025-06-28T12:00:00Z",
            &["--sat", "25544", "--format", format],
        );
        assert!(out.status.success(), "{format}: {out:?}");
        let stdout = String::from_utf8(out.stdout.clone()).unwrap();
        let shown = if format == "ics" {
            "ISS�]0\\;pwned� X\\,"
        } else {
            "ISS�]0;pwned� X,"
        };
        assert!(stdout.contains(shown), "{format}: {stdout}");
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!stdout.contains(bad), "{format}: {bad:?} in {stdout}");
            assert!(!stderr(&out).contains(bad), "{format}: {bad:?} on stderr");
        }
        let bare_cr = stdout.replace("\r\n", "").contains('\r');
        assert!(!bare_cr, "{format}: a lone CR");
        if format == "csv" {
            let rows: Vec<&str> = stdout.lines().collect();
            assert!(
                rows[1..].iter().all(|r| r.starts_with("25544,")),
                "{stdout}"
            );
        }
        if format == "json" {
            assert!(!stdout.contains("\\u001b"), "{stdout}");
        }
    }
}

#[test]
fn a_megabyte_first_line_gives_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = vec![b'A'; 1024 * 1024];
    line.extend_from_slice(b"\x1b[2J\n");
    let file = write_temp(dir.path(), "long.txt", &line);
    let out = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args([
            "passes",
            "--elements",
            file.to_str().unwrap(),
            "--all",
            "--lat",
            "0",
            "--lon",
            "0",
        ])
        .env("OVERHEAD_CACHE_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.len() < 4000, "{} bytes", err.len());
    assert!(err.contains('…'), "{err}");
    assert!(!err.contains('\u{1b}'));
}

#[test]
fn utf16_file_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(data_bytes("fixture_elements.tle")).unwrap();
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [("le.tle", le), ("be.tle", be)] {
        let file = write_temp(dir.path(), name, &bytes);
        let out = passes(
            &file,
            "2026-08-22T12:00:00Z",
            &["--sat", "25544", "--format", "csv"],
        );
        assert!(out.status.success(), "{name}: {out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("ISS (ZARYA)"));
    }
}

#[test]
fn server_error_text_with_escapes_is_quoted_cleaned_and_short() {
    let server = TestServer::start();
    let body = format!("\u{1b}]0;owned\u{7}Bad gateway\r\n{}", "x".repeat(100_000));
    server.set(STATIONS_PATH, Reply::Status(502, "text/plain", body));
    let dir = tempfile::tempdir().unwrap();
    let out = overhead(dir.path(), &["fetch", "--url", &server.url(STATIONS_PATH)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.len() < 1000, "{err}");
    assert!(err.contains("�]0;owned�Bad gateway"), "{err}");
}

// ---- 7. Several `overhead fetch` processes at once ----

#[test]
fn concurrent_fetch_processes_share_one_request_and_all_succeed() {
    let server = TestServer::start();
    // Slow enough that all five processes start while the first is still downloading.
    server.set(
        STATIONS_QUERY,
        Reply::Slow {
            body: data_bytes(STATIONS_JSON),
            first: 1000,
            pause_ms: 1500,
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..5)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_overhead"))
                .args(["fetch", "--group", "stations", "--force"])
                .env("OVERHEAD_CACHE_DIR", dir.path())
                .env("OVERHEAD_CONFIG_DIR", dir.path().join("config"))
                .env("OVERHEAD_CELESTRAK_URL", server.base_url())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();

    for out in &outputs {
        assert!(out.status.success(), "{out:?}");
        // Only the wait is said (issue 25: at once, not after the fact).
        let err = stderr(out);
        assert!(
            err.lines()
                .all(|l| l.ends_with("is downloading CelesTrak GROUP=stations; waiting")),
            "{err}"
        );
    }
    assert_eq!(server.requests(), 1, "one request for five processes");
    let shared = outputs
        .iter()
        .filter(|o| String::from_utf8_lossy(&o.stdout).contains("by another Overhead process"))
        .count();
    assert_eq!(shared, 4);
    let loaded = catalog::load_catalog(dir.path(), Utc::now());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.sources.len(), 1);
    assert_eq!(loaded.sources[0].backoff_until, None);
    assert_eq!(loaded.sources[0].count, STATIONS_COUNT);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("elements"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_live_writers_temp_file_is_left_alone_and_an_abandoned_one_removed() {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(dir.path(), &server.base_url());
    let source = Source::Url(server.url(STATIONS_PATH));
    let entry = fetcher.entry(&source).unwrap().1;
    std::fs::create_dir_all(entry.data_path.parent().unwrap()).unwrap();
    let live = entry
        .data_path
        .with_file_name(format!(".tmp-{}.data-1-0", entry.key));
    let live_file = std::fs::File::create(&live).unwrap();
    live_file.lock().unwrap();

    let outcome = fetcher.refresh(&source, RefreshPolicy { force: true }, Utc::now());
    assert!(
        matches!(outcome, RefreshOutcome::Updated { .. }),
        "{outcome:?}"
    );
    assert!(
        live.exists(),
        "a locked (live) temporary file is not removed"
    );

    drop(live_file);
    let later = Utc::now() + Duration::hours(3);
    let outcome = fetcher.refresh(&source, RefreshPolicy { force: true }, later);
    assert!(
        matches!(outcome, RefreshOutcome::Updated { .. }),
        "{outcome:?}"
    );
    assert!(!live.exists(), "an abandoned temporary file is removed");
}

#[test]
fn a_local_write_error_sets_no_network_back_off() {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(dir.path(), &server.base_url());
    let source = Source::Url(server.url(STATIONS_PATH));
    let entry = fetcher.entry(&source).unwrap().1;
    // A directory where the data file goes: renaming the download over it fails.
    std::fs::create_dir_all(entry.data_path.join("blocker")).unwrap();
    let now = Utc::now();

    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), now);

    assert!(
        matches!(
            outcome,
            RefreshOutcome::Failed {
                error: FetchError::Cache(_),
                retry_after: None,
                ..
            }
        ),
        "{outcome:?}"
    );
    let status = fetcher.status(&source, now).unwrap();
    assert_eq!(status.backoff_until, None);
    std::fs::remove_dir_all(&entry.data_path).unwrap();
    let retry = fetcher.refresh(&source, RefreshPolicy::default(), now);
    assert!(matches!(retry, RefreshOutcome::Updated { .. }), "{retry:?}");
    assert_eq!(server.requests(), 2);
}

// ---- 9. Smaller holes in the refresh rules ----

#[test]
fn not_modified_on_an_empty_cache_does_not_start_the_two_hour_clock() {
    let server = TestServer::start();
    server.set(
        STATIONS_PATH,
        Reply::Status(304, "text/plain", String::new()),
    );
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(dir.path(), &server.base_url());
    let source = Source::Url(server.url(STATIONS_PATH));
    let now = Utc::now();

    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), now);
    assert!(
        matches!(
            outcome,
            RefreshOutcome::Failed {
                error: FetchError::NotModifiedWithoutData { .. },
                retry_after: None,
                cache_kept: false,
            }
        ),
        "{outcome:?}"
    );
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let next = fetcher.refresh(
        &source,
        RefreshPolicy::default(),
        now + Duration::minutes(1),
    );
    assert!(matches!(next, RefreshOutcome::Updated { .. }), "{next:?}");
}

#[test]
fn corrupt_metadata_does_not_lift_the_two_hour_rule() {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(dir.path(), &server.base_url());
    let source = Source::Url(server.url(STATIONS_PATH));
    let now = Utc::now();
    let first = fetcher.refresh(&source, RefreshPolicy::default(), now);
    assert!(matches!(first, RefreshOutcome::Updated { .. }), "{first:?}");
    let entry = fetcher.entry(&source).unwrap().1;
    std::fs::write(&entry.meta_path, b"\0\0 not json").unwrap();

    let again = fetcher.refresh(
        &source,
        RefreshPolicy::default(),
        now + Duration::minutes(5),
    );

    assert!(matches!(again, RefreshOutcome::TooSoon { .. }), "{again:?}");
    assert_eq!(server.requests(), 1);
}

#[test]
fn mirror_base_url_with_a_query_keeps_its_path_and_query() {
    let location = Source::group("stations")
        .location("https://mirror.example/celestrak/?key=abc")
        .unwrap();
    assert_eq!(
        location.to_string(),
        "https://mirror.example/celestrak/NORAD/elements/gp.php?key=abc&GROUP=stations&FORMAT=json"
    );
}

#[test]
fn unreadable_or_replaced_cache_directory_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let replaced = dir.path().join("cache");
    std::fs::write(&replaced, b"not a directory").unwrap();
    let loaded = catalog::load_catalog(&replaced, Utc::now());
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].contains("cannot read the element cache"));
    assert!(
        !loaded.sets.is_empty(),
        "the bundled snapshot is still used"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args([
            "passes", "--sat", "25544", "--lat", "0", "--lon", "0", "--days", "0.1",
        ])
        .env("OVERHEAD_CACHE_DIR", &replaced)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        stderr(&out)
            .matches("cannot read the element cache")
            .count(),
        1,
        "{}",
        stderr(&out)
    );
}

// ---- Fuzzing the readers and the argument checks ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Arbitrary bytes, with or without a gzip or UTF-16 header, through the whole reader
    /// (decoding, format detection, TLE / OMM JSON / OMM CSV): an answer or an error, never
    /// a panic, and never more than the limit inflated.
    #[test]
    fn arbitrary_bytes_through_the_element_readers_never_panic(
        prefix in prop_oneof![
            Just(Vec::new()),
            Just(vec![0xff, 0xfe]),
            Just(vec![0xfe, 0xff]),
            Just(b"[{".to_vec()),
            Just(b"NORAD_CAT_ID,OBJECT_NAME,EPOCH\n".to_vec()),
            Just(b"1 25544U".to_vec()),
        ],
        body in proptest::collection::vec(any::<u8>(), 0..400),
        gzipped in any::<bool>(),
    ) {
        let mut bytes = prefix;
        bytes.extend_from_slice(&body);
        if gzipped {
            bytes = gzip(&bytes);
        }
        if let Ok(text) = catalog::decode_text("fuzz", &bytes, 4096) {
            let _ = overhead::orbit::parse_elements(&text, "fuzz");
        }
    }

    /// Damaged gzip (any byte changed, any cut) is an error, never a panic or a hang.
    #[test]
    fn damaged_gzip_never_panics(pos in 0usize..2000, byte in any::<u8>(), cut in 0usize..2000) {
        let mut bytes = gzip(&data_bytes("fixture_elements.tle"));
        if pos < bytes.len() {
            bytes[pos] = byte;
        }
        bytes.truncate(cut.max(2));
        if let Ok(text) = catalog::decode_text("fuzz", &bytes, 1 << 20) {
            let _ = overhead::orbit::parse_elements(&text, "fuzz");
        }
    }

    /// Arbitrary values for every number `overhead passes` takes: read, then judged, never
    /// a panic; what is accepted is finite and in range.
    #[test]
    fn arbitrary_argument_values_are_judged_without_panicking(
        values in proptest::collection::vec(
            prop_oneof![
                any::<f64>().prop_map(|x| x.to_string()),
                Just("NaN".to_owned()),
                Just("-inf".to_owned()),
                Just("1e309".to_owned()),
                "[-+0-9.eE]{0,12}",
                ".{0,8}",
            ],
            8,
        ),
        catnr in any::<u64>(),
        text in ".{0,6}",
    ) {
        use clap::Parser;
        use overhead::cli::{Args, Command as Sub};
        let flags = [
            "--lat", "--lon", "--alt-m", "--days", "--horizon-deg", "--min-elevation-deg",
            "--visible-elevation-deg", "--max-sun-elevation-deg",
        ];
        let mut argv = vec!["overhead".to_owned(), "passes".to_owned(), "--all".to_owned()];
        for (flag, value) in flags.iter().zip(&values) {
            argv.push(format!("{flag}={value}"));
        }
        argv.push(format!("--name={text}"));
        if let Ok(Args { command: Some(Sub::Passes(args)), .. }) = Args::try_parse_from(&argv)
            && let Ok(checked) = args.check_numbers()
        {
            prop_assert!(checked.observer.latitude_deg.abs() <= 90.0);
            prop_assert!(checked.observer.longitude_deg.abs() <= 180.0);
            prop_assert!(checked.days > 0.0 && checked.days <= 366.0);
            prop_assert!(checked.search.max_sun_elevation_deg.abs() <= 90.0);
        }
        let fetch = ["overhead".to_owned(), "fetch".to_owned(), format!("--catnr={catnr}"), format!("--group={text}")];
        if let Ok(Args { command: Some(Sub::Fetch(args)), .. }) = Args::try_parse_from(fetch)
            && let Ok(sources) = args.sources()
        {
            for source in sources {
                let _ = source.location("https://celestrak.org");
            }
        }
    }
}

// ---- Relatives: the settings file ----

#[test]
fn settings_with_elevations_out_of_range_are_repaired_with_a_message() {
    use overhead::settings::Settings;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let file = r#"{"version": 1, "pass_search": {"horizon_deg": 1e308, "max_sun_elevation_deg": 200.0, "refraction": true}}"#;
    std::fs::write(&path, file).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(settings.pass_search.horizon_deg, 0.0);
    assert_eq!(settings.pass_search.max_sun_elevation_deg, -6.0);
    assert!(settings.pass_search.refraction, "the valid choice is kept");
    assert!(
        message
            .unwrap_or_default()
            .contains("pass search elevations"),
        "the repair is reported"
    );
}

#[cfg(unix)]
#[test]
fn a_settings_fifo_or_huge_settings_file_gives_defaults_at_once() {
    use overhead::settings::Settings;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("settings.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (settings, message) = Settings::load(&fifo);
    assert_eq!(settings, Settings::default());
    assert!(message.unwrap().contains("not a regular file"));
    let big = dir.path().join("big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(overhead::files::SMALL_FILE_MAX_BYTES + 1)
        .unwrap();
    let (_, message) = Settings::load(&big);
    assert!(message.unwrap().contains("larger than the"));
}

#[test]
fn the_library_search_refuses_a_far_window_for_the_window_too() {
    use overhead::orbit::{
        MAX_DAYS_FROM_EPOCH, ObserverFrame, PassSearch, PropagationError, Satellite, SkyPresence,
        find_passes, parse_elements,
    };
    let text = String::from_utf8(data_bytes("fixture_elements.tle")).unwrap();
    let set = parse_elements(&text, "t").unwrap().sets.remove(0);
    let sat = Satellite::new(set.clone());
    let frame = ObserverFrame::new(overhead::orbit::Observer::new(37.5, 127.0, 0.0));
    let search = PassSearch::default();
    let start = set.epoch + Duration::days(MAX_DAYS_FROM_EPOCH as i64 + 1);
    let list = find_passes(
        &sat,
        &frame,
        start,
        start + Duration::days(1),
        &search,
        None,
    );
    assert_eq!(list.presence, SkyPresence::NotSearched);
    assert!(list.passes.is_empty());
    assert!(matches!(
        list.stopped_early,
        Some(PropagationError::TooFarFromEpoch { .. })
    ));
    // A window ending just inside the year is searched.
    let end = set.epoch + Duration::days(MAX_DAYS_FROM_EPOCH as i64);
    let list = find_passes(&sat, &frame, end - Duration::days(1), end, &search, None);
    assert_eq!(list.presence, SkyPresence::Passes);
}

#[test]
fn utf16_without_a_byte_order_mark_is_named_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(data_bytes("fixture_elements.tle")).unwrap();
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let file = write_temp(dir.path(), "no-bom.tle", &bytes);
    let out = passes(&file, "2026-08-22T12:00:00Z", &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("looks like UTF-16 text without a byte-order mark"),
        "{err}"
    );
    assert!(!err.contains("a name with no element lines"), "{err}");
}

// ---- Issue 25: the second round, one module per part of the issue ----
mod memory;
mod network;
mod output;
mod records;
mod window;
