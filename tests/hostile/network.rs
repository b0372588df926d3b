//! Issue 25, "network": credentials never printed nor stored, `NO_PROXY=*`, a dead proxy
//! named as the proxy, a malformed `HTTP_PROXY` said, a dripping server given up early
//! with its progress said, a wait on another process said at once, a stopped lock holder
//! neither blocking others nor charging a back-off. And issue 20, "offline is a normal
//! state": no network starts no back-off, is one line a person reads, and a retry goes
//! out at once when the network is back. Everything on 127.0.0.1 (and a `.invalid` name).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::Utc;
use overhead::catalog::{
    self, FetchConfig, FetchError, FetchProgress, Fetcher, RefreshOutcome, RefreshPolicy, Source,
};

use super::{STATIONS_COUNT, STATIONS_JSON, STATIONS_QUERY, stderr};
use crate::proxy::PROXY_VARIABLES;
use crate::util::{DripServer, Reply, TestServer, data_bytes};

/// `overhead ARGS` with a cache and config in `dir`, only the given variables set.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    command(dir, args, env).output().unwrap()
}

fn command(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_overhead"));
    c.args(args)
        .env("OVERHEAD_CACHE_DIR", dir.join("cache"))
        .env("OVERHEAD_CONFIG_DIR", dir.join("config"))
        .env("LC_ALL", "C")
        .env_remove("OVERHEAD_CELESTRAK_URL")
        .env_remove("OVERHEAD_FETCH_TIMEOUT_S");
    for name in PROXY_VARIABLES {
        c.env_remove(name);
    }
    for (name, value) in env {
        c.env(name, value);
    }
    c
}

/// A port on 127.0.0.1 where nothing listens (a connection there is refused).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn metadata_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("cache/elements"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
        .collect()
}

#[test]
fn credentials_in_a_mirror_or_source_url_are_never_printed_nor_stored() {
    let server = TestServer::start();
    server.set(
        STATIONS_QUERY,
        Reply::Status(500, "text/plain", "mirror down".to_owned()),
    );
    server.set("/own.json", Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let port = server.base_url().rsplit(':').next().unwrap().to_owned();
    let mirror = format!("http://school:s3cret@127.0.0.1:{port}");
    let failed = run(
        dir.path(),
        &["fetch", "--group", "stations"],
        &[("OVERHEAD_CELESTRAK_URL", &mirror)],
    );
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    let own = format!("http://school:s3cret@127.0.0.1:{port}/own.json");
    let fine = run(dir.path(), &["fetch", "--url", &own], &[]);
    assert!(fine.status.success(), "{fine:?}");
    for out in [&failed, &fine] {
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(out));
        assert!(!all.contains("s3cret") && !all.contains("school"), "{all}");
        assert!(all.contains(&format!("127.0.0.1:{port}")), "{all}");
    }
    let metas = metadata_files(dir.path());
    assert_eq!(metas.len(), 2);
    for meta in metas {
        let text = std::fs::read_to_string(&meta).unwrap();
        assert!(
            !text.contains("s3cret") && !text.contains("school"),
            "{text}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&meta).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", meta.display());
        }
    }
}

#[test]
fn no_proxy_star_bypasses_every_proxy() {
    let origin = TestServer::start();
    origin.set(STATIONS_QUERY, Reply::Data(data_bytes(STATIONS_JSON)));
    let dead = format!("http://127.0.0.1:{}", closed_port());
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["fetch", "--group", "stations"],
        &[
            ("OVERHEAD_CELESTRAK_URL", &origin.base_url()),
            ("HTTP_PROXY", &dead),
            ("ALL_PROXY", &dead),
            ("NO_PROXY", "*"),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(origin.requests(), 1);
}

#[test]
fn a_dead_proxy_is_named_as_the_proxy_and_starts_no_back_off() {
    let origin = TestServer::start();
    origin.set(STATIONS_QUERY, Reply::Data(data_bytes(STATIONS_JSON)));
    let port = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let proxy = format!("http://user:pw@127.0.0.1:{port}");
    let env = [
        ("OVERHEAD_CELESTRAK_URL", origin.base_url()),
        ("HTTP_PROXY", proxy),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let out = run(dir.path(), &["fetch", "--group", "stations"], &env);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "the proxy 127.0.0.1:{port} could not be used: the connection was refused"
        )),
        "{err}"
    );
    assert!(!err.contains("pw@"), "{err}");
    assert_eq!(origin.requests(), 0);
    // A setting on this computer, not the server's fault: the next try goes out at once.
    let again = run(dir.path(), &["fetch", "--group", "stations"], &env[..1]);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(origin.requests(), 1);
}

