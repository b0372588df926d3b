//! Element sources, the cache and its refresh rules, the bundled snapshot, settings, and
//! `overhead fetch` (issue 3: "Orbital data that is always there").
//!
//! Every network test talks to a `tiny_http` server on 127.0.0.1 started by the test
//! (`util::TestServer`), and every cache and config lives in a fresh temporary directory
//! passed explicitly (or through `OVERHEAD_CACHE_DIR` / `OVERHEAD_CONFIG_DIR` for the
//! binary). Nothing here touches the network or the real cache.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, TimeZone, Utc};
use overhead::catalog::{
    self, CatalogOrigin, FetchConfig, FetchError, Fetcher, RefreshOutcome, RefreshPolicy, Source,
};
use overhead::orbit::PropagationError;
use overhead::settings::{ObserverSite, Settings, Theme, TimeDisplay};

use crate::util::{Reply, TestServer, data_bytes, data_path};

/// Stations OMM JSON fixture (13 sets, epochs 2025-06-28).
const STATIONS_JSON: &str = "catalog/stations-2025-06-28.json";
/// Satellites in [`STATIONS_JSON`].
const STATIONS_COUNT: usize = 13;
/// Path the fixture is served on.
const STATIONS_PATH: &str = "/stations.json";
/// CelesTrak's answer when asked again before the data changed (text as reported in
/// OpenSpace/OpenSpace#3973, 2026-03-27).
const NOT_UPDATED_BODY: &str = "GP data has not updated since your last successful\r\ndownload of GROUP=stations at 2026-08-22 23:00:00 UTC.\r\nData is updated once every 2 hours.\r\n";
/// Read timeout used in the tests; the slow server pauses far longer.
const TEST_READ_TIMEOUT: StdDuration = StdDuration::from_millis(400);
/// Body size limit used in the tests (the stations fixture is 6,866 bytes).
const TEST_MAX_BODY_BYTES: u64 = 64 * 1024;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 8, 23, 0, 0, 0)
        .single()
        .expect("a valid date")
}

fn fetcher(cache_dir: &Path, server: &TestServer) -> Fetcher {
    let config = FetchConfig {
        celestrak_base_url: server.base_url(),
        read_timeout: TEST_READ_TIMEOUT,
        total_timeout: StdDuration::from_secs(5),
        max_body_bytes: TEST_MAX_BODY_BYTES,
        ..FetchConfig::default()
    };
    Fetcher::new(cache_dir, config).expect("the HTTP client builds")
}

fn force() -> RefreshPolicy {
    RefreshPolicy { force: true }
}

fn data_file(fetcher: &Fetcher, source: &Source) -> PathBuf {
    fetcher
        .entry(source)
        .expect("the test URLs are allowed")
        .1
        .data_path
}

/// A server serving the stations fixture, a cache holding it (refreshed at `t0`), and the source.
fn primed() -> (TestServer, tempfile::TempDir, Fetcher, Source) {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().expect("test setup");
    let fetcher = fetcher(dir.path(), &server);
    let source = Source::Url(server.url(STATIONS_PATH));
    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), t0());
    assert!(
        matches!(
            outcome,
            RefreshOutcome::Updated {
                count: STATIONS_COUNT,
                ..
            }
        ),
        "{outcome:?}"
    );
    (server, dir, fetcher, source)
}

/// Serves `reply` instead of the good data, refreshes (forced, three hours later) and checks
/// that the cache is byte-identical, the status names the problem, and a back-off is set.
fn assert_misbehaviour_keeps_cache(reply: Reply, expected_in_message: &str) -> FetchError {
    let (server, dir, fetcher, source) = primed();
    let before = std::fs::read(data_file(&fetcher, &source)).expect("test cache readable");
    server.set(STATIONS_PATH, reply);
    let now = t0() + Duration::hours(3);

    let outcome = fetcher.refresh(&source, force(), now);

    let RefreshOutcome::Failed {
        error,
        retry_after,
        cache_kept,
    } = outcome.clone()
    else {
        panic!("expected a failure, got {outcome:?}")
    };
    assert!(cache_kept);
    assert_eq!(retry_after, Some(now + Duration::hours(2)));
    assert!(
        outcome.message().contains(expected_in_message),
        "{}",
        outcome.message()
    );
    assert!(
        outcome.message().contains("keeping the cached data"),
        "{}",
        outcome.message()
    );
    assert_eq!(
        std::fs::read(data_file(&fetcher, &source)).expect("test cache readable"),
        before,
        "cache changed"
    );
    let loaded = catalog::load_catalog(dir.path(), now);
    assert_eq!(loaded.origin, CatalogOrigin::Cache);
    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
    let status = &loaded.sources[0];
    assert!(
        status
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains(expected_in_message),
        "{status:?}"
    );
    assert_eq!(status.last_error_at, Some(now));
    assert_eq!(status.backoff_until, Some(now + Duration::hours(2)));
    assert_eq!(
        status.downloaded_at,
        Some(t0()),
        "the old download time is kept"
    );
    error
}

