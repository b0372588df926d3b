//! The words of a magnitude as an estimate (issue 22): a measured standard magnitude gives
//! one number, a family's or a size's gives a range ("about 5.5–6.5, estimated from Starlink
//! v2 Mini photometry"), and the three-way verdict on the sky is said plainly ("probably too
//! faint for a suburban sky; binoculars will show it").

use crate::i18n::static_word;
use crate::orbit::{BrightVerdict, MagnitudeEstimate};
use crate::t;

/// The faintest magnitude binoculars show, as the binoculars sky preset.
const BINOCULAR_LIMIT_MAG: f64 = 7.5;

/// A predicted magnitude as a table shows it: "−2.1" when measured for the object (or
/// without an estimate), "5.5–6.5" (the one-sigma range) when estimated.
pub fn magnitude_cell(magnitude: f64, estimate: Option<&MagnitudeEstimate>) -> String {
    match estimate.filter(|e| !e.is_measured()) {
        Some(e) => {
            let (low, high) = e.range_of(magnitude);
            t!(
                "words-mag-range",
                low = format!("{low:.1}"),
                high = format!("{high:.1}")
            )
        }
        None => format!("{magnitude:.1}"),
    }
}

/// What a standard magnitude was estimated from, in the thread's language ("Starlink v2
/// Mini photometry", "its radar cross-section").
pub fn basis_words(estimate: &MagnitudeEstimate) -> String {
    t!("words-mag-basis", key = &*estimate.basis)
}

/// A predicted magnitude with where it comes from: "magnitude −2.1" when measured, "about
/// 5.5–6.5, estimated from Starlink v2 Mini photometry; may flare" when estimated.
pub fn magnitude_words(magnitude: f64, estimate: Option<&MagnitudeEstimate>) -> String {
    match estimate {
        Some(e) if !e.is_measured() => t!(
            "words-mag-estimated",
            range = magnitude_cell(magnitude, Some(e)),
            basis = basis_words(e),
            flare = if e.may_flare { "yes" } else { "no" }
        ),
        _ => t!(
            "words-mag-measured",
            mag = format!("{magnitude:.1}"),
            flare = if estimate.is_some_and(|e| e.may_flare) {
                "yes"
            } else {
                "no"
            }
        ),
    }
}

/// Where a standard magnitude comes from, for a hover: "Standard magnitude 7.7 ± 1.0 (at
/// 1000 km, half lit), from Starlink v2 Mini photometry. Mallama et al. 2023, …".
pub fn estimate_hover(estimate: &MagnitudeEstimate) -> String {
    t!(
        "words-mag-hover",
        value = format!("{:.1}", estimate.value),
        sigma = format!("{:.1}", estimate.sigma),
        source = estimate.source.tag(),
        basis = basis_words(estimate),
        citation = &*estimate.citation
    )
}

/// The sky a limiting magnitude stands for, as a selector of `words-verdict`: city (3 or
/// brighter), suburb (to 4.5), dark (to 6.5), binoculars (fainter).
fn sky_key(limiting_magnitude: f64) -> &'static str {
    if limiting_magnitude <= 3.0 {
        "city"
    } else if limiting_magnitude <= 4.5 {
        "suburb"
    } else if limiting_magnitude <= 6.5 {
        "dark"
    } else {
        "binoculars"
    }
}

/// The three-way verdict in words, for a pass predicted at `magnitude` (one sigma
/// `sigma`) in a sky whose faintest star is `limiting_magnitude`: "bright enough for a
/// suburban sky", "probably too faint for a suburban sky; binoculars will show it",
/// "perhaps visible in a suburban sky, near its limit; binoculars will show it", "too faint
/// for a suburban sky".
pub fn verdict_words(
    verdict: BrightVerdict,
    magnitude: f64,
    sigma: f64,
    limiting_magnitude: f64,
) -> String {
    let state = match verdict {
        BrightVerdict::Yes => "yes",
        BrightVerdict::No => "no",
        BrightVerdict::Maybe if magnitude > limiting_magnitude => "probably-not",
        BrightVerdict::Maybe => "perhaps",
    };
    let binoculars = if magnitude + sigma <= BINOCULAR_LIMIT_MAG {
        "will"
    } else if magnitude - sigma <= BINOCULAR_LIMIT_MAG {
        "may"
    } else {
        "no"
    };
    t!(
        "words-verdict",
        state = state,
        sky = sky_key(limiting_magnitude),
        binoculars = binoculars
    )
}

