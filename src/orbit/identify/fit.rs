//! How well one satellite's path fits the sighting: the time shift that brings it closest
//! to what was seen, and the misfit there in units of the observer's errors.
//!
//! The model: the observer saw the satellite at `at` at the reported time plus an unknown
//! shift `s` (their clock, and the element set's along-track error), and, given `to` and
//! `after_s`, at `to` `after_s` seconds after that. Each position is off by a normal error
//! of `position_sigma` on each axis of the sky, and the counted duration by a fraction of
//! itself, which spreads the second point along the path. Given only the direction it went
//! (`to` without `after_s`), the direction of motion is compared instead. The misfit is
//!
//! ```text
//! χ²(s) = |at − p(s)|² / σ² + cross² / σ² + along² / (σ² + (ω σ_Δ)²)     [+ direction term]
//! ```
//!
//! with `cross` and `along` the second point's miss across and along the path, ω the
//! path's angular rate, and the clock's prior `s² / σ_s²` beside it. It is minimised over
//! `s` on a grid of about a second (the grid divides `after_s`, so that both points fall on
//! it), then by golden-section search around the grid's best.

use super::track::{Look, SkyClock, Track};

/// Grid step of the first search over the shift, seconds (at most).
const GRID_S: f64 = 1.0;
/// Golden-section steps of the refinement (the bracket shrinks by 0.618 each: 2 s to 1 ms).
const GOLDEN_STEPS: usize = 16;
/// Time step for the direction of motion, seconds.
const TANGENT_S: f64 = 0.5;

/// What the observer reported, as unit vectors in the local (east, north, up) frame.
#[derive(Debug, Clone, Copy)]
pub(super) struct Observed {
    /// Where it was at the reported time.
    pub(super) at: [f64; 3],
    /// How it moved.
    pub(super) motion: Motion,
}

/// How the observer says it moved.
#[derive(Debug, Clone, Copy)]
pub(super) enum Motion {
    /// Not given.
    Unknown,
    /// Towards this direction (a unit tangent at `at`), how fast not said; `sigma_rad` is how
    /// well the direction is known.
    Toward {
        /// Unit vector, tangent to the sky at `at`, pointing the way it went.
        direction: [f64; 3],
        /// Uncertainty of that direction, radians.
        sigma_rad: f64,
    },
    /// At `to` `after_s` seconds after it was at `at`.
    To {
        /// Unit vector of the second position.
        to: [f64; 3],
        /// Seconds between the two positions.
        after_s: f64,
    },
}

/// The error model the misfit is measured in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Errors {
    /// Observer's position error on each axis, radians.
    pub(super) position_rad: f64,
    /// Spread of the time shift (clock and elements), seconds.
    pub(super) shift_s: f64,
    /// Counted duration's error as a fraction of it.
    pub(super) duration_fraction: f64,
}

/// The best shift of one satellite and its misfit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fit {
    /// Shift from the reported time, seconds.
    pub(super) s: f64,
    /// Geometric misfit (positions and direction), χ².
    pub(super) geometry_chi2: f64,
    /// The clock's prior, `s² / σ_s²`.
    pub(super) shift_chi2: f64,
    /// The satellite at the shifted time.
    pub(super) look: Look,
    /// The satellite `after_s` later, if the motion was given that way.
    pub(super) look_after: Option<Look>,
}

/// `|a − b|²` for unit vectors (the squared chord, radians² for small angles).
fn chord2(a: [f64; 3], b: [f64; 3]) -> f64 {
    let d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    d[0] * d[0] + d[1] * d[1] + d[2] * d[2]
}

/// `v` minus its part along the unit vector `n`, scaled to unit length (zero if nothing is left).
pub(super) fn tangent_unit(v: [f64; 3], n: [f64; 3]) -> [f64; 3] {
    let along = v[0] * n[0] + v[1] * n[1] + v[2] * n[2];
    let t = [
        v[0] - along * n[0],
        v[1] - along * n[1],
        v[2] - along * n[2],
    ];
    let len = (t[0] * t[0] + t[1] * t[1] + t[2] * t[2]).sqrt();
    if len > 1e-12 {
        [t[0] / len, t[1] / len, t[2] / len]
    } else {
        [0.0; 3]
    }
}

