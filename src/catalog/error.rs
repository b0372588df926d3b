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
}

fn excerpt_suffix(excerpt: &str) -> String {
    let excerpt = crate::text::clean(excerpt, EXCERPT_CHARS + 1);
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(": \"{excerpt}\"")
    }
}
