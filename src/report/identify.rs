//! "What was that?" in words: the verdict on the best candidate and the short words of the
//! candidates' table, for the command line and the window alike.

use crate::orbit::{Candidate, Identification};
use crate::t;

/// Within this many degrees of the way the observer saw it go, a satellite moved "the same
/// way"; beyond 180° minus it, "the opposite way".
pub const SAME_WAY_DEG: f64 = 25.0;

/// Within this fraction of the rate seen, a satellite moved "as fast as seen".
pub const SAME_RATE_FRACTION: f64 = 0.15;

/// Offsets under half a second are "at the time you gave".
const ON_TIME_S: f64 = 0.5;

/// The selector of an offset in time: before, after or at the time given.
fn offset_side(offset_s: f64) -> &'static str {
    if offset_s.abs() < ON_TIME_S {
        "at"
    } else if offset_s > 0.0 {
        "after"
    } else {
        "before"
    }
}

/// "6 s after the time you gave", "at the time you gave".
pub fn offset_words(offset_s: f64) -> String {
    t!(
        "words-identify-when",
        side = offset_side(offset_s),
        s = format!("{:.0}", offset_s.abs())
    )
}

/// "6 s late", "on time": the table's short form.
pub fn offset_short(offset_s: f64) -> String {
    t!(
        "words-identify-when-short",
        side = offset_side(offset_s),
        s = format!("{:.0}", offset_s.abs())
    )
}

/// The selector of a direction error: same, opposite, off, or none (not given).
fn way_tag(direction_error_deg: Option<f64>) -> &'static str {
    match direction_error_deg {
        None => "none",
        Some(e) if e <= SAME_WAY_DEG => "same",
        Some(e) if e >= 180.0 - SAME_WAY_DEG => "opposite",
        Some(_) => "off",
    }
}

/// "same way (3° off)", "40° off", "opposite way", "—": the table's form.
pub fn way_short(direction_error_deg: Option<f64>) -> String {
    t!(
        "words-identify-way-short",
        way = way_tag(direction_error_deg),
        off = format!("{:.0}", direction_error_deg.unwrap_or(0.0))
    )
}

/// "1.10°/s, as seen", "0.85°/s, seen 25% faster": the angular rate and how it compares.
pub fn rate_short(rate_deg_s: f64, rate_error: Option<f64>) -> String {
    let (compare, percent) = match rate_error {
        None => ("none", 0.0),
        Some(e) if e.abs() <= SAME_RATE_FRACTION => ("same", 0.0),
        // Three times the rate or more either way: a percentage says nothing more.
        Some(e) if e >= 2.0 => ("much-faster", 0.0),
        Some(e) if e <= -2.0 / 3.0 => ("much-slower", 0.0),
        Some(e) if e > 0.0 => ("faster", e * 100.0),
        Some(e) => ("slower", -e * 100.0),
    };
    t!(
        "words-identify-rate-short",
        rate = format!("{rate_deg_s:.2}"),
        compare = compare,
        percent = format!("{percent:.0}")
    )
}

/// "sunlit, mag −3.1", "sunlit, brightness unknown", "in the Earth's shadow".
pub fn light_short(c: &Candidate) -> String {
    let (state, mag) = light_state(c);
    t!("words-identify-light-short", state = state, mag = mag)
}

fn light_state(c: &Candidate) -> (&'static str, String) {
    match (c.sunlit, c.magnitude) {
        (false, _) => ("shadow", String::new()),
        (true, Some(m)) => (
            "mag",
            super::estimated_magnitude_cell(
                m,
                c.standard.filter(|s| !s.is_measured()).map(|s| s.sigma),
            ),
        ),
        (true, None) => ("unknown", String::new()),
    }
}

/// What the candidate did, in one sentence: "ISS (ZARYA): passed 0.8° from there 6 s after
/// the time you gave, moving the same way; magnitude -3.1".
pub fn candidate_sentence(c: &Candidate) -> String {
    let (light, mag) = light_state(c);
    t!(
        "words-identify-verdict",
        name = crate::text::clean(&c.name, crate::text::NAME_CHARS),
        miss = format!("{:.1}", c.miss_deg),
        when = offset_words(c.time_offset_s),
        way = way_tag(c.direction_error_deg),
        off = format!("{:.0}", c.direction_error_deg.unwrap_or(0.0)),
        light = light,
        mag = mag
    )
}

/// The plain verdict on an identification: the first candidate's sentence when it fits;
/// otherwise "Nothing known fits", with the nearest miss if there is one.
pub fn identify_verdict(found: &Identification) -> String {
    match found.candidates.first() {
        Some(c) if c.fits => candidate_sentence(c),
        Some(c) => t!(
            "words-identify-nothing-fits",
            nearest = candidate_sentence(c)
        ),
        None => t!("words-identify-nothing-up"),
    }
}

/// A candidate's share of the probability as a whole percentage ("97%", "<1%").
pub fn score_percent(score: f64) -> String {
    if score < 0.005 {
        t!("words-identify-score-small")
    } else {
        format!("{:.0}%", 100.0 * score)
    }
}
