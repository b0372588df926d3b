//! Refreshing one source into the cache, politely and without ever losing data.
//!
//! [`Fetcher::refresh`] is blocking: the UI calls it from a worker thread, the CLI directly.
//! The rules, in the order they are applied:
//!
//! 1. After a failure the source is left alone until its back-off ends (2 h, then 4 h, 8 h,
//!    16 h, at most 24 h). `force` does not override this: a broken or blocking server is
//!    never hit in a loop.
//! 2. No request for the same query sooner than two hours after the last successful one
//!    (CelesTrak's data changes no faster and CelesTrak blocks addresses that ask more
//!    often). `force` overrides this rule only.
//! 3. The answer is checked before anything is written: HTTP 200, not an HTML page, not
//!    "No GP data found", not empty, complete, no larger than the limit, and at least one
//!    usable element set. A 304, or CelesTrak's 403 saying the data has not been updated
//!    since the last download, means "not modified" and is not an error.
//! 4. Good data replaces the cache entry atomically; anything else leaves it byte for byte
//!    as it was and sets the back-off. A failure on this computer (the cache cannot be
//!    written) is reported but sets no back-off: the server did nothing wrong.
//! 5. A "not modified" answer when nothing is cached is a failure, not a success: it
//!    would otherwise start the two-hour clock with no data to show for it.
//!
//! One refresh of a source runs at a time across all processes sharing the cache (the
//! entry's lock, see [`super::cache`]). A process that had to wait for another's refresh
//! of the same source reports that refresh's result instead of asking again.
//!
//! Time comes in as `now`; nothing here reads the clock except to bound how long one
//! request may take.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use reqwest::{StatusCode, Url};

use super::cache::{CacheEntry, CacheError, CacheMeta};
use super::sources::{Location, Source, SourceError, check_url};
use super::status::SourceStatus;
use crate::orbit::{ElementFormat, ElementSet, detect_format, parse_elements};

/// Shortest time between two requests for the same query after a success (CelesTrak's rule).
pub const MIN_REQUEST_INTERVAL: Duration = Duration::hours(2);

/// First back-off after a failure; it doubles with each failure in a row.
pub const FIRST_BACKOFF: Duration = Duration::hours(2);

/// Longest back-off after repeated failures.
pub const MAX_BACKOFF: Duration = Duration::hours(24);

/// Default limit on the size of one answer or element file, bytes, both as read and after
/// inflating gzip (64 MiB; the full CelesTrak "active" catalog is about 15 MB as OMM JSON).
pub const DEFAULT_MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

/// Environment variable that replaces [`DEFAULT_MAX_BODY_BYTES`] (a number of bytes), for
/// the command line and the window alike; the tests use it to try the limit cheaply.
pub const MAX_ELEMENT_BYTES_ENV: &str = "OVERHEAD_MAX_ELEMENT_BYTES";

/// The size limit for answers and element files: [`MAX_ELEMENT_BYTES_ENV`] when it holds a
/// positive whole number, else [`DEFAULT_MAX_BODY_BYTES`].
pub fn max_element_bytes() -> u64 {
    std::env::var(MAX_ELEMENT_BYTES_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_MAX_BODY_BYTES)
}

/// Default limit on one network wait (connecting, or the gap between two chunks of the body).
pub const DEFAULT_READ_TIMEOUT: StdDuration = StdDuration::from_secs(30);

/// Default limit on a whole request, from connecting to the last byte.
pub const DEFAULT_TOTAL_TIMEOUT: StdDuration = StdDuration::from_secs(300);

/// Redirects followed within the same host before giving up.
const MAX_SAME_HOST_REDIRECTS: usize = 5;

/// Characters of an error page quoted in a message.
const EXCERPT_CHARS: usize = crate::text::EXCERPT_CHARS;

/// How a [`Fetcher`] talks to servers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// CelesTrak base URL (see [`super::celestrak_base_url`]).
    pub celestrak_base_url: String,
    /// Longest single wait: connecting, or between two chunks of the body.
    pub read_timeout: StdDuration,
    /// Longest whole request, from connecting to the last byte.
    pub total_timeout: StdDuration,
    /// Answers (and local files) larger than this are refused while reading, bytes.
    pub max_body_bytes: u64,
    /// `User-Agent` sent with every request.
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            celestrak_base_url: super::sources::DEFAULT_CELESTRAK_BASE_URL.to_owned(),
            read_timeout: DEFAULT_READ_TIMEOUT,
            total_timeout: DEFAULT_TOTAL_TIMEOUT,
            max_body_bytes: max_element_bytes(),
            user_agent: format!(
                "overhead/{} (satellite pass predictor)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// Whether to bend the two-hour rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RefreshPolicy {
    /// Ignore the two-hour rule (never the back-off after a failure).
    pub force: bool,
}

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