// ---- Downloading and the two-hour rule ----

/// Element sets the cached sources hold (the loaded catalog adds the bundled snapshot).
fn cached_count(loaded: &catalog::LoadedCatalog) -> usize {
    loaded.sources.iter().map(|s| s.count).sum()
}

#[test]
fn first_refresh_caches_the_body_as_served_and_loads_it() {
    let (server, dir, fetcher, source) = primed();
    assert_eq!(server.requests(), 1);
    assert_eq!(
        std::fs::read(data_file(&fetcher, &source)).unwrap(),
        data_bytes(STATIONS_JSON)
    );

    let loaded = catalog::load_catalog(dir.path(), t0());
    assert_eq!(loaded.origin, CatalogOrigin::Cache);
    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
    // The fixture is from June 2025: the bundled August 2026 set of the ISS stays, as an
    // older set never replaces a newer one.
    let iss = loaded.get(25544).unwrap();
    assert_eq!(iss.source, catalog::BUNDLED_SOURCE_NAME);
    let status = &loaded.sources[0];
    assert_eq!(status.location, server.url(STATIONS_PATH));
    assert_eq!(status.downloaded_at, Some(t0()));
    assert_eq!(status.count, STATIONS_COUNT);
    assert_eq!(status.last_error, None);
    assert_eq!(status.next_allowed, Some(t0() + Duration::hours(2)));
    assert_eq!(
        status.newest_epoch.unwrap().date_naive().to_string(),
        "2025-06-28"
    );
}

#[test]
fn second_refresh_within_two_hours_makes_no_request() {
    let (server, _dir, fetcher, source) = primed();

    let outcome = fetcher.refresh(
        &source,
        RefreshPolicy::default(),
        t0() + Duration::minutes(119),
    );

    assert_eq!(
        outcome,
        RefreshOutcome::TooSoon {
            last_success: t0(),
            next_allowed: t0() + Duration::hours(2)
        }
    );
    assert!(
        outcome
            .message()
            .starts_with("fetched less than 2 h ago; next allowed at 2026-08-23 02:00 UTC")
    );
    assert_eq!(
        server.requests(),
        1,
        "no request inside the two-hour window"
    );
    let later = fetcher.refresh(&source, RefreshPolicy::default(), t0() + Duration::hours(2));
    assert!(matches!(later, RefreshOutcome::Updated { .. }), "{later:?}");
    assert_eq!(server.requests(), 2);
}

#[test]
fn force_overrides_the_two_hour_rule() {
    let (server, _dir, fetcher, source) = primed();
    let outcome = fetcher.refresh(&source, force(), t0() + Duration::minutes(10));
    assert!(
        matches!(outcome, RefreshOutcome::Updated { .. }),
        "{outcome:?}"
    );
    assert_eq!(server.requests(), 2);
}

#[test]
fn celestrak_query_goes_to_the_configured_base_url() {
    let server = TestServer::start();
    server.set(
        "/NORAD/elements/gp.php?GROUP=stations&FORMAT=json",
        Reply::Data(data_bytes(STATIONS_JSON)),
    );
    let dir = tempfile::tempdir().unwrap();
    let outcome = fetcher(dir.path(), &server).refresh(&Source::group("stations"), force(), t0());
    assert!(
        matches!(
            outcome,
            RefreshOutcome::Updated {
                count: STATIONS_COUNT,
                ..
            }
        ),
        "{outcome:?}"
    );
    let loaded = catalog::load_catalog(dir.path(), t0());
    assert_eq!(loaded.sources[0].label, "CelesTrak GROUP=stations");
    assert_eq!(loaded.sources[0].count, STATIONS_COUNT);
}

