//! Skipping: how long a satellite certainly stays below the horizon (or above it).
//!
//! Far from the observer no sample is needed. Two bounds say how long the satellite
//! certainly stays below the horizon: the geocentric angle ψ between the observer and the
//! satellite cannot shrink faster than the satellite's fastest angular rate (at perigee)
//! plus the Earth's rotation, and the observer cannot approach the satellite's orbital
//! plane faster than the Earth turns (plus the plane's own J2 motion); looking ahead, the
//! observer's path about the Earth's axis is known, so its angle from the plane follows a
//! sinusoid, off by no more than the plane's turn. The satellite can only be above the
//! horizon while ψ is below ψ_max, found from the apogee radius.
//!
//! [`OrbitExtent`] holds the orbit's radii and angular rates with their margins (the
//! finder's steps and the shadow walk use them too); [`SkipBounds`] the rates and angles
//! the bounds need, and [`SkipBounds::at_state`] applies them to one sample.

use crate::orbit::constants::{
    DAY_MINUTES, DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM, EARTH_GM_WGS72_KM3_S2,
    EARTH_ROTATION_RAD_S, J2_WGS72,
};
use crate::orbit::frames::{ObserverFrame, ecef_from_teme_by};
use crate::orbit::vec3::{cross, dot, norm, unit};

/// How far short of the observer's zone (along the orbit) a guessed landing aims, rad.
const JUMP_MARGIN_RAD: f64 = 0.035;

/// Allowance for the error of [`acos_approx`] in the skipping bounds, rad.
const BOUND_ANGLE_SLACK_RAD: f64 = 1e-6;

/// The size and speed of an orbit from its mean elements, with margins for the
/// osculating wobble, drag and rounding: what the bounds and step lengths are built on.
#[derive(Debug, Clone, Copy)]
pub(super) struct OrbitExtent {
    /// Orbital period, minutes.
    pub(super) period_minutes: f64,
    /// Mean motion, rad/s.
    pub(super) n_rad_s: f64,
    /// Semi-major axis, km.
    pub(super) a_km: f64,
    /// Eccentricity.
    pub(super) e: f64,
    /// Largest geocentric radius (apogee with a margin), km.
    pub(super) r_apogee_km: f64,
    /// Smallest geocentric radius (perigee with a margin, at least 6300 km), km.
    pub(super) r_perigee_km: f64,
    /// Semi-latus rectum, km.
    pub(super) p_km: f64,
    /// Fastest angular rate about the Earth's centre (at perigee, 1% to spare), rad/s.
    pub(super) n_fastest_rad_s: f64,
    /// Slowest angular rate about the Earth's centre (at apogee, 1% to spare), rad/s.
    pub(super) n_slowest_rad_s: f64,
}

