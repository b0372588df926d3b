//! How good the catalog's parts are: the status of each cached source (times, errors, the
//! next request the rules allow) and the health of one element set (age, staleness, decay).

use chrono::{DateTime, Utc};

use super::bundled::STALE_AFTER_DAYS;
use super::cache::{CacheEntry, CacheMeta};
use super::policy::{backoff_in_force, two_hour_rule_until};
use crate::orbit::{ElementSet, PropagationError, Satellite};

/// What is known about one cached source, for the sources panel and `overhead fetch`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceStatus {
    /// The source's label, e.g. `"CelesTrak GROUP=stations"`.
    pub label: String,
    /// The URL or file it was read from.
    pub location: String,
    /// When its data was last downloaded (UTC).
    pub downloaded_at: Option<DateTime<Utc>>,
    /// When a request last succeeded: new data, or the server's "not modified" (UTC).
    pub last_success_at: Option<DateTime<Utc>>,
    /// Usable element sets in the cached data (0 when there is none).
    pub count: usize,
    /// Newest element epoch in the cached data.
    pub newest_epoch: Option<DateTime<Utc>>,
    /// When a request was last started.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The last failure's message, while the source is failing.
    pub last_error: Option<String>,
    /// When the last failure happened.
    pub last_error_at: Option<DateTime<Utc>>,
    /// No request before this time because of a failure.
    pub backoff_until: Option<DateTime<Utc>>,
    /// Earliest time of the next request (two-hour rule or back-off), if later than `now`.
    pub next_allowed: Option<DateTime<Utc>>,
    /// A problem with the cached files themselves (unreadable or unusable data, corrupt metadata).
    pub problem: Option<String>,
}

/// How fit one element set is for predictions at a given time.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementHealth {
    /// Age of the elements, days (negative before the epoch).
    pub age_days: f64,
    /// Older than [`STALE_AFTER_DAYS`]: predictions may be off by minutes.
    pub is_stale: bool,
    /// Set when propagating to the time fails: the satellite has decayed (or its elements
    /// have diverged, which means the same for an observer).
    pub decayed: Option<PropagationError>,
}

/// Age, staleness and decay of `set` at `t`.
pub fn element_health(set: &ElementSet, t: DateTime<Utc>) -> ElementHealth {
    let age_days = set.age_days(t);
    // Decay is judged by SGP4's drag model however far from the epoch (a set that falls
    // inside the Earth within years has decayed), unlike a position to show, which is not
    // given a year away (`Satellite::state_at`).
    let sat = Satellite::new(set.clone());
    let decayed = match sat.state_at_minutes(sat.minutes_since_epoch(t)) {
        Ok(_) | Err(PropagationError::BadElements { .. }) => None,
        Err(e) => Some(e),
    };
    ElementHealth {
        age_days,
        is_stale: age_days > STALE_AFTER_DAYS,
        decayed,
    }
}
/// Status of one cache entry from its metadata alone (cheap: the data is not read).
pub(super) fn meta_status(entry: &CacheEntry, label: &str, now: DateTime<Utc>) -> SourceStatus {
    match entry.read_meta() {
        Ok(meta) => status_from_meta(&meta.unwrap_or_default(), label, now),
        Err(e) => SourceStatus {
            label: label.to_owned(),
            problem: Some(e.to_string()),
            ..SourceStatus::default()
        },
    }
}

pub(super) fn status_from_meta(meta: &CacheMeta, label: &str, now: DateTime<Utc>) -> SourceStatus {
    let backoff_until = backoff_in_force(meta.backoff_until, now);
    let rule_until = two_hour_rule_until(meta.last_success_at, now);
    SourceStatus {
        label: label.to_owned(),
        location: meta.location.clone(),
        downloaded_at: meta.downloaded_at,
        last_success_at: meta.last_success_at,
        count: meta.count,
        newest_epoch: meta.newest_epoch,
        last_attempt_at: meta.last_attempt_at,
        last_error: meta.last_error.clone(),
        last_error_at: meta.last_error_at,
        backoff_until,
        next_allowed: backoff_until.into_iter().chain(rule_until).max(),
        problem: None,
    }
}