/// The result of one [`Fetcher::refresh`], ready to show to the user.
#[derive(Debug, Clone, PartialEq)]
pub enum RefreshOutcome {
    /// New data was downloaded and cached.
    Updated {
        /// Usable element sets in it.
        count: usize,
        /// Newest element epoch in it.
        newest_epoch: DateTime<Utc>,
        /// Records skipped as unusable.
        skipped: usize,
        /// Earliest time of the next request under the two-hour rule (`None` for local files).
        next_allowed: Option<DateTime<Utc>>,
    },
    /// The server says the data has not changed since the last download; the cache is kept.
    NotModified {
        /// Earliest time of the next request.
        next_allowed: DateTime<Utc>,
    },
    /// No request made: the last successful one was less than two hours ago.
    TooSoon {
        /// When the last successful request was.
        last_success: DateTime<Utc>,
        /// Earliest time of the next request.
        next_allowed: DateTime<Utc>,
    },
    /// The request failed; the cache is untouched.
    Failed {
        /// What went wrong.
        error: FetchError,
        /// True when a copy of the source is cached (and kept); false when there is none yet,
        /// so the message does not promise one.
        cache_kept: bool,
        /// When the source will be tried again (`None` when retrying cannot help by itself,
        /// e.g. a refused URL or a local file).
        retry_after: Option<DateTime<Utc>>,
    },
    /// No request made: another process refreshed the source while this one waited for
    /// it, and its good result is in the cache.
    RefreshedByOther {
        /// Usable element sets in the cache now.
        count: usize,
        /// Newest element epoch in it.
        newest_epoch: Option<DateTime<Utc>>,
        /// Earliest time of the next request under the two-hour rule.
        next_allowed: DateTime<Utc>,
    },
    /// No request made: an earlier failure set a back-off that has not ended.
    BackingOff {
        /// When the back-off ends.
        until: DateTime<Utc>,
        /// The failure that caused it.
        reason: String,
    },
}

impl RefreshOutcome {
    /// True when the source misbehaved now or recently (the CLI exits non-zero).
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            RefreshOutcome::Failed { .. } | RefreshOutcome::BackingOff { .. }
        )
    }

    /// One line for the user, times in UTC.
    pub fn message(&self) -> String {
        match self {
            RefreshOutcome::Updated {
                count,
                newest_epoch,
                skipped,
                ..
            } => {
                let skipped = match skipped {
                    0 => String::new(),
                    n => format!(" ({n} unusable records skipped)"),
                };
                format!(
                    "{count} element sets, newest epoch {}{skipped}",
                    format_utc(*newest_epoch)
                )
            }
            RefreshOutcome::NotModified { next_allowed } => format!(
                "not modified since the last download; next check allowed after {}",
                format_utc(*next_allowed)
            ),
            RefreshOutcome::TooSoon { next_allowed, .. } => format!(
                "fetched less than {} h ago; next allowed at {}",
                MIN_REQUEST_INTERVAL.num_hours(),
                format_utc(*next_allowed)
            ),
            RefreshOutcome::Failed {
                error,
                cache_kept,
                retry_after: Some(t),
            } => {
                let kept = if *cache_kept {
                    "keeping the cached data, "
                } else {
                    ""
                };
                format!("{error}; {kept}next try after {}", format_utc(*t))
            }
            RefreshOutcome::Failed {
                error,
                retry_after: None,
                ..
            } => format!("{error}"),
            RefreshOutcome::RefreshedByOther {
                count,
                newest_epoch,
                ..
            } => format!(
                "refreshed a moment ago by another Overhead process: {count} element sets{}",
                newest_epoch.map_or(String::new(), |t| format!(
                    ", newest epoch {}",
                    format_utc(t)
                ))
            ),
            RefreshOutcome::BackingOff { until, reason } => {
                format!(
                    "not retried before {} after an error: {reason}",
                    format_utc(*until)
                )
            }
        }
    }
}