/// The short verdict for a table's "Eye" column: "yes", "maybe", "faint".
pub fn verdict_cell(verdict: BrightVerdict) -> &'static str {
    static_word(match verdict {
        BrightVerdict::Yes => "words-verdict-cell-yes",
        BrightVerdict::Maybe => "words-verdict-cell-maybe",
        BrightVerdict::No => "words-verdict-cell-no",
    })
}

/// The brightness scale: up to this magnitude, the level's selector in `words-brightness`
/// and `words-brightness-short` (the last row takes everything fainter).
const BRIGHTNESS_SCALE: [(f64, &str); 5] = [
    (-2.0, "very-bright"),
    (0.0, "bright"),
    (2.5, "easy"),
    (4.5, "faint"),
    (f64::INFINITY, "very-faint"),
];

/// The level of [`BRIGHTNESS_SCALE`] for `magnitude`.
pub(super) fn brightness_level(magnitude: f64) -> &'static str {
    BRIGHTNESS_SCALE
        .iter()
        .find(|(up_to, _)| magnitude <= *up_to)
        .unwrap_or(&BRIGHTNESS_SCALE[4])
        .1
}

/// How bright a magnitude looks, in a few words: "very bright", "easy to see"...
pub fn brightness_short(magnitude: f64) -> String {
    t!(
        "words-brightness-short",
        level = brightness_level(magnitude)
    )
}

/// How bright a magnitude looks, in words: "Easy to see, like a bright star (magnitude 1.8)."
pub fn brightness_words(magnitude: f64) -> String {
    t!(
        "words-brightness",
        level = brightness_level(magnitude),
        mag = format!("{magnitude:.1}")
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::orbit::MagnitudeSource;

    fn estimate(source: MagnitudeSource, basis: &str, may_flare: bool) -> MagnitudeEstimate {
        MagnitudeEstimate {
            value: 7.7,
            sigma: 0.5,
            source,
            basis: Arc::from(basis),
            citation: Arc::from("Mallama et al. 2023, arXiv:2306.06657"),
            may_flare,
        }
    }

    #[test]
    fn measured_is_a_number_and_an_estimate_a_range() {
        let measured = estimate(MagnitudeSource::Measured, "qs-mag", false);
        assert_eq!(magnitude_cell(-2.14, Some(&measured)), "-2.1");
        assert_eq!(magnitude_cell(-2.14, None), "-2.1");
        let family = estimate(MagnitudeSource::Family, "starlink-v2-mini", true);
        assert_eq!(magnitude_cell(6.0, Some(&family)), "5.5–6.5");
        assert_eq!(
            magnitude_words(6.0, Some(&family)),
            "about 5.5–6.5, estimated from Starlink v2 Mini photometry; may flare"
        );
        assert_eq!(magnitude_words(1.84, Some(&measured)), "magnitude 1.8");
        let hover = estimate_hover(&family);
        assert!(
            hover.contains("7.7 ± 0.5") && hover.contains("arXiv:2306.06657"),
            "{hover}"
        );
    }

    #[test]
    fn every_size_basis_has_words() {
        use crate::orbit::brightness::{MASS_BASIS, SIBLINGS_BASIS, SIZE_BASIS};
        for basis in [SIZE_BASIS, MASS_BASIS, SIBLINGS_BASIS] {
            let words = basis_words(&estimate(MagnitudeSource::Size, basis, false));
            assert_ne!(words, basis);
        }
        let kin = estimate(MagnitudeSource::Size, SIBLINGS_BASIS, false);
        assert_eq!(
            magnitude_words(10.9, Some(&kin)),
            "about 10.4–11.4, estimated from its sister satellites of the same programme"
        );
    }

    #[test]
    fn verdicts_in_plain_words() {
        let v = |m: f64, s: f64, l: f64| verdict_words(BrightVerdict::of(m, s, l), m, s, l);
        assert_eq!(
            v(4.5, 0.8, 4.0),
            "probably too faint for a suburban sky; binoculars will show it"
        );
        assert_eq!(v(2.0, 0.5, 4.0), "bright enough for a suburban sky");
        assert_eq!(
            v(3.5, 0.8, 3.0),
            "probably too faint for a city sky; binoculars will show it"
        );
        assert_eq!(
            v(5.2, 0.5, 5.5),
            "perhaps visible under a dark sky, near its limit; binoculars will show it"
        );
        assert_eq!(v(9.0, 0.5, 4.0), "too faint for a suburban sky");
    }
}
