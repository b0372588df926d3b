//! The result of one refresh ([`RefreshOutcome`]), ready to show to the user.

use chrono::{DateTime, Utc};

use super::error::FetchError;
use super::policy::MIN_REQUEST_INTERVAL;

/// The result of one [`super::Fetcher::refresh`], ready to show to the user.
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
