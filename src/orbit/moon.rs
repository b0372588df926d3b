//! The Moon's position, phase and place in the observer's sky.
//!
//! The geocentric position is the truncated ELP-2000/82 series of J. Meeus,
//! *Astronomical Algorithms*, 2nd ed. (Willmann-Bell, 1998), chapter 47: the 60 terms of
//! Table 47.A (longitude and distance) and the 60 terms of Table 47.B (latitude), with the
//! additive terms A1, A2, A3 and the eccentricity factor E. Meeus quotes about 10″ in longitude
//! and 4″ in latitude. The tables were checked against the independent transcription in
//! `soniakeys/meeus` (Go, MIT licence), `v3/moonposition/moonposition.go`.
//!
//! The series gives ecliptic coordinates referred to the mean equinox of date (no nutation);
//! they are turned into the mean equator and equinox of date with the mean obliquity
//! (Meeus eq. 22.2). That frame differs from TEME only by the equation of the equinoxes
//! (about 1″), as for [`super::sun::sun_position_teme_km`].
//!
//! Against skyfield with DE421 (`tests/sky.rs`, 42 cases 2000–2040) the topocentric direction
//! agrees to 0.003°, the distance to 41 km and the illuminated fraction to 0.0001; every 37 days
//! of 1950–2050 the geocentric direction agrees to 0.008° and the distance to 46 km.
//! The Moon's parallax is up to about 1°, so [`moon_view`] always works from the observer's
//! place, never from the Earth's centre.

use chrono::{DateTime, Utc};

use super::constants::{DAY_S, J2000_JD, JULIAN_CENTURY_DAYS, TT_MINUS_UTC_S};
use super::frames::{ObserverFrame, ecef_from_teme, gmst_rad, julian_date_utc};
use super::sun::sun_position_teme_km;
use super::vec3::{cross, dot, norm, sub};

/// Mean distance of the Moon in the series, km (Meeus, chapter 47).
const MEAN_DISTANCE_KM: f64 = 385_000.56;

/// One periodic term of Meeus Table 47.A: multiples of D, M, M′, F, then the coefficient of
/// the sine in longitude (10⁻⁶ degree) and of the cosine in distance (10⁻³ km).
type LongitudeDistanceTerm = (i8, i8, i8, i8, i32, i32);

/// One periodic term of Meeus Table 47.B: multiples of D, M, M′, F, then the coefficient of
/// the sine in latitude (10⁻⁶ degree).
type LatitudeTerm = (i8, i8, i8, i8, i32);

/// Meeus, *Astronomical Algorithms* 2nd ed., Table 47.A (p. 339).
#[rustfmt::skip]
const LONGITUDE_DISTANCE_TERMS: [LongitudeDistanceTerm; 60] = [
    (0, 0, 1, 0, 6_288_774, -20_905_355),
    (2, 0, -1, 0, 1_274_027, -3_699_111),
    (2, 0, 0, 0, 658_314, -2_955_968),
    (0, 0, 2, 0, 213_618, -569_925),
    (0, 1, 0, 0, -185_116, 48_888),
    (0, 0, 0, 2, -114_332, -3_149),
    (2, 0, -2, 0, 58_793, 246_158),
    (2, -1, -1, 0, 57_066, -152_138),
    (2, 0, 1, 0, 53_322, -170_733),
    (2, -1, 0, 0, 45_758, -204_586),
    (0, 1, -1, 0, -40_923, -129_620),
    (1, 0, 0, 0, -34_720, 108_743),
    (0, 1, 1, 0, -30_383, 104_755),
    (2, 0, 0, -2, 15_327, 10_321),
    (0, 0, 1, 2, -12_528, 0),
    (0, 0, 1, -2, 10_980, 79_661),
    (4, 0, -1, 0, 10_675, -34_782),
    (0, 0, 3, 0, 10_034, -23_210),
    (4, 0, -2, 0, 8_548, -21_636),
    (2, 1, -1, 0, -7_888, 24_208),
    (2, 1, 0, 0, -6_766, 30_824),
    (1, 0, -1, 0, -5_163, -8_379),
    (1, 1, 0, 0, 4_987, -16_675),
    (2, -1, 1, 0, 4_036, -12_831),
    (2, 0, 2, 0, 3_994, -10_445),
    (4, 0, 0, 0, 3_861, -11_650),
    (2, 0, -3, 0, 3_665, 14_403),
    (0, 1, -2, 0, -2_689, -7_003),
    (2, 0, -1, 2, -2_602, 0),
    (2, -1, -2, 0, 2_390, 10_056),
    (1, 0, 1, 0, -2_348, 6_322),
    (2, -2, 0, 0, 2_236, -9_884),
    (0, 1, 2, 0, -2_120, 5_751),
    (0, 2, 0, 0, -2_069, 0),
    (2, -2, -1, 0, 2_048, -4_950),
    (2, 0, 1, -2, -1_773, 4_130),
    (2, 0, 0, 2, -1_595, 0),
    (4, -1, -1, 0, 1_215, -3_958),
    (0, 0, 2, 2, -1_110, 0),
    (3, 0, -1, 0, -892, 3_258),
    (2, 1, 1, 0, -810, 2_616),
    (4, -1, -2, 0, 759, -1_897),
    (0, 2, -1, 0, -713, -2_117),
    (2, 2, -1, 0, -700, 2_354),
    (2, 1, -2, 0, 691, 0),
    (2, -1, 0, -2, 596, 0),
    (4, 0, 1, 0, 549, -1_423),
    (0, 0, 4, 0, 537, -1_117),
    (4, -1, 0, 0, 520, -1_571),
    (1, 0, -2, 0, -487, -1_739),
    (2, 1, 0, -2, -399, 0),
    (0, 0, 2, -2, -381, -4_421),
    (1, 1, 1, 0, 351, 0),
    (3, 0, -2, 0, -340, 0),
    (4, 0, -3, 0, 330, 0),
    (2, -1, 2, 0, 327, 0),
    (0, 2, 1, 0, -323, 1_165),
    (1, 1, -1, 0, 299, 0),
    (2, 0, 3, 0, 294, 0),
    (2, 0, -1, -2, 0, 8_752),
];

