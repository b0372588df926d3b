//! One satellite's path across the observer's sky around the reported time, built only
//! where it can be near the sighting.
//!
//! Time here is seconds from the reported time (`s`). SGP4 is sampled at knots every
//! [`KNOT_S`] seconds, and between two knots the TEME position comes from the cubic
//! Hermite interpolant of the knots' positions and velocities (good to millimetres over
//! 20 s in low orbit: the fourth derivative of a circular orbit's position is ω⁴r, so the
//! error bound ω⁴r·h⁴/384 is under 1e-5 km for ω = 0.0012 rad/s, h = 20 s).
//!
//! Most of the catalog is far from the observer at any moment. Before any knot is made,
//! the window is cut in halves while a bound says the satellite cannot reach the sky's
//! part of interest in them: the geocentric angle ψ between the observer and the satellite
//! changes no faster than the satellite's angular rate at perigee plus the Earth's turn,
//! and the satellite is at elevation `e` or above only while ψ ≤ acos(R cos e / r) − e,
//! with r the apogee radius. One SGP4 call rules out a whole window for most satellites.

use super::super::frames::{ObserverFrame, ecef_from_teme_by};
use super::super::propagate::Satellite;
use super::super::reach::Reach;
use super::super::vec3::{dot, norm};

/// Time between SGP4 knots, seconds.
pub(super) const KNOT_S: f64 = 20.0;
/// Windows of at most this many knot intervals are not cut further (80 s).
const LEAF_INTERVALS: i64 = 4;
/// TEME position (km) and velocity (km/s) at a knot.
type Knot = ([f64; 3], [f64; 3]);

/// Where the satellite is in the observer's sky at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    /// Unit vector towards the satellite, local east, north, up.
    pub(super) enu: [f64; 3],
    /// Distance from the observer, km.
    pub(super) range_km: f64,
    /// TEME position, km (for sunlight and brightness).
    pub(super) r_teme_km: [f64; 3],
}

/// The observer's sky around the reported time: the frame and the sidereal rotation.
#[derive(Debug, Clone, Copy)]
pub(super) struct SkyClock {
    /// The observer.
    pub(super) frame: ObserverFrame,
    /// Sidereal angle at the reported time, radians.
    pub(super) gmst0_rad: f64,
    /// Sidereal rate, rad/s.
    pub(super) gmst_rate_rad_s: f64,
}

impl SkyClock {
    /// The look from the observer at a TEME position `r_teme_km`, `s` seconds from the
    /// reported time.
    pub(super) fn look(&self, s: f64, r_teme_km: [f64; 3]) -> Look {
        let (sin, cos) = (self.gmst0_rad + self.gmst_rate_rad_s * s).sin_cos();
        let r_ecef = ecef_from_teme_by(sin, cos, r_teme_km);
        let rho = [
            r_ecef[0] - self.frame.r_ecef_km[0],
            r_ecef[1] - self.frame.r_ecef_km[1],
            r_ecef[2] - self.frame.r_ecef_km[2],
        ];
        let [east, north, up] = self.frame.enu_axes_ecef();
        let range_km = norm(rho);
        Look {
            enu: [
                dot(rho, east) / range_km,
                dot(rho, north) / range_km,
                dot(rho, up) / range_km,
            ],
            range_km,
            r_teme_km,
        }
    }
}

/// A satellite's knots over a window of seconds `[from_s, to_s]` around the reported time,
/// made only where the skipping bound allows the satellite to be at or above
/// `min_elevation_deg`.
pub(super) struct Track<'a> {
    sat: &'a Satellite,
    /// Minutes since the element epoch at the reported time.
    minutes0: f64,
    /// Index of the first knot (knot `k` is at `k · KNOT_S`).
    first: i64,
    /// Knots from `first` on; `None` where not made (or SGP4 failed).
    knots: Vec<Option<Knot>>,
    /// Per interval between knots `first + i` and `first + i + 1`: may the satellite be up?
    active: Vec<bool>,
}

