//! The naked-eye planets, Mercury to Saturn: where they are in the observer's sky and how
//! bright they look.
//!
//! - Orbits: E. M. Standish, "Keplerian Elements for Approximate Positions of the Major
//!   Planets" (JPL Solar System Dynamics, <https://ssd.jpl.nasa.gov/planets/approx_pos.html>),
//!   Table 1, valid 1800–2050: mean elements at J2000 and their rates per Julian century, on
//!   the mean ecliptic and equinox of J2000. The same numbers are in d3-celestial's
//!   `planets.json`. JPL quotes heliocentric errors up to 15″ (Mercury), 20″ (Venus, the
//!   Earth–Moon barycentre), 40″ (Mars), 400″ (Jupiter) and 600″ (Saturn) in that interval.
//! - The Earth is the Earth–Moon barycentre of the table moved by the Moon
//!   ([`super::moon::moon_position_teme_km`]) times the Moon's share of their mass
//!   (1/82.30; DE421 mass ratio 81.30057), which is worth up to 0.06° for Venus at its nearest.
//! - Light time: the planet is taken where it was when the light left it (two iterations).
//!   Annual aberration and precession to the date come from [`super::stars::StarSky`].
//!   The direction is geocentric: the parallax (under 0.01°, Venus at its nearest) is left
//!   out. Elevations are geometric (no refraction).
//! - Magnitudes: A. Mallama and J. L. Hilton, "Computing apparent planetary magnitudes for
//!   The Astronomical Almanac", *Astronomy and Computing* 25 (2018) 10–24, eqs. 2–10
//!   (the formulas the Almanac uses since 2019, as in skyfield's `planetary_magnitude`):
//!   Mars without its rotation and season terms (±0.1 mag), Saturn with its rings
//!   (eq. 10, valid for phase angles up to 6.5°, which from the Earth is always).
//!
//! Against skyfield with DE421 (`tests/sky_cli.rs`, every 73 days of 2000–2040) the directions
//! agree to 0.011° (Mercury), 0.022° (Venus), 0.041° (Mars), 0.098° (Jupiter) and 0.172°
//! (Saturn): the table's own errors. The magnitudes agree to 0.03 (0.09 for Mercury, where
//! skyfield measures the distance from the solar-system barycentre instead of the Sun).

use chrono::{DateTime, Utc};

use super::constants::{
    AU_KM, DAY_S, EARTH_MOON_MASS_RATIO, JULIAN_CENTURY_DAYS, OBLIQUITY_J2000_DEG,
    SPEED_OF_LIGHT_KM_S,
};
use super::frames::{ObserverFrame, julian_date_utc};
use super::moon::moon_position_teme_km;
use super::stars::{SkyDirection, StarSky, centuries_tt, precession_matrix_from_j2000};
use super::vec3::{dot, norm, sub};

/// Direction of Saturn's north pole, J2000 equatorial unit vector (IAU/NAIF pck00008:
/// RA 40.589°, Dec 83.537°).
const SATURN_POLE_J2000: [f64; 3] = [0.085_478_83, 0.073_235_76, 0.993_644_75];

/// A naked-eye planet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Planet {
    /// Mercury.
    Mercury,
    /// Venus.
    Venus,
    /// Mars.
    Mars,
    /// Jupiter.
    Jupiter,
    /// Saturn.
    Saturn,
}

impl Planet {
    /// Mercury to Saturn, in order from the Sun.
    pub const ALL: [Planet; 5] = [
        Planet::Mercury,
        Planet::Venus,
        Planet::Mars,
        Planet::Jupiter,
        Planet::Saturn,
    ];

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Planet::Mercury => "Mercury",
            Planet::Venus => "Venus",
            Planet::Mars => "Mars",
            Planet::Jupiter => "Jupiter",
            Planet::Saturn => "Saturn",
        }
    }

    /// Korean name.
    pub fn name_ko(self) -> &'static str {
        match self {
            Planet::Mercury => "수성",
            Planet::Venus => "금성",
            Planet::Mars => "화성",
            Planet::Jupiter => "목성",
            Planet::Saturn => "토성",
        }
    }

    fn elements(self) -> &'static KeplerianElements {
        match self {
            Planet::Mercury => &MERCURY,
            Planet::Venus => &VENUS,
            Planet::Mars => &MARS,
            Planet::Jupiter => &JUPITER,
            Planet::Saturn => &SATURN,
        }
    }
}

