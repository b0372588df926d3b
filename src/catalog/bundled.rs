//! Data compiled into the binary: an element-set snapshot and McCants' standard magnitudes.
//!
//! The snapshot is CelesTrak's "active" catalog merged with its "visual" group of the same
//! day (the 100 or so brightest objects, dozens of them rocket bodies, which are not
//! active satellites), one set per satellite. It makes a first start without a network
//! show passes at once. It is months
//! old by the time someone installs the app, so it always comes with its date and a plain
//! warning ([`data_age_message`]). Provenance and terms: `assets/README.md`.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use super::decode::decode_text;
use crate::orbit::{ElementSet, StdMagnitudes, merge_newest, parse_elements};
use crate::t;

/// The CelesTrak "active" catalog as OMM CSV, gzip-compressed (see `assets/README.md`).
const SNAPSHOT_GZ: &[u8] =
    include_bytes!("../../assets/elements/celestrak-active-2026-08-22.csv.gz");

/// The CelesTrak "visual" group of the same day as 3-line TLE, gzip-compressed (see
/// `assets/README.md`).
const VISUAL_GZ: &[u8] = include_bytes!("../../assets/elements/celestrak-visual-2026-08-22.txt.gz");

/// Mike McCants' `qs.mag` standard magnitudes (see `assets/README.md`).
const QS_MAG: &str = include_str!("../../assets/std-magnitudes/qs.mag");

/// The name bundled element sets carry in [`ElementSet::source`].
pub const BUNDLED_SOURCE_NAME: &str = "bundled snapshot (CelesTrak active and visual, 2026-08-22)";

/// Inflated size limit for the snapshot, bytes (it is about 2.5 MB).
const SNAPSHOT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Element sets older than this many days draw a staleness warning: predictions drift by minutes.
pub const STALE_AFTER_DAYS: f64 = 14.0;

/// Why the bundled snapshot could not be read (a build defect; the tests guard against it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the bundled element snapshot cannot be read: {message}")]
pub struct BundledError {
    /// What went wrong.
    pub message: String,
}

/// The bundled element sets and their dates.
#[derive(Debug, Clone)]
pub struct BundledSnapshot {
    /// The element sets, source [`BUNDLED_SOURCE_NAME`].
    pub sets: Vec<ElementSet>,
    /// Median epoch of the sets: "the data's date" (2026-08-22 for this snapshot).
    pub median_epoch: DateTime<Utc>,
    /// Newest epoch of the sets.
    pub newest_epoch: DateTime<Utc>,
    /// Oldest epoch of the sets.
    pub oldest_epoch: DateTime<Utc>,
}

/// The bundled snapshot (about 16,500 satellites), read anew on each call: about 75 ms in a
/// release build.
///
/// It is not kept for the life of the process: the catalog the window and the command line
/// work from holds these sets once (they are most of its 24 MB), and a second copy held here
/// would double that (issue 21: the window's resident memory). The catalog is loaded at start
/// and after a refresh, so it is read that often.
pub fn bundled_snapshot() -> Result<BundledSnapshot, BundledError> {
    let read = |bytes: &[u8]| {
        let text = decode_text(BUNDLED_SOURCE_NAME, bytes, SNAPSHOT_MAX_BYTES).map_err(|e| {
            BundledError {
                message: e.to_string(),
            }
        })?;
        parse_elements(&text, BUNDLED_SOURCE_NAME)
            .map(|parsed| parsed.sets)
            .map_err(|e| BundledError {
                message: e.to_string(),
            })
    };
    // One set per satellite: where both files hold one, the newer epoch.
    let sets = merge_newest(read(SNAPSHOT_GZ)?.into_iter().chain(read(VISUAL_GZ)?));
    let epochs = sorted_epochs(&sets);
    let (Some(&oldest_epoch), Some(&median_epoch), Some(&newest_epoch)) =
        (epochs.first(), epochs.get(epochs.len() / 2), epochs.last())
    else {
        return Err(BundledError {
            message: "it holds no element sets".to_owned(),
        });
    };
    Ok(BundledSnapshot {
        sets,
        median_epoch,
        newest_epoch,
        oldest_epoch,
    })
}