impl OrbitExtent {
    /// The extent of the orbit of mean elements `el`.
    pub(super) fn new(el: &sgp4::Elements) -> Self {
        let period_minutes = DAY_MINUTES / el.mean_motion;
        let n_rad_s = el.mean_motion * std::f64::consts::TAU / DAY_S;
        let a_km = (EARTH_GM_WGS72_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
        let e = el.eccentricity;
        // Osculating radii wander from the mean ones by about ten km in low orbit (J2
        // short-period terms); 0.5% and 25 km cover that, drag and rounding.
        let r_apogee_km = a_km * (1.0 + e) * 1.005 + 25.0;
        let r_perigee_km = (a_km * (1.0 - e) * 0.995 - 25.0).max(6300.0);
        // Angular rates about the Earth's centre, fastest at perigee and slowest at
        // apogee, with 1% to spare for the osculating wobble.
        let p_km = a_km * (1.0 - e * e);
        let h_ang = (EARTH_GM_WGS72_KM3_S2 * p_km).sqrt();
        let n_fastest_rad_s = h_ang / (r_perigee_km * r_perigee_km) * 1.01;
        let n_slowest_rad_s = h_ang / (r_apogee_km * r_apogee_km) * 0.99;
        Self {
            period_minutes,
            n_rad_s,
            a_km,
            e,
            r_apogee_km,
            r_perigee_km,
            p_km,
            n_fastest_rad_s,
            n_slowest_rad_s,
        }
    }
}

/// The rates and angles behind the skipping bounds of one satellite and observer.
#[derive(Debug, Clone, Copy)]
pub(super) struct SkipBounds {
    /// Largest geocentric angle at which the satellite can be above the threshold, rad.
    psi_max_rad: f64,
    /// Below this geocentric angle the satellite is certainly above the threshold, rad.
    psi_up_rad: f64,
    /// Bound on the rate of the observer–satellite geocentric angle, rad/min.
    psi_rate_rad_per_minute: f64,
    /// Bound on the rate of the satellite's angle along its orbit towards the observer, rad/min.
    along_rate_rad_per_minute: f64,
    /// Slowest orbital rate above twelve times the Earth's (periods under about two hours):
    /// the satellite outruns the observer's projection on its plane, whose rate
    /// ω (cos i − tan δ p_z) only nears the satellite's when the observer is over 85° from
    /// the plane, and from there δ cannot come back within ψ_max (under 40° at such
    /// heights) inside one orbit. So the angle from the satellite forward to the projection
    /// shrinks steadily whenever a pass is possible (used by the backward bound).
    low_orbit: bool,
    /// Bound on the rate at which the observer nears the orbital plane, rad/min.
    plane_rate_rad_per_minute: f64,
    /// Bound on the turning rate of the orbital plane itself (J2, Moon and Sun), rad/min.
    plane_turn_rad_per_minute: f64,
    /// Rate of the sidereal time, rad per minute.
    gmst_rate_rad_per_minute: f64,
    /// Observer position as a unit vector, ECEF.
    observer_unit_ecef: [f64; 3],
}

/// What the bounds say at one sample, minutes.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Skip {
    /// Minutes the satellite certainly stays on its side of the threshold from here.
    pub(super) ahead_minutes: f64,
    /// Minutes it certainly was below the threshold before here (0 if unknown).
    pub(super) behind_minutes: f64,
    /// A guess at how far ahead it comes near the observer, minutes (0 if none).
    pub(super) landing_guess_minutes: f64,
}

