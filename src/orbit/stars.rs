//! Stars (and any J2000 direction) in the observer's sky: precession to the date, annual
//! aberration, then the same sidereal-time rotation and topocentric frame as the satellites.
//!
//! - Precession: IAU 1976 (Lieske et al. 1977), the rigorous method of J. Meeus,
//!   *Astronomical Algorithms*, 2nd ed., chapter 21 (eqs. 21.2 to 21.4: ζ, z, θ), from the
//!   mean equator and equinox of J2000.0 to those of the date. About 0.36° from 2000 to 2026.
//! - Annual aberration: first order in v/c, with the Earth's velocity from the derivative of
//!   the Sun's low-precision position ([`super::sun::sun_position_teme_km`]); up to 20.5″.
//! - Not applied: nutation (under 20″; the result is on the mean equator of date, which is
//!   how [`super::frames::ecef_from_teme`] treats TEME), proper motion (the bundled positions
//!   are J2000; Arcturus, the fastest bright star, moves 2.3″ a year, 0.015° by 2026 and 0.026°
//!   by 2040), annual parallax (under 1″) and light deflection (milliarcseconds).
//!
//! So the direction is the apparent place to about 0.03° (for the few fast stars, less for the
//! rest), on the same footing as the Sun of [`super::sun`]. Elevations are geometric
//! (no refraction). Against skyfield (apparent places of the same J2000 positions without
//! proper motion; `tests/sky_cli.rs`, 640 star positions 2000–2040) they agree to 0.004°.

use chrono::{DateTime, Utc};

use super::constants::{DAY_S, J2000_JD, JULIAN_CENTURY_DAYS, SPEED_OF_LIGHT_KM_S, TT_MINUS_UTC_S};
use super::frames::{ObserverFrame, ecef_from_teme, gmst_rad, julian_date_utc};
use super::sun::sun_position_teme_km;
use super::vec3::{dot, norm};

/// One arcsecond in radians.
const ARCSEC_RAD: f64 = std::f64::consts::PI / (180.0 * 3600.0);

/// A direction on the sky in the mean equator and equinox of J2000.0, degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RaDecJ2000 {
    /// Right ascension, degrees in [0, 360), eastward.
    pub ra_deg: f64,
    /// Declination, degrees, north positive.
    pub dec_deg: f64,
}

/// A direction on the sky in the mean equator and equinox of a date, degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RaDecOfDate {
    /// Right ascension, degrees in [0, 360), eastward.
    pub ra_deg: f64,
    /// Declination, degrees, north positive.
    pub dec_deg: f64,
}

/// Azimuth and elevation of a fixed star (or any direction at infinity) for an observer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkyDirection {
    /// Azimuth, degrees from true north through east, in [0, 360).
    pub azimuth_deg: f64,
    /// Geometric elevation above the horizon plane, degrees (no refraction).
    pub elevation_deg: f64,
}

/// Julian centuries of TT since J2000.0 for a UTC Julian date (TT − UTC from
/// [`TT_MINUS_UTC_S`]; for precession a minute either way is nothing).
pub(crate) fn centuries_tt(jd_utc: f64) -> f64 {
    (jd_utc + TT_MINUS_UTC_S / DAY_S - J2000_JD) / JULIAN_CENTURY_DAYS
}

/// The IAU 1976 precession matrix from the mean equator and equinox of J2000.0 to those of
/// `t_centuries` Julian centuries (TT) after J2000.0 (Meeus eqs. 21.3 with T = 0, and the
/// rotation R3(−z) R2(θ) R3(−ζ)). Rows give the of-date axes in J2000 coordinates.
pub fn precession_matrix_from_j2000(t_centuries: f64) -> [[f64; 3]; 3] {
    let t = t_centuries;
    let zeta = (2306.2181 * t + 0.301_88 * t * t + 0.017_998 * t * t * t) * ARCSEC_RAD;
    let z = (2306.2181 * t + 1.094_68 * t * t + 0.018_203 * t * t * t) * ARCSEC_RAD;
    let theta = (2004.3109 * t - 0.426_65 * t * t - 0.041_833 * t * t * t) * ARCSEC_RAD;
    let (sz, cz) = zeta.sin_cos();
    let (s_z, c_z) = z.sin_cos();
    let (st, ct) = theta.sin_cos();
    [
        [
            cz * ct * c_z - sz * s_z,
            -sz * ct * c_z - cz * s_z,
            -st * c_z,
        ],
        [
            cz * ct * s_z + sz * c_z,
            -sz * ct * s_z + cz * c_z,
            -st * s_z,
        ],
        [cz * st, -sz * st, ct],
    ]
}

fn mat_vec(m: &[[f64; 3]; 3], v: [f64; 3]) -> [f64; 3] {
    [dot(m[0], v), dot(m[1], v), dot(m[2], v)]
}

