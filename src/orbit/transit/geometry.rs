//! The geometry of one satellite in front of one body at one instant: where each is,
//! how far apart they look from a point on the ground, and where on the ground the line
//! from the body's centre through the satellite lands.
//!
//! Everything is Earth-fixed (ECEF, km) at the instant of observation `t`. The body is
//! its apparent place ([`crate::orbit::apparent`]). The satellite is where it was when
//! the light now arriving left it: SGP4's TEME position at `t − τ` (τ = distance / c, a
//! few milliseconds, worth up to 0.002°), taken along its velocity, rotated into the
//! Earth-fixed frame of `t`. τ depends on where the light arrives, so every function
//! below that looks from a point takes the point.

use chrono::{DateTime, Duration, Utc};

use super::TransitBody;
use crate::orbit::apparent::{moon_apparent_teme_km, sun_apparent_teme_km};
use crate::orbit::constants::{
    DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM, EARTH_MEAN_RADIUS_KM, EARTH_POLAR_RADIUS_WGS84_KM,
    MOON_RADIUS_KM, SPEED_OF_LIGHT_KM_S, SUN_RADIUS_KM,
};
use crate::orbit::frames::{ObserverFrame, ecef_from_teme_by, geodetic_from_ecef, gmst_rad};
use crate::orbit::propagate::{PropagationError, Satellite};
use crate::orbit::vec3::{cross, dot, norm, sub};

/// The satellite and the body at one instant.
#[derive(Debug, Clone, Copy)]
pub(super) struct Snapshot {
    /// Satellite position at `t`, ECEF, km (no light time).
    pub(super) sat_ecef_km: [f64; 3],
    /// Satellite velocity, inertial (TEME) rotated into ECEF axes, km/s: what light time
    /// takes back along.
    sat_v_km_s: [f64; 3],
    /// The body's apparent centre, ECEF, km.
    pub(super) body_ecef_km: [f64; 3],
}

impl Snapshot {
    /// Where the satellite is seen from `from_ecef_km`: its position when the light left
    /// it, in the Earth-fixed axes of the moment of arrival.
    pub(super) fn sat_seen_from(&self, from_ecef_km: [f64; 3]) -> [f64; 3] {
        let tau_s = norm(sub(self.sat_ecef_km, from_ecef_km)) / SPEED_OF_LIGHT_KM_S;
        [0, 1, 2].map(|k| self.sat_ecef_km[k] - self.sat_v_km_s[k] * tau_s)
    }

    /// Angle between the satellite and the body's centre seen from `from_ecef_km`, degrees.
    pub(super) fn separation_deg(&self, from_ecef_km: [f64; 3]) -> f64 {
        angle_deg(
            sub(self.sat_seen_from(from_ecef_km), from_ecef_km),
            sub(self.body_ecef_km, from_ecef_km),
        )
    }

    /// Distance from `from_ecef_km` to the satellite, km.
    pub(super) fn range_km(&self, from_ecef_km: [f64; 3]) -> f64 {
        norm(sub(self.sat_seen_from(from_ecef_km), from_ecef_km))
    }
}

/// Angle between two vectors, degrees in [0, 180], accurate for tiny angles.
pub(super) fn angle_deg(a: [f64; 3], b: [f64; 3]) -> f64 {
    norm(cross(a, b)).atan2(dot(a, b)).to_degrees()
}

/// One satellite, one body and the search's time origin.
pub(super) struct Scene<'a> {
    /// The satellite.
    pub(super) sat: &'a Satellite,
    /// The body.
    pub(super) body: TransitBody,
    /// The time origin of `t_s`.
    pub(super) start: DateTime<Utc>,
    /// Minutes from the element epoch to `start`.
    start_minutes: f64,
    /// Julian date (UTC) of `start`.
    start_jd: f64,
}

impl<'a> Scene<'a> {
    /// The scene of `sat` and `body` with times counted in seconds from `start`.
    pub(super) fn new(sat: &'a Satellite, body: TransitBody, start: DateTime<Utc>) -> Self {
        Self {
            sat,
            body,
            start,
            start_minutes: sat.minutes_since_epoch(start),
            start_jd: crate::orbit::frames::julian_date_utc(start),
        }
    }

    /// The instant `t_s` seconds after the start, as a time.
    pub(super) fn time_at(&self, t_s: f64) -> DateTime<Utc> {
        self.start + Duration::nanoseconds((t_s * 1e9).round() as i64)
    }

    /// The satellite and the body `t_s` seconds after the start.
    pub(super) fn at(&self, t_s: f64) -> Result<Snapshot, PropagationError> {
        let state = self.sat.state_at_minutes(self.start_minutes + t_s / 60.0)?;
        let jd = self.start_jd + t_s / DAY_S;
        let (sin, cos) = gmst_rad(jd).sin_cos();
        let body_teme_km = match self.body {
            TransitBody::Sun => sun_apparent_teme_km(jd),
            TransitBody::Moon => moon_apparent_teme_km(jd),
        };
        Ok(Snapshot {
            sat_ecef_km: ecef_from_teme_by(sin, cos, state.r_teme_km),
            sat_v_km_s: ecef_from_teme_by(sin, cos, state.v_teme_km_s),
            body_ecef_km: ecef_from_teme_by(sin, cos, body_teme_km),
        })
    }