impl SkipBounds {
    /// The bounds for an orbit of `extent` and inclination `inclination_deg`, seen from
    /// `frame` with rise and set at the geometric elevation `threshold_geo_deg`.
    pub(super) fn new(
        extent: &OrbitExtent,
        inclination_deg: f64,
        frame: &ObserverFrame,
        threshold_geo_deg: f64,
        gmst_rate_rad_per_minute: f64,
    ) -> Self {
        let OrbitExtent {
            n_rad_s,
            r_apogee_km,
            r_perigee_km,
            p_km,
            n_fastest_rad_s,
            n_slowest_rad_s,
            ..
        } = *extent;
        let observer_radius_km = frame.radius_km();
        // ψ_max: largest geocentric angle at which the satellite can be above the threshold,
        // with 0.25° for the geodetic vs. geocentric vertical and 0.25° to spare.
        let h_rad = (threshold_geo_deg - 0.5).to_radians();
        let ratio = (observer_radius_km * h_rad.cos() / r_apogee_km).min(1.0);
        let psi_max_rad = (ratio.acos() - h_rad).max(0.0);
        // ψ_up: the largest geocentric angle at which the satellite is certainly above the
        // threshold (at its lowest radius, with the same margins the other way).
        let h_up_rad = (threshold_geo_deg + 0.5).to_radians();
        let ratio_up = (observer_radius_km * h_up_rad.cos() / r_perigee_km).min(1.0);
        let psi_up_rad = ratio_up.acos() - h_up_rad;
        let earth_rate_rad_s = EARTH_ROTATION_RAD_S;
        // The orbital plane turns by J2 (secular and short-periodic) and by the Moon and
        // Sun; bound it generously. The observer turns with the Earth.
        // (A bound: the radius's model does not matter; WGS-84's is the one it was tuned with.)
        let plane_turn_rad_s = 6.0
            * J2_WGS72
            * (EARTH_EQUATORIAL_RADIUS_WGS84_KM / p_km.max(EARTH_EQUATORIAL_RADIUS_WGS84_KM))
                .powi(2)
            * n_rad_s
            + 2e-7;
        let plane_rate_rad_per_minute = (earth_rate_rad_s * 1.02 + plane_turn_rad_s) * 60.0;
        // Seen from the turning Earth the satellite's angular velocity is θ̇·n̂ − ω·ẑ, whose
        // size is at most √(θ̇max² + ω² − 2 θ̇min ω cos i) for a prograde orbit (and with
        // θ̇max in the cross term for a retrograde one): small for a geostationary orbit.
        let cos_i = inclination_deg.to_radians().cos();
        let cross_term = if cos_i >= 0.0 {
            2.0 * n_slowest_rad_s * earth_rate_rad_s * cos_i
        } else {
            2.0 * n_fastest_rad_s * earth_rate_rad_s * cos_i
        };
        let relative_rad_s =
            (n_fastest_rad_s * n_fastest_rad_s + earth_rate_rad_s * earth_rate_rad_s - cross_term)
                .max(0.0)
                .sqrt();
        let psi_rate_rad_per_minute = (relative_rad_s + plane_turn_rad_s) * 60.0;
        let along_rate_rad_per_minute =
            (n_fastest_rad_s + earth_rate_rad_s * 1.02 + plane_turn_rad_s) * 60.0;
        Self {
            psi_max_rad,
            psi_up_rad,
            psi_rate_rad_per_minute,
            along_rate_rad_per_minute,
            low_orbit: n_slowest_rad_s > 12.0 * earth_rate_rad_s,
            plane_rate_rad_per_minute,
            plane_turn_rad_per_minute: plane_turn_rad_s * 60.0,
            gmst_rate_rad_per_minute,
            observer_unit_ecef: unit(frame.r_ecef_km),
        }
    }