/// Meeus, *Astronomical Algorithms* 2nd ed., Table 47.B (p. 341).
#[rustfmt::skip]
const LATITUDE_TERMS: [LatitudeTerm; 60] = [
    (0, 0, 0, 1, 5_128_122),
    (0, 0, 1, 1, 280_602),
    (0, 0, 1, -1, 277_693),
    (2, 0, 0, -1, 173_237),
    (2, 0, -1, 1, 55_413),
    (2, 0, -1, -1, 46_271),
    (2, 0, 0, 1, 32_573),
    (0, 0, 2, 1, 17_198),
    (2, 0, 1, -1, 9_266),
    (0, 0, 2, -1, 8_822),
    (2, -1, 0, -1, 8_216),
    (2, 0, -2, -1, 4_324),
    (2, 0, 1, 1, 4_200),
    (2, 1, 0, -1, -3_359),
    (2, -1, -1, 1, 2_463),
    (2, -1, 0, 1, 2_211),
    (2, -1, -1, -1, 2_065),
    (0, 1, -1, -1, -1_870),
    (4, 0, -1, -1, 1_828),
    (0, 1, 0, 1, -1_794),
    (0, 0, 0, 3, -1_749),
    (0, 1, -1, 1, -1_565),
    (1, 0, 0, 1, -1_491),
    (0, 1, 1, 1, -1_475),
    (0, 1, 1, -1, -1_410),
    (0, 1, 0, -1, -1_344),
    (1, 0, 0, -1, -1_335),
    (0, 0, 3, 1, 1_107),
    (4, 0, 0, -1, 1_021),
    (4, 0, -1, 1, 833),
    (0, 0, 1, -3, 777),
    (4, 0, -2, 1, 671),
    (2, 0, 0, -3, 607),
    (2, 0, 2, -1, 596),
    (2, -1, 1, -1, 491),
    (2, 0, -2, 1, -451),
    (0, 0, 3, -1, 439),
    (2, 0, 2, 1, 422),
    (2, 0, -3, -1, 421),
    (2, 1, -1, 1, -366),
    (2, 1, 0, 1, -351),
    (4, 0, 0, 1, 331),
    (2, -1, 1, 1, 315),
    (2, -2, 0, -1, 302),
    (0, 0, 1, 3, -283),
    (2, 1, 1, -1, -229),
    (1, 1, 0, -1, 223),
    (1, 1, 0, 1, 223),
    (0, 1, -2, -1, -220),
    (2, 1, -1, -1, -220),
    (1, 0, 1, 1, -185),
    (2, -1, -2, -1, 181),
    (0, 1, 2, 1, -177),
    (4, 0, -2, -1, 176),
    (4, -1, -1, -1, 166),
    (1, 0, 1, -1, -164),
    (4, 0, 1, -1, 132),
    (1, 0, -1, -1, -119),
    (4, -1, 0, -1, 115),
    (2, -2, 0, 1, 107),
];

