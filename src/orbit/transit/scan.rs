//! Finding the stretches of time when a transit near the place is possible at all.
//!
//! The centre line can only come within R of the place when the satellite comes within
//! R of the place's line of sight to the body: every point of the line from the body
//! through the satellite is at least the satellite's distance from that sight line away
//! from the place (exactly so for the Sun, whose lines are parallel; within 1% for the
//! Moon's, which meet 384,000 km away). So the scan follows
//!
//! `g(t)` = distance from the satellite to the half-line from the place towards the body,
//!
//! which cannot shrink faster than the satellite moves plus the half-line sweeps
//! (`v_max`, from the orbit's perigee speed). From a sample where `g` exceeds the reach
//! `R_s`, no dip below it can come sooner than `(g − R_s) / v_max`: the scan steps that far
//! (at least [`SMALLEST_STEP_S`], for which `R_s` has `v_max · SMALLEST_STEP_S` to spare).
//! While the body is well below the place's horizon (lower than the ground within R can
//! see it), the scan steps as far as the body cannot rise in. Where `g` is within `R_s`,
//! the scan walks second by second and hands the stretch to the event's refinement.

use super::geometry::{Scene, Snapshot};
use crate::orbit::constants::{EARTH_GM_WGS72_KM3_S2, EARTH_MEAN_RADIUS_KM};
use crate::orbit::frames::ObserverFrame;
use crate::orbit::propagate::PropagationError;
use crate::orbit::vec3::{dot, norm, sub};

/// The scan never steps less than this, seconds.
pub(super) const SMALLEST_STEP_S: f64 = 1.0;
/// Fastest the body's elevation can change, degrees per second (the Earth turns 0.00418°
/// a second; the Moon's own motion only slows that).
const BODY_ELEVATION_RATE_DEG_S: f64 = 0.0045;
/// How fast the sight line's far points can move through turning, per km of distance,
/// km/s per km (the Moon: 0.55° an hour of its own and up to 0.25° of parallax).
const SIGHT_LINE_TURN_RATE_RAD_S: f64 = 5e-6;
/// Fastest the place moves about the Earth's axis, with a margin, km/s.
const PLACE_SPEED_KM_S: f64 = 0.48;
/// Strips of a transit seen from the place reach this far from its centre line at most,
/// km: the width the search always covers, whatever the radius.
pub(super) const STRIP_REACH_KM: f64 = 15.0;

/// A stretch of time when the satellite is within reach of the place's sight line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Stretch {
    /// First second of the stretch (seconds from the scene's start).
    pub(super) from_s: f64,
    /// Last second of the stretch.
    pub(super) to_s: f64,
}

/// The scan's settings for one satellite and one search.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reach {
    /// Distance from the sight line within which a stretch starts, km.
    reach_km: f64,
    /// Bound on how fast `g` can shrink, km/s.
    v_max_km_s: f64,
    /// Below this elevation of the body at the place, nothing within the radius can see
    /// it, degrees.
    lowest_elevation_deg: f64,
}

impl Reach {
    /// The reach for a search radius of `radius_km` and the orbit of `scene`'s satellite.
    pub(super) fn new(scene: &Scene<'_>, radius_km: f64) -> Self {
        let el = &scene.sat.set.elements;
        let n_rad_s = el.mean_motion * std::f64::consts::TAU / crate::orbit::constants::DAY_S;
        let a_km = (EARTH_GM_WGS72_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
        let e = el.eccentricity.clamp(0.0, 0.99);
        // Perigee speed by vis-viva, with 3% for the osculating wobble and drag.
        let v_perigee_km_s = (EARTH_GM_WGS72_KM3_S2 / a_km * (1.0 + e) / (1.0 - e)).sqrt() * 1.03;
        let r_apogee_km = a_km * (1.0 + e) * 1.01 + 50.0;
        let v_max_km_s =
            v_perigee_km_s + PLACE_SPEED_KM_S + SIGHT_LINE_TURN_RATE_RAD_S * 2.0 * r_apogee_km;
        // The Moon's lines meet at the Moon: the sight line's distance underestimates the
        // centre line's by up to 1% within 3,000 km; 2% and a kilometre cover it.
        let reach_km =
            radius_km.max(0.0) * 1.02 + 1.0 + STRIP_REACH_KM + v_max_km_s * SMALLEST_STEP_S;
        // The ground within R sees the body up to R / Earth radius higher; the Moon's
        // parallax changes by a tenth of a degree across it at most.
        let lowest_elevation_deg = -(radius_km.max(0.0) / EARTH_MEAN_RADIUS_KM).to_degrees() - 0.6;
        Self {
            reach_km,
            v_max_km_s,
            lowest_elevation_deg,
        }
    }
}

/// The body's elevation at the place and the satellite's distance from the place's
/// sight line to the body, at `snap`.
fn sight_line_distance(frame: &ObserverFrame, snap: &Snapshot) -> (f64, f64) {
    let to_body = sub(snap.body_ecef_km, frame.r_ecef_km);
    let u = {
        let n = norm(to_body);
        [to_body[0] / n, to_body[1] / n, to_body[2] / n]
    };
    let elevation_deg = dot(u, frame.up_ecef()).clamp(-1.0, 1.0).asin().to_degrees();
    let d = sub(snap.sat_ecef_km, frame.r_ecef_km);
    let along = dot(d, u);
    let distance_km = if along <= 0.0 {
        norm(d)
    } else {
        norm([
            d[0] - along * u[0],
            d[1] - along * u[1],
            d[2] - along * u[2],
        ])
    };
    (elevation_deg, distance_km)
}

/// Every stretch in `[from_s, to_s]` when the satellite comes within reach of the place's
/// sight line to the body while the body can be up. Stops at the first propagation
/// failure, returning the stretches found before it and the failure.
pub(super) fn stretches(
    scene: &Scene<'_>,
    frame: &ObserverFrame,
    reach: &Reach,
    from_s: f64,
    to_s: f64,
) -> (Vec<Stretch>, Option<PropagationError>) {
    let mut found = Vec::new();
    let mut t_s = from_s;
    let mut open: Option<f64> = None;
    while t_s <= to_s {
        let snap = match scene.at(t_s) {
            Ok(s) => s,
            Err(e) => {
                if let Some(from) = open {
                    found.push(Stretch {
                        from_s: from,
                        to_s: t_s,
                    });
                }
                return (found, Some(e));
            }
        };
        let (elevation_deg, distance_km) = sight_line_distance(frame, &snap);
        let within = elevation_deg >= reach.lowest_elevation_deg && distance_km <= reach.reach_km;
        if within {
            open.get_or_insert(t_s);
            t_s += SMALLEST_STEP_S;
            continue;
        }
        if let Some(from) = open.take() {
            found.push(Stretch {
                from_s: from,
                to_s: t_s,
            });
        }
        let below_s = (reach.lowest_elevation_deg - elevation_deg) / BODY_ELEVATION_RATE_DEG_S;
        let away_s = (distance_km - reach.reach_km) / reach.v_max_km_s;
        t_s += below_s.max(away_s).max(SMALLEST_STEP_S);
    }
    if let Some(from) = open {
        found.push(Stretch { from_s: from, to_s });
    }
    (found, None)
}
