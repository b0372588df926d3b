//! Estimated visual magnitude of a satellite.
//!
//! **The convention.** A satellite's *standard magnitude* here is its V magnitude at a range
//! of 1000 km and a phase angle of 90° (half lit, the Sun–satellite–observer angle a right
//! angle), the convention of Skymap, Heavens-Above, Molczan's `mcnames` line-0 format and
//! Matson's radar-size rule. It is scaled to the actual range by the inverse-square law and
//! to the actual phase angle by the phase function of a diffusely reflecting (Lambertian)
//! sphere ([`phase_function`]). Real satellites are not spheres: flat panels flare and
//! tumbling bodies vary, so every standard magnitude comes with a one-sigma uncertainty
//! ([`MagnitudeEstimate`]).
//!
//! **Sources use other conventions.** McCants' quicksat `qs.mag` gives magnitudes at
//! 1000 km and *full* phase (0°; "Quicksat uses the rm at full phase", SeeSat-L, October 1998,
//! message 0172): a diffuse sphere is 2.5 log10(π) ≈ 1.24 magnitudes fainter at 90°, so
//! [`StdMagnitudes::parse_qs_mag`] adds [`QS_MAG_FULL_PHASE_TO_90_DEG_MAG`]. The check: the
//! ISS's brightest passes are about −3.9; with `qs.mag`'s −2.5 taken at 90° the model
//! would give −5.1 on the same passes, taken at full phase −3.9 (`tests/brightness.rs`).
//! Mallama's photometric papers quote "magnitudes adjusted to 1000 km" at the phase angles
//! observed, not normalised to any phase; how each family's value was turned into this
//! convention is written beside it in `assets/std-magnitudes/families.tsv`.
//!
//! **Tiers.** [`MagnitudeTiers::estimate`] gives each satellite the best of: a value measured
//! for the object ([`MagnitudeSource::Measured`]), a family's published photometry
//! recognised from its name, launch designator, epoch or orbit ([`MagnitudeSource::Family`]),
//! its size ([`MagnitudeSource::Size`]: a rule from its radar cross-section, else a rule
//! from its launch mass, else the median of its sibling satellites' values), or nothing.

use std::collections::HashMap;

use super::vec3::{dot, norm, sub};

mod estimate;
mod tiers;

pub use estimate::{BrightVerdict, MagnitudeEstimate, MagnitudeSource};
pub use tiers::{
    FamilyMatch, FamilyRule, LaunchMass, MASS_BASIS, MagnitudeTiers, QS_MAG_BASIS, SIBLINGS_BASIS,
    SIZE_BASIS, SatelliteKey, SizeRule, SizeTables,
};

/// Full phase to 90° phase for a diffuse sphere, magnitudes: 2.5 log10(π), since the
/// sphere's phase function ([`phase_function`]) is π at 0° and 1 at 90°.
pub const QS_MAG_FULL_PHASE_TO_90_DEG_MAG: f64 = 1.242_874_681_735_334_4;

/// Standard magnitudes by NORAD catalog number (V at 1000 km and 90° phase; see the module
/// documentation for the convention).
#[derive(Debug, Clone, Default)]
pub struct StdMagnitudes {
    by_norad_id: HashMap<u64, f64>,
    rcs_m2_by_norad_id: HashMap<u64, f64>,
}

impl StdMagnitudes {
    /// Reads Mike McCants' `qs.mag` (fixed columns: catalog number in columns 1–5,
    /// magnitude in columns 34–37, radar cross-section in m² from column 52). Its
    /// magnitudes are at full phase; they are converted to 90° by adding
    /// [`QS_MAG_FULL_PHASE_TO_90_DEG_MAG`]. Lines without a magnitude keep only their
    /// radar cross-section; nothing panics.
    pub fn parse_qs_mag(text: &str) -> Self {
        let mut by_norad_id = HashMap::new();
        let mut rcs_m2_by_norad_id = HashMap::new();
        for line in text.lines() {
            let Some(Ok(id)) = line.get(0..5).map(|s| s.trim().parse::<u64>()) else {
                continue;
            };
            if id == 1 || id == 99_999 {
                continue;
            }
            let mag = line.get(33..37).and_then(|s| s.trim().parse::<f64>().ok());
            if let Some(mag) = mag.filter(|m| m.is_finite()) {
                by_norad_id.insert(id, mag + QS_MAG_FULL_PHASE_TO_90_DEG_MAG);
            }
            let rcs = line
                .get(51..)
                .and_then(|s| s.split_whitespace().next())
                .and_then(|s| s.parse::<f64>().ok());
            if let Some(rcs) = rcs.filter(|r| r.is_finite() && *r > 0.0) {
                rcs_m2_by_norad_id.insert(id, rcs);
            }
        }
        Self {
            by_norad_id,
            rcs_m2_by_norad_id,
        }
    }

    /// The standard magnitude of a satellite (V at 1000 km, 90° phase), if one is known.
    pub fn get(&self, norad_id: u64) -> Option<f64> {
        self.by_norad_id.get(&norad_id).copied()
    }