/// Evaluates c0 + c1·t + c2·t² + … (Horner's scheme).
pub(crate) fn polynomial(t: f64, coefficients: &[f64]) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * t + c)
}

/// Geocentric ecliptic coordinates of the Moon, mean equinox of date: longitude and latitude
/// in radians, distance between the centres in km, for Julian centuries `t` (TT) from J2000.
pub(crate) fn moon_ecliptic(t: f64) -> (f64, f64, f64) {
    // Meeus eqs. 47.1 to 47.5, degrees.
    let mean_longitude_deg = polynomial(
        t,
        &[
            218.316_447_7,
            481_267.881_234_21,
            -0.001_578_6,
            1.0 / 538_841.0,
            -1.0 / 65_194_000.0,
        ],
    );
    let elongation_deg = polynomial(
        t,
        &[
            297.850_192_1,
            445_267.111_403_4,
            -0.001_881_9,
            1.0 / 545_868.0,
            -1.0 / 113_065_000.0,
        ],
    );
    let sun_anomaly_deg = polynomial(
        t,
        &[
            357.529_109_2,
            35_999.050_290_9,
            -0.000_153_5,
            1.0 / 24_490_000.0,
        ],
    );
    let moon_anomaly_deg = polynomial(
        t,
        &[
            134.963_396_4,
            477_198.867_505_5,
            0.008_741_4,
            1.0 / 69_699.0,
            -1.0 / 14_712_000.0,
        ],
    );
    let latitude_argument_deg = polynomial(
        t,
        &[
            93.272_095,
            483_202.017_523_3,
            -0.003_653_9,
            -1.0 / 3_526_000.0,
            1.0 / 863_310_000.0,
        ],
    );
    let l = mean_longitude_deg.to_radians();
    let d = elongation_deg.to_radians();
    let m = sun_anomaly_deg.to_radians();
    let mp = moon_anomaly_deg.to_radians();
    let f = latitude_argument_deg.to_radians();
    // Action of Venus (A1), Jupiter (A2) and the flattening of the Earth (A3).
    let a1 = (119.75 + 131.849 * t).to_radians();
    let a2 = (53.09 + 479_264.29 * t).to_radians();
    let a3 = (313.45 + 481_266.484 * t).to_radians();
    // Decreasing eccentricity of the Earth's orbit (Meeus eq. 47.6).
    let e = polynomial(t, &[1.0, -0.002_516, -0.000_007_4]);
    let eccentricity_factor = |m_multiple: i8| match m_multiple.unsigned_abs() {
        0 => 1.0,
        1 => e,
        _ => e * e,
    };
    let argument = |dm: i8, mm: i8, mpm: i8, fm: i8| {
        f64::from(dm) * d + f64::from(mm) * m + f64::from(mpm) * mp + f64::from(fm) * f
    };

    let mut sum_longitude = 0.0;
    let mut sum_distance = 0.0;
    for &(dm, mm, mpm, fm, sl, sr) in &LONGITUDE_DISTANCE_TERMS {
        let (sin_a, cos_a) = argument(dm, mm, mpm, fm).sin_cos();
        let factor = eccentricity_factor(mm);
        sum_longitude += f64::from(sl) * factor * sin_a;
        sum_distance += f64::from(sr) * factor * cos_a;
    }
    let mut sum_latitude = 0.0;
    for &(dm, mm, mpm, fm, sb) in &LATITUDE_TERMS {
        sum_latitude += f64::from(sb) * eccentricity_factor(mm) * argument(dm, mm, mpm, fm).sin();
    }
    sum_longitude += 3958.0 * a1.sin() + 1962.0 * (l - f).sin() + 318.0 * a2.sin();
    sum_latitude += -2235.0 * l.sin()
        + 382.0 * a3.sin()
        + 175.0 * (a1 - f).sin()
        + 175.0 * (a1 + f).sin()
        + 127.0 * (l - mp).sin()
        - 115.0 * (l + mp).sin();

    let longitude_rad = (mean_longitude_deg + sum_longitude * 1e-6).to_radians();
    let latitude_rad = (sum_latitude * 1e-6).to_radians();
    let distance_km = MEAN_DISTANCE_KM + sum_distance * 1e-3;
    (longitude_rad, latitude_rad, distance_km)
}