#[test]
fn celestrak_not_updated_403_is_not_modified_and_keeps_the_cache() {
    let (server, dir, fetcher, source) = primed();
    let before = std::fs::read(data_file(&fetcher, &source)).unwrap();
    server.set(
        STATIONS_PATH,
        Reply::Status(403, "text/plain", NOT_UPDATED_BODY.to_owned()),
    );
    let now = t0() + Duration::hours(3);

    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), now);

    assert_eq!(
        outcome,
        RefreshOutcome::NotModified {
            next_allowed: now + Duration::hours(2)
        }
    );
    assert!(!outcome.is_failure());
    assert_eq!(std::fs::read(data_file(&fetcher, &source)).unwrap(), before);
    let status = &catalog::load_catalog(dir.path(), now).sources[0];
    assert_eq!(status.last_error, None);
    assert_eq!(status.backoff_until, None);
    assert_eq!(status.downloaded_at, Some(t0()));
    // "Not modified" counts as a successful answer for the two-hour rule.
    let again = fetcher.refresh(&source, RefreshPolicy::default(), now + Duration::hours(1));
    assert!(matches!(again, RefreshOutcome::TooSoon { .. }), "{again:?}");
    assert_eq!(server.requests(), 2);
}

#[test]
fn same_host_redirect_is_followed() {
    let server = TestServer::start();
    server.set("/old", Reply::Redirect(STATIONS_PATH.to_owned()));
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let outcome =
        fetcher(dir.path(), &server).refresh(&Source::Url(server.url("/old")), force(), t0());
    assert!(
        matches!(
            outcome,
            RefreshOutcome::Updated {
                count: STATIONS_COUNT,
                ..
            }
        ),
        "{outcome:?}"
    );
}

// ---- Misbehaving servers: the old cache stays byte for byte ----

#[test]
fn http_404_keeps_the_cache_and_says_so() {
    let error = assert_misbehaviour_keeps_cache(
        Reply::Status(404, "text/plain", "Not Found".into()),
        "HTTP 404 Not Found",
    );
    assert!(matches!(error, FetchError::HttpStatus { .. }));
}

#[test]
fn http_500_keeps_the_cache_and_says_so() {
    assert_misbehaviour_keeps_cache(
        Reply::Status(500, "text/plain", "oops".into()),
        "HTTP 500 Internal Server Error",
    );
}

#[test]
fn http_403_that_is_not_not_updated_is_a_failure() {
    let body = "Your IP address has been blocked due to excessive downloads.".to_owned();
    assert_misbehaviour_keeps_cache(
        Reply::Status(403, "text/plain", body),
        "blocked due to excessive downloads",
    );
}

#[test]
fn html_page_instead_of_data_keeps_the_cache() {
    let page = "<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body>Please log in</body></html>";
    let error = assert_misbehaviour_keeps_cache(
        Reply::Data(page.as_bytes().to_vec()),
        "returned a web page (HTML)",
    );
    assert!(matches!(error, FetchError::HtmlPage { .. }));
}

#[test]
fn no_gp_data_found_keeps_the_cache() {
    let error = assert_misbehaviour_keeps_cache(
        Reply::Data(b"No GP data found".to_vec()),
        "No GP data found",
    );
    assert!(matches!(error, FetchError::NoGpData { .. }));
}

#[test]
fn empty_body_keeps_the_cache() {
    assert_misbehaviour_keeps_cache(Reply::Data(Vec::new()), "empty answer");
}

#[test]
fn truncated_json_body_keeps_the_cache() {
    let mut body = data_bytes(STATIONS_JSON);
    body.truncate(body.len() / 2);
    assert_misbehaviour_keeps_cache(Reply::Data(body), "not valid OMM JSON");
}

#[test]
fn truncated_tle_body_keeps_the_cache() {
    let mut body = data_bytes("fixture_elements.tle");
    // Cut inside the last line 2: the set before it still parses, but the file is incomplete.
    body.truncate(body.len() - 20);
    let error = assert_misbehaviour_keeps_cache(Reply::Data(body), "cut off");
    assert!(matches!(error, FetchError::Truncated { .. }));
}

