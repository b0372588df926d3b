//! The finder: one satellite, one observer, one search, and the elevation function.
//!
//! [`Finder`] holds what the search needs about the satellite (its propagator, the step
//! lengths and bounds built from its orbit) and the observer; its methods are spread over
//! the files of [`super`] by stage. This file makes [`Sample`]s: SGP4's state at a time
//! turned into the elevation function `f` (the sine of the elevation above the threshold)
//! and its rate, with the skipping bounds of [`super::bounds`] for the scan.

use std::cell::Cell;

use chrono::{DateTime, Duration, Utc};

use super::bounds::{OrbitExtent, Skip, SkipBounds};
use super::pass::{PassPoint, PassSearch};
use super::sample::Sample;
use crate::orbit::constants::{
    DAY_MINUTES, EARTH_EQUATORIAL_RADIUS_WGS84_KM, EARTH_GM_WGS72_KM3_S2, EARTH_ROTATION_RAD_S,
};
use crate::orbit::frames::{
    ObserverFrame, ecef_from_teme_by, geometric_from_apparent_deg, gmst_rad,
    gmst_rate_rad_per_minute, refraction_deg,
};
use crate::orbit::propagate::{PropagationError, ResonanceCache, Satellite};
use crate::orbit::vec3::{dot, norm, sub};

/// Height above the equatorial radius below which the pass search takes a satellite to
/// have re-entered, km: nothing stays in orbit below about 100 km, and the polar surface
/// is 21 km lower than the equator's.
const REENTRY_ALTITUDE_KM: f64 = 60.0;

/// The pass search for one satellite over one observer (see the module documentation
/// of [`super`] for the method).
pub(super) struct Finder<'a> {
    pub(super) sat: &'a Satellite,
    pub(super) frame: &'a ObserverFrame,
    pub(super) search: &'a PassSearch,
    pub(super) std_magnitude: Option<f64>,
    /// Sine of the rise/set threshold elevation.
    pub(super) sin_threshold: f64,
    /// Sine of the lowest visible elevation.
    pub(super) sin_visible: f64,
    /// Sine of the highest Sun elevation for a dark sky.
    pub(super) sin_max_sun: f64,
    /// Greenwich mean sidereal time at the element epoch, rad.
    gmst_epoch_rad: f64,
    /// Rate of the sidereal time, rad per minute.
    gmst_rate_rad_per_minute: f64,
    /// Last exact sidereal rotation: (minute, sine, cosine).
    rotation_ref: Cell<(f64, f64, f64)>,
    pub(super) step_minutes: f64,
    /// Longest span between two samples over which the Hermite interpolant is used,
    /// minutes: 0.53 rad of orbital motion at perigee (a twelfth of a circular orbit).
    pub(super) longest_hermite_span_minutes: f64,
    /// The skipping bounds.
    bounds: SkipBounds,
    /// Deep-space resonance integrator checkpoint.
    resonance: ResonanceCache,
    /// Top speed of the satellite (at perigee, with a margin), km per minute.
    pub(super) top_speed_km_per_minute: f64,
    /// Top gravitational acceleration (at perigee, with a margin), km per minute².
    pub(super) top_gravity_km_per_minute2: f64,
    /// Bound on how fast the turning direction to the Sun moves the sunlight margin
    /// (its rate times the largest radius, with a margin), km per minute.
    pub(super) sun_turn_km_per_minute: f64,
    /// How far back/forward to look for the true rise/set of a pass cut by the window.
    pub(super) edge_search_limit_minutes: f64,
    /// Report SGP4's own states, not the interpolant's (see [`Finder::reported`]): in a
    /// decaying orbit (perigee below 300 km, or a drag term B* above 0.01 per Earth radius)
    /// drag bends the path away from the interpolant's J2 accelerations, and in deep space
    /// (period of 225 min or more) the Moon and Sun do, over longer spans, while the
    /// elevation changes so slowly that metres become seconds.
    pub(super) exact_points: bool,
    /// The search window, minutes after the epoch (set by [`Finder::run`]): a pass seen in
    /// several stretches is told by one inside it.
    pub(super) window_minutes: Cell<(f64, f64)>,
}

