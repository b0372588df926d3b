//! Pure, deterministic astronomy: element sets, frames, the Sun, passes, brightness.
//!
//! Nothing here does I/O or reads a clock: every time comes in as an argument.
//!
//! The chain from elements to what an observer sees:
//! 1. [`parse_elements`] reads TLE / OMM JSON / OMM CSV into [`ElementSet`]s, building
//!    each set's SGP4 [`Propagator`] once ([`propagator`]) and keeping it in the set.
//! 2. [`Satellite::state_at`] runs SGP4/SDP4 (the `sgp4` crate) and gives a position and
//!    velocity in TEME, the "true equator, mean equinox" frame of date that SGP4 works in
//!    (Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753, Appendix C).
//! 3. [`frames::ecef_state_from_teme`] rotates TEME into the Earth-fixed frame by the
//!    Greenwich mean sidereal time ([`frames::gmst_rad`], IAU 1982).
//! 4. [`ObserverFrame::look_at`] gives azimuth, elevation, range and range rate in the
//!    observer's topocentric (east, north, up) frame on the WGS-84 ellipsoid.
//! 5. [`sun`] places the Sun and decides whether the satellite is sunlit;
//!    [`brightness`] estimates its magnitude; [`passes`] finds rise, culmination and set;
//!    [`timing`] says how far off its times may be, from the age of the elements.
//! 6. [`moon`] places the Moon (Meeus chapter 47) and its phase in the same frames;
//!    [`night`] finds tonight's dusk and dawn from the Sun's elevation.
//! 7. [`stars`] precesses J2000 star places to the date (IAU 1976) and looks at them from
//!    the observer; [`planets`] places Mercury to Saturn (JPL's approximate elements) with
//!    their magnitudes, in the same frames.
//! 8. [`identify`] turns the question round: which satellite was the light someone saw
//!    at a time and place; [`sky_now`] lists every bright sunlit satellite up at once.
//!
//! [`constants`] holds every physical constant with its unit and source (the WGS-72 values
//! SGP4 uses kept apart from the WGS-84 ones the observer stands on); `roots` holds the
//! generic root finders the pass search uses. Imports point one way: `constants` and
//! `vec3` at the bottom, then `frames`, the bodies, `observe`; `propagator` below
//! `elements` below `propagate`; `passes` on top.

pub mod apparent;
pub mod brightness;
pub mod constants;
pub mod elements;
pub mod fleet;
pub mod frames;
pub mod identify;
pub mod moon;
pub mod night;
pub mod observe;
pub mod passes;
pub mod planets;
pub mod propagate;
pub mod propagator;
mod reach;
pub(crate) mod roots;
pub mod sky_now;
pub mod stars;
pub mod sun;
pub mod timing;
pub mod transit;
mod vec3;

pub use brightness::{
    BrightVerdict, FamilyMatch, FamilyRule, LaunchMass, MagnitudeEstimate, MagnitudeSource,
    MagnitudeTiers, SatelliteKey, SizeRule, SizeTables, StdMagnitudes, visual_magnitude,
};
pub use elements::{
    ElementFormat, ElementSet, ElementsError, MAX_SATELLITES, MAX_WARNINGS_KEPT, Merger,
    ParseWarning, ParsedElements, detect_format, merge_newest, parse_elements,
};
pub use fleet::Fleet;
pub use frames::{Geodetic, LookAngles, Observer, ObserverFrame};
pub use identify::{
    Candidate, Identification, MagnitudeLookup, ScoreModel, Sighting, StandardMagnitude, identify,
};
pub use moon::{
    MoonView, angular_separation_deg, moon_illuminated_fraction, moon_is_waxing,
    moon_position_teme_km, moon_view,
};
pub use night::{Night, night_of};
pub use observe::{
    Observation, PathPoint, observe, sky_path, sublunar_point_deg, subsatellite_point,
    subsolar_point_deg, sun_direction, sun_elevation_deg,
};
pub use passes::{
    Appears, LOOK_AHEAD_DAYS, MAX_DAYS_FROM_EPOCH, NextVisible, NotVisibleReason, Pass, PassList,
    PassPoint, PassSearch, SeenPoints, SkyPresence, Vanishes, find_passes, next_visible_pass,
};
pub use planets::{Planet, PlanetView, planet_views};
pub use propagate::Satellite;
pub use propagator::{PropagationError, Propagator, TemeState};
pub use stars::{RaDecJ2000, SkyDirection, StarSky};
pub use sun::{Illumination, Shadow};
pub use timing::{OrbitClass, TimingDrift, timing_uncertainty_s};
pub use transit::{TransitBody, TransitList, TransitSearch, find_transits};