#[test]
fn slow_body_past_the_timeout_keeps_the_cache() {
    let body = data_bytes(STATIONS_JSON);
    let error = assert_misbehaviour_keeps_cache(
        Reply::Slow {
            body,
            first: 100,
            pause_ms: 3000,
        },
        "did not answer within",
    );
    assert!(matches!(error, FetchError::Timeout { .. }), "{error:?}");
}

#[test]
fn oversized_body_with_length_is_refused() {
    let body = vec![b' '; TEST_MAX_BODY_BYTES as usize + 1];
    let error =
        assert_misbehaviour_keeps_cache(Reply::Data(body), "larger than the 65536-byte limit");
    assert!(matches!(error, FetchError::TooLarge { .. }));
}

#[test]
fn oversized_chunked_body_is_refused_while_reading() {
    let body = vec![b' '; 4 * TEST_MAX_BODY_BYTES as usize];
    assert_misbehaviour_keeps_cache(Reply::Chunked(body), "larger than the 65536-byte limit");
}

#[test]
fn redirect_to_another_host_is_refused() {
    let error = assert_misbehaviour_keeps_cache(
        Reply::Redirect("https://elsewhere.invalid/stations.json".into()),
        "redirected to https://elsewhere.invalid/stations.json",
    );
    assert!(matches!(error, FetchError::RedirectRefused { .. }));
}

#[test]
fn connection_closed_mid_body_keeps_the_cache() {
    let (_server, dir, _fetcher, source) = primed();
    // A raw socket, because tiny_http never drops a connection mid-body: it promises
    // 10,000 bytes, sends 100 and hangs up.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hang_up = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0_u8; 1024];
        let _ = stream.read(&mut request).unwrap();
        let head =
            "HTTP/1.1 200 OK\r\nContent-Length: 10000\r\nContent-Type: application/json\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&data_bytes(STATIONS_JSON)[..100]).unwrap();
    });
    // Same cache directory, a second source whose server misbehaves.
    let broken = Source::Url(format!("http://127.0.0.1:{port}/stations.json"));
    let other = Fetcher::new(
        dir.path(),
        FetchConfig {
            read_timeout: TEST_READ_TIMEOUT,
            ..FetchConfig::default()
        },
    )
    .unwrap();
    let before = std::fs::read(data_file(&other, &source)).unwrap();

    let outcome = other.refresh(&broken, force(), t0());

    hang_up.join().unwrap();
    let RefreshOutcome::Failed { error, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(matches!(error, FetchError::Truncated { .. }), "{error:?}");
    assert!(
        outcome.message().contains("cut off"),
        "{}",
        outcome.message()
    );
    assert!(
        !data_file(&other, &broken).exists(),
        "nothing cached for the broken source"
    );
    assert_eq!(std::fs::read(data_file(&other, &source)).unwrap(), before);
    assert_eq!(
        cached_count(&catalog::load_catalog(dir.path(), t0())),
        STATIONS_COUNT
    );
}

#[test]
fn failure_backs_off_even_when_forced_and_the_back_off_grows() {
    let (server, _dir, fetcher, source) = primed();
    server.set(
        STATIONS_PATH,
        Reply::Status(500, "text/plain", "oops".into()),
    );
    let t1 = t0() + Duration::hours(3);
    assert!(matches!(
        fetcher.refresh(&source, force(), t1),
        RefreshOutcome::Failed { .. }
    ));
    assert_eq!(server.requests(), 2);

    let during = fetcher.refresh(&source, force(), t1 + Duration::hours(1));

    let RefreshOutcome::BackingOff { until, reason } = &during else {
        panic!("{during:?}")
    };
    assert_eq!(*until, t1 + Duration::hours(2));
    assert!(reason.contains("HTTP 500"), "{reason}");
    assert!(during.is_failure());
    assert_eq!(
        server.requests(),
        2,
        "no request while backing off, even with force"
    );
    let t2 = t1 + Duration::hours(2);
    let second = fetcher.refresh(&source, RefreshPolicy::default(), t2);
    assert_eq!(server.requests(), 3);
    let RefreshOutcome::Failed { retry_after, .. } = second else {
        panic!("{second:?}")
    };
    assert_eq!(
        retry_after,
        Some(t2 + Duration::hours(4)),
        "second failure in a row: 4 h"
    );
    // Recovery clears the error and the back-off.
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let t3 = t2 + Duration::hours(4);
    assert!(matches!(
        fetcher.refresh(&source, RefreshPolicy::default(), t3),
        RefreshOutcome::Updated { .. }
    ));
    let status = fetcher.status(&source, t3).unwrap();
    assert_eq!((status.last_error, status.backoff_until), (None, None));
}

