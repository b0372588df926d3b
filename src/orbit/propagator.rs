//! The SGP4/SDP4 propagator of one element set (the `sgp4` crate), with decay detection.
//!
//! A [`Propagator`] is built once per element set, when the set is parsed (the parser
//! keeps it in the element set), and checked there by propagating to the epoch: a set that SGP4 rejects is skipped at parse time, and
//! every later use (the decay check, the predictions) reuses the same propagator. This
//! module knows nothing of element sets, so parsing depends on it and not the other way.

use super::constants::EARTH_EQUATORIAL_RADIUS_WGS84_KM;

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
    /// The window searched reaches too far from the element epoch for SGP4's answer to
    /// mean anything ([`MAX_DAYS_FROM_EPOCH`]); nothing was computed.
    #[error(
        "not searched: the window reaches {} days {} the element epoch, more than the {limit_days:.0} days within which SGP4's answer means anything",
        days_past_limit(*days_from_epoch, *limit_days),
        if *days_from_epoch < 0.0 { "before" } else { "after" }
    )]
    TooFarFromEpoch {
        /// Time from the epoch to the farther end of the window, days (negative before it).
        days_from_epoch: f64,
        /// The limit, days.
        limit_days: f64,
    },
    /// The time asked is too far from the element epoch for a position to mean anything
    /// ([`MAX_DAYS_FROM_EPOCH`]); nothing was computed (issue 25: the live panel, the map
    /// and the sky chart show no position then, instead of one 20 billion km up).
    #[error(
        "no position: the time is {} days {} the element epoch, more than the {limit_days:.0} days within which SGP4's answer means anything",
        days_past_limit(*days_from_epoch, *limit_days),
        if *days_from_epoch < 0.0 { "before" } else { "after" }
    )]
    FarFromEpoch {
        /// Time from the epoch, days (negative before it).
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

/// Farthest from the element epoch, before or after it, that a position or a pass is
/// computed, days.
///
/// SGP4 is fitted to a few days of tracking; its along-track error grows by kilometres a
/// day in low orbit, so after some weeks the times drift by minutes, and a year out the
/// satellite may be anywhere on its orbit (or long decayed). Beyond this a search would
/// report passes that are fiction, so the pass search refuses it, satellite by satellite,
/// and a position is not given ([`PropagationError::FarFromEpoch`]).
pub const MAX_DAYS_FROM_EPOCH: f64 = 365.0;

/// `|days|` as a message says it beyond `limit_days`: whole days, or tenths where whole
/// days would read as the limit itself ("365.3 days", never "365 days, more than the 365").
pub fn days_past_limit(days: f64, limit_days: f64) -> String {
    let days = days.abs();
    if days.round() > limit_days {
        crate::text::number(days.round())
    } else {
        format!("{:.1}", (days * 10.0).ceil() / 10.0)
    }
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

/// SGP4's constants for one element set, built and checked at its epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct Propagator {
    constants: sgp4::Constants,
}

impl Propagator {
    /// Builds the SGP4 propagator for the mean elements `el` and checks it by
    /// propagating to their epoch, which catches what SGP4 itself rejects (e.g. a perigee
    /// inside the Earth, eccentricity driven out of range).
    ///
    /// Uses the WGS-72 constants and the improved ("i") operation mode, as the
    /// element sets are fitted with WGS-72 and as Vallado's reference code and
    /// python-sgp4 (skyfield) do by default.
    pub fn new(el: &sgp4::Elements) -> Result<Self, PropagationError> {
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
        let propagator = Self { constants };
        propagator.state_at_minutes(0.0)?;
        Ok(propagator)
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
        checked(minutes_since_epoch, prediction)
    }

    /// Like [`Propagator::state_at_minutes`], reusing the deep-space resonance integrator
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
        checked(minutes_since_epoch, prediction)
    }
}

/// SGP4's prediction as a [`TemeState`], refused inside the Earth (decayed).
fn checked(
    minutes_since_epoch: f64,
    prediction: sgp4::Prediction,
) -> Result<TemeState, PropagationError> {
    let [x, y, z] = prediction.position;
    let r_km = (x * x + y * y + z * z).sqrt();
    // A drag term out of all proportion (BSTAR 1e300) gives no number at all: said so, not
    // "NaN km below the surface".
    let finite = r_km.is_finite() && prediction.velocity.iter().all(|v| v.is_finite());
    if !finite {
        return Err(PropagationError::Diverged {
            minutes_since_epoch,
            message: "the position is not a finite number (the elements diverged)".to_owned(),
        });
    }
    if r_km < EARTH_EQUATORIAL_RADIUS_WGS84_KM {
        return Err(PropagationError::Decayed {
            minutes_since_epoch,
            altitude_km: EARTH_EQUATORIAL_RADIUS_WGS84_KM - r_km,
        });
    }
    Ok(TemeState {
        r_teme_km: prediction.position,
        v_teme_km_s: prediction.velocity,
    })
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
        f.debug_struct("ResonanceCache")
            .field("t_minutes", &t)
            .finish()
    }
}

impl ResonanceCache {
    /// An empty cache (the first use starts from the epoch).
    pub fn new() -> Self {
        Self::default()
    }

    /// A state to propagate to `minutes` from, or None for orbits without resonance.
    fn usable_for(&self, minutes: f64, propagator: &Propagator) -> Option<sgp4::ResonanceState> {
        let fresh = propagator.constants.initial_state()?;
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
