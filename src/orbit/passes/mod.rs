//! Finding passes: rise, culmination and set, and when a pass can be seen.
//!
//! The search works on the elevation above a threshold, `f(t) = elevation(t) − horizon`,
//! and its time derivative, both exact from one SGP4 call.
//!
//! 1. **Skipping.** Far from the observer no sample is needed. Two bounds say how long the
//!    satellite certainly stays below the horizon: the geocentric angle ψ between the
//!    observer and the satellite cannot shrink faster than the satellite's fastest angular
//!    rate (at perigee) plus the Earth's rotation, and the observer cannot approach the
//!    satellite's orbital plane faster than the Earth turns (plus the plane's own J2
//!    motion); looking ahead, the observer's path about the Earth's axis is known, so its
//!    angle from the plane follows a sinusoid, off by no more than the plane's turn. The
//!    satellite can only be above the horizon while ψ is below ψ_max, found from the
//!    apogee radius. Whole orbits that pass far from the observer cost one sample.
//!    In low orbit the scan also tries a landing where the satellite's present closing rate
//!    says it nears the observer, and keeps it when the bounds looking back from there and
//!    forward from the last sample together cover the whole way.
//! 2. **Bracketing.** Near the observer, samples are a sixteenth of an orbit apart (at most
//!    30 min). A rise or set is a sign change of `f` between two samples. A pass shorter
//!    than a step shows as the derivative turning from rising to falling between two
//!    samples below the horizon: its maximum is found, and if above the horizon, it is
//!    a pass. A step of P/16 cannot hide two turning points.
//! 3. **Refining.** Between two samples a quintic Hermite interpolant of the TEME state
//!    (positions, velocities and J2 accelerations at both ends) follows SGP4 to about a
//!    metre in low orbit. Each root is refined on it by Newton's method from the cubic
//!    through the samples' values and rates (Illinois where Newton wanders) to 1 ms; the
//!    culmination is the root of the elevation rate, refined the same way. Where the
//!    interpolant may stray (decaying and deep-space orbits) the reported points are
//!    SGP4's own, with a Newton step on SGP4 for rise and set. Nothing reported is a grid
//!    sample.
//!
//! A pass already in progress at the window's start is reported with its true rise time
//! (searched backwards), and one still in progress at the end with its true set time. The
//! search stops where SGP4 takes the satellite under 60 km (re-entered).
//!
//! The files follow these stages, each adding its methods to the one [`finder::Finder`]:
//! - `mod.rs`: the public types ([`PassSearch`], [`Pass`], [`PassList`]) and [`find_passes`];
//! - `finder.rs`: the finder's setup and its samples of the elevation function;
//! - `bounds.rs`: the skipping bounds (1);
//! - `scan.rs`: the scan, bracketing, and the passes built from it (2);
//! - `refine.rs`: the roots refined between two samples (3);
//! - `interpolant.rs`: the quintic Hermite interpolant the refinement evaluates;
//! - `visibility.rs`: the visible part of a pass, how it appears and vanishes, its magnitude.
//!
//! The generic root finders (Illinois, the cubic's root, the walk) are in [`super::roots`].

mod bounds;
mod finder;
mod interpolant;
mod refine;
mod scan;
mod visibility;

use chrono::{DateTime, Duration, Utc};

use super::frames::ObserverFrame;
use super::propagate::{PropagationError, Satellite};
use finder::Finder;

/// Settings of a pass search. Angles in degrees; elevations are geometric unless
/// `refraction` is set, in which case they are apparent (refracted) elevations.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PassSearch {
    /// Elevation that defines rise and set, degrees (default 0).
    pub horizon_deg: f64,
    /// Passes whose culmination is lower than this are dropped, degrees (default 10).
    pub min_elevation_deg: f64,
    /// A satellite is visible only at or above this elevation, degrees (default 10).
    pub visible_min_elevation_deg: f64,
    /// A satellite is visible only while the Sun is at or below this elevation at the
    /// observer, degrees (default −6, civil twilight).
    pub max_sun_elevation_deg: f64,
    /// Use apparent (refracted) elevations instead of geometric ones (default false).
    pub refraction: bool,
}