impl std::fmt::Display for RefreshOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Formats a time as `2026-08-22 14:57 UTC`.
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Back-off after `failures_in_a_row` failures (1 → 2 h, 2 → 4 h, … at most 24 h).
pub fn backoff_after(failures_in_a_row: u32) -> Duration {
    let doublings = failures_in_a_row.saturating_sub(1).min(8);
    let backoff = FIRST_BACKOFF * 2_i32.pow(doublings);
    backoff.min(MAX_BACKOFF)
}

/// Downloads sources into a cache directory. Blocking; share it between threads with `Arc`.
///
/// Two refreshes of the same source never run at once, in one process or several (the
/// second waits, then reports the first one's result); different sources may run in
/// parallel.
#[derive(Debug)]
pub struct Fetcher {
    cache_dir: PathBuf,
    config: FetchConfig,
    client: reqwest::blocking::Client,
}

/// Extra wait for another process's refresh beyond the longest request it may make.
const LOCK_WAIT_MARGIN: StdDuration = StdDuration::from_secs(30);

/// A good body: the text and the element sets read from it.
struct Downloaded {
    bytes: Vec<u8>,
    sets: Vec<ElementSet>,
    skipped: usize,
    etag: Option<String>,
    last_modified: Option<String>,
}

/// What one HTTP exchange came to.
enum Answer {
    Data(Downloaded),
    NotModified,
}