/// Mean orbital elements at J2000 and their rates per Julian century (Standish, Table 1):
/// semi-major axis (au), eccentricity, inclination, mean longitude, longitude of perihelion
/// and longitude of the ascending node (degrees), mean ecliptic and equinox of J2000.
#[derive(Debug, Clone, Copy, PartialEq)]
struct KeplerianElements {
    a_au: [f64; 2],
    e: [f64; 2],
    i_deg: [f64; 2],
    mean_longitude_deg: [f64; 2],
    perihelion_longitude_deg: [f64; 2],
    node_longitude_deg: [f64; 2],
}

#[rustfmt::skip]
const MERCURY: KeplerianElements = KeplerianElements {
    a_au: [0.387_099_27, 0.000_000_37], e: [0.205_635_93, 0.000_019_06],
    i_deg: [7.004_979_02, -0.005_947_49], mean_longitude_deg: [252.250_323_50, 149_472.674_111_75],
    perihelion_longitude_deg: [77.457_796_28, 0.160_476_89], node_longitude_deg: [48.330_765_93, -0.125_340_81],
};
#[rustfmt::skip]
const VENUS: KeplerianElements = KeplerianElements {
    a_au: [0.723_335_66, 0.000_003_90], e: [0.006_776_72, -0.000_041_07],
    i_deg: [3.394_676_05, -0.000_788_90], mean_longitude_deg: [181.979_099_50, 58_517.815_387_29],
    perihelion_longitude_deg: [131.602_467_18, 0.002_683_29], node_longitude_deg: [76.679_842_55, -0.277_694_18],
};
#[rustfmt::skip]
const EARTH_MOON_BARYCENTRE: KeplerianElements = KeplerianElements {
    a_au: [1.000_002_61, 0.000_005_62], e: [0.016_711_23, -0.000_043_92],
    i_deg: [-0.000_015_31, -0.012_946_68], mean_longitude_deg: [100.464_571_66, 35_999.372_449_81],
    perihelion_longitude_deg: [102.937_681_93, 0.323_273_64], node_longitude_deg: [0.0, 0.0],
};
#[rustfmt::skip]
const MARS: KeplerianElements = KeplerianElements {
    a_au: [1.523_710_34, 0.000_018_47], e: [0.093_394_10, 0.000_078_82],
    i_deg: [1.849_691_42, -0.008_131_31], mean_longitude_deg: [-4.553_432_05, 19_140.302_684_99],
    perihelion_longitude_deg: [-23.943_629_59, 0.444_410_88], node_longitude_deg: [49.559_538_91, -0.292_573_43],
};
#[rustfmt::skip]
const JUPITER: KeplerianElements = KeplerianElements {
    a_au: [5.202_887_00, -0.000_116_07], e: [0.048_386_24, -0.000_132_53],
    i_deg: [1.304_396_95, -0.001_837_14], mean_longitude_deg: [34.396_440_51, 3_034.746_127_75],
    perihelion_longitude_deg: [14.728_479_83, 0.212_526_68], node_longitude_deg: [100.473_909_09, 0.204_691_06],
};
#[rustfmt::skip]
const SATURN: KeplerianElements = KeplerianElements {
    a_au: [9.536_675_94, -0.001_250_60], e: [0.053_861_79, -0.000_509_91],
    i_deg: [2.485_991_87, 0.001_936_09], mean_longitude_deg: [49.954_244_23, 1_222.493_622_01],
    perihelion_longitude_deg: [92.598_878_31, -0.418_972_16], node_longitude_deg: [113.662_424_48, -0.288_677_94],
};

/// Heliocentric position on the J2000 equator, au, from Standish's elements at `t`
/// Julian centuries (TDB ≈ TT) after J2000.0 (JPL's recipe: Kepler's equation, then the
/// orbit's orientation, then the obliquity of J2000).
fn heliocentric_j2000_au(elements: &KeplerianElements, t: f64) -> [f64; 3] {
    let at = |[value, rate]: [f64; 2]| value + rate * t;
    let a = at(elements.a_au);
    let e = at(elements.e);
    let i = at(elements.i_deg).to_radians();
    let mean_longitude_deg = at(elements.mean_longitude_deg);
    let perihelion_deg = at(elements.perihelion_longitude_deg);
    let node_deg = at(elements.node_longitude_deg);
    let omega = (perihelion_deg - node_deg).to_radians();
    let node = node_deg.to_radians();
    let mean_anomaly =
        ((mean_longitude_deg - perihelion_deg + 180.0).rem_euclid(360.0) - 180.0).to_radians();
    // Kepler's equation by Newton's method from E = M + e sin M; e < 0.21 here, so a few
    // steps reach 1e-12 rad.
    let mut ecc_anomaly = mean_anomaly + e * mean_anomaly.sin();
    for _ in 0..10 {
        let step =
            (ecc_anomaly - e * ecc_anomaly.sin() - mean_anomaly) / (1.0 - e * ecc_anomaly.cos());
        ecc_anomaly -= step;
        if step.abs() < 1e-13 {
            break;
        }
    }
    let x_orbit = a * (ecc_anomaly.cos() - e);
    let y_orbit = a * (1.0 - e * e).sqrt() * ecc_anomaly.sin();
    let (sw, cw) = omega.sin_cos();
    let (sn, cn) = node.sin_cos();
    let (si, ci) = i.sin_cos();
    let x_ecl = (cw * cn - sw * sn * ci) * x_orbit + (-sw * cn - cw * sn * ci) * y_orbit;
    let y_ecl = (cw * sn + sw * cn * ci) * x_orbit + (-sw * sn + cw * cn * ci) * y_orbit;
    let z_ecl = sw * si * x_orbit + cw * si * y_orbit;
    let (se, ce) = OBLIQUITY_J2000_DEG.to_radians().sin_cos();
    [x_ecl, ce * y_ecl - se * z_ecl, se * y_ecl + ce * z_ecl]
}

