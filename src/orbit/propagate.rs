//! A satellite ready to propagate: its element set with the SGP4 propagator built at
//! parse time, and its position at any time.
//!
//! The errors, states and the resonance checkpoint live in [`super::propagator`], which
//! builds SGP4 from the mean elements; they are re-exported here.

use chrono::{DateTime, Utc};

use super::constants::DAY_MINUTES;
use super::elements::ElementSet;
use super::frames::julian_date_utc;
pub use super::propagator::{MAX_DAYS_FROM_EPOCH, PropagationError, ResonanceCache, TemeState};

/// An element set with its SGP4 propagator (built once, when the set was parsed).
#[derive(Debug, Clone)]
pub struct Satellite {
    /// The element set, with its propagator.
    pub set: ElementSet,
    /// Julian date (UTC) of the element epoch.
    epoch_jd: f64,
}

impl Satellite {
    /// The satellite of `set`. SGP4 was built and checked when the set was parsed (a set
    /// SGP4 refuses is an error of the parser), so this cannot fail.
    pub fn new(set: ElementSet) -> Self {
        let epoch_jd = julian_date_utc(set.epoch);
        Self { set, epoch_jd }
    }

    /// Julian date (UTC) of the element epoch.
    pub fn epoch_jd(&self) -> f64 {
        self.epoch_jd
    }

    /// Minutes from the element epoch to `t` (negative before the epoch).
    pub fn minutes_since_epoch(&self, t: DateTime<Utc>) -> f64 {
        let delta = t - self.set.epoch;
        match delta.num_nanoseconds() {
            Some(ns) => ns as f64 / 60e9,
            None => delta.num_milliseconds() as f64 / 60e3,
        }
    }

    /// TEME position and velocity at `t`; none more than [`MAX_DAYS_FROM_EPOCH`] from the
    /// element epoch ([`PropagationError::FarFromEpoch`]), where SGP4's answer means
    /// nothing (the pass search refuses such a window the same way).
    pub fn state_at(&self, t: DateTime<Utc>) -> Result<TemeState, PropagationError> {
        let minutes = self.minutes_since_epoch(t);
        let days_from_epoch = minutes / DAY_MINUTES;
        if days_from_epoch.abs() > MAX_DAYS_FROM_EPOCH {
            return Err(PropagationError::FarFromEpoch {
                days_from_epoch,
                limit_days: MAX_DAYS_FROM_EPOCH,
            });
        }
        self.state_at_minutes(minutes)
    }

    /// TEME position and velocity `minutes_since_epoch` minutes after the element epoch
    /// (see [`super::propagator::Propagator::state_at_minutes`]).
    pub fn state_at_minutes(
        &self,
        minutes_since_epoch: f64,
    ) -> Result<TemeState, PropagationError> {
        self.set.propagator().state_at_minutes(minutes_since_epoch)
    }

    /// Like [`Satellite::state_at_minutes`], reusing the deep-space resonance integrator
    /// from `cache` when it can (see [`super::propagator::Propagator::state_at_minutes_cached`]).
    pub fn state_at_minutes_cached(
        &self,
        minutes_since_epoch: f64,
        cache: &ResonanceCache,
    ) -> Result<TemeState, PropagationError> {
        self.set
            .propagator()
            .state_at_minutes_cached(minutes_since_epoch, cache)
    }
}
