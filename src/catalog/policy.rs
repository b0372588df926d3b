//! The rules of being a good citizen towards CelesTrak and of reading what comes back,
//! as numbers and small pure functions: the two-hour rule, the back-off after failures,
//! the size limits and the time limits. A leaf: it knows nothing of the cache or the
//! network, so `fetch` (which enforces the rules) and `status` (which shows them) both
//! read them here.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

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
    positive_whole_env(MAX_ELEMENT_BYTES_ENV).unwrap_or(DEFAULT_MAX_BODY_BYTES)
}

/// The environment variable `name` when it holds a positive whole number.
fn positive_whole_env(name: &str) -> Option<u64> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&n| n > 0)
}

/// Default limit on one network wait (connecting, or the gap between two chunks of the body).
pub const DEFAULT_READ_TIMEOUT: StdDuration = StdDuration::from_secs(30);

/// Default limit on a whole request, from connecting to the last byte.
pub const DEFAULT_TOTAL_TIMEOUT: StdDuration = StdDuration::from_secs(300);

/// Environment variable that replaces [`DEFAULT_TOTAL_TIMEOUT`] (whole seconds): for a
/// slow link that needs longer, and for the tests, which need far less. The wait for one
/// chunk ([`DEFAULT_READ_TIMEOUT`]) is never longer than it.
pub const FETCH_TIMEOUT_ENV: &str = "OVERHEAD_FETCH_TIMEOUT_S";

/// The limit on a whole request: [`FETCH_TIMEOUT_ENV`] when it holds a positive whole
/// number of seconds, else [`DEFAULT_TOTAL_TIMEOUT`].
pub fn total_timeout() -> StdDuration {
    positive_whole_env(FETCH_TIMEOUT_ENV).map_or(DEFAULT_TOTAL_TIMEOUT, StdDuration::from_secs)
}

/// The limit on one wait: [`DEFAULT_READ_TIMEOUT`], or the total limit when that is shorter.
pub fn read_timeout() -> StdDuration {
    DEFAULT_READ_TIMEOUT.min(total_timeout())
}

/// How long a download may run before its rate is judged (see
/// [`super::FetchConfig::stall_grace`]).
pub const DEFAULT_STALL_GRACE: StdDuration = StdDuration::from_secs(20);

/// Slowest rate accepted for an answer of unknown length after the grace, bytes per second
/// (at 1 kB/s CelesTrak's active set would take four hours).
pub const DEFAULT_MIN_BYTES_PER_S: u64 = 1024;

/// Whether to bend the two-hour rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RefreshPolicy {
    /// Ignore the two-hour rule (never the back-off after a failure).
    pub force: bool,
}

/// Back-off after `failures_in_a_row` failures (1 → 2 h, 2 → 4 h, … at most 24 h).
pub fn backoff_after(failures_in_a_row: u32) -> Duration {
    let doublings = failures_in_a_row.saturating_sub(1).min(8);
    let backoff = FIRST_BACKOFF * 2_i32.pow(doublings);
    backoff.min(MAX_BACKOFF)
}

/// The end of a back-off recorded as `backoff_until`, while it is in force at `now`. A time
/// further ahead than [`MAX_BACKOFF`] means the clock was wrong when it was recorded (or is
/// now) and is not honoured.
pub fn backoff_in_force(
    backoff_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    backoff_until.filter(|&until| until > now && until - now <= MAX_BACKOFF)
}

/// When the two-hour rule allows the next request after a success at `last_success`, while
/// that is later than `now`. A success recorded further ahead than the rule itself means a
/// wrong clock and is not honoured.
pub fn two_hour_rule_until(
    last_success: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    last_success
        .map(|t| t + MIN_REQUEST_INTERVAL)
        .filter(|&t| t > now && t - now <= MIN_REQUEST_INTERVAL * 2)
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
    fn rules_ignore_times_from_a_wrong_clock() {
        let now: DateTime<Utc> = "2026-08-22T12:00:00Z".parse().unwrap();
        assert_eq!(
            backoff_in_force(Some(now + Duration::hours(3)), now),
            Some(now + Duration::hours(3))
        );
        assert_eq!(backoff_in_force(Some(now + Duration::hours(25)), now), None);
        assert_eq!(backoff_in_force(Some(now - Duration::hours(1)), now), None);
        let last = now - Duration::hours(1);
        assert_eq!(
            two_hour_rule_until(Some(last), now),
            Some(now + Duration::hours(1))
        );
        assert_eq!(
            two_hour_rule_until(Some(now - Duration::hours(2)), now),
            None
        );
        assert_eq!(
            two_hour_rule_until(Some(now + Duration::hours(3)), now),
            None
        );
    }
}
