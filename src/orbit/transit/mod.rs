//! Transits: when a satellite crosses the Sun or the Moon, and where to stand to see it.
//!
//! A satellite in front of the Sun or the Moon is seen only from a strip of ground a few
//! kilometres wide, for under a second. For each pass where the satellite's line of
//! sight to the body's centre sweeps over ground within a radius of the place,
//! [`find_transits`] gives:
//!
//! - the **centre line**: where the line from the body's centre through the satellite
//!   meets the ground (at the place's height above the WGS-84 ellipsoid), time-stamped,
//!   across the radius and a margin;
//! - at the **place** itself: the least separation between the satellite and the body's
//!   centre, when, whether it is a transit there (under the body's apparent radius, the
//!   body above the horizon) and for how long; the body's azimuth and elevation; the
//!   satellite's range and angular size;
//! - the centre line's **nearest point** to the place: where, how far and in which
//!   direction, when, how long the transit lasts there, and how wide the strip is.
//!
//! An event is listed when its centre line comes within the radius of the place, or when
//! the place itself sees the transit (its strip reaches the place; this matters only for
//! radii smaller than the strip's half-width, as a radius of 0).
//!
//! The Sun and the Moon are their apparent places seen from the ground
//! ([`super::apparent`]: VSOP87 and Meeus' lunar series with nutation, aberration and
//! light time, a few arcseconds); the satellite is SGP4's, seen where it was when its
//! light left it. Distances along the ground are great circles on a sphere of the mean
//! Earth radius. UT1 is taken equal to UTC, as everywhere in [`crate::orbit`]: in 2026
//! UT1 − UTC is about +0.09 s, which moves a centre line by up to 40 m.
//!
//! The prediction is only as good as the element set: in low orbit an element set a day
//! old puts the satellite a second or two along its track from where it will be, which
//! moves the centre line by kilometres. Each event carries the elements' age and the
//! timing uncertainty that implies ([`super::timing_uncertainty_s`]); check again the day
//! before with fresh elements.
//!
//! The files: `geometry` (one instant: positions, separations, where the line lands),
//! `scan` (the stretches of time worth refining), `event` (one transit refined), `disc`
//! (the satellite's path across the disc, for drawing).

mod disc;
mod event;
mod geometry;
mod scan;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::frames::ObserverFrame;
use super::propagate::{PropagationError, Satellite};
pub use disc::{DiscPoint, DiscView, disc_view};
use geometry::Scene;
pub use geometry::{bearing_deg, ground_distance_km};

/// The largest search radius, km.
pub const MAX_RADIUS_KM: f64 = 500.0;
/// The catalog numbers searched when none are chosen: the ISS and Tiangong (its core
/// module Tianhe carries the station's catalog number).
pub const DEFAULT_SATELLITES: [u64; 2] = [25544, 48274];
/// Seconds searched either side of the window, so that an event at its edge is whole.
const EDGE_PAD_S: f64 = 120.0;

/// The body a satellite crosses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransitBody {
    /// The Sun.
    Sun,
    /// The Moon.
    Moon,
}

/// What to search for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TransitSearch {
    /// Events whose centre line comes within this distance of the place are listed, km
    /// (0 to [`MAX_RADIUS_KM`]).
    pub radius_km: f64,
    /// Search Sun transits.
    pub sun: bool,
    /// Search Moon transits.
    pub moon: bool,
}

impl Default for TransitSearch {
    fn default() -> Self {
        Self {
            radius_km: 50.0,
            sun: true,
            moon: true,
        }
    }
}

impl TransitSearch {
    /// The bodies searched.
    pub fn bodies(&self) -> Vec<TransitBody> {
        let mut bodies = Vec::new();
        if self.sun {
            bodies.push(TransitBody::Sun);
        }
        if self.moon {
            bodies.push(TransitBody::Moon);
        }
        bodies
    }
}

/// A time-stamped point of the centre line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroundPoint {
    /// When the line from the body's centre through the satellite lands here, UTC.
    pub time: DateTime<Utc>,
    /// Geodetic latitude (WGS-84), degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east, [−180, 180).
    pub longitude_deg: f64,
}

/// What the place itself sees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtPlace {
    /// When the satellite comes closest to the body's centre, UTC.
    pub time: DateTime<Utc>,
    /// The least angle between the satellite and the body's centre, degrees.
    pub min_separation_deg: f64,
    /// True when the satellite's centre crosses the body's disc (the least separation is
    /// under the body's apparent radius) with the body's centre above the horizon.
    pub is_transit: bool,
    /// How long the satellite's centre is on the disc, seconds (0 when it misses).
    pub duration_s: f64,
    /// The body's azimuth at [`AtPlace::time`], degrees from true north through east.
    pub body_azimuth_deg: f64,
    /// The body's geometric elevation (no refraction) at that time, degrees.
    pub body_elevation_deg: f64,
    /// The body's apparent radius, degrees.
    pub body_radius_deg: f64,
    /// Distance to the satellite at that time, km.
    pub range_km: f64,
    /// The satellite's largest dimension as an angle at that range, arcseconds, when its
    /// size is known ([`satellite_size_m`]).
    pub satellite_size_arcsec: Option<f64>,
}

