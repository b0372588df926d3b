//! Positions of a whole catalog for drawing on a map, frame after frame.
//!
//! SGP4 for 15,000 satellites costs about 10 ms, too much for every frame. A [`Fleet`]
//! keeps each satellite's TEME state at two instants a minute apart (knots) and draws
//! in between from a cubic Hermite interpolant of position and velocity, good to a few
//! metres in low orbit. New knots are computed (in parallel) only when the clock leaves
//! the interval, so a map running at x1000 still calls SGP4 for each satellite only once
//! every few frames.

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::frames::{ecef_from_teme_by, geocentric_subpoint_deg, gmst_rad, julian_date_utc};
use super::propagate::Satellite;

/// Time between knots, seconds.
const KNOT_S: i64 = 60;

/// One satellite's TEME position (km) and velocity (km/s) at a knot, if it propagates.
type Knot = Option<([f64; 3], [f64; 3])>;

/// Interpolated positions of many satellites; see the module documentation.
#[derive(Debug, Default)]
pub struct Fleet {
    t0: Option<DateTime<Utc>>,
    count: usize,
    knots0: Vec<Knot>,
    knots1: Vec<Knot>,
}

fn knots(sats: &[Satellite], t: DateTime<Utc>) -> Vec<Knot> {
    sats.par_iter()
        .map(|sat| {
            sat.state_at(t)
                .ok()
                .map(|state| (state.r_teme_km, state.v_teme_km_s))
        })
        .collect()
}

impl Fleet {
    /// An empty fleet; the first call computes its knots.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sub-satellite points `[longitude, latitude]` in degrees (geocentric latitude, within
    /// 0.2° of geodetic: plenty for a dot) of `sats` at `t`, NaN where a satellite does not
    /// propagate (decayed). `sats` must be the same list, in the same order, from call to
    /// call; a list of another length starts afresh.
    pub fn subpoints_deg(&mut self, sats: &[Satellite], t: DateTime<Utc>) -> Vec<[f32; 2]> {
        self.ensure_knots(sats, t);
        let Some(t0) = self.t0 else {
            return Vec::new();
        };
        let h_s = KNOT_S as f64;
        let s = ((t - t0).num_milliseconds() as f64 / 1000.0) / h_s;
        let (s2, s3) = (s * s, s * s * s);
        let h00 = 2.0 * s3 - 3.0 * s2 + 1.0;
        let h10 = (s3 - 2.0 * s2 + s) * h_s;
        let h01 = -2.0 * s3 + 3.0 * s2;
        let h11 = (s3 - s2) * h_s;
        let (sin, cos) = gmst_rad(julian_date_utc(t)).sin_cos();
        self.knots0
            .iter()
            .zip(&self.knots1)
            .map(|(a, b)| match (a, b) {
                (Some((ra, va)), Some((rb, vb))) => {
                    let r =
                        [0, 1, 2].map(|k| h00 * ra[k] + h10 * va[k] + h01 * rb[k] + h11 * vb[k]);
                    let (lat, lon) = geocentric_subpoint_deg(ecef_from_teme_by(sin, cos, r));
                    [lon as f32, lat as f32]
                }
                _ => [f32::NAN, f32::NAN],
            })
            .collect()
    }

    /// Makes sure the knots bracket `t`, reusing the later knot when time moves on.
    fn ensure_knots(&mut self, sats: &[Satellite], t: DateTime<Utc>) {
        let knot = Duration::seconds(KNOT_S);
        let inside = |t0: DateTime<Utc>| t >= t0 && t <= t0 + knot;
        match self.t0 {
            Some(t0) if self.count == sats.len() && inside(t0) => {}
            Some(t0) if self.count == sats.len() && inside(t0 + knot) => {
                self.knots0 = std::mem::take(&mut self.knots1);
                self.knots1 = knots(sats, t0 + knot + knot);
                self.t0 = Some(t0 + knot);
            }
            _ => {
                // Knots on whole minutes, so that a paused clock keeps its knots.
                let t0 = t - Duration::milliseconds(t.timestamp_millis().rem_euclid(KNOT_S * 1000));
                self.knots0 = knots(sats, t0);
                self.knots1 = knots(sats, t0 + knot);
                self.t0 = Some(t0);
                self.count = sats.len();
            }
        }
    }
}