impl<'a> Finder<'a> {
    pub(super) fn new(
        sat: &'a Satellite,
        frame: &'a ObserverFrame,
        search: &'a PassSearch,
        std_magnitude: Option<f64>,
    ) -> Self {
        let (threshold_geo_deg, visible_geo_deg) = if search.refraction {
            (
                geometric_from_apparent_deg(search.horizon_deg),
                geometric_from_apparent_deg(search.visible_min_elevation_deg),
            )
        } else {
            (search.horizon_deg, search.visible_min_elevation_deg)
        };
        let el = &sat.set.elements;
        let extent = OrbitExtent::new(el);
        let OrbitExtent {
            period_minutes,
            a_km,
            e,
            r_apogee_km,
            r_perigee_km,
            n_fastest_rad_s,
            ..
        } = extent;
        let gmst_rate = gmst_rate_rad_per_minute(sat.epoch_jd());
        Self {
            sat,
            frame,
            search,
            std_magnitude,
            sin_threshold: threshold_geo_deg.to_radians().sin(),
            sin_visible: visible_geo_deg.to_radians().sin(),
            sin_max_sun: search.max_sun_elevation_deg.to_radians().sin(),
            gmst_epoch_rad: gmst_rad(sat.epoch_jd()),
            gmst_rate_rad_per_minute: gmst_rate,
            rotation_ref: Cell::new((f64::NAN, 0.0, 1.0)),
            // A twelfth of an orbit: never two turning points of the elevation in one step
            // (near the observer they come about half an orbit apart), and within the
            // interpolant's reach (a few metres) on a circular orbit. A sixteenth cost 8%
            // more search time for an interpolant good to two metres instead of five.
            step_minutes: (period_minutes / 12.0)
                .min(0.53 / (n_fastest_rad_s * 60.0))
                .clamp(0.5, 30.0),
            // With a rounding allowance: a scan step of exactly this length, taken as a
            // difference of two minute counts, may come out an ulp longer.
            longest_hermite_span_minutes: 0.53 / (n_fastest_rad_s * 60.0) * (1.0 + 1e-9),
            bounds: SkipBounds::new(&extent, el.inclination, frame, threshold_geo_deg, gmst_rate),
            resonance: ResonanceCache::new(),
            top_speed_km_per_minute: (EARTH_GM_WGS72_KM3_S2 * (2.0 / r_perigee_km - 1.0 / a_km))
                .sqrt()
                * 1.05
                * 60.0,
            top_gravity_km_per_minute2: EARTH_GM_WGS72_KM3_S2 / (r_perigee_km * r_perigee_km)
                * 1.05
                * 3600.0,
            // The satellite's own motion (under 11 km/s) and the Earth's (30 km/s) across
            // 1.47e8 km turn the direction by under 3e-7 rad/s.
            sun_turn_km_per_minute: r_apogee_km * 3e-7 * 60.0,
            edge_search_limit_minutes: (period_minutes * 1.5).max(DAY_MINUTES),
            exact_points: a_km * (1.0 - e) < EARTH_EQUATORIAL_RADIUS_WGS84_KM + 300.0
                || el.drag_term.abs() > 0.01
                || period_minutes >= 225.0,
            window_minutes: Cell::new((f64::NEG_INFINITY, f64::INFINITY)),
        }
    }

    /// Sine and cosine of the sidereal angle `m` minutes after the epoch (linear in time:
    /// the quadratic term of GMST moves it by less than a microsecond over a year).
    ///
    /// Most calls come within a few orbits of the last exact pair, so the sine and cosine
    /// are taken from it by the angle-sum formulas, with the difference's sine and cosine
    /// from their Taylor series (|δ| ≤ 0.8 rad, three hours of sidereal turn: the first
    /// term left out is below 1e-16). A point further away computes them exactly and
    /// becomes the new reference.
    pub(super) fn rotation(&self, m: f64) -> (f64, f64) {
        let (m_ref, sin_ref, cos_ref) = self.rotation_ref.get();
        let delta = self.gmst_rate_rad_per_minute * (m - m_ref);
        if delta.abs() <= 0.8 {
            let (sin_d, cos_d) = small_angle_sin_cos(delta);
            (
                sin_ref * cos_d + cos_ref * sin_d,
                cos_ref * cos_d - sin_ref * sin_d,
            )
        } else {
            let (sin, cos) = (self.gmst_epoch_rad + self.gmst_rate_rad_per_minute * m).sin_cos();
            self.rotation_ref.set((m, sin, cos));
            (sin, cos)
        }
    }

