//! The public vocabulary of the pass search: its settings ([`PassSearch`]), what it finds
//! ([`Pass`], [`PassPoint`], [`PassList`]) and the words for how a pass is seen
//! ([`Appears`], [`Vanishes`], [`NotVisibleReason`], [`SkyPresence`]).
//!
//! These types depend on nothing else in the search, so every stage can use them.

use chrono::{DateTime, Duration, Utc};

use crate::orbit::BrightVerdict;
use crate::orbit::propagate::PropagationError;

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

/// Where a visible pass is seen: its first instant, its highest while seen, its last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeenPoints {
    /// First visible instant.
    pub start: PassPoint,
    /// Highest point while visible.
    pub peak: PassPoint,
    /// Last visible instant.
    pub end: PassPoint,
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
    /// The seen part's three points, kept apart (one pass in six is visible, so the others
    /// carry only a null pointer): see [`Pass::visible_start`], [`Pass::visible_peak`] and
    /// [`Pass::visible_end`]. Where a pass is seen in several stretches, the seen part
    /// (start, peak, end, how it appears and vanishes, and the magnitude) is the stretch
    /// that gets highest.
    pub seen_points: Option<Box<SeenPoints>>,
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
    /// A pass of `norad_id` from rise to set with nothing yet known of its visibility (not
    /// visible, no seen part, no magnitude, no reason), for the visibility walk to fill in.
    pub fn unseen(norad_id: u64, rise: PassPoint, culmination: PassPoint, set: PassPoint) -> Self {
        Self {
            norad_id,
            rise,
            culmination,
            set,
            is_visible: false,
            seen_points: None,
            visible_stretches: 0,
            appears: None,
            vanishes: None,
            magnitude: None,
            not_visible_reason: None,
        }
    }

    /// First visible instant: where the observer first sees it.
    pub fn visible_start(&self) -> Option<PassPoint> {
        self.seen_points.as_ref().map(|s| s.start)
    }

    /// Highest point while visible (the culmination when that is seen, else the higher
    /// end of the visible part).
    pub fn visible_peak(&self) -> Option<PassPoint> {
        self.seen_points.as_ref().map(|s| s.peak)
    }

    /// Last visible instant: where it vanishes.
    pub fn visible_end(&self) -> Option<PassPoint> {
        self.seen_points.as_ref().map(|s| s.end)
    }

    /// Records the seen part's points.
    pub fn set_seen_points(&mut self, start: PassPoint, peak: PassPoint, end: PassPoint) {
        self.seen_points = Some(Box::new(SeenPoints { start, peak, end }));
    }

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

    /// Whether a naked-eye observer may see it when its standard magnitude is uncertain by
    /// `sigma` (magnitudes): visible, and not fainter than `limiting_magnitude` by a sigma
    /// or more ([`BrightVerdict::of`]; "maybe" and unknown brightness count).
    pub fn may_be_seen(&self, limiting_magnitude: f64, sigma: f64) -> bool {
        self.is_visible
            && self.magnitude.is_none_or(|m| {
                BrightVerdict::of(m, sigma, limiting_magnitude) != BrightVerdict::No
            })
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

/// Farthest a search window may reach from the element epoch, before or after it, days:
/// beyond it [`super::find_passes`] refuses the search, satellite by satellite (the same
/// limit as for a position; see the propagator's documentation).
pub use crate::orbit::propagator::MAX_DAYS_FROM_EPOCH;

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