/// Angle between two unit vectors, radians.
pub(super) fn angle_rad(a: [f64; 3], b: [f64; 3]) -> f64 {
    let c = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).clamp(-1.0, 1.0);
    c.acos()
}

impl Observed {
    /// The geometric misfit given the satellite at the shifted time (`look`) and at the
    /// second instant (`second`: `after_s` later, or [`TANGENT_S`] later for a direction).
    fn geometry_chi2(&self, look: &Look, second: Option<&Look>, errors: &Errors) -> Option<f64> {
        let var = errors.position_rad * errors.position_rad;
        let first = chord2(self.at, look.enu) / var;
        match self.motion {
            Motion::Unknown => Some(first),
            Motion::Toward {
                direction,
                sigma_rad,
            } => {
                let next = second?;
                let moved = [0, 1, 2].map(|k| next.enu[k] - look.enu[k]);
                let heading = tangent_unit(moved, self.at);
                let miss = angle_rad(heading, direction);
                Some(first + (miss / sigma_rad).powi(2))
            }
            Motion::To { to, after_s } => {
                let b = second?;
                let path = [0, 1, 2].map(|k| b.enu[k] - look.enu[k]);
                let along_axis = tangent_unit(path, b.enu);
                let miss = [0, 1, 2].map(|k| to[k] - b.enu[k]);
                let along =
                    miss[0] * along_axis[0] + miss[1] * along_axis[1] + miss[2] * along_axis[2];
                let cross2 = (chord2(to, b.enu) - along * along).max(0.0);
                let rate_rad_s = angle_rad(look.enu, b.enu) / after_s;
                let spread = rate_rad_s * errors.duration_fraction * after_s;
                Some(first + cross2 / var + along * along / (var + spread * spread))
            }
        }
    }

    /// Seconds between the first and the second instant the misfit needs.
    fn second_after_s(&self) -> Option<f64> {
        match self.motion {
            Motion::Unknown => None,
            Motion::Toward { .. } => Some(TANGENT_S),
            Motion::To { after_s, .. } => Some(after_s),
        }
    }
}

/// Above the horizon (geometric).
fn is_up(look: &Look) -> bool {
    look.enu[2] >= 0.0
}

/// The misfit at shift `s`, with the looks behind it; `None` where the satellite is below
/// the horizon or not tracked.
fn evaluate(
    track: &mut Track<'_>,
    sky: &SkyClock,
    observed: &Observed,
    errors: &Errors,
    s: f64,
) -> Option<Fit> {
    let look = track.look(sky, s).filter(is_up)?;
    let second = match observed.second_after_s() {
        Some(after_s) => Some(track.look(sky, s + after_s).filter(is_up)?),
        None => None,
    };
    let geometry_chi2 = observed.geometry_chi2(&look, second.as_ref(), errors)?;
    let look_after = match observed.motion {
        Motion::To { .. } => second,
        _ => None,
    };
    Some(Fit {
        s,
        geometry_chi2,
        shift_chi2: (s / errors.shift_s).powi(2),
        look,
        look_after,
    })
}

impl Fit {
    /// The whole misfit the shift is chosen by.
    pub(super) fn chi2(&self) -> f64 {
        self.geometry_chi2 + self.shift_chi2
    }
}

/// The best shift in `[-window_s, window_s]`: a grid over the window, then golden-section
/// search around the grid's best. `None` when the satellite is never up with the sighting.
pub(super) fn best_fit(
    track: &mut Track<'_>,
    sky: &SkyClock,
    observed: &Observed,
    errors: &Errors,
    window_s: f64,
) -> Option<Fit> {
    // A grid step that divides the second instant's offset, so both fall on grid points.
    let (step_s, offset) = match observed.second_after_s() {
        Some(after_s) if after_s > GRID_S => {
            let n = (after_s / GRID_S).ceil();
            (after_s / n, n as usize)
        }
        Some(after_s) => (after_s, 1),
        None => (GRID_S, 0),
    };
    let count = (2.0 * window_s / step_s).ceil() as usize;
    let looks: Vec<Option<Look>> = (0..=count + offset)
        .map(|j| track.look(sky, -window_s + j as f64 * step_s).filter(is_up))
        .collect();
    let var = errors.position_rad * errors.position_rad;
    let mut best: Option<(f64, usize)> = None;
    for i in 0..=count {
        let Some(look) = &looks[i] else { continue };
        // Cheap first look: the first point alone, which never exceeds the whole misfit.
        let s = -window_s + i as f64 * step_s;
        let floor = chord2(observed.at, look.enu) / var + (s / errors.shift_s).powi(2);
        if best.is_some_and(|(b, _)| floor >= b) {
            continue;
        }
        let second = if offset > 0 {
            match looks.get(i + offset) {
                Some(Some(l)) => Some(l),
                _ => continue,
            }
        } else {
            None
        };
        let Some(g) = observed.geometry_chi2(look, second, errors) else {
            continue;
        };
        let chi2 = g + (s / errors.shift_s).powi(2);
        if best.is_none_or(|(b, _)| chi2 < b) {
            best = Some((chi2, i));
        }
    }
    let (_, i) = best?;
    let centre = -window_s + i as f64 * step_s;
    refine(track, sky, observed, errors, centre, step_s)
}