    /// The time `m` minutes after the epoch, to the nanosecond. The search never goes
    /// more than [`super::MAX_DAYS_FROM_EPOCH`] from the epoch; beyond the ±292 years a count of
    /// nanoseconds can hold, milliseconds are used, and the result saturates at the
    /// calendar's ends rather than wrapping or panicking.
    pub(super) fn time(&self, m: f64) -> DateTime<Utc> {
        let ns = (m * 60e9).round();
        let offset = if ns.abs() < 9.2e18 {
            Duration::nanoseconds(ns as i64)
        } else {
            Duration::try_milliseconds((m * 60e3).round() as i64).unwrap_or(if m < 0.0 {
                Duration::MIN
            } else {
                Duration::MAX
            })
        };
        self.sat
            .set
            .epoch
            .checked_add_signed(offset)
            .unwrap_or(if m < 0.0 {
                DateTime::<Utc>::MIN_UTC
            } else {
                DateTime::<Utc>::MAX_UTC
            })
    }

    /// The elevation function from a TEME state; with `bound`, also how long the
    /// satellite certainly stays below the threshold.
    pub(super) fn sample_from_state(
        &self,
        m: f64,
        r: [f64; 3],
        v: [f64; 3],
        bound: bool,
    ) -> Sample {
        let (sin, cos) = self.rotation(m);
        let r_ecef = ecef_from_teme_by(sin, cos, r);
        let w = EARTH_ROTATION_RAD_S;
        let v_rot = ecef_from_teme_by(sin, cos, v);
        let v_ecef = [v_rot[0] + w * r_ecef[1], v_rot[1] - w * r_ecef[0], v_rot[2]];
        let rho = sub(r_ecef, self.frame.r_ecef_km);
        let up = self.frame.up_ecef();
        // One division: sin el = u/ρ, and its rate (u̇ρ − uρ̇)/ρ² = (u̇ − sin el · ρ̇)/ρ
        // with ρ̇ = (ρ·v)/ρ.
        let inverse_range = 1.0 / dot(rho, rho).sqrt();
        let u = dot(rho, up);
        let u_dot = dot(v_ecef, up);
        let range_dot = dot(rho, v_ecef) * inverse_range;
        let sin_el = u * inverse_range;
        let f = sin_el - self.sin_threshold;
        let rate = (u_dot - sin_el * range_dot) * inverse_range * 60.0;
        let skip = if bound {
            self.bounds
                .at_state(f, r, v, r_ecef, sin, cos, self.step_minutes)
        } else {
            Skip::default()
        };
        Sample {
            minutes: m,
            f,
            rate,
            safe_minutes: skip.ahead_minutes,
            back_minutes: skip.behind_minutes,
            jump_minutes: skip.landing_guess_minutes,
            r,
            v,
        }
    }

    /// SGP4's state at `m`, refused once the satellite is too low to still be in orbit
    /// (under [`REENTRY_ALTITUDE_KM`]): SGP4 keeps giving positions after a decay as long as
    /// they are not inside the Earth, and a search that happened to step over the moment
    /// of decay would report passes tens of kilometres up.
    pub(super) fn state(
        &self,
        m: f64,
    ) -> Result<crate::orbit::propagate::TemeState, PropagationError> {
        let state = self.sat.state_at_minutes_cached(m, &self.resonance)?;
        let altitude_km = norm(state.r_teme_km) - EARTH_EQUATORIAL_RADIUS_WGS84_KM;
        if altitude_km < REENTRY_ALTITUDE_KM {
            return Err(PropagationError::Reentered {
                minutes_since_epoch: m,
                altitude_km,
            });
        }
        Ok(state)
    }