/// A planet in the observer's sky at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanetView {
    /// Which planet.
    pub planet: Planet,
    /// Azimuth (degrees from true north through east, [0, 360)) and geometric elevation
    /// (degrees, no refraction) of its apparent geocentric direction.
    pub direction: SkyDirection,
    /// Estimated visual magnitude (Mallama & Hilton 2018; about 0.1 mag).
    pub magnitude: f64,
    /// Distance from the Earth's centre, au (light-time corrected).
    pub distance_au: f64,
    /// Phase angle Sun–planet–Earth, degrees.
    pub phase_angle_deg: f64,
}

/// Geocentric astrometric position of a planet (light-time corrected), J2000 equatorial, au,
/// and its heliocentric position at the time the light left it, au.
fn geocentric_j2000_au(planet: Planet, jd_utc: f64) -> ([f64; 3], [f64; 3], [f64; 3]) {
    let t = centuries_tt(jd_utc);
    let emb = heliocentric_j2000_au(&EARTH_MOON_BARYCENTRE, t);
    // Moon's geocentric position, of-date equator → J2000 (the precession matrix's transpose).
    let moon_of_date_au = moon_position_teme_km(jd_utc).map(|x| x / AU_KM);
    let p = precession_matrix_from_j2000(t);
    let moon_j2000_au = [0, 1, 2].map(|k| {
        p[0][k] * moon_of_date_au[0] + p[1][k] * moon_of_date_au[1] + p[2][k] * moon_of_date_au[2]
    });
    let moon_share = 1.0 / (1.0 + EARTH_MOON_MASS_RATIO);
    let earth = [0, 1, 2].map(|k| emb[k] - moon_share * moon_j2000_au[k]);
    let au_per_century_of_light = SPEED_OF_LIGHT_KM_S * DAY_S * JULIAN_CENTURY_DAYS / AU_KM;
    let mut helio = heliocentric_j2000_au(planet.elements(), t);
    let mut geo = sub(helio, earth);
    // Light takes at most 90 minutes from Saturn; two corrections reach the millisecond.
    for _ in 0..2 {
        let light_time_centuries = norm(geo) / au_per_century_of_light;
        helio = heliocentric_j2000_au(planet.elements(), t - light_time_centuries);
        geo = sub(helio, earth);
    }
    (geo, helio, earth)
}

/// Mallama & Hilton (2018) visual magnitude from the planet's distance from the Sun `r_au`,
/// from the observer `delta_au`, and the phase angle (degrees). `saturn_ring_latitude_deg`
/// is the saturnicentric latitude of the ring plane's tilt (eq. 10; ignored for the others).
fn visual_magnitude(
    planet: Planet,
    r_au: f64,
    delta_au: f64,
    phase_deg: f64,
    saturn_ring_latitude_deg: f64,
) -> f64 {
    let distance = 5.0 * (r_au * delta_au).log10();
    let a = phase_deg;
    distance
        + match planet {
            // Eq. 2.
            Planet::Mercury => {
                -0.613 + 6.3280e-02 * a - 1.6336e-03 * a.powi(2) + 3.3644e-05 * a.powi(3)
                    - 3.4265e-07 * a.powi(4)
                    + 1.6893e-09 * a.powi(5)
                    - 3.0334e-12 * a.powi(6)
            }
            // Eqs. 3 and 4.
            Planet::Venus if a < 163.7 => {
                -4.384 - 1.044e-03 * a + 3.687e-04 * a.powi(2) - 2.814e-06 * a.powi(3)
                    + 8.938e-09 * a.powi(4)
            }
            Planet::Venus => 236.058_28 - 2.819_14 * a + 8.390_34e-03 * a.powi(2),
            // Eqs. 6 and 7, without the rotation and orbital-longitude corrections.
            Planet::Mars if a <= 50.0 => -1.601 + 2.267e-02 * a - 1.302e-04 * a.powi(2),
            Planet::Mars => -0.367 - 0.025_73 * a + 3.445e-04 * a.powi(2),
            // Eq. 8 (from the Earth the phase angle never exceeds 12°).
            Planet::Jupiter => -9.395 - 3.7e-04 * a + 6.16e-04 * a.powi(2),
            // Eq. 10, globe and rings.
            Planet::Saturn => {
                let s = saturn_ring_latitude_deg.to_radians().sin();
                -8.914 - 1.825 * s + 0.026 * a - 0.378 * s * (-2.25 * a).exp()
            }
        }
}