#[test]
fn plain_http_to_another_machine_is_refused_without_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let fetcher = Fetcher::new(dir.path(), FetchConfig::default()).unwrap();
    let outcome = fetcher.refresh(
        &Source::Url("http://celestrak.org/NORAD/elements/gp.php?GROUP=stations".into()),
        force(),
        t0(),
    );
    let RefreshOutcome::Failed {
        error,
        retry_after: None,
        ..
    } = &outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(matches!(error, FetchError::Source(_)));
    assert!(
        outcome.message().contains("use https://"),
        "{}",
        outcome.message()
    );
}

// ---- Killed writers ----

#[test]
fn leftover_temp_file_of_a_killed_writer_is_ignored_then_cleaned() {
    let (_server, dir, fetcher, source) = primed();
    let data_path = data_file(&fetcher, &source);
    let before = std::fs::read(&data_path).unwrap();
    // What a writer killed between creating its temporary file and renaming it leaves behind.
    let key = fetcher.entry(&source).unwrap().1.key;
    let leftover = data_path.with_file_name(format!(".tmp-{key}.data-99999-0"));
    std::fs::write(&leftover, &before[..before.len() / 3]).unwrap();

    let loaded = catalog::load_catalog(dir.path(), t0());

    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
    assert_eq!(
        loaded.sources.len(),
        1,
        "the temporary file is not a source"
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(std::fs::read(&data_path).unwrap(), before);
    let outcome = fetcher.refresh(&source, force(), t0() + Duration::hours(3));
    assert!(
        matches!(outcome, RefreshOutcome::Updated { .. }),
        "{outcome:?}"
    );
    assert!(!leftover.exists(), "the next write of the entry removes it");
}

#[test]
fn killed_fetch_process_leaves_the_old_cache_intact() {
    let (server, dir, fetcher, source) = primed();
    let before = std::fs::read(data_file(&fetcher, &source)).unwrap();
    let body = data_bytes(STATIONS_JSON);
    server.set(
        STATIONS_PATH,
        Reply::Slow {
            body,
            first: 3000,
            pause_ms: 30_000,
        },
    );
    let config_dir = tempfile::tempdir().unwrap();
    let mut child = overhead_command(dir.path(), config_dir.path())
        .args(["fetch", "--force", "--url", &server.url(STATIONS_PATH)])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();

    // The primed download already signalled once; wait for the child's.
    let _primed = server.wait_for_reply_started(StdDuration::from_secs(1));
    let started = server.wait_for_reply_started(StdDuration::from_secs(60));
    assert!(started.is_some(), "the child never asked");
    std::thread::sleep(StdDuration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(std::fs::read(data_file(&fetcher, &source)).unwrap(), before);
    let loaded = catalog::load_catalog(dir.path(), t0());
    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn corrupt_metadata_keeps_the_data_and_is_rewritten_by_the_next_refresh() {
    let (_server, dir, fetcher, source) = primed();
    let meta_path = fetcher.entry(&source).unwrap().1.meta_path;
    std::fs::write(&meta_path, b"{ not json").unwrap();

    let loaded = catalog::load_catalog(dir.path(), t0());

    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
    assert!(
        loaded.sources[0]
            .problem
            .as_deref()
            .unwrap_or("")
            .contains("corrupt metadata"),
        "{:?}",
        loaded.sources
    );
    let outcome = fetcher.refresh(&source, RefreshPolicy::default(), t0() + Duration::hours(3));
    assert!(
        matches!(outcome, RefreshOutcome::Updated { .. }),
        "{outcome:?}"
    );
    assert!(catalog::load_catalog(dir.path(), t0()).warnings.is_empty());
}

// ---- Local files, merging, the bundled snapshot ----

#[test]
fn local_file_is_imported_into_the_cache_without_the_two_hour_rule() {
    let dir = tempfile::tempdir().unwrap();
    let fetcher = Fetcher::new(dir.path(), FetchConfig::default()).unwrap();
    let source = Source::File(data_path("fixture_elements.tle"));
    for minutes in [0, 1] {
        let outcome = fetcher.refresh(
            &source,
            RefreshPolicy::default(),
            t0() + Duration::minutes(minutes),
        );
        assert!(
            matches!(
                outcome,
                RefreshOutcome::Updated {
                    count: 10,
                    next_allowed: None,
                    ..
                }
            ),
            "{outcome:?}"
        );
    }
    assert_eq!(cached_count(&catalog::load_catalog(dir.path(), t0())), 10);
    let missing = fetcher.refresh(
        &Source::File(data_path("no-such-file.tle")),
        RefreshPolicy::default(),
        t0(),
    );
    assert!(
        matches!(
            missing,
            RefreshOutcome::Failed {
                error: FetchError::FileRead { .. },
                retry_after: None,
                ..
            }
        ),
        "{missing:?}"
    );
}

#[test]
fn newest_epoch_wins_across_sources_and_an_older_set_never_replaces_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let fetcher = Fetcher::new(dir.path(), FetchConfig::default()).unwrap();
    // Refreshed newest data first, oldest last: the order must not matter.
    for (file, count) in [
        ("catalog/korea-2026-07-19.csv", 2),
        ("fixture_elements.tle", 10),
        (STATIONS_JSON, STATIONS_COUNT),
    ] {
        let outcome = fetcher.refresh(
            &Source::File(data_path(file)),
            RefreshPolicy::default(),
            t0(),
        );
        assert!(
            matches!(outcome, RefreshOutcome::Updated { count: c, .. } if c == count),
            "{file}: {outcome:?}"
        );
    }

    let loaded = catalog::load_catalog(dir.path(), t0());

    assert_eq!(loaded.sources.len(), 3);
    let epoch_date = |id: u64| loaded.get(id).unwrap().epoch.date_naive().to_string();
    assert_eq!(
        epoch_date(25544),
        "2026-08-22",
        "ISS: the TLE fixture beats the 2025 JSON"
    );
    assert_eq!(epoch_date(48274), "2026-08-22", "CSS: likewise");
    // The bundled snapshot (22 Aug 2026) is a source too, newer than both cached sets.
    assert_eq!(
        epoch_date(58400),
        "2026-08-22",
        "MALLIGYONG-1: the bundled August set beats the July CSV and the May TLE"
    );
    assert_eq!(epoch_date(58463), "2026-08-22");
    assert_eq!(
        epoch_date(49044),
        "2026-08-22",
        "the bundled set beats the 2025 JSON"
    );
    assert_eq!(
        loaded.sets.iter().filter(|s| s.norad_id == 25544).count(),
        1
    );
}

#[test]
fn empty_cache_falls_back_to_the_bundled_snapshot_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();

    let loaded = catalog::load_catalog(dir.path(), now);

    assert_eq!(loaded.origin, CatalogOrigin::Bundled);
    // CelesTrak's active catalog (16,400) and the visual group's 129 objects it lacks
    // (rocket bodies, most of them).
    assert_eq!(loaded.sets.len(), 16_529);
    for id in [58400, 58463, 25544, 48274, 20580] {
        assert_eq!(
            loaded.get(id).unwrap().source,
            catalog::BUNDLED_SOURCE_NAME,
            "{id}"
        );
    }
    assert_eq!(
        loaded.data_epoch.unwrap().date_naive().to_string(),
        "2026-08-22"
    );
    assert_eq!(
        loaded.age_message(now).unwrap(),
        "Elements from 22 Aug 2026 (95 days old): passes today may be off by many minutes."
    );
    assert_eq!(
        loaded.stale_count,
        loaded.sets.len(),
        "every set is months old"
    );
    assert!(!loaded.is_decayed(25544));
}

#[test]
fn bundled_snapshot_and_magnitudes_are_readable() {
    let snapshot = catalog::bundled_snapshot().unwrap();
    assert_eq!(snapshot.median_epoch.date_naive().to_string(), "2026-08-22");
    assert_eq!(snapshot.newest_epoch.date_naive().to_string(), "2026-08-23");
    assert!(
        snapshot.sets.iter().any(|s| s.norad_id > 99_999),
        "six-digit catalog numbers"
    );
    let magnitudes = catalog::bundled_std_magnitudes();
    // qs.mag's full-phase values, converted to 90° phase (issue 22).
    let at_90 = |m: f64| m + overhead::orbit::brightness::QS_MAG_FULL_PHASE_TO_90_DEG_MAG;
    assert_eq!(magnitudes.get(25544), Some(at_90(-2.5)));
    assert_eq!(magnitudes.get(20580), Some(at_90(1.5)));
    assert_eq!(magnitudes.len(), 4150);
}

#[test]
fn stale_and_decayed_satellites_are_flagged() {
    let parsed = overhead::orbit::parse_elements(
        &String::from_utf8(data_bytes(STATIONS_JSON)).unwrap(),
        "x",
    )
    .unwrap();
    let iss = parsed.sets.iter().find(|s| s.norad_id == 25544).unwrap();
    let fresh = catalog::element_health(iss, iss.epoch + Duration::days(2));
    assert!(!fresh.is_stale && fresh.decayed.is_none(), "{fresh:?}");
    let old = catalog::element_health(iss, iss.epoch + Duration::days(15));
    assert!(old.is_stale && old.decayed.is_none(), "{old:?}");
    // Without reboosts, SGP4's drag model brings the 2025 ISS elements below the surface
    // within ten years (found by trying: still up after 1,000 days, down after 3,650).
    let ten_years_on = iss.epoch + Duration::days(3650);
    let decayed = catalog::element_health(iss, ten_years_on);
    assert!(
        matches!(decayed.decayed, Some(PropagationError::Decayed { .. })),
        "{decayed:?}"
    );
    // The same flag on a loaded catalog.
    let (_server, dir, _fetcher, _source) = primed();
    assert!(!catalog::load_catalog(dir.path(), t0()).is_decayed(25544));
    assert!(catalog::load_catalog(dir.path(), ten_years_on).is_decayed(25544));
}

// ---- Settings ----

#[test]
fn settings_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/settings.json");
    let mut settings = Settings::default();
    settings.observers.push(ObserverSite {
        name: "Dark site".into(),
        latitude_deg: -33.5,
        longitude_deg: 149.25,
        altitude_m: 900.0,
        time_zone: None,
    });
    settings.current_observer = 1;
    settings.favourites = vec![58400];
    settings.theme = Theme::NightRed;
    settings.time_display = TimeDisplay::Utc;
    settings.presentation_mode = true;
    settings.pass_search.min_elevation_deg = 25.0;
    settings.celestrak_base_url = Some("https://mirror.school.example".into());
    settings
        .sources
        .custom
        .push(overhead::settings::CustomSource {
            name: "Mine".into(),
            location: "https://example.org/mine.tle".into(),
            enabled: true,
        });
    settings.first_run_done = true;

    settings.save(&path).unwrap();
    let (loaded, message) = Settings::load(&path);

    assert_eq!(loaded, settings);
    assert_eq!(message, None);
    assert_eq!(loaded.observer().name, "Dark site");
    assert_eq!(
        std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn missing_settings_file_gives_seoul_defaults_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (settings, message) = Settings::load(&dir.path().join("settings.json"));
    assert_eq!(message, None);
    assert_eq!(settings, Settings::default());
    let seoul = settings.observer();
    assert_eq!(
        (seoul.latitude_deg, seoul.longitude_deg, seoul.altitude_m),
        (37.5665, 126.9780, 38.0)
    );
    assert_eq!(seoul.time_zone.as_deref(), Some("Asia/Seoul"));
    assert!(!settings.first_run_done);
    let sources = settings.enabled_sources();
    assert!(
        sources.contains(&Source::catnr(58400)) && sources.contains(&Source::group("stations"))
    );
}

#[test]
fn corrupt_settings_file_is_kept_aside_and_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    std::fs::write(&path, b"{\"version\": 1, \"observers\": [").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 8, 23, 1, 2, 3).unwrap();

    let (settings, message) = Settings::load_at(&path, now);

    assert_eq!(settings, Settings::default());
    let message = message.expect("a message for the user");
    assert!(
        message.contains("is not valid JSON") && message.contains("Using the defaults"),
        "{message}"
    );
    let backup = dir.path().join("settings.json.bak-20260823T010203Z");
    assert!(message.contains(&backup.display().to_string()), "{message}");
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        b"{\"version\": 1, \"observers\": ["
    );
    assert!(!path.exists());
    // A second corrupt file in the same second gets its own backup name.
    std::fs::write(&path, b"garbage").unwrap();
    let _ = Settings::load_at(&path, now);
    assert!(
        dir.path()
            .join("settings.json.bak-20260823T010203Z-2")
            .exists()
    );
}

