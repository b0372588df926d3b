//! Which satellites a naked eye can see at all: "All bright ones".
//!
//! A satellite counts when, at the least range its orbit allows (its perigee height,
//! straight overhead) and half lit (the standard magnitude's own phase), it would be brighter
//! than the faintest star the sky shows. That keeps the ISS and the bright rocket bodies
//! and leaves out a geostationary satellite (magnitude 11 or so from 36,000 km) or the
//! Chandra X-ray Observatory, however low their standard magnitudes are. It is an upper
//! bound on the brightness, not a promise: a given pass is usually farther and less lit.

use super::magnitude_estimate;
use crate::orbit::constants::{DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM, EARTH_GM_WGS72_KM3_S2};
use crate::orbit::{ElementSet, visual_magnitude};

/// Lowest height a brightness is worked out at, km: below this a satellite is re-entering.
const LOWEST_HEIGHT_KM: f64 = 100.0;

/// The standard magnitude of the satellite `set` (at 1000 km and half lit), if known: the
/// value of its best estimate ([`magnitude_estimate`]), the one look-up "bright" uses.
pub fn standard_magnitude(set: &ElementSet) -> Option<f64> {
    magnitude_estimate(set).map(|e| e.value)
}

/// Height of the perigee of the mean orbit above the equatorial radius, km (from the
/// Kozai mean motion and the eccentricity; at least [`LOWEST_HEIGHT_KM`]).
pub fn perigee_height_km(set: &ElementSet) -> f64 {
    let n_rad_s = set.mean_motion_rev_per_day() * std::f64::consts::TAU / DAY_S;
    let a_km = (EARTH_GM_WGS72_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
    (a_km * (1.0 - set.elements.eccentricity) - EARTH_EQUATORIAL_RADIUS_WGS84_KM)
        .max(LOWEST_HEIGHT_KM)
}

/// The brightest magnitude a satellite of standard magnitude `std_magnitude` can show:
/// at its perigee height straight overhead, half lit (an estimate, as every magnitude).
pub fn brightest_possible_magnitude(set: &ElementSet, std_magnitude: f64) -> Option<f64> {
    visual_magnitude(std_magnitude, perigee_height_km(set), 90.0)
}

/// The satellites of `sets` (each with its standard magnitude, [`standard_magnitude`]) a
/// naked eye can see somewhere on their orbits under a sky showing stars to
/// `limiting_magnitude`, brightest first, with that brightest magnitude. Satellites without
/// a standard magnitude are not given (nothing says they are bright).
pub fn bright_to_the_eye<'a>(
    sets: impl IntoIterator<Item = (&'a ElementSet, f64)>,
    limiting_magnitude: f64,
) -> Vec<(u64, f64)> {
    let mut bright: Vec<(u64, f64)> = sets
        .into_iter()
        .filter_map(|(set, std)| {
            let best = brightest_possible_magnitude(set, std)?;
            (best <= limiting_magnitude).then_some((set.norad_id, best))
        })
        .collect();
    bright.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    bright
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_satellites_are_bright_and_distant_ones_are_not() {
        let snapshot = crate::catalog::bundled_snapshot().unwrap();
        let with_magnitudes = snapshot
            .sets
            .iter()
            .filter_map(|s| Some((s, standard_magnitude(s)?)));
        let bright: Vec<u64> = bright_to_the_eye(with_magnitudes, 4.0)
            .iter()
            .map(|b| b.0)
            .collect();
        // The ISS and Hubble; not Chandra
        // (25867: standard magnitude 2.5, but 7.9 at its perigee, 10,000 km up) nor the
        // geostationary TDRS 7 (23613: 2.5, but 10.3 from 36,000 km).
        for id in [25544, 20580] {
            assert!(bright.contains(&id), "{id}");
        }
        for id in [25867, 23613] {
            assert!(!bright.contains(&id), "{id}");
        }
        let iss = snapshot.sets.iter().find(|s| s.norad_id == 25544).unwrap();
        let h = perigee_height_km(iss);
        assert!((380.0..440.0).contains(&h), "{h}");
    }
}