    /// The exact sample at `m` (one SGP4 call).
    pub(super) fn sample(&self, m: f64) -> Result<Sample, PropagationError> {
        let state = self.state(m)?;
        Ok(self.sample_from_state(m, state.r_teme_km, state.v_teme_km_s, false))
    }

    /// The exact sample at `m` with its skipping bound (for the scan, not refinement).
    pub(super) fn scan_sample(&self, m: f64) -> Result<Sample, PropagationError> {
        let state = self.state(m)?;
        Ok(self.sample_from_state(m, state.r_teme_km, state.v_teme_km_s, true))
    }

    /// The reported look angles of a sample.
    pub(super) fn point(&self, s: &Sample) -> PassPoint {
        let (sin, cos) = self.rotation(s.minutes);
        let look = self
            .frame
            .look_at(ecef_from_teme_by(sin, cos, s.r), [0.0; 3]);
        PassPoint {
            time: self.time(s.minutes),
            azimuth_deg: look.azimuth_deg,
            elevation_deg: self.reported_elevation(look.elevation_deg),
            range_km: look.range_km,
        }
    }

    fn reported_elevation(&self, geometric_deg: f64) -> f64 {
        if self.search.refraction {
            geometric_deg + refraction_deg(geometric_deg)
        } else {
            geometric_deg
        }
    }
}

/// Sine and cosine of an angle |δ| ≤ 0.8 rad from their Taylor series, through δ⁷ and δ⁸
/// within 0.07 rad and through δ¹⁵ and δ¹⁶ beyond (the terms left out are below 1e-16
/// either way): a few multiplications, where the library's sine and cosine cost several
/// times more.
fn small_angle_sin_cos(delta: f64) -> (f64, f64) {
    let d2 = delta * delta;
    if d2 <= 0.07 * 0.07 {
        // Most calls, minutes apart: the series through δ⁷ and δ⁸ is good to 1e-16 here.
        let sin_d = delta * (1.0 - d2 / 6.0 * (1.0 - d2 / 20.0 * (1.0 - d2 / 42.0)));
        let cos_d = 1.0 - d2 / 2.0 * (1.0 - d2 / 12.0 * (1.0 - d2 / 30.0 * (1.0 - d2 / 56.0)));
        return (sin_d, cos_d);
    }
    // 1/(2k+1)! and 1/(2k)!, k = 1..8, alternating in sign, summed by Horner's rule in δ².
    let sin_poly = 1.0
        + d2 * (-1.0 / 6.0
            + d2 * (1.0 / 120.0
                + d2 * (-1.0 / 5_040.0
                    + d2 * (1.0 / 362_880.0
                        + d2 * (-1.0 / 39_916_800.0
                            + d2 * (1.0 / 6_227_020_800.0 + d2 * (-1.0 / 1_307_674_368_000.0)))))));
    let cos_poly = 1.0
        + d2 * (-1.0 / 2.0
            + d2 * (1.0 / 24.0
                + d2 * (-1.0 / 720.0
                    + d2 * (1.0 / 40_320.0
                        + d2 * (-1.0 / 3_628_800.0
                            + d2 * (1.0 / 479_001_600.0
                                + d2 * (-1.0 / 87_178_291_200.0
                                    + d2 * (1.0 / 20_922_789_888_000.0))))))));
    (delta * sin_poly, cos_poly)
}

#[cfg(test)]
mod tests {
    use super::small_angle_sin_cos;

    #[test]
    fn small_angle_sine_and_cosine_match_the_library_to_rounding() {
        let worst = (-8_000..=8_000)
            .map(|k| {
                let delta = f64::from(k) / 10_000.0;
                let (sin, cos) = small_angle_sin_cos(delta);
                let (sin_exact, cos_exact) = delta.sin_cos();
                (sin - sin_exact).abs().max((cos - cos_exact).abs())
            })
            .fold(0.0, f64::max);
        assert!(worst < 5e-16, "{worst}");
    }
}