/// Golden-section search for the least misfit in `[centre − step, centre + step]`.
fn refine(
    track: &mut Track<'_>,
    sky: &SkyClock,
    observed: &Observed,
    errors: &Errors,
    centre: f64,
    step_s: f64,
) -> Option<Fit> {
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let mut cost =
        |s: f64| evaluate(track, sky, observed, errors, s).map_or(f64::INFINITY, |f| f.chi2());
    let (mut a, mut b) = (centre - step_s, centre + step_s);
    let mut c = b - ratio * (b - a);
    let mut d = a + ratio * (b - a);
    let (mut fc, mut fd) = (cost(c), cost(d));
    for _ in 0..GOLDEN_STEPS {
        if fc < fd {
            b = d;
            d = c;
            fd = fc;
            c = b - ratio * (b - a);
            fc = cost(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + ratio * (b - a);
            fd = cost(d);
        }
    }
    let s = if fc < fd { c } else { d };
    let refined = evaluate(track, sky, observed, errors, s);
    let at_centre = evaluate(track, sky, observed, errors, centre);
    match (refined, at_centre) {
        (Some(r), Some(g)) if g.chi2() < r.chi2() => Some(g),
        (Some(r), _) => Some(r),
        (None, g) => g,
    }
}

/// Where the satellite comes closest to `at` within `span_s` seconds of `around_s`:
/// the shift and the look there.
pub(super) fn closest_approach(
    track: &mut Track<'_>,
    sky: &SkyClock,
    at: [f64; 3],
    around_s: f64,
    span_s: f64,
) -> Option<(f64, Look)> {
    let step_s = 0.5;
    let n = (span_s / step_s).ceil() as i64;
    let mut best: Option<(f64, f64)> = None;
    for i in -n..=n {
        let s = around_s + i as f64 * step_s;
        if let Some(look) = track.look(sky, s) {
            let d = chord2(at, look.enu);
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, s));
            }
        }
    }
    let (_, centre) = best?;
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let mut dist = |s: f64| {
        track
            .look(sky, s)
            .map_or(f64::INFINITY, |l| chord2(at, l.enu))
    };
    let (mut a, mut b) = (centre - step_s, centre + step_s);
    for _ in 0..GOLDEN_STEPS {
        let c = b - ratio * (b - a);
        let d = a + ratio * (b - a);
        if dist(c) < dist(d) {
            b = d;
        } else {
            a = c;
        }
    }
    let s = 0.5 * (a + b);
    let s = if dist(s) <= dist(centre) { s } else { centre };
    track.look(sky, s).map(|l| (s, l))
}

/// The satellite's direction of motion (unit tangent at its position) and angular rate
/// (rad/s) at `s`.
pub(super) fn motion_at(track: &mut Track<'_>, sky: &SkyClock, s: f64) -> Option<([f64; 3], f64)> {
    let before = track.look(sky, s - TANGENT_S)?;
    let after = track.look(sky, s + TANGENT_S)?;
    let here = track.look(sky, s)?;
    let moved = [0, 1, 2].map(|k| after.enu[k] - before.enu[k]);
    Some((
        tangent_unit(moved, here.enu),
        angle_rad(before.enu, after.enu) / (2.0 * TANGENT_S),
    ))
}
