//! A standard magnitude as an estimate: its value, one-sigma uncertainty and source, and
//! the three-way verdict on whether a predicted magnitude is bright enough for a sky.

use std::sync::Arc;

/// Where a standard magnitude comes from, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MagnitudeSource {
    /// Measured for this object (McCants' `qs.mag`, or a cited measurement).
    Measured,
    /// The published photometry of its family (Starlink v2 Mini, OneWeb…).
    Family,
    /// Its size: a rule from its radar cross-section or its launch mass, or its sibling
    /// satellites' values.
    Size,
}

impl MagnitudeSource {
    /// The machine-readable tag, as in JSON and CSV: "measured", "family", "size".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Measured => "measured",
            Self::Family => "family",
            Self::Size => "size",
        }
    }
}

/// A satellite's standard magnitude (V at 1000 km and 90° phase, see [`super`]) with its
/// one-sigma uncertainty and where it comes from.
///
/// `value` is what the pass search scales to a pass's predicted magnitude; `sigma` covers
/// both how well the value is known and how much passes scatter about the model (flat
/// panels, attitude, tumbling): a pass's predicted magnitude is uncertain by the same sigma.
#[derive(Debug, Clone, PartialEq)]
pub struct MagnitudeEstimate {
    /// Standard magnitude, V at 1000 km and 90° phase.
    pub value: f64,
    /// One-sigma uncertainty of the value, magnitudes (positive).
    pub sigma: f64,
    /// Which tier the value comes from.
    pub source: MagnitudeSource,
    /// What the value was estimated from, as a key the words of each language name
    /// (`words-mag-basis`): a family ("starlink-v2-mini"), "qs-mag", "radar-size",
    /// "mass-size", "sibling-size", or a notable measurement ("tiangong-visual").
    pub basis: Arc<str>,
    /// The full citation: authors, title or file, date, and how it was converted.
    pub citation: Arc<str>,
    /// Whether satellites of this kind are known to flare (brief surges of several
    /// magnitudes from flat panels or tumbling).
    pub may_flare: bool,
}

impl MagnitudeEstimate {
    /// The one-sigma range `(value − sigma, value + sigma)` of a magnitude `magnitude`
    /// predicted from this estimate (brighter end first).
    pub fn range_of(&self, magnitude: f64) -> (f64, f64) {
        (magnitude - self.sigma, magnitude + self.sigma)
    }

    /// Whether a predicted magnitude is shown as one number (measured for the object)
    /// rather than as a range (an estimate from the family or the size).
    pub fn is_measured(&self) -> bool {
        self.source == MagnitudeSource::Measured
    }
}

/// Whether a pass is bright enough for a sky, weighing the predicted magnitude's one-sigma
/// uncertainty: yes when it is brighter than the sky's faintest visible star by at least a
/// sigma, no when it is fainter by at least a sigma, maybe in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BrightVerdict {
    /// Brighter than the limit by a sigma or more.
    Yes,
    /// Within a sigma of the limit either way: perhaps, with binoculars surely.
    Maybe,
    /// Fainter than the limit by a sigma or more.
    No,
}

impl BrightVerdict {
    /// The verdict for a predicted `magnitude` uncertain by `sigma` (one sigma, magnitudes;
    /// 0 when the magnitude is taken as exact) in a sky whose faintest visible star has
    /// magnitude `limiting_magnitude`. Magnitudes grow fainter as they grow larger.
    ///
    /// ```
    /// use overhead::orbit::BrightVerdict;
    /// assert_eq!(BrightVerdict::of(2.5, 0.5, 4.0), BrightVerdict::Yes);
    /// assert_eq!(BrightVerdict::of(4.3, 0.5, 4.0), BrightVerdict::Maybe);
    /// assert_eq!(BrightVerdict::of(5.0, 0.5, 4.0), BrightVerdict::No);
    /// ```
    pub fn of(magnitude: f64, sigma: f64, limiting_magnitude: f64) -> Self {
        let sigma = sigma.abs();
        if magnitude + sigma <= limiting_magnitude {
            Self::Yes
        } else if magnitude - sigma >= limiting_magnitude && sigma > 0.0
            || magnitude > limiting_magnitude && sigma == 0.0
        {
            Self::No
        } else {
            Self::Maybe
        }
    }

    /// As an optional boolean: `Some(true)`, `None` for maybe, `Some(false)`.
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Self::Yes => Some(true),
            Self::Maybe => None,
            Self::No => Some(false),
        }
    }

    /// The CSV and calendar tag: "true", "maybe", "false".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Yes => "true",
            Self::Maybe => "maybe",
            Self::No => "false",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_needs_a_sigma_of_margin_either_way() {
        // Brighter by exactly a sigma counts as yes; fainter by exactly a sigma as no.
        assert_eq!(BrightVerdict::of(3.5, 0.5, 4.0), BrightVerdict::Yes);
        assert_eq!(BrightVerdict::of(4.5, 0.5, 4.0), BrightVerdict::No);
        // Within a sigma on either side: maybe.
        assert_eq!(BrightVerdict::of(3.6, 0.5, 4.0), BrightVerdict::Maybe);
        assert_eq!(BrightVerdict::of(4.0, 0.5, 4.0), BrightVerdict::Maybe);
        assert_eq!(BrightVerdict::of(4.4, 0.5, 4.0), BrightVerdict::Maybe);
        // A wide sigma leaves more passes undecided.
        assert_eq!(BrightVerdict::of(3.0, 1.2, 4.0), BrightVerdict::Maybe);
        // Without a sigma it is the plain comparison.
        assert_eq!(BrightVerdict::of(4.0, 0.0, 4.0), BrightVerdict::Yes);
        assert_eq!(BrightVerdict::of(4.01, 0.0, 4.0), BrightVerdict::No);
    }

    #[test]
    fn verdict_tags_and_booleans() {
        assert_eq!(BrightVerdict::Yes.as_bool(), Some(true));
        assert_eq!(BrightVerdict::Maybe.as_bool(), None);
        assert_eq!(BrightVerdict::No.as_bool(), Some(false));
        assert_eq!(BrightVerdict::Maybe.tag(), "maybe");
        assert_eq!(MagnitudeSource::Family.tag(), "family");
    }
}