#[test]
fn settings_from_a_newer_version_are_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    std::fs::write(&path, br#"{"version": 99, "theme": "Hologram"}"#).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(settings, Settings::default());
    assert!(message.unwrap().contains("newer version of Overhead"));
    assert!(!path.exists());
}

#[test]
fn settings_with_missing_fields_load_with_defaults_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let old = r#"{"version": 1, "observers": [{"name": "Busan", "latitude_deg": 35.18, "longitude_deg": 129.08}], "theme": "Light"}"#;
    std::fs::write(&path, old).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(message, None);
    assert_eq!(settings.theme, Theme::Light);
    assert_eq!(settings.observer().name, "Busan");
    assert_eq!(settings.observer().altitude_m, 0.0);
    assert_eq!(settings.pass_search, overhead::orbit::PassSearch::default());
}

#[test]
fn impossible_observer_is_removed_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let file = r#"{"version": 1, "observers": [{"name": "Nowhere", "latitude_deg": 200.0, "longitude_deg": 0.0}], "current_observer": 3}"#;
    std::fs::write(&path, file).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(settings.observers, vec![ObserverSite::default()]);
    assert_eq!(settings.current_observer, 0);
    assert!(message.unwrap().contains("impossible coordinates"));
    assert!(path.exists(), "a repairable file is not moved aside");
}

