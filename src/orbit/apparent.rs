//! Apparent places of the Sun and the Moon to a few arcseconds, for transits.
//!
//! A satellite crossing the Sun or the Moon is judged to a few thousandths of a degree,
//! finer than the sky chart needs, so the two bodies get their own, more careful places
//! here (the sky chart keeps [`super::sun`] and [`super::moon`]):
//!
//! - **Sun**: the Earth's heliocentric place from the VSOP87D series truncated as in
//!   J. Meeus, *Astronomical Algorithms*, 2nd ed. (Willmann-Bell, 1998), Appendix III
//!   (the same 64 + 34 + 20 + 7 + 3 + 1 longitude, 5 + 2 latitude and 40 + 10 + 6 + 2 + 1
//!   distance terms are Table A4.2 of I. Reda and A. Andreas, "Solar Position Algorithm for
//!   Solar Radiation Applications", NREL/TP-560-34302, 2008, which quotes ±0.0003°), turned
//!   round to the geocentric Sun, with the FK5 correction and the annual aberration
//!   (−20.4898″/R, which also stands for the light time) of Meeus chapter 25.
//! - **Moon**: the geometric place of [`super::moon`] (Meeus chapter 47, about 10″), taken
//!   where the Moon was when its light left it (1.3 s earlier; 0.7″). Annual aberration
//!   does not apply: the Moon travels with the Earth, and in the geocentric frame the two
//!   effects cancel.
//! - **Nutation**: the four main terms of the IAU 1980 series (Meeus chapter 22, 0.5″ in
//!   longitude, 0.1″ in obliquity). The series give places on the mean ecliptic and equinox
//!   of date; nutation takes them to the true equator and equinox, and the equation of the
//!   equinoxes to TEME, the frame SGP4's satellites are in (true equator, mean equinox;
//!   Vallado et al., AIAA 2006-6753, Appendix C). Without it the poles of the two frames
//!   differ by up to 11″ (0.003°), which a transit notices.
//!
//! The satellite itself is seen where it was a few milliseconds earlier (light time; up to
//! 0.002° for a low satellite); that correction lives with the transit search
//! ([`super::transit`]). The diurnal aberration (0.3″) is the same for the satellite and
//! the body behind it, and is left out. Time arguments are TT from UTC by
//! [`TT_MINUS_UTC_S`].

use super::constants::{
    AU_KM, DAY_S, J2000_JD, JULIAN_CENTURY_DAYS, SPEED_OF_LIGHT_KM_S, TT_MINUS_UTC_S,
};
use super::moon::{mean_obliquity_rad, moon_ecliptic, polynomial};

/// One arcsecond in radians.
const ARCSEC_RAD: f64 = std::f64::consts::PI / (180.0 * 3600.0);
/// The constant of aberration over the Sun's distance in au, arcseconds (Meeus eq. 25.10).
const ABERRATION_ARCSEC_AU: f64 = 20.4898;

/// One term of a VSOP87 series: A cos(B + C τ), τ in Julian millennia (TT) from J2000.
/// The tables are copied as published, phases like 3.142 (π to their precision) included.
type Term = (f64, f64, f64);