/// Where `planet` is in the sky of the observer of `sky` at Julian date `jd_utc` (UTC), and
/// how bright. `sky` must have been made for the same instant.
pub fn planet_view_at(planet: Planet, sky: &StarSky, jd_utc: f64) -> PlanetView {
    let (geo, helio, earth) = geocentric_j2000_au(planet, jd_utc);
    let r_au = norm(helio);
    let delta_au = norm(geo);
    let cos_phase = dot(helio, geo) / (r_au * delta_au);
    let phase_angle_deg = cos_phase.clamp(-1.0, 1.0).acos().to_degrees();
    // Saturnicentric latitudes of the Sun and of the Earth on the ring plane; the rings'
    // brightness goes with the geometric mean of the two when they are on the same side.
    let latitude_deg = |v: [f64; 3]| {
        90.0 - (dot(SATURN_POLE_J2000, v) / norm(v))
            .clamp(-1.0, 1.0)
            .acos()
            .to_degrees()
    };
    let ring_latitude_deg = if planet == Planet::Saturn {
        let sun_lat = latitude_deg(helio.map(|x| -x));
        let earth_lat = latitude_deg(sub(earth, helio));
        let product = sun_lat * earth_lat;
        if product > 0.0 { product.sqrt() } else { 0.0 }
    } else {
        0.0
    };
    PlanetView {
        planet,
        direction: sky.look_vector_j2000(geo),
        magnitude: visual_magnitude(planet, r_au, delta_au, phase_angle_deg, ring_latitude_deg),
        distance_au: delta_au,
        phase_angle_deg,
    }
}

/// The years JPL's approximate elements (Table 1) are valid for, first and last. Outside
/// them the errors grow fast (Saturn 8–11° off in the year 500), so no planet is placed.
pub const VALID_YEARS: (i32, i32) = (1800, 2050);

/// True when `t` lies within [`VALID_YEARS`].
pub fn planets_valid_at(t: DateTime<Utc>) -> bool {
    use chrono::Datelike as _;
    (VALID_YEARS.0..=VALID_YEARS.1).contains(&t.year())
}

/// Mercury to Saturn in the sky of `frame` at `t` (UTC; UT1 = UTC as elsewhere); none
/// outside [`VALID_YEARS`] (issue 25), where the elements would place them degrees off.
pub fn planet_views(frame: &ObserverFrame, t: DateTime<Utc>) -> Vec<PlanetView> {
    if !planets_valid_at(t) {
        return Vec::new();
    }
    let jd = julian_date_utc(t);
    let sky = StarSky::at_jd(frame, jd);
    Planet::ALL
        .iter()
        .map(|&p| planet_view_at(p, &sky, jd))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earth_moon_barycentre_is_one_au_from_the_sun() {
        for t in [-0.2, 0.0, 0.26, 0.4] {
            let r = norm(heliocentric_j2000_au(&EARTH_MOON_BARYCENTRE, t));
            assert!((0.98..1.02).contains(&r), "{r}");
        }
    }

    #[test]
    fn kepler_solution_keeps_the_orbit_size() {
        // r = a (1 − e cos E) lies between perihelion and aphelion.
        let r = norm(heliocentric_j2000_au(&MERCURY, 0.26));
        assert!((0.307..0.467).contains(&r), "{r}");
    }

    #[test]
    fn venus_is_the_brightest_planet_and_saturn_fainter_than_jupiter() {
        let frame = ObserverFrame::new(super::super::Observer::new(37.5665, 126.978, 38.0));
        let t = DateTime::parse_from_rfc3339("2026-08-22T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let views = planet_views(&frame, t);
        let mag = |p: Planet| views.iter().find(|v| v.planet == p).unwrap().magnitude;
        assert!(
            (-4.9..-3.7).contains(&mag(Planet::Venus)),
            "{}",
            mag(Planet::Venus)
        );
        assert!((-2.9..-1.6).contains(&mag(Planet::Jupiter)));
        assert!((-0.6..1.5).contains(&mag(Planet::Saturn)));
    }
}
