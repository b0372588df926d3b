//! What can go wrong when reading element data from a server or a file ([`FetchError`]),
//! each case naming the URL or file involved.

use std::path::PathBuf;

use super::cache::CacheError;
use super::policy::MAX_ELEMENT_BYTES_ENV;
use super::sources::SourceError;

/// Characters of an error page quoted in a message.
pub(super) const EXCERPT_CHARS: usize = crate::text::EXCERPT_CHARS;

/// What went wrong with one refresh. Each variant names the URL or file involved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The source's URL is refused or invalid.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status}{}", excerpt_suffix(.excerpt))]
    HttpStatus {
        /// The URL asked.
        url: String,
        /// Status code and reason, e.g. `"404 Not Found"`.
        status: String,
        /// The start of the answer's text, if any.
        excerpt: String,
    },
    /// The server redirected to another host (or to a URL that is refused).
    #[error(
        "{url} redirected to {to}, which is not followed (only redirects within the same https host are)"
    )]
    RedirectRefused {
        /// The URL asked.
        url: String,
        /// Where it pointed.
        to: String,
    },
    /// Too many redirects, or a redirect without a target.
    #[error("{url} redirected too often or without a target")]
    BadRedirect {
        /// The URL asked.
        url: String,
    },
    /// No answer in time.
    #[error("{url} did not answer within {timeout_s:.0} s")]
    Timeout {
        /// The URL asked.
        url: String,
        /// The limit that was exceeded, seconds.
        timeout_s: f64,
    },
    /// The connection could not be made or broke.
    #[error("cannot reach {url}: {message}")]
    Network {
        /// The URL asked.
        url: String,
        /// What the network layer said.
        message: String,
    },
    /// The body ended before it was complete.
    #[error("the answer from {url} was cut off: {message}")]
    Truncated {
        /// The URL or file.
        url: String,
        /// What showed it was incomplete.
        message: String,
    },
    /// The body (or file) is larger than the configured limit.
    #[error(
        "{url} is larger than the {limit_bytes}-byte limit; refused (the limit is set by {MAX_ELEMENT_BYTES_ENV})"
    )]
    TooLarge {
        /// The URL or file.
        url: String,
        /// The limit, bytes.
        limit_bytes: u64,
    },
    /// The body (or file) is gzip data that inflates past the configured limit (a "gzip bomb",
    /// or simply too much data).
    #[error(
        "{url} is gzip data that inflates to more than the {limit_bytes}-byte limit; refused (the limit is set by {MAX_ELEMENT_BYTES_ENV})"
    )]
    InflatesTooLarge {
        /// The URL or file.
        url: String,
        /// The limit on the inflated size, bytes.
        limit_bytes: u64,
    },
    /// The bytes hold NUL characters, which element text never does: UTF-16 without a
    /// byte-order mark, or a binary file.
    #[error("{url} is not UTF-8 text: {why}")]
    NotText {
        /// The URL or file.
        url: String,
        /// What it looks like instead.
        why: &'static str,
    },
    /// A local path that is not a regular file (a device, a FIFO, a directory): such a
    /// "file" may never end or never answer, so it is not read.
    #[error("{path} is not a regular file ({kind}); refused")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, e.g. `"a FIFO"`.
        kind: &'static str,
    },
    /// A web page came back instead of element data (a captive portal, an error page).
    #[error("{url} returned a web page (HTML), not element data{}", excerpt_suffix(.excerpt))]
    HtmlPage {
        /// The URL asked.
        url: String,
        /// The start of the page's text.
        excerpt: String,
    },
    /// CelesTrak knows no satellite matching the query.
    #[error("{url}: No GP data found (CelesTrak has no satellite matching this query)")]
    NoGpData {
        /// The URL asked.
        url: String,
    },
    /// The answer is empty.
    #[error("{url} returned an empty answer")]
    Empty {
        /// The URL or file.
        url: String,
    },
    /// The answer holds no usable element set.
    #[error("{message}")]
    Unusable {
        /// The URL or file.
        url: String,
        /// What the element reader said.
        message: String,
    },
    /// Most of the answer is not element data (more than half of its records unusable):
    /// an error page or a broken mirror, refused as a whole (issue 25).
    #[error("{}", crate::t!(
        "catalog-mostly-junk",
        url = url.clone(),
        skipped = *skipped,
        records = *records,
        first = crate::text::clean(first, 2 * EXCERPT_CHARS)
    ))]
    MostlyJunk {
        /// The URL or file.
        url: String,
        /// Unusable records.
        skipped: usize,
        /// Records in all.
        records: usize,
        /// The first unusable record and why.
        first: String,
    },
    /// A local file could not be read.
    #[error("cannot read {path}: {message}")]
    FileRead {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        message: String,
    },
    /// The HTTP client could not be set up (TLS roots, runtime thread).
    #[error("cannot set up the HTTP client: {message}")]
    ClientSetup {
        /// What went wrong.
        message: String,
    },
    /// The cache could not be written (the downloaded data was good).
    #[error(transparent)]
    Cache(#[from] CacheError),
    /// The server said "not modified" (HTTP 304, or CelesTrak's "has not updated"), but
    /// nothing is cached to keep.
    #[error("{url} said the data has not changed, but no copy is cached; nothing to show yet")]
    NotModifiedWithoutData {
        /// The URL asked.
        url: String,
    },
    /// No network: the server's name could not be resolved, there is no route to it, or the
    /// connection was refused on the way. Not the server's fault: no back-off (issue 20).
    #[error("{}", crate::t!("catalog-offline", host = host.clone()))]
    Offline {
        /// The URL asked (without credentials).
        url: String,
        /// The host that could not be reached.
        host: String,
        /// Why, in a few words ("the name could not be resolved"), for the details.
        why: String,
    },
    /// The proxy the environment names could not be used (issue 25): a setting on this
    /// computer, not the server's fault, so no back-off.
    #[error("{}", crate::t!("catalog-proxy-unreachable", proxy = proxy.clone(), why = why.clone(), url = url.clone()))]
    ProxyUnreachable {
        /// The proxy, `host:port`.
        proxy: String,
        /// The URL asked (without credentials).
        url: String,
        /// What went wrong ("refused the connection").
        why: String,
    },
    /// The answer came so slowly that it could not finish in time (a server dripping a byte
    /// a second): given up early instead of at the total time limit.
    #[error("{}", crate::t!(
        "catalog-too-slow",
        url = url.clone(),
        rate = bytes_words(*received_bytes as f64 / elapsed_s.max(0.001)),
        received = bytes_words(*received_bytes as f64),
        expected = expected_bytes.map_or_else(|| "none".to_owned(), |b| bytes_words(b as f64)),
        elapsed = format!("{elapsed_s:.0}")
    ))]
    TooSlow {
        /// The URL asked.
        url: String,
        /// Bytes received before giving up.
        received_bytes: u64,
        /// The answer's announced length, if any.
        expected_bytes: Option<u64>,
        /// Time from the request to giving up, seconds.
        elapsed_s: f64,
    },
    /// The request failed while this process was paused (stopped with SIGSTOP, or the
    /// computer asleep): the pause, not the server, is to blame, so no back-off.
    #[error("{}", crate::t!("catalog-paused", error = error.to_string(), paused = format!("{paused_s:.0}")))]
    PausedMeanwhile {
        /// How long the process was paused, seconds.
        paused_s: f64,
        /// What the request came to.
        error: Box<FetchError>,
    },
}