/// Series L0: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const L0: [Term; 64] = [
    (175347046.0, 0.0, 0.0), (3341656.0, 4.6692568, 6283.07585), (34894.0, 4.6261, 12566.1517),
    (3497.0, 2.7441, 5753.3849), (3418.0, 2.8289, 3.5231), (3136.0, 3.6277, 77713.7715),
    (2676.0, 4.4181, 7860.4194), (2343.0, 6.1352, 3930.2097), (1324.0, 0.7425, 11506.7698),
    (1273.0, 2.0371, 529.691), (1199.0, 1.1096, 1577.3435), (990.0, 5.233, 5884.927),
    (902.0, 2.045, 26.298), (857.0, 3.508, 398.149), (780.0, 1.179, 5223.694),
    (753.0, 2.533, 5507.553), (505.0, 4.583, 18849.228), (492.0, 4.205, 775.523),
    (357.0, 2.92, 0.067), (317.0, 5.849, 11790.629), (284.0, 1.899, 796.298),
    (271.0, 0.315, 10977.079), (243.0, 0.345, 5486.778), (206.0, 4.806, 2544.314),
    (205.0, 1.869, 5573.143), (202.0, 2.458, 6069.777), (156.0, 0.833, 213.299),
    (132.0, 3.411, 2942.463), (126.0, 1.083, 20.775), (115.0, 0.645, 0.98),
    (103.0, 0.636, 4694.003), (102.0, 0.976, 15720.839), (102.0, 4.267, 7.114),
    (99.0, 6.21, 2146.17), (98.0, 0.68, 155.42), (86.0, 5.98, 161000.69),
    (85.0, 1.3, 6275.96), (85.0, 3.67, 71430.7), (80.0, 1.81, 17260.15),
    (79.0, 3.04, 12036.46), (75.0, 1.76, 5088.63), (74.0, 3.5, 3154.69),
    (74.0, 4.68, 801.82), (70.0, 0.83, 9437.76), (62.0, 3.98, 8827.39),
    (61.0, 1.82, 7084.9), (57.0, 2.78, 6286.6), (56.0, 4.39, 14143.5),
    (56.0, 3.47, 6279.55), (52.0, 0.19, 12139.55), (52.0, 1.33, 1748.02),
    (51.0, 0.28, 5856.48), (49.0, 0.49, 1194.45), (41.0, 5.37, 8429.24),
    (41.0, 2.4, 19651.05), (39.0, 6.17, 10447.39), (37.0, 6.04, 10213.29),
    (37.0, 2.57, 1059.38), (36.0, 1.71, 2352.87), (36.0, 1.78, 6812.77),
    (33.0, 0.59, 17789.85), (30.0, 0.44, 83996.85), (30.0, 2.74, 1349.87),
    (25.0, 3.16, 4690.48),
];
/// Series L1: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const L1: [Term; 34] = [
    (628331966747.0, 0.0, 0.0), (206059.0, 2.678235, 6283.07585), (4303.0, 2.6351, 12566.1517),
    (425.0, 1.59, 3.523), (119.0, 5.796, 26.298), (109.0, 2.966, 1577.344),
    (93.0, 2.59, 18849.23), (72.0, 1.14, 529.69), (68.0, 1.87, 398.15),
    (67.0, 4.41, 5507.55), (59.0, 2.89, 5223.69), (56.0, 2.17, 155.42),
    (45.0, 0.4, 796.3), (36.0, 0.47, 775.52), (29.0, 2.65, 7.11),
    (21.0, 5.34, 0.98), (19.0, 1.85, 5486.78), (19.0, 4.97, 213.3),
    (17.0, 2.99, 6275.96), (16.0, 0.03, 2544.31), (16.0, 1.43, 2146.17),
    (15.0, 1.21, 10977.08), (12.0, 2.83, 1748.02), (12.0, 3.26, 5088.63),
    (12.0, 5.27, 1194.45), (12.0, 2.08, 4694.0), (11.0, 0.77, 553.57),
    (10.0, 1.3, 6286.6), (10.0, 4.24, 1349.87), (9.0, 2.7, 242.73),
    (9.0, 5.64, 951.72), (8.0, 5.3, 2352.87), (6.0, 2.65, 9437.76),
    (6.0, 4.67, 4690.48),
];
/// Series L2: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const L2: [Term; 20] = [
    (52919.0, 0.0, 0.0), (8720.0, 1.0721, 6283.0758), (309.0, 0.867, 12566.152),
    (27.0, 0.05, 3.52), (16.0, 5.19, 26.3), (16.0, 3.68, 155.42),
    (10.0, 0.76, 18849.23), (9.0, 2.06, 77713.77), (7.0, 0.83, 775.52),
    (5.0, 4.66, 1577.34), (4.0, 1.03, 7.11), (4.0, 3.44, 5573.14),
    (3.0, 5.14, 796.3), (3.0, 6.05, 5507.55), (3.0, 1.19, 242.73),
    (3.0, 6.12, 529.69), (3.0, 0.31, 398.15), (3.0, 2.28, 553.57),
    (2.0, 4.38, 5223.69), (2.0, 3.75, 0.98),
];
/// Series L3: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const L3: [Term; 7] = [
    (289.0, 5.844, 6283.076), (35.0, 0.0, 0.0), (17.0, 5.49, 12566.15),
    (3.0, 5.2, 155.42), (1.0, 4.72, 3.52), (1.0, 5.3, 18849.23),
    (1.0, 5.97, 242.73),
];
/// Series L4: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
#[allow(clippy::approx_constant)]
const L4: [Term; 3] = [
    (114.0, 3.142, 0.0), (8.0, 4.13, 6283.08), (1.0, 3.84, 12566.15),
];
/// Series L5: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
#[allow(clippy::approx_constant)]
const L5: [Term; 1] = [
    (1.0, 3.14, 0.0),
];
/// Series B0: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const B0: [Term; 5] = [
    (280.0, 3.199, 84334.662), (102.0, 5.422, 5507.553), (80.0, 3.88, 5223.69),
    (44.0, 3.7, 2352.87), (32.0, 4.0, 1577.34),
];
/// Series B1: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const B1: [Term; 2] = [
    (9.0, 3.9, 5507.55), (6.0, 1.73, 5223.69),
];
/// Series R0: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const R0: [Term; 40] = [
    (100013989.0, 0.0, 0.0), (1670700.0, 3.0984635, 6283.07585), (13956.0, 3.05525, 12566.1517),
    (3084.0, 5.1985, 77713.7715), (1628.0, 1.1739, 5753.3849), (1576.0, 2.8469, 7860.4194),
    (925.0, 5.453, 11506.77), (542.0, 4.564, 3930.21), (472.0, 3.661, 5884.927),
    (346.0, 0.964, 5507.553), (329.0, 5.9, 5223.694), (307.0, 0.299, 5573.143),
    (243.0, 4.273, 11790.629), (212.0, 5.847, 1577.344), (186.0, 5.022, 10977.079),
    (175.0, 3.012, 18849.228), (110.0, 5.055, 5486.778), (98.0, 0.89, 6069.78),
    (86.0, 5.69, 15720.84), (86.0, 1.27, 161000.69), (65.0, 0.27, 17260.15),
    (63.0, 0.92, 529.69), (57.0, 2.01, 83996.85), (56.0, 5.24, 71430.7),
    (49.0, 3.25, 2544.31), (47.0, 2.58, 775.52), (45.0, 5.54, 9437.76),
    (43.0, 6.01, 6275.96), (39.0, 5.36, 4694.0), (38.0, 2.39, 8827.39),
    (37.0, 0.83, 19651.05), (37.0, 4.9, 12139.55), (36.0, 1.67, 12036.46),
    (35.0, 1.84, 2942.46), (33.0, 0.24, 7084.9), (32.0, 0.18, 5088.63),
    (32.0, 1.78, 398.15), (28.0, 1.21, 6286.6), (28.0, 1.9, 6279.55),
    (26.0, 4.59, 10447.39),
];
/// Series R1: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
#[allow(clippy::approx_constant)]
const R1: [Term; 10] = [
    (103019.0, 1.10749, 6283.07585), (1721.0, 1.0644, 12566.1517), (702.0, 3.142, 0.0),
    (32.0, 1.02, 18849.23), (31.0, 2.84, 5507.55), (25.0, 1.32, 5223.69),
    (18.0, 1.42, 1577.34), (10.0, 5.91, 10977.08), (9.0, 1.42, 6275.96),
    (9.0, 0.27, 5486.78),
];
/// Series R2: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
#[allow(clippy::approx_constant)]
const R2: [Term; 6] = [
    (4359.0, 5.7846, 6283.0758), (124.0, 5.579, 12566.152), (12.0, 3.14, 0.0),
    (9.0, 3.63, 77713.77), (6.0, 1.87, 5573.14), (3.0, 5.47, 18849.23),
];
/// Series R3: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const R3: [Term; 2] = [
    (145.0, 4.273, 6283.076), (7.0, 3.92, 12566.15),
];
/// Series R4: amplitude (10⁻⁸ rad or au), phase (rad), frequency (rad per Julian millennium).
#[rustfmt::skip]
const R4: [Term; 1] = [
    (4.0, 2.56, 6283.08),
];