impl<'a> Track<'a> {
    /// The track of `sat` over `[from_s, to_s]`, with only the intervals where it may be at
    /// or above `min_elevation_deg` made. `None` when it cannot be there in the whole window.
    pub(super) fn new(
        sat: &'a Satellite,
        sky: &SkyClock,
        minutes0: f64,
        from_s: f64,
        to_s: f64,
        min_elevation_deg: f64,
    ) -> Option<Self> {
        let first = (from_s / KNOT_S).floor() as i64;
        let last = (to_s / KNOT_S).ceil() as i64;
        let count = usize::try_from(last - first).ok()?.max(1);
        let mut track = Self {
            sat,
            minutes0,
            first,
            knots: vec![None; count + 1],
            active: vec![false; count],
        };
        let bound = Reach::of(sat, sky.frame.radius_km(), min_elevation_deg);
        track.activate(sky, &bound, first, last);
        track.active.iter().any(|a| *a).then_some(track)
    }

    /// Marks the intervals of knots `[k0, k1]` where the satellite may be up, cutting in
    /// halves while the bound rules a half out.
    fn activate(&mut self, sky: &SkyClock, bound: &Reach, k0: i64, k1: i64) {
        let mid_s = (k0 + k1) as f64 * 0.5 * KNOT_S;
        let half_s = (k1 - k0) as f64 * 0.5 * KNOT_S;
        let Some((r, v)) = self.state(mid_s) else {
            return;
        };
        if (k0 + k1) % 2 == 0 {
            self.store((k0 + k1) / 2, (r, v));
        }
        let (sin, cos) = (sky.gmst0_rad + sky.gmst_rate_rad_s * mid_s).sin_cos();
        let psi = bound.geocentric_angle_rad(&sky.frame, ecef_from_teme_by(sin, cos, r));
        if !bound.may_be_up_within(psi, half_s) {
            return;
        }
        if k1 - k0 <= LEAF_INTERVALS {
            for k in k0..k1 {
                if let Some(a) = usize::try_from(k - self.first)
                    .ok()
                    .and_then(|i| self.active.get_mut(i))
                {
                    *a = true;
                }
            }
            return;
        }
        let mid = (k0 + k1) / 2;
        self.activate(sky, bound, k0, mid);
        self.activate(sky, bound, mid, k1);
    }

    fn state(&self, s: f64) -> Option<Knot> {
        self.sat
            .state_at_minutes(self.minutes0 + s / 60.0)
            .ok()
            .map(|st| (st.r_teme_km, st.v_teme_km_s))
    }

    fn store(&mut self, k: i64, knot: Knot) {
        if let Some(slot) = usize::try_from(k - self.first)
            .ok()
            .and_then(|i| self.knots.get_mut(i))
        {
            *slot = Some(knot);
        }
    }

    fn knot(&mut self, k: i64) -> Option<Knot> {
        let i = usize::try_from(k - self.first).ok()?;
        if let Some(knot) = *self.knots.get(i)? {
            return Some(knot);
        }
        let knot = self.state(k as f64 * KNOT_S)?;
        self.knots[i] = Some(knot);
        Some(knot)
    }

    /// TEME position `s` seconds from the reported time, where the interval is active.
    pub(super) fn teme_km(&mut self, s: f64) -> Option<[f64; 3]> {
        let k = (s / KNOT_S).floor() as i64;
        let i = usize::try_from(k - self.first).ok()?;
        if !*self.active.get(i)? {
            return None;
        }
        let (r0, v0) = self.knot(k)?;
        let (r1, v1) = self.knot(k + 1)?;
        let x = s / KNOT_S - k as f64;
        let (x2, x3) = (x * x, x * x * x);
        let h00 = 2.0 * x3 - 3.0 * x2 + 1.0;
        let h10 = (x3 - 2.0 * x2 + x) * KNOT_S;
        let h01 = -2.0 * x3 + 3.0 * x2;
        let h11 = (x3 - x2) * KNOT_S;
        Some([0, 1, 2].map(|j| h00 * r0[j] + h10 * v0[j] + h01 * r1[j] + h11 * v1[j]))
    }

    /// The look at `s` seconds from the reported time, where the interval is active.
    pub(super) fn look(&mut self, sky: &SkyClock, s: f64) -> Option<Look> {
        self.teme_km(s).map(|r| sky.look(s, r))
    }
}