impl Fetcher {
    /// A fetcher writing under `cache_dir` (see [`super::default_cache_dir`]).
    pub fn new(cache_dir: impl Into<PathBuf>, config: FetchConfig) -> Result<Self, FetchError> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.read_timeout)
            .timeout(config.read_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| FetchError::ClientSetup {
                message: error_chain(&e),
            })?;
        Ok(Self {
            cache_dir: cache_dir.into(),
            config,
            client,
        })
    }

    /// The cache directory this fetcher writes under.
    pub fn cache_dir(&self) -> &Path {
        &self.cache_dir
    }

    /// The configuration.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// The cache entry of `source`, or why its location is refused.
    pub fn entry(&self, source: &Source) -> Result<(Location, CacheEntry), SourceError> {
        let location = source.location(&self.config.celestrak_base_url)?;
        let entry = CacheEntry::for_location(&self.cache_dir, &location.to_string());
        Ok((location, entry))
    }

    /// What the cache knows about `source` (from its metadata; the data is not read).
    pub fn status(&self, source: &Source, now: DateTime<Utc>) -> Result<SourceStatus, SourceError> {
        let (_, entry) = self.entry(source)?;
        Ok(super::status::meta_status(&entry, &source.label(), now))
    }

    /// Deletes the cached data of `source` (when the user removes a custom source).
    pub fn forget(&self, source: &Source) -> Result<(), FetchError> {
        let (_, entry) = self.entry(source)?;
        let _held = entry.lock(self.lock_wait())?;
        entry.remove().map_err(FetchError::from)
    }

    /// Longest wait for another refresh of the same source.
    fn lock_wait(&self) -> StdDuration {
        self.config.total_timeout + LOCK_WAIT_MARGIN
    }

    /// Refreshes one source into the cache, following the rules in the module docs.
    ///
    /// `now` is the current time (UTC); it decides the two-hour rule and the back-off and is
    /// recorded in the metadata.
    pub fn refresh(
        &self,
        source: &Source,
        policy: RefreshPolicy,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        let (location, entry) = match self.entry(source) {
            Ok(found) => found,
            Err(error) => {
                return RefreshOutcome::Failed {
                    error: error.into(),
                    cache_kept: false,
                    retry_after: None,
                };
            }
        };
        let held = match entry.lock(self.lock_wait()) {
            Ok(held) => held,
            Err(error) => {
                return RefreshOutcome::Failed {
                    error: error.into(),
                    cache_kept: false,
                    retry_after: None,
                };
            }
        };
        entry.remove_leftover_temp_files();
        let mut meta = match entry.read_meta() {
            Ok(meta) => meta.unwrap_or_default(),
            // A corrupt or unreadable metadata file is replaced and the data file beside it
            // kept; the data file's time stands in for the last success, so a broken
            // metadata file cannot lift the two-hour rule.
            Err(_) => CacheMeta {
                last_success_at: entry.data_modified_at(),
                ..CacheMeta::default()
            },
        };
        if held.waited()
            && let Some(outcome) = result_of_other_refresh(&meta, now)
        {
            return outcome;
        }
        meta.label = source.label();
        meta.location = location.to_string();

        match location {
            Location::File(path) => self.import_file(&path, &entry, meta, now),
            Location::Http(url) => self.refresh_http(url, &entry, meta, policy, now),
        }
    }

    /// Refreshes each source in turn (see [`Fetcher::refresh`]), returning the outcomes in order.
    pub fn refresh_all(
        &self,
        sources: &[Source],
        policy: RefreshPolicy,
        now: DateTime<Utc>,
    ) -> Vec<(Source, RefreshOutcome)> {
        sources
            .iter()
            .map(|source| (source.clone(), self.refresh(source, policy, now)))
            .collect()
    }

    fn refresh_http(
        &self,
        url: Url,
        entry: &CacheEntry,
        mut meta: CacheMeta,
        policy: RefreshPolicy,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        // A time recorded in the future means the clock was wrong then (or is now); a
        // back-off or a two-hour window longer than the rule itself is not honoured.
        if let Some(until) = meta.backoff_until
            && until > now
            && until - now <= MAX_BACKOFF
        {
            return RefreshOutcome::BackingOff {
                until,
                reason: meta
                    .last_error
                    .clone()
                    .unwrap_or_else(|| "an earlier failure".to_owned()),
            };
        }
        if !policy.force
            && let Some(last_success) = meta.last_success_at
            && now - last_success < MIN_REQUEST_INTERVAL
            && now >= last_success - MIN_REQUEST_INTERVAL
        {
            return RefreshOutcome::TooSoon {
                last_success,
                next_allowed: last_success + MIN_REQUEST_INTERVAL,
            };
        }

        // Record the attempt before the request, so even a killed process leaves a trace.
        meta.last_attempt_at = Some(now);
        let has_data = entry.data_path.exists();
        if let Err(error) = entry.write_meta(&meta) {
            return RefreshOutcome::Failed {
                error: error.into(),
                cache_kept: has_data,
                retry_after: None,
            };
        }
        let validators = if has_data {
            (meta.etag.clone(), meta.last_modified.clone())
        } else {
            (None, None)
        };

        match self.download(&url, validators) {
            Ok(Answer::NotModified) if !has_data => {
                // Nothing to keep: not a success (no two-hour clock), and not the server's
                // fault either (no back-off); the next refresh asks again.
                let error = FetchError::NotModifiedWithoutData {
                    url: url.to_string(),
                };
                self.record_local_failure(entry, meta, error, now)
            }
            Ok(Answer::NotModified) => {
                meta.last_success_at = Some(now);
                meta.last_error = None;
                meta.consecutive_failures = 0;
                meta.backoff_until = None;
                let next_allowed = now + MIN_REQUEST_INTERVAL;
                match entry.write_meta(&meta) {
                    Ok(()) => RefreshOutcome::NotModified { next_allowed },
                    Err(error) => RefreshOutcome::Failed {
                        error: error.into(),
                        cache_kept: true,
                        retry_after: None,
                    },
                }
            }
            Ok(Answer::Data(downloaded)) => match store(entry, &mut meta, &downloaded, now) {
                Ok(newest_epoch) => RefreshOutcome::Updated {
                    count: downloaded.sets.len(),
                    newest_epoch,
                    skipped: downloaded.skipped,
                    next_allowed: Some(now + MIN_REQUEST_INTERVAL),
                },
                // The data was good and only writing it here failed: no back-off.
                Err(error) => self.record_local_failure(entry, meta, error, now),
            },
            Err(error) => self.record_failure(entry, meta, error, now),
        }
    }

    /// Records a failure that is not the server's (the cache cannot be written, or a "not
    /// modified" with nothing cached): reported, remembered, but no back-off.
    fn record_local_failure(
        &self,
        entry: &CacheEntry,
        mut meta: CacheMeta,
        error: FetchError,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        meta.last_error = Some(error.to_string());
        meta.last_error_at = Some(now);
        let _reported_below_anyway = entry.write_meta(&meta);
        RefreshOutcome::Failed {
            error,
            cache_kept: entry.data_path.exists(),
            retry_after: None,
        }
    }

    fn record_failure(
        &self,
        entry: &CacheEntry,
        mut meta: CacheMeta,
        error: FetchError,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        meta.consecutive_failures = meta.consecutive_failures.saturating_add(1);
        let retry_after = now + backoff_after(meta.consecutive_failures);
        meta.last_error = Some(error.to_string());
        meta.last_error_at = Some(now);
        meta.backoff_until = Some(retry_after);
        // If even the metadata cannot be written, the failure is still reported; the next
        // attempt then is not throttled by a back-off, only by the caller.
        let _reported_below_anyway = entry.write_meta(&meta);
        RefreshOutcome::Failed {
            error,
            cache_kept: entry.data_path.exists(),
            retry_after: Some(retry_after),
        }
    }

    fn import_file(
        &self,
        path: &Path,
        entry: &CacheEntry,
        mut meta: CacheMeta,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        meta.last_attempt_at = Some(now);
        let name = path.display().to_string();
        let result = read_file_limited(path, self.config.max_body_bytes)
            .and_then(|bytes| {
                check_body(
                    &name,
                    bytes,
                    None,
                    true,
                    (None, None),
                    self.config.max_body_bytes,
                )
            })
            .and_then(|downloaded| {
                store(entry, &mut meta, &downloaded, now).map(|newest| (downloaded, newest))
            });
        match result {
            Ok((downloaded, newest_epoch)) => RefreshOutcome::Updated {
                count: downloaded.sets.len(),
                newest_epoch,
                skipped: downloaded.skipped,
                next_allowed: None,
            },
            Err(error) => {
                meta.last_error = Some(error.to_string());
                meta.last_error_at = Some(now);
                let _reported_below_anyway = entry.write_meta(&meta);
                RefreshOutcome::Failed {
                    error,
                    cache_kept: entry.data_path.exists(),
                    retry_after: None,
                }
            }
        }
    }

    /// One GET, following same-host redirects, with the checks of the module docs.
    fn download(
        &self,
        url: &Url,
        validators: (Option<String>, Option<String>),
    ) -> Result<Answer, FetchError> {
        let started = Instant::now();
        let original = url.to_string();
        let mut current = url.clone();
        for _ in 0..=MAX_SAME_HOST_REDIRECTS {
            let mut request = self.client.get(current.clone());
            if let Some(etag) = &validators.0 {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(last_modified) = &validators.1 {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, last_modified);
            }
            let response = request
                .send()
                .map_err(|e| self.request_error(&original, &e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                current = self.redirect_target(&original, &current, &response)?;
                continue;
            }
            return self.read_answer(&original, response, started);
        }
        Err(FetchError::BadRedirect { url: original })
    }

    fn redirect_target(
        &self,
        original: &str,
        current: &Url,
        response: &reqwest::blocking::Response,
    ) -> Result<Url, FetchError> {
        let target = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| FetchError::BadRedirect {
                url: original.to_owned(),
            })?;
        let next = current
            .join(target)
            .map_err(|_| FetchError::RedirectRefused {
                url: original.to_owned(),
                to: target.to_owned(),
            })?;
        let same_origin = next.host_str() == current.host_str()
            && next.port_or_known_default() == current.port_or_known_default()
            && (next.scheme() == current.scheme() || next.scheme() == "https");
        if !same_origin || check_url(next.as_str()).is_err() {
            return Err(FetchError::RedirectRefused {
                url: original.to_owned(),
                to: next.to_string(),
            });
        }
        Ok(next)
    }

    fn read_answer(
        &self,
        url: &str,
        mut response: reqwest::blocking::Response,
        started: Instant,
    ) -> Result<Answer, FetchError> {
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::NotModified);
        }
        let content_type = header_text(&response, reqwest::header::CONTENT_TYPE);
        if !status.is_success() {
            // Error pages are short; read only the start to quote it (the quote itself is
            // cut to a line, see `excerpt`).
            let body = self
                .read_body_up_to(url, &mut response, started, 16 * 1024, true)
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body);
            if status == StatusCode::FORBIDDEN && says_not_updated(&text) {
                return Ok(Answer::NotModified);
            }
            return Err(FetchError::HttpStatus {
                url: url.to_owned(),
                status: status.to_string(),
                excerpt: excerpt(&text, content_type.as_deref()),
            });
        }
        if let Some(length) = response.content_length()
            && length > self.config.max_body_bytes
        {
            return Err(FetchError::TooLarge {
                url: url.to_owned(),
                limit_bytes: self.config.max_body_bytes,
            });
        }
        let etag = header_text(&response, reqwest::header::ETAG);
        let last_modified = header_text(&response, reqwest::header::LAST_MODIFIED);
        let bytes = self.read_body(url, &mut response, started, self.config.max_body_bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        if says_not_updated(&text) && text.len() < 1024 {
            return Ok(Answer::NotModified);
        }
        check_body(
            url,
            bytes,
            content_type.as_deref(),
            false,
            (etag, last_modified),
            self.config.max_body_bytes,
        )
        .map(Answer::Data)
    }

    /// Reads the body, refusing it as soon as it passes `limit_bytes` or the total timeout.
    fn read_body(
        &self,
        url: &str,
        response: &mut reqwest::blocking::Response,
        started: Instant,
        limit_bytes: u64,
    ) -> Result<Vec<u8>, FetchError> {
        self.read_body_up_to(url, response, started, limit_bytes, false)
    }

    /// Reads the body up to `limit_bytes` or the total timeout; past the limit, refuses it,
    /// or with `keep_start` returns its first `limit_bytes` (enough to quote an error page).
    fn read_body_up_to(
        &self,
        url: &str,
        response: &mut reqwest::blocking::Response,
        started: Instant,
        limit_bytes: u64,
        keep_start: bool,
    ) -> Result<Vec<u8>, FetchError> {
        let mut body = Vec::new();
        let mut chunk = vec![0_u8; 64 * 1024];
        loop {
            if started.elapsed() > self.config.total_timeout {
                return Err(FetchError::Timeout {
                    url: url.to_owned(),
                    timeout_s: self.config.total_timeout.as_secs_f64(),
                });
            }
            let read = match response.read(&mut chunk) {
                Ok(0) => return Ok(body),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.body_error(url, &e, body.len())),
            };
            if body.len() as u64 + read as u64 > limit_bytes {
                if keep_start {
                    let room = usize::try_from(limit_bytes)
                        .unwrap_or(usize::MAX)
                        .saturating_sub(body.len());
                    body.extend_from_slice(chunk.get(..read.min(room)).unwrap_or_default());
                    return Ok(body);
                }
                return Err(FetchError::TooLarge {
                    url: url.to_owned(),
                    limit_bytes,
                });
            }
            body.extend_from_slice(chunk.get(..read).unwrap_or_default());
        }
    }

    fn request_error(&self, url: &str, e: &reqwest::Error) -> FetchError {
        if e.is_timeout() {
            FetchError::Timeout {
                url: url.to_owned(),
                timeout_s: self.config.read_timeout.as_secs_f64(),
            }
        } else {
            FetchError::Network {
                url: url.to_owned(),
                message: error_chain(e),
            }
        }
    }

    fn body_error(&self, url: &str, e: &std::io::Error, received_bytes: usize) -> FetchError {
        let is_timeout = e.kind() == std::io::ErrorKind::TimedOut
            || e.get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if is_timeout {
            FetchError::Timeout {
                url: url.to_owned(),
                timeout_s: self.config.read_timeout.as_secs_f64(),
            }
        } else {
            FetchError::Truncated {
                url: url.to_owned(),
                message: format!(
                    "the connection ended after {received_bytes} bytes ({})",
                    error_chain(e)
                ),
            }
        }
    }
}

