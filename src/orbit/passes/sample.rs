//! One sample of the elevation function: its value and rate at one time, the skipping
//! bounds there (for the scan's samples) and the TEME state behind it. The state's gravity
//! ([`gravity_km_s2`]), which the interpolant and a short step along the motion use, is
//! computed where it is needed: most samples never need it.

use crate::orbit::constants::{EARTH_EQUATORIAL_RADIUS_WGS72_KM, EARTH_GM_WGS72_KM3_S2, J2_WGS72};
use crate::orbit::vec3::dot;

/// The elevation function and its derivative at one time, with the TEME state behind it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sample {
    /// The time, minutes since the element epoch (the search's time axis: every `m` in
    /// these files is such a minute count).
    pub(super) minutes: f64,
    /// Sine of the geometric elevation minus the sine of the threshold: same sign as
    /// "elevation − threshold", and free of inverse trigonometry in the inner loops.
    pub(super) f: f64,
    /// Rate of `f`, per minute.
    pub(super) rate: f64,
    /// Minutes the satellite certainly stays on its side of the threshold from here (only
    /// for the scan's samples; 0 if unknown).
    pub(super) safe_minutes: f64,
    /// Minutes it certainly was below the threshold before here (0 if unknown).
    pub(super) back_minutes: f64,
    /// A guess at how far ahead the satellite comes near the observer, minutes, beyond
    /// `safe_minutes` (0 if none): the scan tries landing there and keeps the landing only if
    /// its `back_minutes` covers what `safe_minutes` does not.
    pub(super) jump_minutes: f64,
    /// TEME position, km.
    pub(super) r: [f64; 3],
    /// TEME velocity, km/s.
    pub(super) v: [f64; 3],
}

impl Sample {
    /// The sample carried a moment (at most a second) along its motion to minute `m`: the
    /// value by its rate, the state by its velocity and gravity. The state is good to
    /// millimetres, so a converged solver need not evaluate the satellite again where it
    /// stops.
    pub(super) fn advanced(&self, m: f64) -> Self {
        let dt_s = (m - self.minutes) * 60.0;
        let acc = gravity_km_s2(self.r);
        let mut r = self.r;
        let mut v = self.v;
        for k in 0..3 {
            r[k] += (self.v[k] + 0.5 * acc[k] * dt_s) * dt_s;
            v[k] += acc[k] * dt_s;
        }
        Self {
            minutes: m,
            f: self.f + self.rate * (m - self.minutes),
            r,
            v,
            ..*self
        }
    }
}

/// Acceleration of a satellite at TEME position `r_km` under the Earth's central field and
/// its J2 oblateness (WGS-72), km/s². SGP4's trajectories follow it to about 1e-7 km/s² in
/// low orbit (drag, J3 and SGP4's own approximations make up the rest).
pub(super) fn gravity_km_s2(r_km: [f64; 3]) -> [f64; 3] {
    let r2 = dot(r_km, r_km);
    let k = -EARTH_GM_WGS72_KM3_S2 / (r2 * r2.sqrt());
    let z2 = r_km[2] * r_km[2] / r2;
    let j =
        1.5 * J2_WGS72 * EARTH_EQUATORIAL_RADIUS_WGS72_KM * EARTH_EQUATORIAL_RADIUS_WGS72_KM / r2;
    let xy = k * (1.0 + j * (1.0 - 5.0 * z2));
    [
        xy * r_km[0],
        xy * r_km[1],
        k * (1.0 + j * (3.0 - 5.0 * z2)) * r_km[2],
    ]
}
