//! Every satellite in the observer's sky at one instant that is sunlit and could be bright
//! enough to see: what "Sky now" draws and `overhead sky --satellites` lists.
//!
//! "Could be bright enough" needs a brightness estimate: a satellite counts unless its
//! estimated magnitude is fainter than the sky's limiting magnitude by one standard
//! deviation of the estimate or more (the pass table's [`BrightVerdict`] "yes" or "maybe"). Standard magnitudes and their sigmas come through
//! [`super::identify::MagnitudeLookup`] (issue 22's tiers: measured, family or size); a
//! satellite no tier knows is left out.
//!
//! For a window that draws this every second, [`could_be_up_within`] narrows the catalog to
//! the satellites that can reach the sky within a span (one SGP4 call each, the same bound
//! as `identify`'s), and [`bright_satellites_up`] then looks at those only.

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::brightness::BrightVerdict;
use super::brightness::{phase_angle_deg, visual_magnitude};
use super::frames::{
    ObserverFrame, ecef_state_from_teme, gmst_rad, julian_date_utc, teme_from_ecef,
};
use super::identify::{MagnitudeLookup, StandardMagnitude};
use super::propagate::Satellite;
use super::reach::Reach;
use super::stars::SkyDirection;
use super::sun::{illumination, sun_position_teme_km};

/// A satellite in the sky now: where, how bright.
#[derive(Debug, Clone, PartialEq)]
pub struct SatelliteInSky {
    /// Its index in the slice of satellites given.
    pub index: usize,
    /// Catalog number.
    pub norad_id: u64,
    /// Name as published.
    pub name: String,
    /// Azimuth, degrees from true north through east.
    pub azimuth_deg: f64,
    /// Geometric elevation, degrees.
    pub elevation_deg: f64,
    /// Distance from the observer, km.
    pub range_km: f64,
    /// Estimated visual magnitude.
    pub magnitude: f64,
    /// The standard magnitude it was estimated from, with its sigma and tier.
    pub standard: StandardMagnitude,
}

/// Whether a satellite at `magnitude`, whose standard magnitude is `standard` (with its
/// sigma), could be bright enough for a sky showing stars to `limiting_magnitude`: not
/// fainter by a sigma or more ([`BrightVerdict`], as the pass table judges a pass).
fn could_be_seen(magnitude: f64, standard: StandardMagnitude, limiting_magnitude: f64) -> bool {
    BrightVerdict::of(magnitude, standard.sigma, limiting_magnitude) != BrightVerdict::No
}