    /// The body's physical radius, km.
    pub(super) fn body_radius_km(&self) -> f64 {
        match self.body {
            TransitBody::Sun => SUN_RADIUS_KM,
            TransitBody::Moon => MOON_RADIUS_KM,
        }
    }

    /// The body's apparent radius seen from `from_ecef_km` at `snap`, degrees.
    pub(super) fn body_radius_deg(&self, snap: &Snapshot, from_ecef_km: [f64; 3]) -> f64 {
        let distance_km = norm(sub(snap.body_ecef_km, from_ecef_km));
        (self.body_radius_km() / distance_km)
            .clamp(-1.0, 1.0)
            .asin()
            .to_degrees()
    }
}

/// A point on the ground (at the place's height above WGS-84) with its coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GroundHit {
    /// The point, ECEF, km.
    pub(super) ecef_km: [f64; 3],
    /// Geodetic latitude, degrees.
    pub(super) latitude_deg: f64,
    /// Longitude, degrees east, [−180, 180).
    pub(super) longitude_deg: f64,
}

/// Where the line from the body's centre through the satellite meets the ground at
/// `height_km` above the WGS-84 ellipsoid beyond the satellite, or `None` when it misses
/// the Earth. `near_ecef_km` is a point near where it lands, for the first light time.
pub(super) fn centre_point(
    snap: &Snapshot,
    height_km: f64,
    near_ecef_km: [f64; 3],
) -> Option<GroundHit> {
    let mut from = near_ecef_km;
    let mut hit = None;
    // The light time depends on where the light lands, and where it lands on the light
    // time: twice round settles it to micrometres.
    for _ in 0..2 {
        let sat = snap.sat_seen_from(from);
        let along = sub(sat, snap.body_ecef_km);
        let length = norm(along);
        let direction = [along[0] / length, along[1] / length, along[2] / length];
        let point = ray_meets_ground(sat, direction, height_km)?;
        from = point.ecef_km;
        hit = Some(point);
    }
    hit
}

/// The first point where the ray `origin + s · direction` (s ≥ 0, `direction` a unit
/// vector) meets the surface `height_km` above the WGS-84 ellipsoid, if it does.
///
/// The surface is taken first as the ellipsoid of semi-axes a + h and b + h, which differs
/// from the true parallel surface by metres at most; one Newton step along the ray on
/// the geodetic height then puts the point at `height_km` to well under a metre.
pub(super) fn ray_meets_ground(
    origin: [f64; 3],
    direction: [f64; 3],
    height_km: f64,
) -> Option<GroundHit> {
    let a = EARTH_EQUATORIAL_RADIUS_WGS84_KM + height_km;
    let b = EARTH_POLAR_RADIUS_WGS84_KM + height_km;
    // Stretch z so that the ellipsoid becomes a sphere of radius a.
    let k = a / b;
    let o = [origin[0], origin[1], origin[2] * k];
    let d = [direction[0], direction[1], direction[2] * k];
    let qa = dot(d, d);
    let qb = 2.0 * dot(o, d);
    let qc = dot(o, o) - a * a;
    let disc = qb * qb - 4.0 * qa * qc;
    if disc < 0.0 || qc < 0.0 {
        // The ray misses, or starts inside the Earth.
        return None;
    }
    // The nearer root, in the form that keeps its digits.
    let q = -0.5 * (qb - disc.sqrt());
    let s = (qc / q).min(q / qa);
    if !s.is_finite() || s < 0.0 {
        return None;
    }
    let at = |s: f64| [0, 1, 2].map(|i| origin[i] + s * direction[i]);
    let first = geodetic_from_ecef(at(s));
    let (sin_lat, cos_lat) = first.latitude_deg.to_radians().sin_cos();
    let (sin_lon, cos_lon) = first.longitude_deg.to_radians().sin_cos();
    let normal = [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat];
    let descent = dot(direction, normal);
    let s = if descent < -1e-6 {
        s - (first.altitude_km - height_km) / descent
    } else {
        s
    };
    let ecef_km = at(s);
    let g = geodetic_from_ecef(ecef_km);
    Some(GroundHit {
        ecef_km,
        latitude_deg: g.latitude_deg,
        longitude_deg: g.longitude_deg,
    })
}