/// Mean obliquity of the ecliptic, radians, for Julian centuries `t` (TT) from J2000
/// (Meeus eq. 22.2, IAU 1976).
pub(crate) fn mean_obliquity_rad(t: f64) -> f64 {
    let arcsec = polynomial(t, &[84_381.448, -46.815, -0.000_59, 0.001_813]);
    (arcsec / 3600.0).to_radians()
}

/// Julian centuries of TT since J2000 for a UTC Julian date.
fn centuries_tt(jd_utc: f64) -> f64 {
    (jd_utc + TT_MINUS_UTC_S / DAY_S - J2000_JD) / JULIAN_CENTURY_DAYS
}

/// Position of the Moon's centre relative to the Earth's centre, TEME (mean equator and
/// equinox of date), km, at Julian date `jd_utc` (UTC; converted to TT with
/// [`TT_MINUS_UTC_S`]). Geometric position from Meeus chapter 47, good to about 10″.
pub fn moon_position_teme_km(jd_utc: f64) -> [f64; 3] {
    let t = centuries_tt(jd_utc);
    let (longitude_rad, latitude_rad, distance_km) = moon_ecliptic(t);
    let (sin_l, cos_l) = longitude_rad.sin_cos();
    let (sin_b, cos_b) = latitude_rad.sin_cos();
    let (sin_e, cos_e) = mean_obliquity_rad(t).sin_cos();
    let ecliptic = [cos_b * cos_l, cos_b * sin_l, sin_b];
    [
        distance_km * ecliptic[0],
        distance_km * (cos_e * ecliptic[1] - sin_e * ecliptic[2]),
        distance_km * (sin_e * ecliptic[1] + cos_e * ecliptic[2]),
    ]
}

/// Phase angle at the Moon (Sun–Moon–Earth), radians, from geocentric TEME vectors.
fn phase_angle_rad(moon_teme_km: [f64; 3], sun_teme_km: [f64; 3]) -> f64 {
    let to_sun = sub(sun_teme_km, moon_teme_km);
    let to_earth = [-moon_teme_km[0], -moon_teme_km[1], -moon_teme_km[2]];
    let cos_i = dot(to_sun, to_earth) / (norm(to_sun) * norm(to_earth));
    cos_i.clamp(-1.0, 1.0).acos()
}

/// Fraction of the Moon's disc that is lit, as seen from the Earth's centre, 0 (new) to
/// 1 (full), at Julian date `jd_utc` (UTC). From the phase angle i: (1 + cos i) / 2
/// (Meeus eq. 48.1).
pub fn moon_illuminated_fraction(jd_utc: f64) -> f64 {
    let i = phase_angle_rad(moon_position_teme_km(jd_utc), sun_position_teme_km(jd_utc));
    (1.0 + i.cos()) / 2.0
}

/// True when the lit fraction is growing at Julian date `jd_utc` (UTC): the Moon is east of
/// the Sun in ecliptic longitude by 0° to 180° (from new Moon to full Moon).
pub fn moon_is_waxing(jd_utc: f64) -> bool {
    is_waxing_from(
        centuries_tt(jd_utc),
        moon_position_teme_km(jd_utc),
        sun_position_teme_km(jd_utc),
    )
}

/// Whether the Moon is east of the Sun (0° to 180° of ecliptic longitude), from geocentric
/// vectors on the mean equator of date at `t` Julian centuries (TT) from J2000.
fn is_waxing_from(t: f64, moon_teme_km: [f64; 3], sun_teme_km: [f64; 3]) -> bool {
    // (Sun × Moon) · ecliptic pole has the sign of sin(λ_moon − λ_sun).
    let (sin_e, cos_e) = mean_obliquity_rad(t).sin_cos();
    let pole = [0.0, -sin_e, cos_e];
    dot(cross(sun_teme_km, moon_teme_km), pole) > 0.0
}

/// The Moon in the observer's sky at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoonView {
    /// Topocentric azimuth of the Moon's centre, degrees from true north through east, [0, 360).
    pub azimuth_deg: f64,
    /// Topocentric geometric elevation of the Moon's centre above the horizon plane, degrees
    /// (no refraction).
    pub elevation_deg: f64,
    /// Distance from the observer to the Moon's centre, km (good to about 50 km).
    pub range_km: f64,
    /// Lit fraction of the disc, 0 (new) to 1 (full), seen from the Earth's centre.
    pub illuminated_fraction: f64,
    /// True from new Moon to full Moon.
    pub is_waxing: bool,
}

