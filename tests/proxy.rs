//! The system's proxy settings (`HTTP_PROXY`/`http_proxy`, `HTTPS_PROXY`/`https_proxy`,
//! `NO_PROXY`), as schools often need them (issue 13). reqwest reads them; these tests prove
//! that Overhead's downloads go through them.
//!
//! Everything is on 127.0.0.1: an "origin" [`TestServer`] standing for CelesTrak, and a
//! second one acting as the proxy. A client that uses a proxy sends it the whole URL
//! (`GET http://127.0.0.1:port/path`), so the proxy serves the element data on that
//! absolute URL, while the origin itself answers 500: the fetch succeeds only through
//! the proxy.

use std::path::Path;
use std::process::{Command, Output};

use crate::util::{Reply, TestServer, data_bytes};

const STATIONS_PATH: &str = "/NORAD/elements/gp.php?GROUP=stations&FORMAT=json";
const STATIONS_JSON: &str = "catalog/stations-2025-06-28.json";

/// Every proxy variable the HTTP client reads, so that the machine's own settings stay out.
pub(crate) const PROXY_VARIABLES: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// `overhead fetch --url URL` with only the proxy variables in `proxy_env`.
fn fetch_through(url: &str, proxy_env: &[(&str, String)], dir: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_overhead"));
    command
        .args(["fetch", "--url", url])
        .env("OVERHEAD_CACHE_DIR", dir.join("cache"))
        .env("OVERHEAD_CONFIG_DIR", dir.join("config"))
        .env_remove("OVERHEAD_CELESTRAK_URL");
    for name in PROXY_VARIABLES {
        command.env_remove(name);
    }
    for (name, value) in proxy_env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// An origin that refuses, and a proxy that serves the data for the origin's URL.
fn origin_and_proxy() -> (TestServer, TestServer) {
    let origin = TestServer::start();
    origin.set(
        STATIONS_PATH,
        Reply::Status(500, "text/plain", "asked directly".to_owned()),
    );
    let proxy = TestServer::start();
    proxy.set(
        &origin.url(STATIONS_PATH),
        Reply::Data(data_bytes(STATIONS_JSON)),
    );
    (origin, proxy)
}

#[test]
fn http_proxy_variable_routes_downloads_through_the_proxy() {
    for variable in ["HTTP_PROXY", "http_proxy", "ALL_PROXY"] {
        let (origin, proxy) = origin_and_proxy();
        let dir = tempfile::tempdir().unwrap();
        let output = fetch_through(
            &origin.url(STATIONS_PATH),
            &[(variable, proxy.base_url())],
            dir.path(),
        );
        assert!(output.status.success(), "{variable}: {output:?}");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("13 element sets"),
            "{variable}: {output:?}"
        );
        assert_eq!(proxy.requests(), 1, "{variable}");
        assert_eq!(origin.requests(), 0, "{variable}");
    }
}

#[test]
fn no_proxy_lists_hosts_reached_directly() {
    let (origin, proxy) = origin_and_proxy();
    origin.set(STATIONS_PATH, Reply::Data(data_bytes(STATIONS_JSON)));
    let dir = tempfile::tempdir().unwrap();
    let output = fetch_through(
        &origin.url(STATIONS_PATH),
        &[
            ("HTTP_PROXY", proxy.base_url()),
            ("NO_PROXY", "localhost,127.0.0.1".to_owned()),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(origin.requests(), 1);
    assert_eq!(proxy.requests(), 0);
}

#[test]
fn https_proxy_variable_tunnels_https_downloads_through_the_proxy() {
    // An HTTPS download asks the proxy for a tunnel (CONNECT host:port); this proxy refuses
    // it, so the fetch fails, but only after the proxy was asked.
    for variable in ["HTTPS_PROXY", "https_proxy"] {
        let proxy = TestServer::start();
        let dir = tempfile::tempdir().unwrap();
        let output = fetch_through(
            "https://127.0.0.1:9/elements.json",
            &[(variable, proxy.base_url())],
            dir.path(),
        );
        assert!(!output.status.success(), "{variable}: {output:?}");
        assert_eq!(proxy.requests(), 1, "{variable}: {output:?}");
    }
}