/// Distance along the ground between two places (a sphere of the mean radius, heights
/// ignored: the haversine formula), km.
pub fn ground_distance_km(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (p1, p2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let dlat = p2 - p1;
    let dlon = (lon2_deg - lon1_deg).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_MEAN_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Initial bearing of the great circle from the first place to the second, degrees from
/// true north through east, [0, 360).
pub fn bearing_deg(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (p1, p2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let dlon = (lon2_deg - lon1_deg).to_radians();
    let y = dlon.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dlon.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// The ground distance from the place of `frame` to `hit`, km.
pub(super) fn distance_from(frame: &ObserverFrame, hit: &GroundHit) -> f64 {
    ground_distance_km(
        frame.observer.latitude_deg,
        frame.observer.longitude_deg,
        hit.latitude_deg,
        hit.longitude_deg,
    )
}

/// The least value of `f` on `[a, b]` and where, by golden-section search to `tolerance`
/// in the argument (f unimodal there; `f` may fail).
pub(super) fn golden_minimum<E>(
    mut a: f64,
    mut b: f64,
    tolerance: f64,
    mut f: impl FnMut(f64) -> Result<f64, E>,
) -> Result<(f64, f64), E> {
    const INV_PHI: f64 = 0.618_033_988_749_894_8;
    let mut c = b - INV_PHI * (b - a);
    let mut d = a + INV_PHI * (b - a);
    let (mut fc, mut fd) = (f(c)?, f(d)?);
    for _ in 0..80 {
        if b - a <= tolerance {
            break;
        }
        if fc <= fd {
            b = d;
            (d, fd) = (c, fc);
            c = b - INV_PHI * (b - a);
            fc = f(c)?;
        } else {
            a = c;
            (c, fc) = (d, fd);
            d = a + INV_PHI * (b - a);
            fd = f(d)?;
        }
    }
    Ok(if fc <= fd { (c, fc) } else { (d, fd) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::{Observer, ObserverFrame};

    #[test]
    fn a_ray_straight_down_lands_under_its_origin_at_the_asked_height() {
        let place = ObserverFrame::new(Observer::new(51.5, -0.12, 250.0));
        let up = place.up_ecef();
        let origin = [0, 1, 2].map(|i| place.r_ecef_km[i] + 400.0 * up[i]);
        let down = [-up[0], -up[1], -up[2]];
        let hit = ray_meets_ground(origin, down, 0.25).unwrap();
        assert!((hit.latitude_deg - 51.5).abs() < 1e-9, "{hit:?}");
        assert!((hit.longitude_deg + 0.12).abs() < 1e-9, "{hit:?}");
        assert!(norm(sub(hit.ecef_km, place.r_ecef_km)) < 1e-6);
        // Pointing away from the Earth, or grazing past it, it never lands.
        assert!(ray_meets_ground(origin, up, 0.25).is_none());
        let east = place.enu_axes_ecef()[0];
        assert!(ray_meets_ground(origin, east, 0.25).is_none());
    }

    #[test]
    fn a_slanting_ray_lands_on_the_parallel_surface() {
        // 20° above the horizon to the south-west, from 300 km up: the landing point's
        // geodetic height is the one asked for, to a metre.
        let place = ObserverFrame::new(Observer::new(-33.9, 151.2, 0.0));
        let [east, north, up] = place.enu_axes_ecef();
        let (s, c) = 20f64.to_radians().sin_cos();
        let toward = [0, 1, 2].map(|i| c * (-east[i] - north[i]) / 2f64.sqrt() + s * up[i]);
        let origin = [0, 1, 2].map(|i| place.r_ecef_km[i] + 900.0 * toward[i]);
        let back = toward.map(|v| -v);
        for height_km in [0.0, 3.0] {
            let hit = ray_meets_ground(origin, back, height_km).unwrap();
            let g = geodetic_from_ecef(hit.ecef_km);
            assert!((g.altitude_km - height_km).abs() < 1e-3, "{g:?}");
        }
    }

    #[test]
    fn ground_distance_and_bearing_of_simple_cases() {
        assert!((ground_distance_km(0.0, 0.0, 1.0, 0.0) - 111.195).abs() < 0.001);
        assert!((bearing_deg(0.0, 0.0, 1.0, 0.0) - 0.0).abs() < 1e-9);
        assert!((bearing_deg(0.0, 0.0, 0.0, 1.0) - 90.0).abs() < 1e-9);
        assert!((bearing_deg(10.0, 10.0, 9.0, 10.0) - 180.0).abs() < 1e-9);
        assert!((bearing_deg(0.0, 0.0, 0.0, -1.0) - 270.0).abs() < 1e-9);
    }

    #[test]
    fn golden_minimum_finds_a_v_shaped_minimum() {
        let (x, v) = golden_minimum(-3.0, 5.0, 1e-9, |x: f64| {
            Ok::<_, ()>((0.01 + (x - 1.234).powi(2)).sqrt())
        })
        .unwrap();
        assert!((x - 1.234).abs() < 1e-8, "{x}");
        assert!((v - 0.1).abs() < 1e-9);
    }
}