impl FetchError {
    /// True when the failure says nothing about the server: no network, an unusable proxy,
    /// this process paused. Such a failure starts no back-off, so "Refresh elements" and
    /// `overhead fetch --force` try again at once (issue 20).
    pub fn is_local(&self) -> bool {
        matches!(
            self,
            FetchError::Offline { .. }
                | FetchError::ProxyUnreachable { .. }
                | FetchError::PausedMeanwhile { .. }
        )
    }

    /// More than the one-line message, for a details view: why the host could not be
    /// reached; `None` when the message says it all.
    pub fn details(&self) -> Option<String> {
        match self {
            FetchError::Offline { url, why, .. } => Some(format!("{url}: {why}")),
            FetchError::PausedMeanwhile { error, .. } => error.details(),
            _ => None,
        }
    }
}

/// A size in words: "1 B", "12.3 kB", "4.5 MB" (decimal units, as download speeds are given).
pub fn bytes_words(bytes: f64) -> String {
    if bytes < 1000.0 {
        format!("{bytes:.0} B")
    } else if bytes < 1e6 {
        format!("{:.1} kB", bytes / 1e3)
    } else {
        format!("{:.1} MB", bytes / 1e6)
    }
}

fn excerpt_suffix(excerpt: &str) -> String {
    let excerpt = crate::text::clean(excerpt, EXCERPT_CHARS + 1);
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(": \"{excerpt}\"")
    }
}