#[test]
fn a_malformed_http_proxy_is_a_warning_not_silence() {
    let origin = TestServer::start();
    origin.set(STATIONS_QUERY, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["fetch", "--group", "stations"],
        &[
            ("OVERHEAD_CELESTRAK_URL", &origin.base_url()),
            ("HTTP_PROXY", "http://[::1"),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("HTTP_PROXY is set to \"http://[::1\", which is not a usable proxy address"),
        "{err}"
    );
    assert_eq!(origin.requests(), 1, "downloaded without the proxy");
}

#[test]
fn a_dripping_server_is_given_up_early_and_its_progress_said() {
    let server = DripServer::start(data_bytes(STATIONS_JSON), StdDuration::from_millis(20));
    let dir = tempfile::tempdir().unwrap();
    // At 50 bytes a second the 7 kB answer needs 140 s; the total limit is 60 s.
    let config = FetchConfig {
        celestrak_base_url: server.base_url(),
        read_timeout: StdDuration::from_secs(5),
        total_timeout: StdDuration::from_secs(60),
        stall_grace: StdDuration::from_secs(2),
        ..FetchConfig::default()
    };
    let fetcher = Fetcher::new(dir.path(), config).unwrap();
    let heard = std::sync::Mutex::new(Vec::new());
    let started = Instant::now();
    let outcome = fetcher.refresh_reporting(
        &Source::Url(server.url("/drip.json")),
        RefreshPolicy::default(),
        Utc::now(),
        &|p| heard.lock().unwrap().push(p.clone()),
    );
    let took = started.elapsed();
    let RefreshOutcome::Failed {
        error: error @ FetchError::TooSlow { expected_bytes, .. },
        ..
    } = &outcome
    else {
        panic!("{outcome:?}");
    };
    assert!(took < StdDuration::from_secs(10), "{took:?}");
    assert_eq!(
        *expected_bytes,
        Some(data_bytes(STATIONS_JSON).len() as u64)
    );
    assert!(
        error.to_string().contains("cannot finish in time"),
        "{error}"
    );
    let heard = heard.into_inner().unwrap();
    assert!(
        heard.iter().any(
            |p| matches!(p, FetchProgress::Receiving { received_bytes, .. } if *received_bytes > 0)
        ),
        "{heard:?}"
    );
}

#[test]
fn a_slow_download_says_its_progress_on_the_command_line() {
    // About 1 kB a second: the 7 kB answer takes some 7 s, long enough to be told.
    let body = data_bytes(STATIONS_JSON);
    let whole = catalog::bytes_words(body.len() as f64);
    let server = DripServer::start(body, StdDuration::from_millis(1));
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["fetch", "--group", "stations"],
        &[("OVERHEAD_CELESTRAK_URL", &server.base_url())],
    );
    assert!(out.status.success(), "{out:?}");
    let err = stderr(&out);
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("overhead: CelesTrak GROUP=stations: "))
        .collect();
    assert!(!said.is_empty(), "{err}");
    assert!(said[0].contains(&format!(" of {whole} after ")), "{err}");
}

/// Starts `overhead fetch --group stations --force` against `server`, returning the child.
fn spawn_fetch(dir: &Path, server: &TestServer, timeout_s: &str) -> std::process::Child {
    command(
        dir,
        &["fetch", "--group", "stations", "--force"],
        &[
            ("OVERHEAD_CELESTRAK_URL", &server.base_url()),
            ("OVERHEAD_FETCH_TIMEOUT_S", timeout_s),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap()
}

/// A server whose stations answer pauses `pause_ms` after its first 100 bytes, and a
/// fetch (time limit `timeout_s`) whose answer has begun: it holds the source's lock.
fn fetch_under_way(
    dir: &Path,
    pause_ms: u64,
    timeout_s: &str,
) -> (TestServer, std::process::Child) {
    let server = TestServer::start();
    server.set(
        STATIONS_QUERY,
        Reply::Slow {
            body: data_bytes(STATIONS_JSON),
            first: 100,
            pause_ms,
        },
    );
    let child = spawn_fetch(dir, &server, timeout_s);
    let started = server.wait_for_reply_started(StdDuration::from_secs(20));
    assert!(started.is_some(), "the first fetch never asked");
    (server, child)
}

#[test]
fn a_fetch_waiting_on_another_process_says_so_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (server, first) = fetch_under_way(dir.path(), 3000, "60");
    let mut second = spawn_fetch(dir.path(), &server, "60");
    // Read the second's stderr as it comes: the line is there long before it ends.
    let mut lines = std::io::BufReader::new(second.stderr.take().unwrap());
    let started = Instant::now();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut lines, &mut line).unwrap();
    assert!(
        started.elapsed() < StdDuration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        line.trim(),
        "overhead: another Overhead is downloading CelesTrak GROUP=stations; waiting"
    );
    assert!(first.wait_with_output().unwrap().status.success());
    assert!(second.wait().unwrap().success());
    assert_eq!(server.requests(), 1);
}