/// What another process's refresh, finished while this one waited for the entry's lock,
/// came to; `None` when it left no fresh result (it was killed, or failed without a
/// back-off), so this process should go ahead itself.
fn result_of_other_refresh(meta: &CacheMeta, now: DateTime<Utc>) -> Option<RefreshOutcome> {
    let attempt = meta.last_attempt_at?;
    let recent = |t: DateTime<Utc>| (now - t).abs() < MIN_REQUEST_INTERVAL;
    if meta.last_success_at == Some(attempt) && recent(attempt) && meta.count > 0 {
        return Some(RefreshOutcome::RefreshedByOther {
            count: meta.count,
            newest_epoch: meta.newest_epoch,
            next_allowed: attempt + MIN_REQUEST_INTERVAL,
        });
    }
    // A failure with a back-off is reported by the back-off rule that follows.
    None
}

/// Writes good data, then its metadata; returns the newest epoch.
fn store(
    entry: &CacheEntry,
    meta: &mut CacheMeta,
    downloaded: &Downloaded,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FetchError> {
    let newest_epoch = downloaded
        .sets
        .iter()
        .map(|s| s.epoch)
        .max()
        .ok_or_else(|| FetchError::Empty {
            url: meta.location.clone(),
        })?;
    entry.write_data(&downloaded.bytes)?;
    meta.downloaded_at = Some(now);
    meta.last_success_at = Some(now);
    meta.etag = downloaded.etag.clone();
    meta.last_modified = downloaded.last_modified.clone();
    meta.count = downloaded.sets.len();
    meta.newest_epoch = Some(newest_epoch);
    meta.data_bytes = downloaded.bytes.len() as u64;
    meta.last_error = None;
    meta.last_error_at = None;
    meta.consecutive_failures = 0;
    meta.backoff_until = None;
    entry.write_meta(meta)?;
    Ok(newest_epoch)
}

/// Checks that `bytes` is element data and reads it; gzip may inflate to `limit_bytes`.
fn check_body(
    name: &str,
    bytes: Vec<u8>,
    content_type: Option<&str>,
    is_local_file: bool,
    (etag, last_modified): (Option<String>, Option<String>),
    limit_bytes: u64,
) -> Result<Downloaded, FetchError> {
    let text = decode_text(name, &bytes, limit_bytes)?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(FetchError::Empty {
            url: name.to_owned(),
        });
    }
    let looks_like_html = trimmed.starts_with('<')
        || (!is_local_file
            && content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html")));
    if looks_like_html {
        return Err(FetchError::HtmlPage {
            url: name.to_owned(),
            excerpt: excerpt(&text, Some("text/html")),
        });
    }
    if trimmed.len() < 200 && trimmed.to_ascii_lowercase().contains("no gp data found") {
        return Err(FetchError::NoGpData {
            url: name.to_owned(),
        });
    }
    let parsed = parse_elements(&text, name).map_err(|e| FetchError::Unusable {
        url: name.to_owned(),
        message: e.to_string(),
    })?;
    // A TLE or CSV body cut off mid-line still parses (the last record is skipped); a
    // complete one ends with a line break, so a skipped record without one means truncation.
    let ends_mid_line = !text.ends_with('\n') && !text.ends_with('\r');
    if ends_mid_line
        && !parsed.warnings.is_empty()
        && detect_format(&text) != ElementFormat::OmmJson
    {
        return Err(FetchError::Truncated {
            url: name.to_owned(),
            message: "it ends in the middle of a record".to_owned(),
        });
    }
    Ok(Downloaded {
        skipped: parsed.warnings.len(),
        sets: parsed.sets,
        bytes,
        etag,
        last_modified,
    })
}

/// The text of cached, downloaded or local bytes.
///
/// Gzip (recognised by its magic number, whatever the headers or the file name say) is
/// inflated, and refused as soon as it passes `limit_bytes`. Text starting with a UTF-16
/// byte-order mark is read as UTF-16. Invalid UTF-8 is replaced by `�`.
pub fn decode_text(name: &str, bytes: &[u8], limit_bytes: u64) -> Result<String, FetchError> {
    const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
    if bytes.starts_with(&GZIP_MAGIC) {
        let mut inflated = Vec::new();
        let decoder = flate2::read::GzDecoder::new(bytes);
        decoder
            .take(limit_bytes.saturating_add(1))
            .read_to_end(&mut inflated)
            .map_err(|e| FetchError::Truncated {
                url: name.to_owned(),
                message: format!("gzip data is damaged: {e}"),
            })?;
        if inflated.len() as u64 > limit_bytes {
            return Err(FetchError::InflatesTooLarge {
                url: name.to_owned(),
                limit_bytes,
            });
        }
        check_no_nul(name, &inflated)?;
        return Ok(text_of(inflated));
    }
    if let Some(text) = utf16_text(bytes) {
        return Ok(text);
    }
    check_no_nul(name, bytes)?;
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Refuses bytes holding NUL, naming UTF-16 without a byte-order mark when every other
/// byte of the start is zero (what Windows "Unicode" text of plain ASCII looks like).
fn check_no_nul(name: &str, bytes: &[u8]) -> Result<(), FetchError> {
    if !bytes.contains(&0) {
        return Ok(());
    }
    let start = bytes.get(..512).unwrap_or(bytes);
    let zeros_at = |parity: usize| {
        let slots = start.iter().skip(parity).step_by(2);
        let (zeros, all) = slots.fold((0_usize, 0_usize), |(z, n), &b| {
            (z + usize::from(b == 0), n + 1)
        });
        all >= 2 && zeros * 10 >= all * 9
    };
    let why = if zeros_at(0) || zeros_at(1) {
        "it looks like UTF-16 text without a byte-order mark (every other byte is zero); save it as UTF-8"
    } else {
        "it holds NUL bytes, so it is a binary file, not element text"
    };
    Err(FetchError::NotText {
        url: name.to_owned(),
        why,
    })
}

/// UTF-8 bytes as text without a second copy (invalid sequences replaced).
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The text of bytes starting with a UTF-16 byte-order mark (`FF FE` little-endian,
/// `FE FF` big-endian), as Windows editors save "Unicode" text; `None` without one.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (rest, little_endian) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, true),
        [0xfe, 0xff, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = rest.chunks(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        // An odd last byte: a cut-off file; it reads as a replacement character.
        _ => 0xfffd,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Reads a local element file with [`crate::files::read_bounded`]: only a regular file
/// (so reading can neither block nor run forever), and at most `limit_bytes` of it.
pub(crate) fn read_file_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, FetchError> {
    use crate::files::{Refused, read_bounded, refusal};
    read_bounded(path, limit_bytes).map_err(|e| match refusal(&e) {
        Some(Refused::NotAFile { kind }) => FetchError::NotAFile {
            path: path.to_path_buf(),
            kind,
        },
        Some(Refused::TooLarge { .. }) => FetchError::TooLarge {
            url: path.display().to_string(),
            limit_bytes,
        },
        _ => FetchError::FileRead {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    })
}

/// Reads a local element file for `overhead passes --elements`: the same checks as a
/// fetched local file (a regular file, at most `limit_bytes` read and at most
/// `limit_bytes` after inflating gzip), as text.
pub fn read_element_file(path: &Path, limit_bytes: u64) -> Result<String, FetchError> {
    let bytes = read_file_limited(path, limit_bytes)?;
    decode_text(&path.display().to_string(), &bytes, limit_bytes)
}

/// True for CelesTrak's "GP data has not updated since your last successful download" answer.
fn says_not_updated(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("has not updated")
        || lower.contains("not been updated")
        || lower.contains("not updated since")
}

fn header_text(
    response: &reqwest::blocking::Response,
    name: reqwest::header::HeaderName,
) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The first words of an error answer, on one line; HTML tags dropped.
fn excerpt(text: &str, content_type: Option<&str>) -> String {
    let is_html =
        content_type.is_some_and(|t| t.contains("html")) || text.trim_start().starts_with('<');
    let visible: String = if is_html {
        let mut inside_tag = false;
        text.chars()
            .map(|c| match c {
                '<' => {
                    inside_tag = true;
                    ' '
                }
                '>' => {
                    inside_tag = false;
                    ' '
                }
                _ if inside_tag => ' ',
                c => c,
            })
            .collect()
    } else {
        text.to_owned()
    };
    crate::text::clean(&visible, EXCERPT_CHARS + 1)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !message.contains(&inner_text) {
            message.push_str(": ");
            message.push_str(&inner_text);
        }
        source = inner.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_from_two_hours_to_a_day() {
        assert_eq!(backoff_after(1), Duration::hours(2));
        assert_eq!(backoff_after(2), Duration::hours(4));
        assert_eq!(backoff_after(4), Duration::hours(16));
        assert_eq!(backoff_after(5), Duration::hours(24));
        assert_eq!(backoff_after(u32::MAX), Duration::hours(24));
    }

    #[test]
    fn celestrak_not_updated_answer_is_recognised() {
        let body = "GP data has not updated since your last successful\r\ndownload of GROUP=starlink at 2026-03-27 08:11:36 UTC.\r\nData is updated once every 2 hours.";
        assert!(says_not_updated(body));
        assert!(!says_not_updated("Forbidden"));
    }

    #[test]
    fn html_excerpt_keeps_only_the_words() {
        let text =
            "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>";
        assert_eq!(excerpt(text, Some("text/html")), "502 Bad Gateway Bad");
    }

    #[test]
    fn truncated_tle_without_final_line_break_is_refused() {
        let tle = "ISS (ZARYA)\n1 25544U 98067A   26234.50053383  .00010000  00000-0  18000-3 0  9990\n2 25544  51.6400 100.0000 0003000  90.0000 270.0000 15.50000000 10000";
        let complete = include_str!("../../tests/data/fixture_elements.tle");
        let cut = format!("{complete}{tle}");
        let result = check_body(
            "x",
            cut.into_bytes(),
            None,
            false,
            (None, None),
            DEFAULT_MAX_BODY_BYTES,
        );
        assert!(
            matches!(result, Err(FetchError::Truncated { .. })),
            "{:?}",
            result.err()
        );
    }
}
