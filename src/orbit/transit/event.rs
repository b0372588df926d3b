//! One transit, refined from a stretch the scan found: the centre line's nearest point
//! to the place, what the place itself sees, how long each sees it, and how wide the
//! strip is.
//!
//! Every minimum is found by golden-section search on the real geometry (SGP4 at each
//! trial time) to a millisecond, from the best of the stretch's one-second samples, and
//! every duration by the Illinois method on `separation − body radius` to a millisecond.

use super::geometry::{
    GroundHit, Scene, Snapshot, angle_deg, bearing_deg, centre_point, distance_from, golden_minimum,
};
use super::scan::Stretch;
use super::{AtPlace, GroundPoint, NearestPoint, Transit, satellite_size_m};
use crate::orbit::frames::{ObserverFrame, geodetic_from_ecef};
use crate::orbit::propagate::PropagationError;
use crate::orbit::roots::illinois;
use crate::orbit::vec3::{cross, norm, sub};
use crate::orbit::{Observer, TimingDrift, timing_uncertainty_s};

/// Times are refined to this, seconds.
const TIME_TOLERANCE_S: f64 = 0.001;
/// A distance the centre line never reaches, km: what "no centre point" counts as.
const NOWHERE_KM: f64 = 1e9;
/// The centre line is drawn this much beyond the radius, as a share of it…
const MARGIN_SHARE: f64 = 0.25;
/// …and at least this far, km.
const MARGIN_MIN_KM: f64 = 20.0;
/// The place's least separation is looked for this far either side of the centre line's
/// nearest point, seconds, besides the stretch: 500 km from the line, it can come 90 s
/// before or after (skyfield's fixtures).
const PLACE_REACH_S: f64 = 150.0;
/// Most points of the centre line each way from its nearest point.
const MAX_LINE_POINTS: usize = 300;

/// What one stretch holds: the transit, if the centre line comes within the radius or
/// the place sees the satellite cross the body.
pub(super) fn transit_in(
    scene: &Scene<'_>,
    frame: &ObserverFrame,
    radius_km: f64,
    stretch: Stretch,
) -> Result<Option<Transit>, PropagationError> {
    let height_km = frame.observer.altitude_m / 1000.0;
    let place = frame.r_ecef_km;
    let distance_at = |snap: &Snapshot| {
        centre_point(snap, height_km, place).map(|hit| (distance_from(frame, &hit), hit))
    };
    // One-second samples over the stretch, a second either side.
    let mut best_line: Option<(f64, f64)> = None;
    let mut t_s = stretch.from_s - 1.0;
    while t_s <= stretch.to_s + 1.0 {
        let snap = scene.at(t_s)?;
        if let Some((d, _)) = distance_at(&snap)
            && best_line.is_none_or(|(_, b)| d < b)
        {
            best_line = Some((t_s, d));
        }
        t_s += 1.0;
    }
    let Some((line_s, _)) = best_line else {
        return Ok(None);
    };
    let (nearest_s, nearest_km) =
        golden_minimum(line_s - 1.0, line_s + 1.0, TIME_TOLERANCE_S, |t_s| {
            scene
                .at(t_s)
                .map(|s| distance_at(&s).map_or(NOWHERE_KM, |(d, _)| d))
        })?;
    let nearest_snap = scene.at(nearest_s)?;
    let Some((_, nearest_hit)) = distance_at(&nearest_snap) else {
        return Ok(None);
    };
    // What the place sees comes nearest the body's centre within the stretch, or, for a
    // place far from the line, up to a minute and a half or more from the nearest point:
    // one-second samples over both.
    let mut best_place: Option<(f64, f64)> = None;
    let mut t_s = (stretch.from_s - 1.0)
        .min(nearest_s - PLACE_REACH_S)
        .round();
    let last_s = (stretch.to_s + 1.0).max(nearest_s + PLACE_REACH_S);
    while t_s <= last_s {
        let sep = scene.at(t_s)?.separation_deg(place);
        if best_place.is_none_or(|(_, b)| sep < b) {
            best_place = Some((t_s, sep));
        }
        t_s += 1.0;
    }
    let Some((place_s, _)) = best_place else {
        return Ok(None);
    };
    let (place_s, min_separation_deg) =
        golden_minimum(place_s - 1.0, place_s + 1.0, TIME_TOLERANCE_S, |t_s| {
            Ok(scene.at(t_s)?.separation_deg(place))
        })?;
    let place_snap = scene.at(place_s)?;
    let body_look = frame.look_at(place_snap.body_ecef_km, [0.0; 3]);
    let body_radius_deg = scene.body_radius_deg(&place_snap, place);
    let is_transit = min_separation_deg < body_radius_deg && body_look.elevation_deg > 0.0;
    if nearest_km > radius_km && !is_transit {
        return Ok(None);
    }
    let place_duration_s = if is_transit {
        duration_s(scene, place, place_s, min_separation_deg, body_radius_deg)?
    } else {
        0.0
    };
    let range_km = place_snap.range_km(place);
    let nearest_radius_deg = scene.body_radius_deg(&nearest_snap, nearest_hit.ecef_km);
    let nearest_separation_deg = nearest_snap.separation_deg(nearest_hit.ecef_km);
    let nearest_duration_s = duration_s(
        scene,
        nearest_hit.ecef_km,
        nearest_s,
        nearest_separation_deg,
        nearest_radius_deg,
    )?;
    let path_width_km = strip_width_km(scene, &nearest_hit, nearest_s, height_km)?;
    let centre_line = centre_line(scene, frame, radius_km, nearest_s)?;
    let observer = frame.observer;
    let nearest_time = scene.time_at(nearest_s);
    let element_age_days = scene.sat.set.age_days(nearest_time);
    Ok(Some(Transit {
        norad_id: scene.sat.set.norad_id,
        name: scene.sat.set.name.clone(),
        body: scene.body,
        at_place: AtPlace {
            time: scene.time_at(place_s),
            min_separation_deg,
            is_transit,
            duration_s: place_duration_s,
            body_azimuth_deg: body_look.azimuth_deg,
            body_elevation_deg: body_look.elevation_deg,
            body_radius_deg,
            range_km,
            satellite_size_arcsec: satellite_size_m(scene.sat.set.norad_id)
                .map(|m| (m / 1000.0 / range_km).atan().to_degrees() * 3600.0),
        },
        nearest: NearestPoint {
            time: nearest_time,
            latitude_deg: nearest_hit.latitude_deg,
            longitude_deg: nearest_hit.longitude_deg,
            distance_km: nearest_km,
            bearing_deg: bearing_deg(
                observer.latitude_deg,
                observer.longitude_deg,
                nearest_hit.latitude_deg,
                nearest_hit.longitude_deg,
            ),
            duration_s: nearest_duration_s,
            body_elevation_deg: elevation_from(nearest_hit.ecef_km, nearest_snap.body_ecef_km),
        },
        centre_line,
        path_width_km,
        element_age_days,
        timing_uncertainty_s: timing_uncertainty_s(
            element_age_days,
            TimingDrift::of(&scene.sat.set),
        ),
    }))
}