/// Σ A cos(B + C τ) of one series.
fn series(terms: &[Term], tau: f64) -> f64 {
    terms.iter().map(|&(a, b, c)| a * (b + c * tau).cos()).sum()
}

/// Σ τⁿ Sₙ over the series S₀, S₁, … (Horner's scheme), scaled by 10⁻⁸.
fn power_series(parts: &[&[Term]], tau: f64) -> f64 {
    parts
        .iter()
        .rev()
        .fold(0.0, |acc, part| acc * tau + series(part, tau))
        * 1e-8
}

/// The Earth's heliocentric ecliptic longitude and latitude (radians) and distance (au),
/// mean ecliptic and equinox of date (VSOP87D, Meeus Appendix III), at Julian centuries
/// `t` (TT) from J2000.
fn earth_heliocentric(t: f64) -> (f64, f64, f64) {
    let tau = t / 10.0;
    let l = power_series(&[&L0, &L1, &L2, &L3, &L4, &L5], tau);
    let b = power_series(&[&B0, &B1], tau);
    let r = power_series(&[&R0, &R1, &R2, &R3, &R4], tau);
    (l, b, r)
}

/// Nutation in longitude and in obliquity, radians, at Julian centuries `t` (TT) from
/// J2000: the four main terms of the IAU 1980 series (Meeus chapter 22).
pub fn nutation_rad(t: f64) -> (f64, f64) {
    let node = polynomial(
        t,
        &[125.044_52, -1_934.136_261, 0.002_070_8, 1.0 / 450_000.0],
    )
    .to_radians();
    let sun_longitude = (280.4665 + 36000.7698 * t).to_radians();
    let moon_longitude = (218.3165 + 481267.8813 * t).to_radians();
    let longitude_arcsec = -17.20 * node.sin()
        - 1.32 * (2.0 * sun_longitude).sin()
        - 0.23 * (2.0 * moon_longitude).sin()
        + 0.21 * (2.0 * node).sin();
    let obliquity_arcsec = 9.20 * node.cos()
        + 0.57 * (2.0 * sun_longitude).cos()
        + 0.10 * (2.0 * moon_longitude).cos()
        - 0.09 * (2.0 * node).cos();
    (longitude_arcsec * ARCSEC_RAD, obliquity_arcsec * ARCSEC_RAD)
}

