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
//! 2. **Bracketing.** Near the observer, samples are a twelfth of an orbit apart (at most
//!    30 min). A rise or set is a sign change of `f` between two samples. A pass shorter
//!    than a step shows as the derivative turning from rising to falling between two
//!    samples below the horizon: its maximum is found, and if above the horizon, it is
//!    a pass. A step of P/12 cannot hide two turning points (near the observer they come
//!    about half an orbit apart).
//! 3. **Refining.** Between two samples a quintic Hermite interpolant of the TEME state
//!    (positions, velocities and J2 accelerations at both ends) follows SGP4 to a few
//!    metres in low orbit. Each root is refined on it by Newton's method from the cubic
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
//! The files follow these stages, each adding its methods to the one `Finder`:
//! - `mod.rs`: [`find_passes`], the entry point;
//! - `pass.rs`: the public types ([`PassSearch`], [`Pass`], [`PassList`], ...);
//! - `sample.rs`: one sample of the elevation function, with the state behind it;
//! - `finder.rs`: the finder's setup, and its samples from SGP4;
//! - `bounds.rs`: the skipping bounds (1);
//! - `scan.rs`: the scan, bracketing, and the passes built from it (2);
//! - `refine.rs`: the roots refined between two samples (3);
//! - `interpolant.rs`: the quintic Hermite interpolant the refinement evaluates;
//! - `visibility.rs`: the visible part of a pass, how it appears and vanishes, its magnitude;
//! - `ahead.rs`: [`next_visible_pass`], the search ahead for a window that had none to see.
//!
//! The generic root finders (Illinois, the cubic's root, the walk) are in `orbit::roots`.

mod ahead;
mod bounds;
mod finder;
mod interpolant;
mod pass;
mod refine;
mod sample;
mod scan;
mod visibility;

use chrono::{DateTime, Utc};

use super::frames::ObserverFrame;
use super::propagate::{PropagationError, Satellite};
pub use ahead::{LOOK_AHEAD_DAYS, NextVisible, next_visible_pass};
use finder::Finder;
pub use pass::{
    Appears, MAX_DAYS_FROM_EPOCH, NotVisibleReason, Pass, PassList, PassPoint, PassSearch,
    SeenPoints, SkyPresence, Vanishes,
};

/// Why a window from `start` to `end` is not searched for `sat`: it reaches more than
/// [`MAX_DAYS_FROM_EPOCH`] from the element epoch (the farther end is named), else `None`.
pub(crate) fn too_far_from_epoch(
    sat: &Satellite,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Option<PropagationError> {
    let (from_start, from_end) = (sat.set.age_days(start), sat.set.age_days(end));
    let farthest_days = if from_start.abs() > from_end.abs() {
        from_start
    } else {
        from_end
    };
    (farthest_days.abs() > MAX_DAYS_FROM_EPOCH).then_some(PropagationError::TooFarFromEpoch {
        days_from_epoch: farthest_days,
        limit_days: MAX_DAYS_FROM_EPOCH,
    })
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
    if let Some(too_far) = too_far_from_epoch(sat, start, end) {
        return PassList {
            passes: Vec::new(),
            presence: SkyPresence::NotSearched,
            stopped_early: Some(too_far),
        };
    }
    let finder = Finder::new(sat, frame, search, std_magnitude);
    finder.run(sat.minutes_since_epoch(start), sat.minutes_since_epoch(end))
}