#[cfg(unix)]
#[test]
fn a_stopped_lock_holder_neither_blocks_others_nor_charges_a_back_off() {
    let signal = |pid: u32, sig: &str| {
        let ok = Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig} {pid}");
    };
    let dir = tempfile::tempdir().unwrap();
    // The holder: stopped (SIGSTOP) while its answer arrives.
    let (server, holder) = fetch_under_way(dir.path(), 1000, "6");
    signal(holder.id(), "-STOP");
    // Another fetch does not wait for it for minutes.
    let started = Instant::now();
    let other = spawn_fetch(dir.path(), &server, "6")
        .wait_with_output()
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(other.status.code(), Some(1), "{other:?}");
    assert!(waited < StdDuration::from_secs(20), "{waited:?}");
    let err = stderr(&other);
    assert!(err.contains("has not moved for"), "{err}");
    assert!(err.contains(&format!("pid {}", holder.id())), "{err}");
    // The holder, continued after more than its time limit, blames its own pause, not
    // the server: no back-off.
    signal(holder.id(), "-CONT");
    let held = holder.wait_with_output().unwrap();
    let entry = &catalog::cached_entries(&dir.path().join("cache"))[0];
    let meta = entry.read_meta().unwrap().unwrap();
    assert_eq!(meta.backoff_until, None, "{meta:?}: {}", stderr(&held));
    // So the next fetch goes out at once (and succeeds).
    server.set(STATIONS_QUERY, Reply::Data(data_bytes(STATIONS_JSON)));
    let next = spawn_fetch(dir.path(), &server, "6")
        .wait_with_output()
        .unwrap();
    assert!(next.status.success(), "{next:?} after {}", stderr(&held));
}

#[test]
fn no_network_is_one_line_starts_no_back_off_and_a_retry_goes_out_when_it_is_back() {
    let port = closed_port();
    let base = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["fetch", "--group", "news"],
        &[("OVERHEAD_CELESTRAK_URL", &base)],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = stderr(&out);
    // Nine "in the news" queries, one line.
    assert_eq!(
        err.trim(),
        "overhead: No internet connection: could not reach 127.0.0.1; using data from 22 Aug 2026."
    );
    // The network comes back: a forced fetch goes out at once (no two-hour back-off).
    let server = TestServer::start_on(port);
    server.set(
        "/NORAD/elements/gp.php?CATNR=25544&FORMAT=json",
        Reply::Data(data_bytes(STATIONS_JSON)),
    );
    let again = run(
        dir.path(),
        &["fetch", "--catnr", "25544", "--force"],
        &[("OVERHEAD_CELESTRAK_URL", &base)],
    );
    assert!(again.status.success(), "{again:?}");
    assert!(
        String::from_utf8_lossy(&again.stdout).contains(&format!("{STATIONS_COUNT} element sets")),
        "{again:?}"
    );
}

#[test]
fn an_unresolvable_host_is_no_network_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = FetchConfig {
        read_timeout: StdDuration::from_secs(10),
        total_timeout: StdDuration::from_secs(20),
        ..FetchConfig::default()
    };
    let fetcher = Fetcher::new(dir.path(), config).unwrap();
    let source = Source::Url("https://overhead-test.invalid/gp.php".to_owned());
    let now = Utc::now();
    let outcome = fetcher.refresh(&source, RefreshPolicy { force: true }, now);
    let RefreshOutcome::Failed {
        error: error @ FetchError::Offline { host, .. },
        retry_after: None,
        ..
    } = &outcome
    else {
        panic!("{outcome:?}");
    };
    assert_eq!(host, "overhead-test.invalid");
    assert_eq!(
        error.to_string(),
        "No internet connection: could not reach overhead-test.invalid"
    );
    assert!(
        error.details().unwrap().contains("could not be resolved"),
        "{error:?}"
    );
    let status = fetcher.status(&source, now).unwrap();
    assert_eq!(status.backoff_until, None);
}

#[test]
fn the_window_says_no_network_in_one_line_with_the_details_behind_it() {
    use overhead::ui::jobs::{RefreshRequest, refresh_sources};
    use overhead::ui::status_bar::refresh_status;
    overhead::i18n::set_thread_language(Some(overhead::i18n::Lang::En));
    let dir = tempfile::tempdir().unwrap();
    let request = RefreshRequest {
        sources: vec![Source::group("stations"), Source::group("visual")],
        celestrak_base_url: format!("http://127.0.0.1:{}", closed_port()),
        cache_dir: dir.path().to_path_buf(),
        now: Utc::now(),
        only_older_than: None,
        reload: std::sync::Arc::new(|_| anyhow::bail!("nothing to reload")),
    };
    let report = refresh_sources(
        request,
        &std::sync::atomic::AtomicUsize::new(0),
        &|| {},
        &|_| {},
    );
    let date = "2026-08-22T09:00:00Z".parse().unwrap();
    let status = refresh_status(&report.outcomes, Some(date));
    assert_eq!(
        status.text,
        "No internet connection: could not reach 127.0.0.1; using data from 22 Aug 2026."
    );
    let details = status.details.unwrap();
    assert_eq!(details.lines().count(), 2, "{details}");
    assert!(details.contains("the connection was refused"), "{details}");
    overhead::i18n::set_thread_language(None);
}