/// The Moon seen from `frame` at `t` (UTC; UT1 taken equal to UTC, as elsewhere in `orbit`).
///
/// The geocentric position is rotated into the Earth-fixed frame by the sidereal time and
/// looked at from the observer's place, so the parallax (up to about 1°) is included.
pub fn moon_view(frame: &ObserverFrame, t: DateTime<Utc>) -> MoonView {
    let jd = julian_date_utc(t);
    let moon_teme_km = moon_position_teme_km(jd);
    let sun_teme_km = sun_position_teme_km(jd);
    let look = frame.look_at(ecef_from_teme(gmst_rad(jd), moon_teme_km), [0.0; 3]);
    let i = phase_angle_rad(moon_teme_km, sun_teme_km);
    MoonView {
        azimuth_deg: look.azimuth_deg,
        elevation_deg: look.elevation_deg,
        range_km: look.range_km,
        illuminated_fraction: (1.0 + i.cos()) / 2.0,
        is_waxing: is_waxing_from(centuries_tt(jd), moon_teme_km, sun_teme_km),
    }
}

/// Angle between two directions in the same observer's sky, degrees in [0, 180].
///
/// Each direction is an azimuth (degrees from north through east) and an elevation
/// (degrees above the horizon). Accurate for tiny and for near-opposite separations alike.
pub fn angular_separation_deg(az1_deg: f64, el1_deg: f64, az2_deg: f64, el2_deg: f64) -> f64 {
    let unit = |az_deg: f64, el_deg: f64| {
        let (sin_az, cos_az) = az_deg.to_radians().sin_cos();
        let (sin_el, cos_el) = el_deg.to_radians().sin_cos();
        [cos_el * sin_az, cos_el * cos_az, sin_el]
    };
    let a = unit(az1_deg, el1_deg);
    let b = unit(az2_deg, el2_deg);
    norm(cross(a, b)).atan2(dot(a, b)).to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Meeus example 47.a: 1992-04-12 0h TD.
    const EXAMPLE_47A_JDE: f64 = 2_448_724.5;

    #[test]
    fn meeus_example_47a_is_reproduced() {
        // Meeus: λ = 133.162655°, β = −3.229126°, Δ = 368 409.7 km (mean equinox of date).
        let t = (EXAMPLE_47A_JDE - J2000_JD) / 36_525.0;
        let (l, b, r) = moon_ecliptic(t);
        assert!((l.to_degrees().rem_euclid(360.0) - 133.162_655).abs() < 1e-5);
        assert!((b.to_degrees() + 3.229_126).abs() < 1e-5);
        assert!((r - 368_409.7).abs() < 0.1, "{r}");
    }

    #[test]
    fn teme_position_has_the_series_distance_and_declination() {
        // Meeus example 47.a gives the apparent α = 134.688470°, δ = 13.768368°, which
        // include nutation (Δψ = 0.004610°, Δε = 0.000006°): the mean place is within 0.01°.
        let jd_utc = EXAMPLE_47A_JDE - TT_MINUS_UTC_S / DAY_S;
        let r = moon_position_teme_km(jd_utc);
        assert!((norm(r) - 368_409.7).abs() < 0.1);
        let ra_deg = r[1].atan2(r[0]).to_degrees();
        let dec_deg = (r[2] / norm(r)).asin().to_degrees();
        assert!((ra_deg - 134.688_470).abs() < 0.01, "{ra_deg}");
        assert!((dec_deg - 13.768_368).abs() < 0.01, "{dec_deg}");
    }

    #[test]
    fn full_moon_is_lit_and_new_moon_is_dark() {
        // Full Moon 2026-03-03 11:38 UTC (total lunar eclipse), new Moon 2026-03-19 01:23 UTC.
        let full = 2_461_102.984_7;
        let new = 2_461_118.557_6;
        assert!(moon_illuminated_fraction(full) > 0.999);
        assert!(moon_illuminated_fraction(new) < 0.001);
        assert!(moon_is_waxing(full - 1.0) && !moon_is_waxing(full + 1.0));
        assert!(!moon_is_waxing(new - 1.0) && moon_is_waxing(new + 1.0));
    }

    #[test]
    fn separation_of_identical_directions_is_zero_and_of_opposite_is_180() {
        assert!(angular_separation_deg(123.0, 45.0, 123.0, 45.0).abs() < 1e-9);
        assert!((angular_separation_deg(0.0, 0.0, 180.0, 0.0) - 180.0).abs() < 1e-9);
        assert!((angular_separation_deg(10.0, 90.0, 250.0, 0.0) - 90.0).abs() < 1e-9);
        assert!((angular_separation_deg(359.5, 0.0, 0.5, 0.0) - 1.0).abs() < 1e-9);
    }
}
