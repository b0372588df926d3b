//! SGP4/SDP4 propagation through the `sgp4` crate, with decay detection.

use chrono::{DateTime, Utc};

use super::elements::ElementSet;
use super::frames::julian_date_utc;

/// Earth's equatorial radius in km (WGS-84), used for decay and shadow tests.
pub const EARTH_EQUATORIAL_RADIUS_KM: f64 = 6378.137;

/// Why a satellite could not be propagated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PropagationError {
    /// SGP4 refused to initialise from these elements.
    #[error("SGP4 cannot use these elements: {message}")]
    BadElements {
        /// What the `sgp4` crate said.
        message: String,
    },
    /// SGP4 failed at this time (the orbit has decayed or the elements diverged).
    #[error("SGP4 failed {minutes_since_epoch:.1} min from epoch: {message}")]
    Diverged {
        /// Time from the element epoch, minutes.
        minutes_since_epoch: f64,
        /// What the `sgp4` crate said.
        message: String,
    },
    /// The predicted position is too low to still be in orbit (the pass search's check):
    /// the satellite has re-entered by then.
    #[error(
        "re-entered: {altitude_km:.0} km up {minutes_since_epoch:.1} min from epoch, too low to stay in orbit"
    )]
    Reentered {
        /// Time from the element epoch, minutes.
        minutes_since_epoch: f64,
        /// Height of the position above the equatorial radius, km.
        altitude_km: f64,
    },
    /// The time asked is too far from the element epoch for SGP4's answer to mean anything
    /// (see [`super::passes::MAX_DAYS_FROM_EPOCH`]); nothing was computed.
    #[error(
        "not searched: the window reaches {} days {} the element epoch, more than the {limit_days:.0} days within which SGP4's answer means anything",
        crate::text::number(days_from_epoch.abs().round()),
        if *days_from_epoch < 0.0 { "before" } else { "after" }
    )]
    TooFarFromEpoch {
        /// Time from the epoch to the farther end of the window, days (negative before it).
        days_from_epoch: f64,
        /// The limit, days.
        limit_days: f64,
    },
    /// The predicted position is inside the Earth: the satellite has decayed by then.
    #[error(
        "decayed: {altitude_km:.0} km below the surface {minutes_since_epoch:.1} min from epoch"
    )]
    Decayed {
        /// Time from the element epoch, minutes.
        minutes_since_epoch: f64,
        /// How far below the equatorial radius the position is, km.
        altitude_km: f64,
    },
}

/// Position and velocity of a satellite in the TEME frame of date.
///
/// TEME (true equator, mean equinox) is the frame SGP4 works in; see
/// [`crate::orbit::frames::ecef_from_teme`] for the step to Earth-fixed coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TemeState {
    /// Position in TEME, km.
    pub r_teme_km: [f64; 3],
    /// Velocity in TEME, km/s.
    pub v_teme_km_s: [f64; 3],
}

/// An element set with its SGP4 propagator built and ready.
#[derive(Debug, Clone)]
pub struct Satellite {
    /// The element set this propagator was built from.
    pub set: ElementSet,
    constants: sgp4::Constants,
    /// Julian date (UTC) of the element epoch.
    epoch_jd: f64,
}

