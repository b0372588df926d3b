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
//!    written), no network at all (the name cannot be resolved, no route, the connection
//!    refused), an unusable proxy, or this process paused during the request (stopped, or
//!    the computer asleep) is reported but sets no back-off: the server did nothing wrong,
//!    and the next refresh tries again at once. The two-hour back-off stays for answers
//!    the server actually gave (and for one that dripped too slowly to finish).
//! 5. A "not modified" answer when nothing is cached is a failure, not a success: it
//!    would otherwise start the two-hour clock with no data to show for it.
//! 6. A download that would not finish in time at the rate it arrives is given up early
//!    (see [`FetchConfig::stall_grace`]), and a refresh waiting for another process's says
//!    so at once and stops waiting when that process stops moving (stopped, asleep).
//!
//! One refresh of a source runs at a time across all processes sharing the cache (the
//! entry's lock, see [`super::cache`]). A process that had to wait for another's refresh
//! of the same source reports that refresh's result instead of asking again.
//!
//! Time comes in as `now`; nothing here reads the clock except to bound how long one
//! request may take.

use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use reqwest::Url;

use super::cache::EntryLock;
use super::cache::{CacheEntry, CacheMeta};
use super::decode::read_file_limited;
use super::error::FetchError;
use super::http::{
    Answer, BodyFrom, Downloaded, FetchConfig, FetchProgress, HttpClient, check_body,
};
use super::outcome::RefreshOutcome;
use super::policy::{
    MIN_REQUEST_INTERVAL, RefreshPolicy, backoff_after, backoff_in_force, two_hour_rule_until,
};
use super::sources::{Location, Source, SourceError, without_credentials};
use super::status::SourceStatus;

/// Downloads sources into a cache directory. Blocking; share it between threads with `Arc`.
///
/// Two refreshes of the same source never run at once, in one process or several (the
/// second waits, then reports the first one's result); different sources may run in
/// parallel.
#[derive(Debug)]
pub struct Fetcher {
    cache_dir: PathBuf,
    http: HttpClient,
}

/// Extra wait for another process's refresh beyond the longest request it may make.
const LOCK_WAIT_MARGIN: StdDuration = StdDuration::from_secs(30);

impl Fetcher {
    /// A fetcher writing under `cache_dir` (see [`super::default_cache_dir`]).
    pub fn new(cache_dir: impl Into<PathBuf>, config: FetchConfig) -> Result<Self, FetchError> {
        Ok(Self {
            cache_dir: cache_dir.into(),
            http: HttpClient::new(config)?,
        })
    }

    /// The cache directory this fetcher writes under.
    pub fn cache_dir(&self) -> &Path {
        &self.cache_dir
    }

    /// The configuration.
    pub fn config(&self) -> &FetchConfig {
        &self.http.config
    }

    /// What could not be used of the environment's proxy settings, one sentence each
    /// (a malformed `HTTP_PROXY` is said, not silently ignored).
    pub fn proxy_warnings(&self) -> &[String] {
        &self.http.proxies.warnings
    }

    /// The cache entry of `source`, or why its location is refused.
    pub fn entry(&self, source: &Source) -> Result<(Location, CacheEntry), SourceError> {
        let location = source.location(&self.http.config.celestrak_base_url)?;
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
        self.http.config.total_timeout + LOCK_WAIT_MARGIN
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
        self.refresh_reporting(source, policy, now, &|_| {})
    }

    /// [`Fetcher::refresh`], telling `progress` what it is waiting for: another process's
    /// refresh of the same source (said at once), and how the download advances (about
    /// once a second), so that a long wait is never silent.
    pub fn refresh_reporting(
        &self,
        source: &Source,
        policy: RefreshPolicy,
        now: DateTime<Utc>,
        progress: &dyn Fn(&FetchProgress),
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
        let on_wait = &mut || progress(&FetchProgress::WaitingForOther);
        let held = match entry.lock_reporting(self.lock_wait(), on_wait) {
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
            Location::Http(url) => {
                let request = Request {
                    entry: &entry,
                    held: &held,
                    progress,
                };
                self.refresh_http(url, &request, meta, policy, now)
            }
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
        request: &Request<'_>,
        mut meta: CacheMeta,
        policy: RefreshPolicy,
        now: DateTime<Utc>,
    ) -> RefreshOutcome {
        let entry = request.entry;
        // A time recorded in the future means the clock was wrong then (or is now); a
        // back-off or a two-hour window longer than the rule itself is not honoured.
        if let Some(until) = backoff_in_force(meta.backoff_until, now) {
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
            && let Some(next_allowed) = two_hour_rule_until(Some(last_success), now)
        {
            return RefreshOutcome::TooSoon {
                last_success,
                next_allowed,
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

        match self.http.download(&url, validators, request.progress) {
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
            // This process was paused during the request (stopped, or the computer asleep):
            // whatever it came to, the server is not to blame.
            Err(error) if request.held.paused_s() >= 1.0 => {
                let error = FetchError::PausedMeanwhile {
                    paused_s: request.held.paused_s(),
                    error: Box::new(error),
                };
                self.record_local_failure(entry, meta, error, now)
            }
            // No network, or an unusable proxy: not an answer from the server.
            Err(error) if error.is_local() => self.record_local_failure(entry, meta, error, now),
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
        meta.last_error = Some(without_credentials(&error.to_string()));
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
        meta.last_error = Some(without_credentials(&error.to_string()));
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
        let result = read_file_limited(path, self.http.config.max_body_bytes)
            .and_then(|bytes| {
                check_body(
                    &name,
                    bytes,
                    BodyFrom::LocalFile,
                    self.http.config.max_body_bytes,
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
            // A bad local file is not the server's fault: no back-off.
            Err(error) => self.record_local_failure(entry, meta, error, now),
        }
    }
}

/// One request's surroundings: its cache entry, the lock held on it, and where its
/// progress is told.
struct Request<'a> {
    entry: &'a CacheEntry,
    held: &'a EntryLock,
    progress: &'a dyn Fn(&FetchProgress),
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
