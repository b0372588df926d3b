//! Pure, deterministic astronomy: element sets, frames, the Sun, passes, brightness.
//!
//! Nothing here does I/O or reads a clock: every time comes in as an argument.
//!
//! The chain from elements to what an observer sees:
//! 1. [`parse_elements`] reads TLE / OMM JSON / OMM CSV into [`ElementSet`]s.
//! 2. [`Satellite::state_at`] runs SGP4/SDP4 (the `sgp4` crate) and gives a position and
//!    velocity in TEME, the "true equator, mean equinox" frame of date that SGP4 works in
//!    (Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753, Appendix C).
//! 3. [`frames::ecef_state_from_teme`] rotates TEME into the Earth-fixed frame by the
//!    Greenwich mean sidereal time ([`frames::gmst_rad`], IAU 1982).
//! 4. [`ObserverFrame::look_at`] gives azimuth, elevation, range and range rate in the
//!    observer's topocentric (east, north, up) frame on the WGS-84 ellipsoid.
//! 5. [`sun`] places the Sun and decides whether the satellite is sunlit;
//!    [`brightness`] estimates its magnitude; [`passes`] finds rise, culmination and set.

pub mod brightness;
pub mod elements;
pub mod fleet;
pub mod frames;
pub mod observe;
pub mod passes;
pub mod propagate;
pub mod sun;
mod vec3;

pub use brightness::{StdMagnitudes, visual_magnitude};
pub use elements::{
    ElementFormat, ElementSet, ElementsError, ParseWarning, ParsedElements, detect_format,
    merge_newest, parse_elements,
};
pub use fleet::Fleet;
pub use frames::{Geodetic, LookAngles, Observer, ObserverFrame};
pub use observe::{Observation, observe, subsolar_point_deg, sun_elevation_deg};
pub use passes::{
    MAX_DAYS_FROM_EPOCH, NotVisibleReason, Pass, PassList, PassPoint, PassSearch, SkyPresence,
    find_passes, timing_uncertainty_s,
};
pub use propagate::{PropagationError, Satellite, TemeState};
pub use sun::{Illumination, Shadow};