impl Satellite {
    /// Builds the SGP4 propagator for `set`.
    ///
    /// Uses the WGS-72 constants and the improved ("i") operation mode, as the
    /// element sets are fitted with WGS-72 and as Vallado's reference code and
    /// python-sgp4 (skyfield) do by default.
    pub fn new(set: ElementSet) -> Result<Self, PropagationError> {
        let el = &set.elements;
        let orbit = sgp4::Orbit::from_kozai_elements(
            &sgp4::WGS72,
            el.inclination.to_radians(),
            el.right_ascension.to_radians(),
            el.eccentricity,
            el.argument_of_perigee.to_radians(),
            el.mean_anomaly.to_radians(),
            el.mean_motion * (std::f64::consts::PI / 720.0),
        )
        .map_err(|e| PropagationError::BadElements {
            message: e.to_string(),
        })?;
        let constants = sgp4::Constants::new(
            sgp4::WGS72,
            sgp4::iau_epoch_to_sidereal_time,
            el.epoch(),
            el.drag_term,
            orbit,
        )
        .map_err(|e| PropagationError::BadElements {
            message: e.to_string(),
        })?;
        let epoch_jd = julian_date_utc(set.epoch);
        Ok(Self {
            set,
            constants,
            epoch_jd,
        })
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

    /// TEME position and velocity at `t`.
    pub fn state_at(&self, t: DateTime<Utc>) -> Result<TemeState, PropagationError> {
        self.state_at_minutes(self.minutes_since_epoch(t))
    }

    /// TEME position and velocity `minutes_since_epoch` minutes after the element epoch.
    ///
    /// Fails if SGP4 fails or if the position is below the Earth's equatorial radius
    /// (SGP4 itself does not notice decay).
    pub fn state_at_minutes(
        &self,
        minutes_since_epoch: f64,
    ) -> Result<TemeState, PropagationError> {
        let prediction = self
            .constants
            .propagate(sgp4::MinutesSinceEpoch(minutes_since_epoch))
            .map_err(|e| PropagationError::Diverged {
                minutes_since_epoch,
                message: e.to_string(),
            })?;
        Self::checked(minutes_since_epoch, prediction)
    }

    /// Like [`Satellite::state_at_minutes`], reusing the deep-space resonance integrator
    /// from `cache` when it can (same results; much faster for geosynchronous and
    /// 12-hour orbits, whose integrator otherwise restarts from the epoch every call).
    pub fn state_at_minutes_cached(
        &self,
        minutes_since_epoch: f64,
        cache: &ResonanceCache,
    ) -> Result<TemeState, PropagationError> {
        let Some(mut state) = cache.usable_for(minutes_since_epoch, self) else {
            return self.state_at_minutes(minutes_since_epoch);
        };
        let prediction = self
            .constants
            .propagate_from_state(
                sgp4::MinutesSinceEpoch(minutes_since_epoch),
                Some(&mut state),
                false,
            )
            .map_err(|e| PropagationError::Diverged {
                minutes_since_epoch,
                message: e.to_string(),
            })?;
        cache.offer(state);
        Self::checked(minutes_since_epoch, prediction)
    }

    fn checked(
        minutes_since_epoch: f64,
        prediction: sgp4::Prediction,
    ) -> Result<TemeState, PropagationError> {
        let [x, y, z] = prediction.position;
        let r_km = (x * x + y * y + z * z).sqrt();
        if !r_km.is_finite() || r_km < EARTH_EQUATORIAL_RADIUS_KM {
            return Err(PropagationError::Decayed {
                minutes_since_epoch,
                altitude_km: EARTH_EQUATORIAL_RADIUS_KM - r_km,
            });
        }
        Ok(TemeState {
            r_teme_km: prediction.position,
            v_teme_km_s: prediction.velocity,
        })
    }
}

/// A checkpoint of the SGP4 deep-space resonance integrator for one satellite, so that
/// propagations moving forward in time continue from it instead of from the epoch.
///
/// The integrator takes fixed 720-minute steps from the epoch, so continuing from a
/// checkpoint gives exactly the numbers a fresh start would.
#[derive(Default)]
pub struct ResonanceCache {
    state: std::cell::Cell<Option<sgp4::ResonanceState>>,
}

impl std::fmt::Debug for ResonanceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = self.state.get().map(|s| s.t());
        f.debug_struct("ResonanceCache").field("t_min", &t).finish()
    }
}

impl ResonanceCache {
    /// An empty cache (the first use starts from the epoch).
    pub fn new() -> Self {
        Self::default()
    }

    /// A state to propagate to `minutes` from, or None for orbits without resonance.
    fn usable_for(&self, minutes: f64, sat: &Satellite) -> Option<sgp4::ResonanceState> {
        let fresh = sat.constants.initial_state()?;
        match self.state.get() {
            Some(s)
                if s.t() == 0.0
                    || (s.t().is_sign_positive() == minutes.is_sign_positive()
                        && minutes.abs() >= s.t().abs()) =>
            {
                Some(s)
            }
            _ => Some(fresh),
        }
    }

    /// Keeps `state` if it has integrated further from the epoch than the one kept.
    fn offer(&self, state: sgp4::ResonanceState) {
        let further = self
            .state
            .get()
            .is_none_or(|kept| state.t().abs() > kept.t().abs());
        if further {
            self.state.set(Some(state));
        }
    }
}
