//! The terms beside the geometry: was the satellite sunlit, and was it bright enough to be
//! noticed (or as bright as the observer says)? Each is a χ²-like term, −2 ln of a
//! likelihood, added to the geometric misfit of [`super::fit`].

use super::super::brightness::{phase_angle_deg, visual_magnitude};
use super::super::sun::illumination;
use super::fit::Fit;
use super::{ScoreModel, StandardMagnitude};

/// What sunlight and brightness say about one fitted satellite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Light {
    /// Sunlit at the fitted time (or `after_s` later).
    pub(super) sunlit: bool,
    /// In shadow, but within the timing uncertainty of its edge.
    pub(super) near_shadow_edge: bool,
    /// Estimated magnitude at the fitted time, from a known standard magnitude.
    pub(super) magnitude: Option<f64>,
    /// −2 ln of the sunlight's likelihood.
    pub(super) sunlight_chi2: f64,
    /// −2 ln of the brightness' likelihood (0 when brightness is not used).
    pub(super) brightness_chi2: f64,
}

/// The Sun and the observer in TEME at the sighting (the Sun moves 0.04° a minute, the
/// observer turns with the Earth: both are taken at the reported time, and the observer's
/// turn over a minute, 0.25°, changes a phase angle by less than that).
#[derive(Debug, Clone, Copy)]
pub(super) struct SunAndObserver {
    /// The Sun's centre, TEME, km.
    pub(super) sun_teme_km: [f64; 3],
    /// The observer, TEME, km.
    pub(super) observer_teme_km: [f64; 3],
}

/// Φ, the standard normal distribution function (Abramowitz and Stegun 26.2.17 through
/// erfc 7.1.26: absolute error under 1.5e-7).
pub(super) fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erfc = poly * (-x * x).exp();
    if z >= 0.0 {
        1.0 - 0.5 * erfc
    } else {
        0.5 * erfc
    }
}

/// Sunlight and brightness of a fitted satellite.
///
/// `rate_deg_s` is its angular rate about the Earth's centre (how fast it crosses the
/// shadow's edge), `timing_s` the element set's timing uncertainty.
pub(super) fn light(
    fit: &Fit,
    at: &SunAndObserver,
    standard: Option<StandardMagnitude>,
    reported_magnitude: Option<f64>,
    orbit_rate_deg_s: f64,
    timing_s: f64,
    model: &ScoreModel,
) -> Light {
    let first = illumination(fit.look.r_teme_km, at.sun_teme_km);
    let second = fit
        .look_after
        .map(|l| illumination(l.r_teme_km, at.sun_teme_km));
    let sunlit = first.is_sunlit || second.is_some_and(|i| i.is_sunlit);
    let clearance_deg = second.map_or(first.sun_clearance_deg, |s| {
        s.sun_clearance_deg.max(first.sun_clearance_deg)
    });
    // The shadow's edge moves with the satellite: within the timing uncertainty (and a few
    // seconds for the edge's own fuzz, the penumbra) it may have been lit after all.
    let edge_s = -clearance_deg / orbit_rate_deg_s.max(1e-6);
    let near_shadow_edge = !sunlit && edge_s <= timing_s + model.shadow_edge_s;
    let sunlight_chi2 = if sunlit {
        0.0
    } else if near_shadow_edge {
        model.shadow_edge_chi2
    } else {
        model.shadow_chi2
    };
    let phase_deg = phase_angle_deg(fit.look.r_teme_km, at.observer_teme_km, at.sun_teme_km);
    let magnitude = standard
        .filter(|_| sunlit)
        .and_then(|m| visual_magnitude(m.magnitude, fit.look.range_km, phase_deg));
    let brightness_chi2 = if model.use_brightness {
        let assumed = standard.unwrap_or(model.unknown_standard_magnitude);
        let predicted = visual_magnitude(assumed.magnitude, fit.look.range_km, phase_deg);
        brightness_chi2(predicted, assumed.sigma, reported_magnitude, model)
    } else {
        0.0
    };
    Light {
        sunlit,
        near_shadow_edge,
        magnitude,
        sunlight_chi2,
        brightness_chi2,
    }
}

/// −2 ln of how likely a satellite of `predicted` magnitude (± `sigma`) was the one seen:
/// noticed at all with the naked eye (brighter than the model's limit), or, when the observer
/// gave a magnitude, that magnitude. Never below [`ScoreModel::glint_probability`]: any
/// sunlit satellite may glint far above its estimate.
fn brightness_chi2(
    predicted: Option<f64>,
    sigma: f64,
    reported: Option<f64>,
    model: &ScoreModel,
) -> f64 {
    let Some(predicted) = predicted else {
        // No lit face towards the observer (phase near 180°): only a glint.
        return -2.0 * model.glint_probability.ln();
    };
    let likelihood = match reported {
        Some(seen) => {
            let spread = (sigma * sigma + model.reported_magnitude_sigma.powi(2)).sqrt();
            (-0.5 * ((seen - predicted) / spread).powi(2)).exp()
        }
        None => normal_cdf((model.naked_eye_limit - predicted) / sigma),
    };
    -2.0 * likelihood.max(model.glint_probability).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_tables() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.0) - 0.841_344_7).abs() < 2e-7);
        assert!((normal_cdf(-1.96) - 0.024_997_9).abs() < 2e-7);
        assert!((normal_cdf(3.0) - 0.998_650_1).abs() < 2e-7);
    }

    #[test]
    fn a_faint_satellite_is_an_unlikely_sighting_but_never_impossible() {
        let model = ScoreModel::default();
        let bright = brightness_chi2(Some(-2.0), 0.5, None, &model);
        let faint = brightness_chi2(Some(7.0), 0.5, None, &model);
        assert!(bright < 0.01, "{bright}");
        assert!((faint - (-2.0 * model.glint_probability.ln())).abs() < 1e-9);
        // "It looked like magnitude 1": a magnitude-1 satellite fits better than a -3 one.
        let one = brightness_chi2(Some(1.0), 0.5, Some(1.0), &model);
        let minus_three = brightness_chi2(Some(-3.0), 0.5, Some(1.0), &model);
        assert!(one < minus_three, "{one} {minus_three}");
    }
}
