//! Where a satellite is at one instant, seen from one observer.

use chrono::{DateTime, Utc};

use super::brightness::{phase_angle_deg, visual_magnitude};
use super::frames::{
    LookAngles, ObserverFrame, ecef_state_from_teme, geocentric_subpoint_deg, geodetic_from_ecef,
    gmst_rad, julian_date_utc, teme_from_ecef,
};
use super::propagate::{PropagationError, Satellite};
use super::sun::{Illumination, illumination, sun_position_teme_km};

/// Everything about a satellite at one instant that the views need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// The instant, UTC.
    pub time: DateTime<Utc>,
    /// Look angles from the observer (geometric elevation).
    pub look: LookAngles,
    /// Sub-satellite point: geodetic latitude and longitude (deg) and altitude (km).
    pub subpoint: super::frames::Geodetic,
    /// Satellite position in ECEF, km.
    pub r_ecef_km: [f64; 3],
    /// Whether the satellite is in sunlight.
    pub illumination: Illumination,
    /// Sun's geometric elevation at the observer, degrees.
    pub sun_elevation_deg: f64,
    /// Estimated visual magnitude when sunlit and a standard magnitude is known.
    pub magnitude: Option<f64>,
}

/// Observes `sat` from `frame` at `t`. `std_magnitude` is the satellite's standard magnitude,
/// if known (see [`super::brightness::StdMagnitudes`]).
pub fn observe(
    sat: &Satellite,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
    std_magnitude: Option<f64>,
) -> Result<Observation, PropagationError> {
    let state = sat.state_at(t)?;
    let jd = julian_date_utc(t);
    let gmst = gmst_rad(jd);
    let (r_ecef_km, v_ecef_km_s) = ecef_state_from_teme(gmst, state.r_teme_km, state.v_teme_km_s);
    let look = frame.look_at(r_ecef_km, v_ecef_km_s);
    let sun_teme_km = sun_position_teme_km(jd);
    let lit = illumination(state.r_teme_km, sun_teme_km);
    let observer_teme_km = teme_from_ecef(gmst, frame.r_ecef_km);
    let sun_elevation_deg = sun_elevation_at(frame, gmst, sun_teme_km);
    let magnitude = match (std_magnitude, lit.is_sunlit) {
        (Some(std), true) => visual_magnitude(
            std,
            look.range_km,
            phase_angle_deg(state.r_teme_km, observer_teme_km, sun_teme_km),
        ),
        _ => None,
    };
    Ok(Observation {
        time: t,
        look,
        subpoint: geodetic_from_ecef(r_ecef_km),
        r_ecef_km,
        illumination: lit,
        sun_elevation_deg,
        magnitude,
    })
}

/// The Sun's geometric elevation in degrees at the observer at `t`.
pub fn sun_elevation_deg(frame: &ObserverFrame, t: DateTime<Utc>) -> f64 {
    let jd = julian_date_utc(t);
    sun_elevation_at(frame, gmst_rad(jd), sun_position_teme_km(jd))
}

/// The Sun's centre in the observer's sky at `t`: azimuth (degrees from true north through
/// east) and geometric elevation (degrees, no refraction), from the Almanac's low-precision
/// series (0.01°) and the same sidereal-time rotation as the satellites.
pub fn sun_direction(frame: &ObserverFrame, t: DateTime<Utc>) -> super::stars::SkyDirection {
    let jd = julian_date_utc(t);
    let sun_ecef = super::frames::ecef_from_teme(gmst_rad(jd), sun_position_teme_km(jd));
    let look = frame.look_at(sun_ecef, [0.0; 3]);
    super::stars::SkyDirection {
        azimuth_deg: look.azimuth_deg,
        elevation_deg: look.elevation_deg,
    }
}

pub(crate) fn sun_elevation_at(frame: &ObserverFrame, gmst: f64, sun_teme_km: [f64; 3]) -> f64 {
    let sun_ecef = super::frames::ecef_from_teme(gmst, sun_teme_km);
    frame.look_at(sun_ecef, [0.0; 3]).elevation_deg
}

/// The sub-solar point (latitude, longitude in degrees) at `t`, for drawing the terminator.
pub fn subsolar_point_deg(t: DateTime<Utc>) -> (f64, f64) {
    let jd = julian_date_utc(t);
    subpoint_deg(jd, sun_position_teme_km(jd))
}

/// Where the Moon is overhead at `t`: (geocentric latitude, longitude) in degrees,
/// longitude in [−180, 180) east positive.
pub fn sublunar_point_deg(t: DateTime<Utc>) -> (f64, f64) {
    let jd = julian_date_utc(t);
    subpoint_deg(jd, super::moon::moon_position_teme_km(jd))
}

/// The point under a body at TEME position `r_teme_km` at Julian date `jd` (UTC):
/// (geocentric latitude, longitude) in degrees.
fn subpoint_deg(jd: f64, r_teme_km: [f64; 3]) -> (f64, f64) {
    geocentric_subpoint_deg(super::frames::ecef_from_teme(gmst_rad(jd), r_teme_km))
}

/// The sub-satellite point at `t`: geodetic latitude and longitude (WGS-84, degrees) of
/// the point under the satellite, and its height above the ellipsoid (km). The same point
/// as [`Observation::subpoint`], without the look angles and the Sun.
pub fn subsatellite_point(
    sat: &Satellite,
    t: DateTime<Utc>,
) -> Result<super::frames::Geodetic, PropagationError> {
    let state = sat.state_at(t)?;
    let r_ecef_km = super::frames::ecef_from_teme(gmst_rad(julian_date_utc(t)), state.r_teme_km);
    Ok(geodetic_from_ecef(r_ecef_km))
}

/// One point of a satellite's path across the observer's sky.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    /// The instant, UTC.
    pub t: DateTime<Utc>,
    /// Azimuth from true north through east, degrees.
    pub azimuth_deg: f64,
    /// Elevation, degrees (geometric).
    pub elevation_deg: f64,
    /// True when the satellite is sunlit (its line to the Sun's centre misses the Earth).
    pub is_sunlit: bool,
    /// Estimated visual magnitude (None without a standard magnitude or in shadow).
    pub magnitude: Option<f64>,
}

/// The satellite's path across the sky from `from` to `to` (both included): about
/// `points` evenly spaced instants, never closer than `smallest_step_s` seconds; instants where
/// SGP4 fails are left out.
pub fn sky_path(
    sat: &Satellite,
    frame: &ObserverFrame,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    std_magnitude: Option<f64>,
    points: i64,
    smallest_step_s: i64,
) -> Vec<PathPoint> {
    let span_ms = (to - from).num_milliseconds().max(1);
    let step_ms = (span_ms / points.max(1)).max(smallest_step_s * 1000);
    let mut out = Vec::new();
    let mut t = from;
    loop {
        if let Ok(o) = observe(sat, frame, t, std_magnitude) {
            out.push(PathPoint {
                t,
                azimuth_deg: o.look.azimuth_deg,
                elevation_deg: o.look.elevation_deg,
                is_sunlit: o.illumination.is_sunlit,
                magnitude: o.magnitude,
            });
        }
        if t >= to {
            break;
        }
        t = (t + chrono::Duration::milliseconds(step_ms)).min(to);
    }
    out
}
