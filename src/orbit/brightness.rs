//! Estimated visual magnitude of a satellite.
//!
//! The model is McCants' "standard magnitude": the magnitude of the satellite at a range
//! of 1000 km when half illuminated (phase angle 90°). It is scaled to the actual range
//! by the inverse-square law and to the actual phase angle by the phase function of a
//! diffusely reflecting (Lambertian) sphere. Real satellites are not spheres: flat panels
//! flare and tumbling bodies vary, so the result is an estimate to about a magnitude.

use std::collections::HashMap;

use super::vec3::{dot, norm, sub};

/// Standard magnitudes by NORAD catalog number (magnitude at 1000 km, 50% illuminated).
#[derive(Debug, Clone, Default)]
pub struct StdMagnitudes {
    by_norad_id: HashMap<u64, f64>,
}

impl StdMagnitudes {
    /// Reads Mike McCants' `qs.mag` (fixed columns: catalog number in columns 1–5,
    /// magnitude in columns 34–37). Lines without a magnitude are ignored; nothing panics.
    pub fn parse_qs_mag(text: &str) -> Self {
        let mut by_norad_id = HashMap::new();
        for line in text.lines() {
            let (Some(id), Some(mag)) = (line.get(0..5), line.get(33..37)) else {
                continue;
            };
            let (Ok(id), Ok(mag)) = (id.trim().parse::<u64>(), mag.trim().parse::<f64>()) else {
                continue;
            };
            if id != 1 && id != 99_999 && mag.is_finite() {
                by_norad_id.insert(id, mag);
            }
        }
        Self { by_norad_id }
    }

    /// The standard magnitude of a satellite, if one is known.
    pub fn get(&self, norad_id: u64) -> Option<f64> {
        self.by_norad_id.get(&norad_id).copied()
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

/// Estimated visual magnitude of a sunlit satellite.
///
/// `std_magnitude` is at 1000 km and phase angle 90°; `range_km` is the observer–satellite
/// distance; `phase_angle_deg` is the Sun–satellite–observer angle (0° = fully lit).
/// Returns `None` at phase angles where the sphere model shows no lit surface.
pub fn visual_magnitude(std_magnitude: f64, range_km: f64, phase_angle_deg: f64) -> Option<f64> {
    let phase_rad = phase_angle_deg.to_radians();
    let phase_function = (std::f64::consts::PI - phase_rad) * phase_rad.cos() + phase_rad.sin();
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
        assert!((full - (-2.5 - 2.5 * std::f64::consts::PI.log10())).abs() < 1e-9);
    }

    #[test]
    fn qs_mag_columns() {
        let text = "00001 d Desig...  Name.......... Mag.  Sz1\r\n25544   98 67A    ISS            -2.5              399\r\n20580   90 37B    HST             1.5 13.3 4.3 0.0  29\r\n99999 d\r\n";
        let m = StdMagnitudes::parse_qs_mag(text);
        assert_eq!(m.get(25544), Some(-2.5));
        assert_eq!(m.get(20580), Some(1.5));
        assert_eq!(m.len(), 2);
    }
}
