//! The satellite's path across the body's disc seen from one point, for a close-up.
//!
//! Offsets are angles from the body's centre on the observer's sky, in degrees: `x` to
//! the right and `y` up, for someone facing the body with the zenith up (the local
//! vertical projected across the line of sight). A camera on an alt-azimuth mount sees
//! the disc this way round.

use chrono::{DateTime, Duration, Utc};

use super::geometry::Scene;
use super::{TransitBody, satellite_size_m};
use crate::orbit::frames::{Observer, ObserverFrame};
use crate::orbit::propagate::{PropagationError, Satellite};
use crate::orbit::vec3::{cross, dot, sub, unit};

/// One point of the satellite's path across the disc.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiscPoint {
    /// The instant, UTC.
    pub time: DateTime<Utc>,
    /// Offset of the satellite's centre from the body's centre to the right, degrees.
    pub x_deg: f64,
    /// Offset upwards (towards the zenith), degrees.
    pub y_deg: f64,
}

/// The body's disc and the satellite's path across it, seen from one point.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscView {
    /// The satellite's catalog number.
    pub norad_id: u64,
    /// The body.
    pub body: TransitBody,
    /// The body's apparent radius, degrees.
    pub body_radius_deg: f64,
    /// The satellite's largest dimension, metres, when known ([`satellite_size_m`]).
    pub satellite_size_m: Option<f64>,
    /// That dimension as an angle at the satellite's range, degrees.
    pub satellite_size_deg: Option<f64>,
    /// The path, in time order.
    pub path: Vec<DiscPoint>,
}

/// The path of `sat` across `body` seen from `point`, over `around ± half_span_s` in
/// `steps` equal steps (at least 2). The body's radius and the satellite's size are
/// those at `around`.
pub fn disc_view(
    sat: &Satellite,
    body: TransitBody,
    point: Observer,
    around: DateTime<Utc>,
    half_span_s: f64,
    steps: usize,
) -> Result<DiscView, PropagationError> {
    let frame = ObserverFrame::new(point);
    let here = frame.r_ecef_km;
    let up = frame.up_ecef();
    let scene = Scene::new(sat, body, around);
    let centre = scene.at(0.0)?;
    let body_radius_deg = scene.body_radius_deg(&centre, here);
    let size_m = satellite_size_m(sat.set.norad_id);
    let satellite_size_deg =
        size_m.map(|m| (m / 1000.0 / centre.range_km(here)).atan().to_degrees());
    let steps = steps.max(2);
    let mut path = Vec::with_capacity(steps + 1);
    for k in 0..=steps {
        let t_s = -half_span_s + 2.0 * half_span_s * k as f64 / steps as f64;
        let snap = scene.at(t_s)?;
        let b = unit(sub(snap.body_ecef_km, here));
        let s = unit(sub(snap.sat_seen_from(here), here));
        // The sky's axes at the body: up is the zenith across the line of sight, right
        // completes them (facing north with the zenith up, right is east).
        let y_axis = unit(sub(up, b.map(|v| v * dot(up, b))));
        let x_axis = cross(b, y_axis);
        let depth = dot(s, b);
        path.push(DiscPoint {
            time: around + Duration::nanoseconds((t_s * 1e9).round() as i64),
            x_deg: dot(s, x_axis).atan2(depth).to_degrees(),
            y_deg: dot(s, y_axis).atan2(depth).to_degrees(),
        });
    }
    Ok(DiscView {
        norad_id: sat.set.norad_id,
        body,
        body_radius_deg,
        satellite_size_m: size_m,
        satellite_size_deg,
        path,
    })
}