impl Default for PassSearch {
    fn default() -> Self {
        Self {
            horizon_deg: 0.0,
            min_elevation_deg: 10.0,
            visible_min_elevation_deg: 10.0,
            max_sun_elevation_deg: -6.0,
            refraction: false,
        }
    }
}

/// One instant of a pass seen from the observer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassPoint {
    /// The instant, UTC.
    pub time: DateTime<Utc>,
    /// Azimuth from true north through east, degrees in [0, 360).
    pub azimuth_deg: f64,
    /// Elevation, degrees (geometric, or apparent when the search uses refraction).
    pub elevation_deg: f64,
    /// Observer–satellite distance, km.
    pub range_km: f64,
}

/// Why a pass cannot be seen with the naked eye.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NotVisibleReason {
    /// The satellite never gets above the visibility elevation.
    TooLow,
    /// The sky is too bright while the satellite is high enough.
    Daylight,
    /// The satellite is in the Earth's shadow while the sky is dark.
    EarthShadow,
}

impl NotVisibleReason {
    /// A short phrase for tables: "too low", "daylight", "in Earth's shadow".
    pub fn phrase(self) -> &'static str {
        match self {
            Self::TooLow => "too low",
            Self::Daylight => "daylight",
            Self::EarthShadow => "in Earth's shadow",
        }
    }
}

/// How the visible part of a pass begins: which of the three conditions (high enough,
/// sunlit, dark sky) was the last to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Appears {
    /// It climbs above the visibility elevation (or the horizon) in a dark sky, sunlit.
    Rises,
    /// It comes out of the Earth's shadow, already high enough.
    LeavesShadow,
    /// The sky gets dark enough while it is up and sunlit (dusk).
    SkyDarkens,
}

impl Appears {
    /// The machine-readable tag, as in JSON and CSV: "rises", "leaves_shadow", "sky_darkens".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Rises => "rises",
            Self::LeavesShadow => "leaves_shadow",
            Self::SkyDarkens => "sky_darkens",
        }
    }
}

/// How the visible part of a pass ends: which condition was the first to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vanishes {
    /// It sinks below the visibility elevation (or the horizon).
    Sets,
    /// It fades into the Earth's shadow.
    EntersShadow,
    /// The sky gets too bright (dawn).
    SkyBrightens,
}

impl Vanishes {
    /// The machine-readable tag, as in JSON and CSV: "sets", "enters_shadow", "sky_brightens".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Sets => "sets",
            Self::EntersShadow => "enters_shadow",
            Self::SkyBrightens => "sky_brightens",
        }
    }
}

/// One pass of a satellite above an observer's horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// Catalog number of the satellite.
    pub norad_id: u64,
    /// The satellite climbs through the search's `horizon_deg` (may be before the window start).
    pub rise: PassPoint,
    /// Highest elevation, refined to about 10 ms of time.
    pub culmination: PassPoint,
    /// The satellite sinks through `horizon_deg` (may be after the window end).
    pub set: PassPoint,
    /// True when at some instant the satellite is high enough, sunlit and the sky dark.
    pub is_visible: bool,
    /// First visible instant: where the observer first sees it. Where a pass is seen in
    /// several stretches, the seen part (start, peak, end, how it appears and vanishes, and
    /// the magnitude) is the stretch that gets highest.
    pub visible_start: Option<PassPoint>,
    /// Highest point while visible (the culmination when that is seen, else the higher
    /// end of the visible part).
    pub visible_peak: Option<PassPoint>,
    /// Last visible instant: where it vanishes.
    pub visible_end: Option<PassPoint>,
    /// In how many separate stretches the pass can be seen (0 when not visible; more than
    /// one when it dips into the shadow and out, or a long pass is seen before dawn and
    /// after dusk). The seen part above is one of them.
    pub visible_stretches: u8,
    /// How the visible part begins (None when not visible).
    pub appears: Option<Appears>,
    /// How the visible part ends (None when not visible).
    pub vanishes: Option<Vanishes>,
    /// Brightest estimated visual magnitude while visible (None without a standard magnitude).
    pub magnitude: Option<f64>,
    /// Why not visible, when it is not.
    pub not_visible_reason: Option<NotVisibleReason>,
}

impl Pass {
    /// Duration from rise to set.
    pub fn duration(&self) -> Duration {
        self.set.time - self.rise.time
    }

