//! The Sun's position and the Earth's shadow.
//!
//! The Sun's direction uses the low-precision series of the Astronomical Almanac
//! (section C, "Low precision formulas for the Sun"), good to 0.01° between 1950 and
//! 2050. It is referred to the mean equator and equinox of date, which differs from
//! TEME by at most the equation of the equinoxes (about 1 arcsecond).

use super::constants::{AU_KM, EARTH_EQUATORIAL_RADIUS_WGS84_KM, J2000_JD, SUN_RADIUS_KM};
use super::vec3::{dot, norm, sub};

/// Position of the Sun's centre relative to the Earth's centre, TEME (mean equator of date), km,
/// at Julian date `jd` (UTC; the 69 s to TT move the Sun by 0.0008°, ignored).
pub fn sun_position_teme_km(jd: f64) -> [f64; 3] {
    let n = jd - J2000_JD;
    let mean_longitude_deg = 280.460 + 0.985_647_4 * n;
    let mean_anomaly_rad = (357.528 + 0.985_600_3 * n).to_radians();
    let ecliptic_longitude_rad = (mean_longitude_deg
        + 1.915 * mean_anomaly_rad.sin()
        + 0.020 * (2.0 * mean_anomaly_rad).sin())
    .to_radians();
    let obliquity_rad = (23.439 - 0.000_000_4 * n).to_radians();
    let distance_km = AU_KM
        * (1.000_14
            - 0.016_71 * mean_anomaly_rad.cos()
            - 0.000_14 * (2.0 * mean_anomaly_rad).cos());
    let (sin_l, cos_l) = ecliptic_longitude_rad.sin_cos();
    let (sin_e, cos_e) = obliquity_rad.sin_cos();
    [
        distance_km * cos_l,
        distance_km * cos_e * sin_l,
        distance_km * sin_e * sin_l,
    ]
}

/// How much of the Sun a point in space sees past the Earth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Shadow {
    /// The whole solar disc is visible.
    Sunlit,
    /// Part of the solar disc is hidden by the Earth (penumbra).
    Penumbra,
    /// The whole disc is hidden (umbra).
    Umbra,
}

/// Illumination of a satellite, from a conical shadow model with a spherical Earth
/// (R = [`EARTH_EQUATORIAL_RADIUS_WGS84_KM`]) and the Sun's real angular size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Illumination {
    /// True when the line from the satellite to the Sun's centre misses the Earth
    /// (the same test as skyfield's `is_sunlit`).
    pub is_sunlit: bool,
    /// Umbra / penumbra / sunlit, counting the Sun's disc.
    pub shadow: Shadow,
    /// Angle between the Sun's centre and the Earth's limb as seen from the satellite,
    /// degrees: positive when the centre is clear of the Earth. Its zero is the shadow boundary.
    pub sun_clearance_deg: f64,
}

/// Illumination of a satellite at `r_sat_km` given the Sun at `r_sun_km` (same frame, geocentric).
pub fn illumination(r_sat_km: [f64; 3], r_sun_km: [f64; 3]) -> Illumination {
    let to_sun = sub(r_sun_km, r_sat_km);
    let to_earth = sub([0.0; 3], r_sat_km);
    let d_sun = norm(to_sun);
    let d_earth = norm(to_earth);
    let cos_sep = (dot(to_sun, to_earth) / (d_sun * d_earth)).clamp(-1.0, 1.0);
    let separation = cos_sep.acos();
    let earth_radius_angle = (EARTH_EQUATORIAL_RADIUS_WGS84_KM / d_earth)
        .clamp(-1.0, 1.0)
        .asin();
    let sun_radius_angle = (SUN_RADIUS_KM / d_sun).asin();
    let shadow = if separation >= earth_radius_angle + sun_radius_angle {
        Shadow::Sunlit
    } else if separation <= earth_radius_angle - sun_radius_angle {
        Shadow::Umbra
    } else {
        Shadow::Penumbra
    };
    Illumination {
        is_sunlit: separation > earth_radius_angle,
        shadow,
        sun_clearance_deg: (separation - earth_radius_angle).to_degrees(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sun_near_march_equinox_is_on_the_x_axis() {
        // 2026-03-20 14:46 UTC is the March equinox: ecliptic longitude 0.
        let jd = 2_461_120.115;
        let s = sun_position_teme_km(jd);
        let ra_deg = s[1].atan2(s[0]).to_degrees();
        assert!(ra_deg.abs() < 0.02, "{ra_deg}");
        assert!(s[2].abs() / norm(s) < 3e-4);
    }

    #[test]
    fn satellite_behind_earth_is_in_umbra() {
        let sun = [AU_KM, 0.0, 0.0];
        let behind = illumination([-7000.0, 0.0, 0.0], sun);
        assert_eq!(behind.shadow, Shadow::Umbra);
        assert!(!behind.is_sunlit);
        let beside = illumination([0.0, 7000.0, 0.0], sun);
        assert_eq!(beside.shadow, Shadow::Sunlit);
        assert!(beside.is_sunlit);
    }
}