/// Julian centuries of TT since J2000 for a UTC Julian date.
fn centuries_tt(jd_utc: f64) -> f64 {
    (jd_utc + TT_MINUS_UTC_S / DAY_S - J2000_JD) / JULIAN_CENTURY_DAYS
}

/// A TEME vector (km) from apparent ecliptic coordinates of date: longitude `lambda`
/// (already counted from the true equinox, nutation added) and latitude `beta` (radians),
/// distance `distance_km`, at Julian centuries `t` (TT).
fn teme_from_true_ecliptic(lambda: f64, beta: f64, distance_km: f64, t: f64) -> [f64; 3] {
    let (nutation_longitude, nutation_obliquity) = nutation_rad(t);
    let mean_obliquity = mean_obliquity_rad(t);
    let true_obliquity = mean_obliquity + nutation_obliquity;
    let (sin_l, cos_l) = lambda.sin_cos();
    let (sin_b, cos_b) = beta.sin_cos();
    let (sin_e, cos_e) = true_obliquity.sin_cos();
    // The true equator and equinox of date.
    let x = cos_b * cos_l;
    let y = cos_b * sin_l * cos_e - sin_b * sin_e;
    let z = cos_b * sin_l * sin_e + sin_b * cos_e;
    // TEME's x axis is the mean equinox on the true equator: right ascensions are smaller
    // by the equation of the equinoxes, Δψ cos ε.
    let (sin_q, cos_q) = (nutation_longitude * mean_obliquity.cos()).sin_cos();
    [
        distance_km * (cos_q * x + sin_q * y),
        distance_km * (-sin_q * x + cos_q * y),
        distance_km * z,
    ]
}