    /// The bounds at a sample whose elevation function is `f` (negative below the
    /// threshold), at TEME state `r`, `v` (km, km/s) and ECEF position `r_ecef` (km), the
    /// sidereal angle's sine and cosine `sin`, `cos`; `step_minutes` is the scan's step.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn at_state(
        &self,
        f: f64,
        r: [f64; 3],
        v: [f64; 3],
        r_ecef: [f64; 3],
        sin: f64,
        cos: f64,
        step_minutes: f64,
    ) -> Skip {
        let safe_minutes;
        let mut back_minutes = 0.0;
        let mut jump_minutes = 0.0;
        // The bounds take angles from `acos_approx`, allowing for its error.
        let cos_psi = dot(r_ecef, self.observer_unit_ecef) / dot(r_ecef, r_ecef).sqrt();
        let psi = acos_approx(cos_psi);
        if f < 0.0 {
            let by_psi =
                (psi - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad) / self.psi_rate_rad_per_minute;
            let normal_teme = unit(cross(r, v));
            let observer_teme = ecef_from_teme_by(-sin, cos, self.observer_unit_ecef);
            let sin_delta = dot(normal_teme, observer_teme).clamp(-1.0, 1.0);
            let delta = std::f64::consts::FRAC_PI_2 - acos_approx(sin_delta.abs());
            let by_plane =
                (delta - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad) / self.plane_rate_rad_per_minute;
            // Looking ahead the observer's path is known: it turns with the Earth about
            // the z axis, so with the plane held still sin δ runs along a sinusoid, and
            // the plane's own turning moves it by at most `plane_turn_rad_per_minute` a minute.
            let by_plane_ahead = if by_plane > step_minutes && by_plane >= by_psi {
                let [nx, ny, nz] = normal_teme;
                let [ox, oy, oz] = observer_teme;
                self.plane_entry_minutes(nx * ox + ny * oy, ny * ox - nx * oy, nz * oz)
                    .max(by_plane)
            } else {
                by_plane
            };
            // Along the orbit: the satellite is within ψ_max of the observer only while
            // its angle to the observer's projection on the orbital plane is within
            // ψ_max, and it closes that angle no faster than `along_rate_rad_per_minute`.
            let projection = [
                observer_teme[0] - sin_delta * normal_teme[0],
                observer_teme[1] - sin_delta * normal_teme[1],
                observer_teme[2] - sin_delta * normal_teme[2],
            ];
            let x = dot(r, projection);
            let y = dot(cross(r, projection), normal_teme);
            let hypot = (x * x + y * y).sqrt();
            let mut by_along = 0.0;
            if hypot > 0.0 {
                // The angle from the satellite forward to the projection, in [0, 2π).
                let angle = acos_approx(x / hypot);
                let ahead = if y >= 0.0 {
                    angle
                } else {
                    std::f64::consts::TAU - angle
                };
                if ahead + BOUND_ANGLE_SLACK_RAD < std::f64::consts::TAU - self.psi_max_rad {
                    by_along = (ahead - BOUND_ANGLE_SLACK_RAD - self.psi_max_rad)
                        / self.along_rate_rad_per_minute;
                }
                if self.low_orbit {
                    // In a low orbit the angle only ever shrinks (the satellite outruns
                    // the projection), so looking back it grows, no faster than
                    // `along_rate_rad_per_minute`, and stays short of 2π − ψ_max for a while.
                    if ahead - BOUND_ANGLE_SLACK_RAD > self.psi_max_rad {
                        let back_along = (std::f64::consts::TAU
                            - self.psi_max_rad
                            - ahead
                            - BOUND_ANGLE_SLACK_RAD)
                            / self.along_rate_rad_per_minute;
                        back_minutes = by_psi.max(by_plane).max(back_along).max(0.0);
                    }
                    // Guess where the satellite reaches the observer's zone at its
                    // present closing rate: its own angular rate less the projection's
                    // (ω (cos i − tan δ p_z)).
                    if by_along > step_minutes && by_along >= by_psi.max(by_plane) {
                        let own_rad_per_minute = norm(cross(r, v)) / dot(r, r) * 60.0;
                        // The projection's length is cos δ; p_z is its unit z.
                        let cos_delta = norm(projection).max(1e-3);
                        let projection_z = projection[2] / cos_delta;
                        let beta_rad_per_minute = EARTH_ROTATION_RAD_S
                            * 60.0
                            * (normal_teme[2] - sin_delta / cos_delta * projection_z);
                        let closing = own_rad_per_minute - beta_rad_per_minute;
                        if closing > 0.0 {
                            let guess =
                                (ahead - self.psi_max_rad - JUMP_MARGIN_RAD) / closing * 0.98;
                            if guess > by_along {
                                jump_minutes = guess;
                            }
                        }
                    }
                }
            }
            safe_minutes = by_psi.max(by_plane_ahead).max(by_along).max(0.0);
        } else {
            // Up: it cannot set before ψ grows past ψ_up.
            safe_minutes = ((self.psi_up_rad - psi - BOUND_ANGLE_SLACK_RAD)
                / self.psi_rate_rad_per_minute)
                .max(0.0);
        }
        Skip {
            ahead_minutes: safe_minutes,
            behind_minutes: back_minutes,
            landing_guess_minutes: jump_minutes,
        }
    }

    /// Minutes the observer certainly stays more than ψ_max from the orbital plane, given
    /// sin δ(t) = p cos ωt + q sin ωt + b for the plane as it is now (ω the sidereal rate),
    /// and the plane turning by at most `plane_turn_rad_per_minute`: the true sin δ strays from
    /// the sinusoid by at most that rate times t, so it cannot come within sin ψ_max of 0
    /// before the sinusoid comes within sin ψ_max + that rate × T, for any horizon T.
    fn plane_entry_minutes(&self, p: f64, q: f64, b: f64) -> f64 {
        const HORIZON_MINUTES: f64 = DAY_MINUTES;
        let band = (self.psi_max_rad + BOUND_ANGLE_SLACK_RAD).sin();
        let entry = |c: f64| sinusoid_band_entry_minutes(p, q, b, c, self.gmst_rate_rad_per_minute);
        let horizon = entry(band).min(HORIZON_MINUTES);
        entry(band + self.plane_turn_rad_per_minute * horizon).min(horizon)
    }
}

