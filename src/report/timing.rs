//! How much to trust a predicted time, in words: the timing uncertainty beside a time once
//! the elements are old for it ("03:28 ±17 min"), and the age of elements that may be
//! older or newer than the time shown ("3.2 days old", "0.2 days after the time shown";
//! never "-0.2 days old", see [`element_age`]).

use crate::t;

/// Once a pass time's estimated uncertainty ([`super::PassRecord::timing_uncertainty_s`])
/// passes this, seconds: the row says so beside the time ("±45 s") and its seconds are
/// greyed (they no longer mean anything).
pub const UNCERTAIN_TIMING_S: f64 = 30.0;

/// True when a time this uncertain should say so ([`UNCERTAIN_TIMING_S`]).
pub fn is_uncertain(uncertainty_s: f64) -> bool {
    uncertainty_s > UNCERTAIN_TIMING_S
}

/// "±45 s", "±17 min", "±3 h" ("±45초", "±17분", "±3시간"): an uncertainty rounded to
/// the unit a person reads it in (seconds under a minute and a half, minutes under an
/// hour and a half, then hours).
pub fn plus_minus_words(uncertainty_s: f64) -> String {
    let s = uncertainty_s.abs();
    let (unit, n) = if s < 90.0 {
        ("seconds", s.round())
    } else if s < 5400.0 {
        ("minutes", (s / 60.0).round())
    } else {
        ("hours", (s / 3600.0).round())
    };
    t!("words-plus-minus", unit = unit, n = format!("{n:.0}"))
}

/// Once a time's uncertainty passes this, seconds, its ± stands beside it: in the window,
/// on the handout and in the calendar (issue 26: "once it exceeds a few seconds"; below
/// that the elements are fresh and the ± only noise).
pub const SHOWN_TIMING_S: f64 = 5.0;

/// The ± to write beside a time this uncertain ("±12 s", "±17 min"), once it passes
/// [`SHOWN_TIMING_S`]; the one place that decides and words it, for every view.
pub fn plus_minus_beside(uncertainty_s: f64) -> Option<String> {
    (uncertainty_s > SHOWN_TIMING_S).then(|| plus_minus_words(uncertainty_s))
}

/// `time` with its ± beside it when [`plus_minus_beside`] shows one ("21:39 ±12 s"),
/// else `time` as it is.
pub fn time_with_plus_minus(time: String, uncertainty_s: f64) -> String {
    match plus_minus_beside(uncertainty_s) {
        Some(plus_minus) => format!("{time} {plus_minus}"),
        None => time,
    }
}

/// The age of elements at a time for the messages that say it, never negative: which way
/// (`"old"`, or `"after"` when the elements are newer than that time) and how many days,
/// one decimal ("3.2"). An age that rounds to zero is "0.0" old, never "-0.0".
pub fn element_age(age_days: f64) -> (&'static str, String) {
    let rounded = (age_days * 10.0).round() / 10.0;
    let when = if rounded < 0.0 { "after" } else { "old" };
    (when, format!("{:.1}", rounded.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};

    #[test]
    fn uncertainty_reads_in_the_unit_a_person_uses() {
        with_language(Lang::En, || {
            assert_eq!(plus_minus_words(44.6), "±45 s");
            assert_eq!(plus_minus_words(1000.0), "±17 min");
            assert_eq!(plus_minus_words(4.0 * 3600.0), "±4 h");
        });
        with_language(Lang::Ko, || {
            assert_eq!(plus_minus_words(44.6), "±45초");
            assert_eq!(plus_minus_words(1000.0), "±17분");
            assert_eq!(plus_minus_words(4.0 * 3600.0), "±4시간");
        });
        assert!(!is_uncertain(30.0));
        assert!(is_uncertain(30.5));
    }

    #[test]
    fn an_age_is_never_negative() {
        assert_eq!(element_age(3.24), ("old", "3.2".to_owned()));
        assert_eq!(element_age(-0.2), ("after", "0.2".to_owned()));
        // Minutes before the epoch round to nothing: not "-0.0".
        assert_eq!(element_age(-0.01), ("old", "0.0".to_owned()));
    }

    #[test]
    fn the_plus_minus_stands_beside_a_time_once_it_passes_a_few_seconds() {
        with_language(Lang::En, || {
            assert_eq!(plus_minus_beside(4.9), None);
            assert_eq!(plus_minus_beside(SHOWN_TIMING_S), None);
            assert_eq!(plus_minus_beside(12.4).as_deref(), Some("±12 s"));
            assert_eq!(time_with_plus_minus("21:39".to_owned(), 3.0), "21:39");
            assert_eq!(
                time_with_plus_minus("21:39".to_owned(), 1000.0),
                "21:39 ±17 min"
            );
        });
        with_language(Lang::Ko, || {
            assert_eq!(
                time_with_plus_minus("21:39".to_owned(), 12.0),
                "21:39 ±12초"
            );
        });
    }
}