/// Elevation of `target_ecef_km` above the geodetic horizon of `from_ecef_km`, degrees.
fn elevation_from(from_ecef_km: [f64; 3], target_ecef_km: [f64; 3]) -> f64 {
    let g = geodetic_from_ecef(from_ecef_km);
    let frame = ObserverFrame::new(Observer::new(
        g.latitude_deg,
        g.longitude_deg,
        g.altitude_km * 1000.0,
    ));
    frame.look_at(target_ecef_km, [0.0; 3]).elevation_deg
}

/// How long the satellite's centre is inside the body's disc seen from `from_ecef_km`,
/// seconds, given its least separation `min_sep_deg` at `mid_s` and the disc's radius
/// (0 when it misses the disc).
fn duration_s(
    scene: &Scene<'_>,
    from_ecef_km: [f64; 3],
    mid_s: f64,
    min_sep_deg: f64,
    radius_deg: f64,
) -> Result<f64, PropagationError> {
    if min_sep_deg >= radius_deg {
        return Ok(0.0);
    }
    let outside = |t_s: f64| -> Result<f64, PropagationError> {
        Ok(scene.at(t_s)?.separation_deg(from_ecef_km) - radius_deg)
    };
    let mut edges = [0.0; 2];
    for (edge, direction) in edges.iter_mut().zip([-1.0, 1.0]) {
        // Widen the bracket until the satellite is off the disc (a low satellite crosses
        // in about a second, a geostationary one in minutes).
        let mut span_s = 0.5;
        let mut value = outside(mid_s + direction * span_s)?;
        while value < 0.0 && span_s < 4096.0 {
            span_s *= 2.0;
            value = outside(mid_s + direction * span_s)?;
        }
        *edge = illinois(
            mid_s,
            min_sep_deg - radius_deg,
            mid_s + direction * span_s,
            value,
            TIME_TOLERANCE_S,
            outside,
        )?;
    }
    Ok(edges[1] - edges[0])
}

/// The point `offset_km` from `hit` along the ground direction `toward` (a unit vector in
/// the local horizontal), at `height_km` above WGS-84, ECEF.
fn offset_point(hit: &GroundHit, toward: [f64; 3], offset_km: f64, height_km: f64) -> [f64; 3] {
    let moved = [0, 1, 2].map(|i| hit.ecef_km[i] + offset_km * toward[i]);
    let g = geodetic_from_ecef(moved);
    ObserverFrame::new(Observer::new(
        g.latitude_deg,
        g.longitude_deg,
        height_km * 1000.0,
    ))
    .r_ecef_km
}