/// The brightest a satellite can look: overhead at perigee, fully lit (diffuse sphere).
fn brightest_possible(sat: &Satellite, standard_magnitude: f64) -> f64 {
    let elements = &sat.set.elements;
    let n_rad_s = elements.mean_motion * std::f64::consts::TAU / 86_400.0;
    let a_km = (super::constants::EARTH_GM_WGS72_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
    let perigee_height_km = (a_km * (1.0 - elements.eccentricity)
        - super::constants::EARTH_EQUATORIAL_RADIUS_WGS84_KM)
        .max(100.0);
    visual_magnitude(standard_magnitude, perigee_height_km, 0.0).unwrap_or(standard_magnitude)
}

/// Indices of the satellites of `sats` that can be above the horizon at some instant within
/// `span_s` seconds of `t` (either way) and could ever be brighter than `limiting_magnitude`
/// (one SGP4 call each, in parallel).
pub fn could_be_up_within(
    sats: &[Satellite],
    magnitudes: &dyn MagnitudeLookup,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
    span_s: f64,
    limiting_magnitude: f64,
) -> Vec<usize> {
    let gmst = gmst_rad(julian_date_utc(t));
    let radius_km = frame.radius_km();
    sats.par_iter()
        .enumerate()
        .filter(|(_, sat)| {
            magnitudes.standard_magnitude(&sat.set).is_some_and(|m| {
                could_be_seen(brightest_possible(sat, m.magnitude), m, limiting_magnitude)
            })
        })
        .filter(|(_, sat)| {
            let Ok(state) = sat.state_at(t) else {
                return false;
            };
            let reach = Reach::of(sat, radius_km, 0.0);
            let r_ecef = super::frames::ecef_from_teme(gmst, state.r_teme_km);
            reach.may_be_up_within(reach.geocentric_angle_rad(frame, r_ecef), span_s)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The satellites of `sats` (only those at `candidates`, or all) above the horizon at `t`,
/// sunlit, and whose estimated magnitude less one standard deviation reaches
/// `limiting_magnitude`; brightest first.
pub fn bright_satellites_up(
    sats: &[Satellite],
    candidates: Option<&[usize]>,
    magnitudes: &dyn MagnitudeLookup,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
    limiting_magnitude: f64,
) -> Vec<SatelliteInSky> {
    let jd = julian_date_utc(t);
    let gmst = gmst_rad(jd);
    let sun_teme_km = sun_position_teme_km(jd);
    let observer_teme_km = teme_from_ecef(gmst, frame.r_ecef_km);
    let look = |index: usize| -> Option<SatelliteInSky> {
        let sat = sats.get(index)?;
        let standard = magnitudes.standard_magnitude(&sat.set)?;
        let state = sat.state_at(t).ok()?;
        let (r_ecef, v_ecef) = ecef_state_from_teme(gmst, state.r_teme_km, state.v_teme_km_s);
        let angles = frame.look_at(r_ecef, v_ecef);
        if angles.elevation_deg < 0.0 || !illumination(state.r_teme_km, sun_teme_km).is_sunlit {
            return None;
        }
        let phase_deg = phase_angle_deg(state.r_teme_km, observer_teme_km, sun_teme_km);
        let magnitude = visual_magnitude(standard.magnitude, angles.range_km, phase_deg)?;
        could_be_seen(magnitude, standard, limiting_magnitude).then(|| SatelliteInSky {
            index,
            norad_id: sat.set.norad_id,
            name: sat.set.name.clone(),
            azimuth_deg: angles.azimuth_deg,
            elevation_deg: angles.elevation_deg,
            range_km: angles.range_km,
            magnitude,
            standard,
        })
    };
    let mut up: Vec<SatelliteInSky> = match candidates {
        Some(indices) => indices.par_iter().filter_map(|&i| look(i)).collect(),
        None => (0..sats.len()).into_par_iter().filter_map(look).collect(),
    };
    up.sort_by(|a, b| a.magnitude.total_cmp(&b.magnitude));
    up
}

/// Where `sat` was over the `span_s` seconds before `t`, every `step_s` seconds, oldest
/// first, ending at `t`; instants below the horizon or where SGP4 fails are left out.
pub fn trail(
    sat: &Satellite,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
    span_s: i64,
    step_s: i64,
) -> Vec<SkyDirection> {
    let steps = span_s / step_s.max(1);
    (0..=steps)
        .rev()
        .filter_map(|k| {
            let at = t - Duration::seconds(k * step_s);
            let state = sat.state_at(at).ok()?;
            let r_ecef =
                super::frames::ecef_from_teme(gmst_rad(julian_date_utc(at)), state.r_teme_km);
            let angles = frame.look_at(r_ecef, [0.0; 3]);
            (angles.elevation_deg >= 0.0).then_some(SkyDirection {
                azimuth_deg: angles.azimuth_deg,
                elevation_deg: angles.elevation_deg,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brightest_possible_is_overhead_at_perigee_fully_lit() {
        // The ISS's standard magnitude -1.8 at 420 km overhead, full phase: about -4.9.
        let iss = crate::orbit::parse_elements(
            "ISS (ZARYA)\n1 25544U 98067A   26234.50053383  .00009133  00000+0  17025-3 0  9997\n2 25544  51.6331 331.8814 0007668  72.6488 287.5339 15.49570248582031\n",
            "test",
        )
        .unwrap()
        .sets
        .remove(0);
        let sat = Satellite::new(iss);
        let m = brightest_possible(&sat, -1.8);
        assert!((-5.4..-4.4).contains(&m), "{m}");
    }
}