/// Minutes until b + p cos ωt + q sin ωt first comes within `c` of zero (0 if it is now,
/// infinity if it never does), for ω > 0 in rad/min.
fn sinusoid_band_entry_minutes(p: f64, q: f64, b: f64, c: f64, omega_rad_per_minute: f64) -> f64 {
    use std::f64::consts::TAU;
    // The value now (t = 0) is b + p.
    if (b + p).abs() <= c {
        return 0.0;
    }
    let amplitude = p.hypot(q);
    if amplitude < 1e-12 {
        return f64::INFINITY;
    }
    // With φ = ωt − atan2(q, p) the value is b + A cos φ: inside the band while
    // cos φ ∈ [lo, hi], i.e. φ in [acos hi, acos lo] or [2π − acos lo, 2π − acos hi].
    let hi = ((c - b) / amplitude).min(1.0);
    let lo = ((-c - b) / amplitude).max(-1.0);
    if hi < lo {
        return f64::INFINITY;
    }
    let phi0 = (-q.atan2(p)).rem_euclid(TAU);
    let ahead = |start: f64| (start - phi0).rem_euclid(TAU);
    ahead(hi.acos()).min(ahead(TAU - lo.acos())) / omega_rad_per_minute
}

/// The arc cosine of `x` (clamped to [−1, 1]) to within 1e-7 rad: Abramowitz and Stegun's
/// 4.4.46 (error 2e-8), several times quicker than `f64::acos`. For the skipping bounds,
/// which allow for the error ([`BOUND_ANGLE_SLACK_RAD`]).
fn acos_approx(x: f64) -> f64 {
    let a = x.abs().min(1.0);
    let p = 1.570_796_305_0
        + a * (-0.214_598_801_6
            + a * (0.088_978_987_4
                + a * (-0.050_174_304_6
                    + a * (0.030_891_881_0
                        + a * (-0.017_088_125_6 + a * (0.006_670_090_1 - a * 0.001_262_491_1))))));
    let angle = (1.0 - a).sqrt() * p;
    if x >= 0.0 {
        angle
    } else {
        std::f64::consts::PI - angle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acos_approx_is_within_its_allowance() {
        let worst = (-100_000..=100_000)
            .map(|k| {
                let x = f64::from(k) / 100_000.0;
                (acos_approx(x) - x.acos()).abs()
            })
            .fold(0.0, f64::max);
        assert!(worst < 1e-7, "{worst}");
        assert!(worst < BOUND_ANGLE_SLACK_RAD / 10.0);
        assert_eq!(acos_approx(1.5), 0.0);
    }

    #[test]
    fn sinusoid_band_entry_is_the_first_minute_inside_the_band() {
        let omega = 0.004_375;
        let cases = [
            (0.3, 0.5, 0.2, 0.1),
            (-0.6, 0.1, 0.35, 0.39),
            (0.0, 0.7, -0.1, 0.05),
            (0.62, -0.2, 0.37, 0.4),
            (0.1, 0.1, 0.9, 0.39),
            (0.5, 0.0, 0.0, 0.6),
        ];
        for (p, q, b, c) in cases {
            let value = |t: f64| b + p * (omega * t).cos() + q * (omega * t).sin();
            let brute = (0..=2 * 1440 * 100)
                .map(|k| f64::from(k) / 100.0)
                .find(|&t| value(t).abs() <= c)
                .unwrap_or(f64::INFINITY);
            let found = sinusoid_band_entry_minutes(p, q, b, c, omega);
            if brute.is_infinite() {
                assert!(found.is_infinite(), "{p} {q} {b} {c}: {found}");
            } else {
                assert!(
                    (found - brute).abs() < 0.011,
                    "{p} {q} {b} {c}: {found} vs {brute}"
                );
                assert!(value(found).abs() <= c + 1e-9);
            }
        }
    }
}