// ---- `overhead fetch` ----

/// The binary with its cache and config directories pointed at `cache_dir` and `config_dir`.
fn overhead_command(cache_dir: &Path, config_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_overhead"));
    command
        .env("OVERHEAD_CACHE_DIR", cache_dir)
        .env("OVERHEAD_CONFIG_DIR", config_dir)
        .env_remove("OVERHEAD_CELESTRAK_URL");
    command
}

#[test]
fn cli_fetch_url_caches_and_prints_the_count() {
    let server = TestServer::start();
    server.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let (cache, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    let output = overhead_command(cache.path(), config.path())
        .args(["fetch", "--url", &server.url(STATIONS_PATH)])
        .output()
        .unwrap();

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout.contains("13 element sets, newest epoch 2025-06-28 18:52 UTC"),
        "{stdout}"
    );
    assert_eq!(
        cached_count(&catalog::load_catalog(cache.path(), t0())),
        STATIONS_COUNT
    );
    // Again at once: the two-hour rule, no request, still success.
    let again = overhead_command(cache.path(), config.path())
        .args(["fetch", "--url", &server.url(STATIONS_PATH)])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("fetched less than 2 h ago; next allowed at")
    );
    assert_eq!(server.requests(), 1);
}

#[test]
fn cli_fetch_exits_non_zero_with_a_one_line_reason_on_http_500() {
    let server = TestServer::start();
    server.set(
        STATIONS_PATH,
        Reply::Status(
            500,
            "text/html",
            "<html><body><h1>Internal\nServer Error</h1></body></html>".into(),
        ),
    );
    let (cache, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    let output = overhead_command(cache.path(), config.path())
        .args(["fetch", "--url", &server.url(STATIONS_PATH)])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("overhead: http://127.0.0.1:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("answered HTTP 500 Internal Server Error: \"Internal Server Error\""),
        "{stderr}"
    );
    assert!(stderr.contains("next try after"), "{stderr}");
}

#[test]
fn cli_fetch_group_uses_the_celestrak_url_from_the_environment_and_xdg_dirs() {
    let server = TestServer::start();
    server.set(
        "/NORAD/elements/gp.php?GROUP=stations&FORMAT=json",
        Reply::Data(data_bytes(STATIONS_JSON)),
    );
    let home = tempfile::tempdir().unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(["fetch", "--group", "stations"])
        .env_remove("OVERHEAD_CACHE_DIR")
        .env_remove("OVERHEAD_CONFIG_DIR")
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("OVERHEAD_CELESTRAK_URL", server.base_url())
        .output()
        .unwrap();

    assert!(output.status.success(), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("CelesTrak GROUP=stations: 13 element sets")
    );
    let loaded = catalog::load_catalog(&home.path().join("cache/overhead"), t0());
    assert_eq!(cached_count(&loaded), STATIONS_COUNT);
}