/// Width of the strip from which the satellite's centre crosses the body's disc,
/// measured on the ground across the centre line at its nearest point, km.
///
/// Across the line the least separation grows in proportion to the distance from it;
/// each side's half-width is found from that slope, measured at a kilometre and then
/// again at the half-width it gives.
fn strip_width_km(
    scene: &Scene<'_>,
    hit: &GroundHit,
    at_s: f64,
    height_km: f64,
) -> Result<f64, PropagationError> {
    let ahead = centre_point(&scene.at(at_s + 0.5)?, height_km, hit.ecef_km);
    let behind = centre_point(&scene.at(at_s - 0.5)?, height_km, hit.ecef_km);
    let (Some(ahead), Some(behind)) = (ahead, behind) else {
        return Ok(0.0);
    };
    let g = geodetic_from_ecef(hit.ecef_km);
    let frame = ObserverFrame::new(Observer::new(g.latitude_deg, g.longitude_deg, 0.0));
    let up = frame.up_ecef();
    let along = sub(ahead.ecef_km, behind.ecef_km);
    let across = cross(up, along);
    let n = norm(across);
    if n == 0.0 {
        return Ok(0.0);
    }
    let across = [across[0] / n, across[1] / n, across[2] / n];
    let snap = scene.at(at_s)?;
    let radius_deg = scene.body_radius_deg(&snap, hit.ecef_km);
    // The separation changes at this rate along the centre line's time, deg/s, which
    // sizes the time window for each offset point's least separation. Off the line the
    // closest moment comes earlier on one side and later on the other (by seconds where
    // the body is low and the line races along the ground), so the window is wide: the
    // separation has one minimum in it all the same.
    let rate_deg_s = angle_deg(
        sub(snap.sat_seen_from(hit.ecef_km), hit.ecef_km),
        sub(
            scene.at(at_s + 0.5)?.sat_seen_from(hit.ecef_km),
            hit.ecef_km,
        ),
    ) / 0.5;
    let window_s = (20.0 * radius_deg / rate_deg_s.max(1e-6)).clamp(10.0, 1800.0);
    let least_separation = |point: [f64; 3]| -> Result<f64, PropagationError> {
        Ok(
            golden_minimum(at_s - window_s, at_s + window_s, TIME_TOLERANCE_S, |t_s| {
                Ok(scene.at(t_s)?.separation_deg(point))
            })?
            .1,
        )
    };
    let mut width_km = 0.0;
    for side in [1.0, -1.0] {
        let toward = across.map(|v| side * v);
        let mut offset_km = 1.0;
        for _ in 0..2 {
            let sep = least_separation(offset_point(hit, toward, offset_km, height_km))?;
            if sep <= 0.0 {
                break;
            }
            offset_km = (offset_km * radius_deg / sep).min(500.0);
        }
        width_km += offset_km;
    }
    Ok(width_km)
}

/// The centre line around its nearest point, time-stamped, across the radius and a
/// margin: points spaced about a twentieth of that, at most two seconds apart.
fn centre_line(
    scene: &Scene<'_>,
    frame: &ObserverFrame,
    radius_km: f64,
    nearest_s: f64,
) -> Result<Vec<GroundPoint>, PropagationError> {
    let height_km = frame.observer.altitude_m / 1000.0;
    let limit_km = radius_km + (radius_km * MARGIN_SHARE).max(MARGIN_MIN_KM);
    let at = |t_s: f64| -> Result<Option<GroundHit>, PropagationError> {
        Ok(centre_point(&scene.at(t_s)?, height_km, frame.r_ecef_km))
    };
    let speed_km_s = match (at(nearest_s - 0.5)?, at(nearest_s + 0.5)?) {
        (Some(a), Some(b)) => norm(sub(b.ecef_km, a.ecef_km)),
        _ => 7.0,
    };
    let step_s = ((limit_km / 20.0).clamp(1.0, 25.0) / speed_km_s.max(0.1)).clamp(0.02, 2.0);
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (direction, points) in [(-1.0, &mut before), (1.0, &mut after)] {
        for k in 1..=MAX_LINE_POINTS {
            let t_s = nearest_s + direction * step_s * k as f64;
            let Some(hit) = at(t_s)? else { break };
            points.push(GroundPoint {
                time: scene.time_at(t_s),
                latitude_deg: hit.latitude_deg,
                longitude_deg: hit.longitude_deg,
            });
            if distance_from(frame, &hit) > limit_km {
                break;
            }
        }
    }
    let mut line: Vec<GroundPoint> = before.into_iter().rev().collect();
    if let Some(hit) = at(nearest_s)? {
        line.push(GroundPoint {
            time: scene.time_at(nearest_s),
            latitude_deg: hit.latitude_deg,
            longitude_deg: hit.longitude_deg,
        });
    }
    line.extend(after);
    Ok(line)
}