/// The epochs of `sets`, sorted.
pub(crate) fn sorted_epochs(sets: &[ElementSet]) -> Vec<DateTime<Utc>> {
    let mut epochs: Vec<DateTime<Utc>> = sets.iter().map(|s| s.epoch).collect();
    epochs.sort();
    epochs
}

/// McCants' standard magnitudes, for the brightness estimate (4,150 satellites).
pub fn bundled_std_magnitudes() -> StdMagnitudes {
    static MAGNITUDES: OnceLock<StdMagnitudes> = OnceLock::new();
    MAGNITUDES
        .get_or_init(|| StdMagnitudes::parse_qs_mag(QS_MAG))
        .clone()
}

/// A plain sentence about how old the elements are at `now`, e.g.
/// "Elements from 22 Aug 2026 (95 days old): passes today may be off by many minutes."
///
/// `data_epoch` is the data's date (a median epoch, see [`BundledSnapshot::median_epoch`]).
/// Up to [`STALE_AFTER_DAYS`] old the sentence only gives the date and age.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let data = Utc.with_ymd_and_hms(2026, 8, 22, 9, 0, 0).unwrap();
/// let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
/// assert_eq!(
///     overhead::catalog::data_age_message(data, now),
///     "Elements from 22 Aug 2026 (95 days old): passes today may be off by many minutes."
/// );
/// ```
pub fn data_age_message(data_epoch: DateTime<Utc>, now: DateTime<Utc>) -> String {
    data_age_words(data_epoch, now, AgeClock::Computer).text
}

/// A date as the age messages write it: "22 Aug 2026" ("2026년 8월 22일").
pub fn date_words(t: DateTime<Utc>) -> String {
    use chrono::Datelike as _;
    t!(
        "data-age-date",
        day = t.day(),
        month_name = t!("data-age-month-name", month = t.month()),
        // As text: a count would get a thousands separator ("2,026").
        year = t.year().to_string()
    )
}

/// The clock an age is measured on: it names what a date in the future is after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeClock {
    /// The computer's clock (the command line): a later date means a wrong clock.
    Computer,
    /// The time the window shows (it may be simulated): a later date is just later.
    Shown,
}

/// How old elements from `data_epoch` are at `t`, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct DataAge {
    /// The sentence ("Elements from 22 Aug 2026 (3 days old).").
    pub text: String,
    /// More than [`STALE_AFTER_DAYS`] old (or, on the shown clock, that far ahead):
    /// predictions may be off by minutes.
    pub stale: bool,
}

/// [`data_age_message`] for either clock, with whether the age is stale: one sentence for
/// the command line's warning and the window's top bar.
pub fn data_age_words(data_epoch: DateTime<Utc>, t: DateTime<Utc>, clock: AgeClock) -> DataAge {
    let age_days = (t - data_epoch).num_days();
    let stale = match clock {
        AgeClock::Computer => age_days as f64 > STALE_AFTER_DAYS,
        AgeClock::Shown => age_days.unsigned_abs() as f64 > STALE_AFTER_DAYS,
    };
    let date = date_words(data_epoch);
    let age = match (age_days, clock) {
        (d, AgeClock::Computer) if d < 0 => t!("data-age-after-clock"),
        (d, AgeClock::Shown) if d < 0 => t!("data-age-days-after", days = -d),
        (0, _) => t!("data-age-less-than-a-day"),
        (d, _) => t!("data-age-days-old", days = d),
    };
    let text = match (stale, age_days < 0) {
        (false, _) => t!("data-age", date = date, age = age),
        (true, false) => t!("data-age-stale", date = date, age = age),
        (true, true) => t!("data-age-after-stale", date = date, age = age),
    };
    DataAge { text, stale }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn fresh_elements_get_no_warning() {
        let data = Utc.with_ymd_and_hms(2026, 8, 22, 9, 0, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 8, 23, 12, 0, 0).unwrap();
        assert_eq!(
            data_age_message(data, now),
            "Elements from 22 Aug 2026 (1 day old)."
        );
    }

    #[test]
    fn elements_from_the_future_point_at_the_clock() {
        let data = Utc.with_ymd_and_hms(2026, 8, 22, 9, 0, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 8, 1, 0, 0, 0).unwrap();
        assert!(data_age_message(data, now).contains("check the clock"));
    }
}