    /// Whether a visible pass is bright enough to see in a sky whose faintest visible star
    /// has magnitude `limiting_magnitude`: None when the pass is not visible or its
    /// brightness is unknown (no standard magnitude).
    pub fn is_bright_enough(&self, limiting_magnitude: f64) -> Option<bool> {
        if !self.is_visible {
            return None;
        }
        self.magnitude.map(|m| m <= limiting_magnitude)
    }

    /// Whether a naked-eye observer can expect to see it: visible, and not known to be
    /// fainter than `limiting_magnitude` (a pass of unknown brightness counts).
    pub fn is_visible_to_eye(&self, limiting_magnitude: f64) -> bool {
        self.is_visible && self.is_bright_enough(limiting_magnitude) != Some(false)
    }
}

/// Whether a satellite is above the horizon when it has no passes in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SkyPresence {
    /// At least one pass (before filtering by elevation) was found.
    Passes,
    /// Above the horizon for the whole window (e.g. a geostationary satellite in view).
    AlwaysAbove,
    /// Below the horizon for the whole window.
    NeverAbove,
    /// Not searched: the window is too far from the element epoch
    /// ([`MAX_DAYS_FROM_EPOCH`]); [`PassList::stopped_early`] says how far.
    NotSearched,
}

/// Farthest a search window may reach from the element epoch, before or after it, days.
///
/// SGP4 is fitted to a few days of tracking; its along-track error grows by kilometres a
/// day in low orbit, so after some weeks the times drift by minutes, and a year out the
/// satellite may be anywhere on its orbit (or long decayed). Beyond this a search would
/// report passes that are fiction, so [`find_passes`] refuses it, satellite by satellite.
pub const MAX_DAYS_FROM_EPOCH: f64 = 365.0;

/// The result of a pass search for one satellite.
#[derive(Debug, Clone, PartialEq)]
pub struct PassList {
    /// Passes that reach `min_elevation_deg`, in time order.
    pub passes: Vec<Pass>,
    /// Whether the satellite has passes, or stays above or below the horizon throughout.
    pub presence: SkyPresence,
    /// Set when propagation failed part-way (decay); the search stopped there.
    pub stopped_early: Option<PropagationError>,
}

/// Finds the passes of `sat` over `frame` that overlap the window `[start, end)`.
///
/// `std_magnitude` is the satellite's standard magnitude for brightness estimates.
/// A window that reaches more than [`MAX_DAYS_FROM_EPOCH`] from the element epoch is not
/// searched: the list is empty, [`SkyPresence::NotSearched`], and
/// [`PassList::stopped_early`] holds [`PropagationError::TooFarFromEpoch`].
pub fn find_passes(
    sat: &Satellite,
    frame: &ObserverFrame,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    search: &PassSearch,
    std_magnitude: Option<f64>,
) -> PassList {
    let (from_start, from_end) = (sat.set.age_days(start), sat.set.age_days(end));
    let farthest_days = if from_start.abs() > from_end.abs() {
        from_start
    } else {
        from_end
    };
    if farthest_days.abs() > MAX_DAYS_FROM_EPOCH {
        return PassList {
            passes: Vec::new(),
            presence: SkyPresence::NotSearched,
            stopped_early: Some(PropagationError::TooFarFromEpoch {
                days_from_epoch: farthest_days,
                limit_days: MAX_DAYS_FROM_EPOCH,
            }),
        };
    }
    let finder = Finder::new(sat, frame, search, std_magnitude);
    finder.run(sat.minutes_since_epoch(start), sat.minutes_since_epoch(end))
}

/// A rough 1-sigma uncertainty of predicted times, in seconds, for elements `age_days`
/// old (absolute value used) on an orbit of `mean_motion_rev_per_day`.
///
/// An estimate, not a model: element sets are good to about a kilometre at epoch (≈0.15 s
/// along a low orbit) and drag errors grow along-track error roughly with the square of
/// the age. Higher orbits drift far more slowly.
pub fn timing_uncertainty_s(age_days: f64, mean_motion_rev_per_day: f64) -> f64 {
    let age = age_days.abs();
    let low_orbit = 2.0 + 1.0 * age + 0.1 * age * age;
    if mean_motion_rev_per_day >= 6.0 {
        low_orbit
    } else {
        low_orbit / 10.0
    }
}