/// Unit vector of a right ascension and declination, degrees.
pub fn unit_from_ra_dec_deg(ra_deg: f64, dec_deg: f64) -> [f64; 3] {
    let (sin_ra, cos_ra) = ra_deg.to_radians().sin_cos();
    let (sin_dec, cos_dec) = dec_deg.to_radians().sin_cos();
    [cos_dec * cos_ra, cos_dec * sin_ra, sin_dec]
}

/// Right ascension in [0, 360) and declination, degrees, of a vector.
pub fn ra_dec_deg_from_vector(v: [f64; 3]) -> (f64, f64) {
    let ra_deg = v[1].atan2(v[0]).to_degrees().rem_euclid(360.0);
    let dec_deg = v[2].atan2((v[0] * v[0] + v[1] * v[1]).sqrt()).to_degrees();
    (ra_deg, dec_deg)
}

/// Precesses a J2000 mean place to the mean equator and equinox of the date `t_centuries`
/// Julian centuries (TT) after J2000.0 (IAU 1976, Meeus chapter 21). Proper motion is not
/// applied.
pub fn precess_from_j2000(position: RaDecJ2000, t_centuries: f64) -> RaDecOfDate {
    let m = precession_matrix_from_j2000(t_centuries);
    let v = mat_vec(&m, unit_from_ra_dec_deg(position.ra_deg, position.dec_deg));
    let (ra_deg, dec_deg) = ra_dec_deg_from_vector(v);
    RaDecOfDate { ra_deg, dec_deg }
}

/// Everything about one instant and one observer that turning many J2000 directions into
/// azimuth and elevation needs, computed once: precession, aberration, sidereal time.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use overhead::orbit::{Observer, ObserverFrame};
/// use overhead::orbit::stars::{RaDecJ2000, StarSky};
///
/// let seoul = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
/// let t = Utc.with_ymd_and_hms(2026, 8, 22, 12, 0, 0).unwrap();
/// let sky = StarSky::new(&seoul, t);
/// let vega = sky.look(RaDecJ2000 { ra_deg: 279.2347, dec_deg: 38.7837 });
/// assert!(vega.elevation_deg > 60.0); // high overhead on a Korean summer evening
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StarSky {
    /// Rows: the J2000 → ENU rotation (precession, sidereal time and local axes combined).
    enu_from_j2000: [[f64; 3]; 3],
    /// The Earth's velocity divided by c, J2000 equatorial (dimensionless).
    earth_velocity_over_c_j2000: [f64; 3],
}

impl StarSky {
    /// Prepares the sky of `frame` at `t` (UTC; UT1 taken equal to UTC, as elsewhere).
    pub fn new(frame: &ObserverFrame, t: DateTime<Utc>) -> Self {
        Self::at_jd(frame, julian_date_utc(t))
    }

    /// Like [`StarSky::new`], for a UTC Julian date.
    pub fn at_jd(frame: &ObserverFrame, jd_utc: f64) -> Self {
        let precession = precession_matrix_from_j2000(centuries_tt(jd_utc));
        let gmst = gmst_rad(jd_utc);
        let [east, north, up] = frame.enu_axes_ecef();
        // Column k of (ECEF from J2000) is ecef_from_teme(precession · e_k).
        let mut enu_from_j2000 = [[0.0; 3]; 3];
        for k in 0..3 {
            let mut e_k = [0.0; 3];
            e_k[k] = 1.0;
            let ecef = ecef_from_teme(gmst, mat_vec(&precession, e_k));
            enu_from_j2000[0][k] = dot(east, ecef);
            enu_from_j2000[1][k] = dot(north, ecef);
            enu_from_j2000[2][k] = dot(up, ecef);
        }
        // The Earth's heliocentric velocity is minus the Sun's geocentric one: a central
        // difference over ±0.5 day of the low-precision series (mean equator of date; the
        // few arcminutes of precession do not matter for a 1e-4 effect).
        let half_day = 0.5;
        let ahead = sun_position_teme_km(jd_utc + half_day);
        let behind = sun_position_teme_km(jd_utc - half_day);
        let scale = -1.0 / (2.0 * half_day * DAY_S * SPEED_OF_LIGHT_KM_S);
        let earth_velocity_over_c_j2000 = [
            (ahead[0] - behind[0]) * scale,
            (ahead[1] - behind[1]) * scale,
            (ahead[2] - behind[2]) * scale,
        ];
        Self {
            enu_from_j2000,
            earth_velocity_over_c_j2000,
        }
    }

    /// Azimuth and geometric elevation of a J2000 direction (a star's catalogue place),
    /// with precession and annual aberration applied.
    pub fn look(&self, position: RaDecJ2000) -> SkyDirection {
        self.look_vector_j2000(unit_from_ra_dec_deg(position.ra_deg, position.dec_deg))
    }