/// The centre line's nearest point to the place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearestPoint {
    /// When the centre line passes there, UTC.
    pub time: DateTime<Utc>,
    /// Geodetic latitude, degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east, [−180, 180).
    pub longitude_deg: f64,
    /// Distance from the place along the ground (great circle, mean radius), km.
    pub distance_km: f64,
    /// Direction from the place, degrees from true north through east.
    pub bearing_deg: f64,
    /// How long the satellite's centre is on the disc seen from there, seconds.
    pub duration_s: f64,
    /// The body's geometric elevation there, degrees.
    pub body_elevation_deg: f64,
}

/// One pass of a satellite's line of sight to the Sun or the Moon over the ground near
/// the place.
#[derive(Debug, Clone, PartialEq)]
pub struct Transit {
    /// Catalog number.
    pub norad_id: u64,
    /// Satellite name as published.
    pub name: String,
    /// The body crossed.
    pub body: TransitBody,
    /// What the place itself sees.
    pub at_place: AtPlace,
    /// The centre line's nearest point to the place.
    pub nearest: NearestPoint,
    /// The centre line, in time order, across the radius and a margin.
    pub centre_line: Vec<GroundPoint>,
    /// Width of the strip from which the satellite's centre crosses the disc, measured
    /// across the centre line at its nearest point, km.
    pub path_width_km: f64,
    /// Age of the element set at the nearest point's time, days (negative before its
    /// epoch).
    pub element_age_days: f64,
    /// Rough 1-sigma uncertainty of the times from that age, seconds
    /// ([`super::timing_uncertainty_s`]): along the track, it moves the centre line too.
    pub timing_uncertainty_s: f64,
}

/// The transits of one satellite over a window.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TransitList {
    /// The transits, in time order.
    pub transits: Vec<Transit>,
    /// Why the search stopped before the window's end (decay, or a window too far from
    /// the element epoch), if it did.
    pub stopped_early: Option<PropagationError>,
}

/// The largest dimension of satellites whose size is known, metres: the ISS end to end
/// (NASA: 109 m across its truss) and Tiangong across its Wentian module's solar wings
/// (CMSA: over 55 m).
pub fn satellite_size_m(norad_id: u64) -> Option<f64> {
    match norad_id {
        25544 => Some(109.0),
        48274 => Some(55.0),
        _ => None,
    }
}

/// Every transit of `sat` across the bodies of `search` over the place of `frame` whose
/// centre line's nearest point falls in `[start, end)`.
///
/// A window reaching more than [`crate::orbit::propagator::MAX_DAYS_FROM_EPOCH`] from the
/// element epoch is not searched ([`PropagationError::TooFarFromEpoch`]), as for passes.
pub fn find_transits(
    sat: &Satellite,
    frame: &ObserverFrame,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    search: &TransitSearch,
) -> TransitList {
    if let Some(too_far) = super::passes::too_far_from_epoch(sat, start, end) {
        return TransitList {
            transits: Vec::new(),
            stopped_early: Some(too_far),
        };
    }
    let window_s = (end - start).num_milliseconds() as f64 / 1000.0;
    let radius_km = search.radius_km.clamp(0.0, MAX_RADIUS_KM);
    let mut list = TransitList::default();
    for body in search.bodies() {
        let scene = Scene::new(sat, body, start);
        let reach = scan::Reach::new(&scene, radius_km);
        let (stretches, stopped) =
            scan::stretches(&scene, frame, &reach, -EDGE_PAD_S, window_s + EDGE_PAD_S);
        for stretch in stretches {
            match event::transit_in(&scene, frame, radius_km, stretch) {
                Ok(Some(transit))
                    if transit.nearest.time >= start && transit.nearest.time < end =>
                {
                    list.transits.push(transit);
                }
                Ok(_) => {}
                Err(e) => {
                    list.stopped_early.get_or_insert(e);
                    break;
                }
            }
        }
        if let Some(e) = stopped {
            list.stopped_early.get_or_insert(e);
        }
    }
    list.transits
        .sort_by_key(|t| (t.body == TransitBody::Moon, t.nearest.time));
    // Were one pass ever to come out of two stretches (the body's horizon cutting one in
    // two), it is one event: keep the nearer.
    list.transits.dedup_by(|later, earlier| {
        let same = later.body == earlier.body
            && (later.nearest.time - earlier.nearest.time)
                .num_seconds()
                .abs()
                < 60;
        if same && later.nearest.distance_km < earlier.nearest.distance_km {
            std::mem::swap(later, earlier);
        }
        same
    });
    list.transits.sort_by_key(|t| t.nearest.time);
    list
}