/// Apparent geocentric position of the Sun's centre, TEME, km, at Julian date `jd_utc`
/// (UTC): VSOP87 with FK5, nutation and annual aberration (Meeus chapter 25, ±0.0003°).
/// Subtract the observer's TEME position for the topocentric direction (the parallax is
/// up to 8.8″).
pub fn sun_apparent_teme_km(jd_utc: f64) -> [f64; 3] {
    let t = centuries_tt(jd_utc);
    let (l, b, r_au) = earth_heliocentric(t);
    let geometric_longitude = l + std::f64::consts::PI;
    let latitude = -b;
    // Meeus eq. 25.9: from the VSOP87 dynamical equinox to FK5.
    let fk5_longitude = -0.090_33 * ARCSEC_RAD;
    let (nutation_longitude, _) = nutation_rad(t);
    let aberration = -ABERRATION_ARCSEC_AU / r_au * ARCSEC_RAD;
    let lambda = geometric_longitude + fk5_longitude + nutation_longitude + aberration;
    teme_from_true_ecliptic(lambda, latitude, r_au * AU_KM, t)
}

/// Apparent geocentric position of the Moon's centre, TEME, km, at Julian date `jd_utc`
/// (UTC): Meeus chapter 47 at the time its light left, with nutation.
pub fn moon_apparent_teme_km(jd_utc: f64) -> [f64; 3] {
    let (_, _, distance_km) = moon_ecliptic(centuries_tt(jd_utc));
    let emitted_jd = jd_utc - distance_km / SPEED_OF_LIGHT_KM_S / DAY_S;
    let t = centuries_tt(emitted_jd);
    let (longitude, latitude, distance_km) = moon_ecliptic(t);
    let (nutation_longitude, _) = nutation_rad(t);
    teme_from_true_ecliptic(longitude + nutation_longitude, latitude, distance_km, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::vec3::norm;

    /// Meeus example 25.b: 1992 October 13.0 TD.
    const EXAMPLE_25B_JDE: f64 = 2_448_908.5;

    #[test]
    fn meeus_example_25b_sun_is_reproduced() {
        // Meeus: R = 0.99760775 au; apparent α = 13h13m30.749s = 198.378178°,
        // δ = −7°47′01.74″ = −7.783872° (true equator and equinox of date).
        let t = (EXAMPLE_25B_JDE - J2000_JD) / JULIAN_CENTURY_DAYS;
        let (_, _, r_au) = earth_heliocentric(t);
        assert!((r_au - 0.997_607_75).abs() < 1e-7, "{r_au}");
        let jd_utc = EXAMPLE_25B_JDE - TT_MINUS_UTC_S / DAY_S;
        let v = sun_apparent_teme_km(jd_utc);
        // Back from TEME to the true equinox: add the equation of the equinoxes.
        let (dpsi, _) = nutation_rad(t);
        let eqeq_deg = (dpsi * mean_obliquity_rad(t).cos()).to_degrees();
        let ra_deg = v[1].atan2(v[0]).to_degrees().rem_euclid(360.0) + eqeq_deg;
        let dec_deg = (v[2] / norm(v)).asin().to_degrees();
        assert!((ra_deg - 198.378_178).abs() < 0.000_2, "{ra_deg}");
        assert!((dec_deg + 7.783_872).abs() < 0.000_2, "{dec_deg}");
    }

    #[test]
    fn meeus_example_22a_nutation_is_reproduced() {
        // Meeus example 22.a, 1987 April 10.0 TD: Δψ = −3.788″, Δε = +9.443″ (full
        // series); the four main terms are within 0.5″ and 0.1″.
        let t = (2_446_895.5 - J2000_JD) / JULIAN_CENTURY_DAYS;
        let (dpsi, deps) = nutation_rad(t);
        assert!(
            (dpsi / ARCSEC_RAD + 3.788).abs() < 0.5,
            "{}",
            dpsi / ARCSEC_RAD
        );
        assert!(
            (deps / ARCSEC_RAD - 9.443).abs() < 0.1,
            "{}",
            deps / ARCSEC_RAD
        );
    }

    #[test]
    fn apparent_moon_is_within_arcseconds_of_the_geometric_one() {
        // Nutation, light time and the frame move the Moon by well under 0.01°.
        let jd = 2_461_275.0;
        let a = moon_apparent_teme_km(jd);
        let g = crate::orbit::moon_position_teme_km(jd);
        let cos = crate::orbit::vec3::dot(a, g) / (norm(a) * norm(g));
        let moved_deg = cos.clamp(-1.0, 1.0).acos().to_degrees();
        assert!(moved_deg < 0.01 && moved_deg > 1e-5, "{moved_deg}");
    }
}