    /// Azimuth and geometric elevation of a direction given as a J2000 equatorial vector
    /// (any length; for a body in the solar system, the geocentric astrometric vector after
    /// light time), with annual aberration applied.
    pub fn look_vector_j2000(&self, v_j2000: [f64; 3]) -> SkyDirection {
        let length = norm(v_j2000);
        let u = [
            v_j2000[0] / length + self.earth_velocity_over_c_j2000[0],
            v_j2000[1] / length + self.earth_velocity_over_c_j2000[1],
            v_j2000[2] / length + self.earth_velocity_over_c_j2000[2],
        ];
        let [e, n, up] = mat_vec(&self.enu_from_j2000, u);
        SkyDirection {
            azimuth_deg: e.atan2(n).to_degrees().rem_euclid(360.0),
            elevation_deg: up.atan2((e * e + n * n).sqrt()).to_degrees(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::Observer;

    /// Meeus example 21.b: θ Persei, J2000 mean place RA 2h 44m 11.986s, Dec +49° 13′ 42.48″,
    /// with proper motion +0.03425 s and −0.0895″ a year, to 2028 Nov 13.19 TD
    /// (JDE 2462088.69): RA 2h 46m 11.331s, Dec +49° 20′ 54.54″.
    #[test]
    fn precession_matches_meeus_example_21b() {
        let jde = 2_462_088.69;
        let years = (jde - J2000_JD) / 365.25;
        let ra_deg = (2.0 + 44.0 / 60.0 + (11.986 + 0.034_25 * years) / 3600.0) * 15.0;
        let dec_deg = 49.0 + 13.0 / 60.0 + (42.48 - 0.0895 * years) / 3600.0;
        let t = (jde - J2000_JD) / 36_525.0;
        let of_date = precess_from_j2000(RaDecJ2000 { ra_deg, dec_deg }, t);
        let expected_ra_deg = (2.0 + 46.0 / 60.0 + 11.331 / 3600.0) * 15.0;
        let expected_dec_deg = 49.0 + 20.0 / 60.0 + 54.54 / 3600.0;
        // Meeus quotes 0.001 s and 0.01″; allow 0.01 s of time (0.15″) and 0.05″.
        assert!(
            ((of_date.ra_deg - expected_ra_deg) * 3600.0 / 15.0).abs() < 0.01,
            "RA {} vs {}",
            of_date.ra_deg,
            expected_ra_deg
        );
        assert!(
            ((of_date.dec_deg - expected_dec_deg) * 3600.0).abs() < 0.05,
            "Dec {} vs {}",
            of_date.dec_deg,
            expected_dec_deg
        );
    }

    #[test]
    fn precession_is_identity_at_j2000_and_a_rotation_later() {
        let m = precession_matrix_from_j2000(0.0);
        for (i, row) in m.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                let expected = if i == j { 1.0 } else { 0.0 };
                assert!((v - expected).abs() < 1e-15);
            }
        }
        let m = precession_matrix_from_j2000(0.4);
        for i in 0..3 {
            assert!((dot(m[i], m[i]) - 1.0).abs() < 1e-14);
            assert!(dot(m[i], m[(i + 1) % 3]).abs() < 1e-14);
        }
    }

    #[test]
    fn precession_moves_stars_about_a_third_of_a_degree_by_2026() {
        let t = (2_461_041.5 - J2000_JD) / 36_525.0; // 2026-01-01
        // Regulus lies on the ecliptic, where the precession is fastest.
        let regulus = RaDecJ2000 {
            ra_deg: 152.0930,
            dec_deg: 11.9672,
        };
        let d = precess_from_j2000(regulus, t);
        let a = unit_from_ra_dec_deg(regulus.ra_deg, regulus.dec_deg);
        let b = unit_from_ra_dec_deg(d.ra_deg, d.dec_deg);
        let moved_deg = dot(a, b).clamp(-1.0, 1.0).acos().to_degrees();
        // 50.3″ a year along the ecliptic, about 0.36° in 26 years.
        assert!((0.3..0.4).contains(&moved_deg), "{moved_deg}");
    }

    #[test]
    fn polaris_stands_at_the_observers_latitude() {
        let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let t = DateTime::parse_from_rfc3339("2026-08-22T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let polaris = StarSky::new(&frame, t).look(RaDecJ2000 {
            ra_deg: 37.9529,
            dec_deg: 89.2642,
        });
        // Polaris is 0.7° from the pole: elevation within 0.8° of the latitude.
        assert!((polaris.elevation_deg - 37.5665).abs() < 0.8, "{polaris:?}");
        assert!(polaris.azimuth_deg < 2.0 || polaris.azimuth_deg > 358.0);
    }
}