    /// The radar cross-section `qs.mag` gives for a satellite, m², if any.
    pub fn rcs_m2(&self, norad_id: u64) -> Option<f64> {
        self.rcs_m2_by_norad_id.get(&norad_id).copied()
    }

    /// Every satellite with a standard magnitude: (catalog number, magnitude).
    pub fn iter(&self) -> impl Iterator<Item = (u64, f64)> + '_ {
        self.by_norad_id.iter().map(|(&id, &m)| (id, m))
    }

    /// How many satellites have a standard magnitude.
    pub fn len(&self) -> usize {
        self.by_norad_id.len()
    }

    /// True when no magnitudes are known.
    pub fn is_empty(&self) -> bool {
        self.by_norad_id.is_empty()
    }
}

/// The phase function of a diffuse (Lambertian) sphere, normalised to 1 at 90°:
/// `(π − φ) cos φ + sin φ`, for the phase angle φ (Sun–satellite–observer; 0° = fully lit).
/// It is π at 0°, 1 at 90° and 0 at 180°.
pub fn phase_function(phase_angle_deg: f64) -> f64 {
    let phase_rad = phase_angle_deg.to_radians();
    (std::f64::consts::PI - phase_rad) * phase_rad.cos() + phase_rad.sin()
}

/// Estimated visual magnitude of a sunlit satellite.
///
/// `std_magnitude` is at 1000 km and phase angle 90°; `range_km` is the observer–satellite
/// distance; `phase_angle_deg` is the Sun–satellite–observer angle (0° = fully lit).
/// Returns `None` at phase angles where the sphere model shows no lit surface.
pub fn visual_magnitude(std_magnitude: f64, range_km: f64, phase_angle_deg: f64) -> Option<f64> {
    let phase_function = phase_function(phase_angle_deg);
    if phase_function <= 1e-6 || range_km <= 0.0 {
        return None;
    }
    // The phase function equals 1 at 90°, so the standard magnitude needs no offset.
    Some(std_magnitude + 5.0 * (range_km / 1000.0).log10() - 2.5 * phase_function.log10())
}

/// Phase angle in degrees at the satellite between the directions to the Sun and to the
/// observer, from geocentric positions in one frame (km).
pub fn phase_angle_deg(r_sat_km: [f64; 3], r_observer_km: [f64; 3], r_sun_km: [f64; 3]) -> f64 {
    let to_sun = sub(r_sun_km, r_sat_km);
    let to_obs = sub(r_observer_km, r_sat_km);
    let cos = dot(to_sun, to_obs) / (norm(to_sun) * norm(to_obs));
    cos.clamp(-1.0, 1.0).acos().to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_conditions_give_the_standard_magnitude() {
        let m = visual_magnitude(-2.5, 1000.0, 90.0).unwrap();
        assert!((m + 2.5).abs() < 1e-9);
        // Twice as far is 1.5 magnitudes fainter.
        let far = visual_magnitude(-2.5, 2000.0, 90.0).unwrap();
        assert!((far - (-2.5 + 5.0 * 2f64.log10())).abs() < 1e-9);
        // Full phase is brighter by 2.5 log10(pi).
        let full = visual_magnitude(-2.5, 1000.0, 0.0).unwrap();
        assert!((full - (-2.5 - QS_MAG_FULL_PHASE_TO_90_DEG_MAG)).abs() < 1e-9);
    }

    #[test]
    fn phase_function_of_a_diffuse_sphere() {
        assert!((phase_function(0.0) - std::f64::consts::PI).abs() < 1e-12);
        assert!((phase_function(90.0) - 1.0).abs() < 1e-12);
        assert!(phase_function(180.0).abs() < 1e-12);
        // It falls monotonically from full phase to new.
        let samples: Vec<f64> = (0..=18)
            .map(|i| phase_function(f64::from(i) * 10.0))
            .collect();
        assert!(samples.windows(2).all(|w| w[1] < w[0]), "{samples:?}");
        // The full-phase offset is the one the sphere gives.
        assert!(
            (2.5 * phase_function(0.0).log10() - QS_MAG_FULL_PHASE_TO_90_DEG_MAG).abs() < 1e-12
        );
        // No lit surface at all seen from behind.
        assert_eq!(visual_magnitude(5.0, 1000.0, 180.0), None);
    }

    #[test]
    fn qs_mag_columns_full_phase_converted_to_90_deg() {
        let text = "00001 d Desig...  Name.......... Mag.  Sz1\r\n25544   98 67A    ISS            -2.5              399\r\n20580   90 37B    HST             1.5 13.3 4.3 0.0  29 occ flare to -4\r\n39070   13 4A     TDRS 11                           23\r\n99999 d\r\n";
        let m = StdMagnitudes::parse_qs_mag(text);
        let iss = m.get(25544).unwrap();
        assert!((iss - (-2.5 + 1.2429)).abs() < 1e-3, "{iss}");
        assert!((m.get(20580).unwrap() - (1.5 + 1.2429)).abs() < 1e-3);
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(39070), None);
        assert_eq!(m.rcs_m2(25544), Some(399.0));
        assert_eq!(m.rcs_m2(20580), Some(29.0));
        assert_eq!(m.rcs_m2(39070), Some(23.0));
    }
}
