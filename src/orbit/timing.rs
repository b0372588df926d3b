//! How far off a predicted time may be: the 90 % bound of the timing (along-track) error of
//! SGP4 predictions from elements of a given age, calibrated on real element histories
//! (issue 26).
//!
//! An element set is fitted to tracking data and then propagated into the future; what SGP4
//! cannot foresee (the atmosphere's density changing with the Sun's activity, manoeuvres,
//! the fit's own error) shifts the satellite along its track, so that it comes early or late
//! while keeping to its path. The error was measured on element histories (every set of
//! 100 satellites over seven weeks, and the held-out ones again five months later): each
//! day, the set nearest noon is the truth, and sets 0.5 to 45 days older are propagated to
//! its epoch; the error is the time shift along the truth's track that brings it nearest
//! (`scripts/calibrate_timing.py`, the data in `tests/data/element_histories/`).
//!
//! The 90 % bound of that error, for elements `age` days old, is
//!
//! ```text
//! bound = max(1 s, min(sqrt(A² + (B·age)² + ((k·D + C)·age²)²), P/2))
//! ```
//!
//! - D is the drift the elements publish: their first derivative of the mean motion (the
//!   decay drag causes, `ndot/2` in rev/day²) over the mean motion, in seconds along the
//!   track per day². A low, high-drag orbit drifts far faster than a high one; k is the part
//!   of that decay the following sets do not bear out (the atmosphere changes).
//! - A is the error at the epoch, B that of the mean motion, C the along-track errors that
//!   grow with the square of the age whatever the drag (manoeuvres, solar pressure).
//! - P/2 is half the orbital period: an error that large leaves the satellite anywhere on
//!   its orbit (and no time shift along the track is larger).
//! - The floor of one second: neighbouring sets agree to a tenth of a second but share the
//!   SGP4 theory's own error at the epoch (about a kilometre, a seventh of a second in low
//!   orbit), which comparing them cannot see.
//!
//! A, B, C and k are fitted (the 90th percentile, by quantile regression) per [`OrbitClass`].
//! They are the numbers `scripts/calibrate_timing` writes to
//! `tests/data/element_histories/calibration.json` (a unit test below checks that they are
//! the same); `tests/timing.rs` recomputes the held-out errors with this crate's own
//! propagator and checks the bound against them.

use super::elements::ElementSet;

/// No stated bound is smaller than this, seconds (see the module documentation).
pub const FLOOR_S: f64 = 1.0;

/// The classes of orbit whose timing errors grow differently, each with its own constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrbitClass {
    /// Period under 225 minutes (SGP4's near-Earth theory): errors grow with the published
    /// decay.
    NearEarth,
    /// A Starlink satellite (its name starts with "STARLINK"): near-Earth, but holding its
    /// height with thrusters, so that the decay its elements publish often does not happen,
    /// and manoeuvring often.
    Starlink,
    /// Period of 225 minutes or more, nearly circular (eccentricity under 0.2), at least
    /// 1.1 revolutions a day: the navigation satellites (GPS, Galileo, GLONASS, BeiDou) and O3b.
    Medium,
    /// The other long-period orbits: geosynchronous and Molniya-type (eccentric) orbits.
    High,
}

/// The constants of one class (see the module documentation).
struct Constants {
    /// Error at the epoch, s.
    a_s: f64,
    /// Growth with the age, s/day.
    b_s_per_day: f64,
    /// Growth with the square of the age, s/day².
    c_s_per_day2: f64,
    /// Part of the published decay's drift that the next sets do not follow.
    k: f64,
}

/// The fitted constants (`scripts/calibrate_timing`, `calibration.json`), rounded to three
/// significant digits as the script rounds them. Fitted on 21 near-Earth objects (ISS,
/// MALLIGYONG-1, ..., rocket bodies), 15 Starlinks, 3 navigation satellites and 11
/// geosynchronous and Molniya-type ones, March to May 2026.
const NEAR_EARTH: Constants = Constants {
    a_s: 0.0473,
    b_s_per_day: 0.0462,
    c_s_per_day2: 0.0197,
    k: 0.398,
};
const STARLINK: Constants = Constants {
    a_s: 1.95,
    b_s_per_day: 0.00072,
    c_s_per_day2: 0.114,
    k: 4.91,
};
const MEDIUM: Constants = Constants {
    a_s: 0.217,
    b_s_per_day: 0.0849,
    c_s_per_day2: 0.0108,
    k: 0.0,
};
const HIGH: Constants = Constants {
    a_s: 0.521,
    b_s_per_day: 0.00135,
    c_s_per_day2: 0.34,
    k: 0.0,
};

/// SGP4's split between its near-Earth and deep-space theories: a period of 225 minutes,
/// in revolutions per day (1440 / 225).
const DEEP_SPACE_MEAN_MOTION_REV_PER_DAY: f64 = 6.4;
/// Seconds in a day.
const DAY_S: f64 = 86_400.0;

/// What the timing model reads from one element set: its class, the drift its published
/// decay stands for, and half its period. Small and `Copy`: kept with each satellite's passes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimingDrift {
    /// The class of the orbit.
    pub class: OrbitClass,
    /// `|ndot/2| / n` in seconds along the track per day², from the published first
    /// derivative of the mean motion (`ndot/2`, rev/day²) and the mean motion `n` (rev/day).
    pub decay_drift_s_per_day2: f64,
    /// Half the orbital period, seconds: the largest timing error that means anything.
    pub half_period_s: f64,
}

impl TimingDrift {
    /// The drift of the element set `set` (its name decides [`OrbitClass::Starlink`]).
    pub fn of(set: &ElementSet) -> Self {
        Self::from_elements(
            &set.name,
            set.elements.mean_motion,
            set.elements.eccentricity,
            set.elements.mean_motion_dot,
        )
    }

    /// The drift of elements with this `name` (as published), mean motion
    /// (rev/day, Kozai, as published), `eccentricity` and first derivative of the mean
    /// motion as published (`ndot/2`, rev/day²).
    pub fn from_elements(
        name: &str,
        mean_motion_rev_per_day: f64,
        eccentricity: f64,
        mean_motion_dot_rev_per_day2: f64,
    ) -> Self {
        // A mean motion of zero or less is refused by the parser; guard the division anyway.
        let n = mean_motion_rev_per_day.max(1e-3);
        let class = if n >= DEEP_SPACE_MEAN_MOTION_REV_PER_DAY {
            let starlink = name
                .trim_start()
                .get(..8)
                .is_some_and(|head| head.eq_ignore_ascii_case("STARLINK"));
            if starlink {
                OrbitClass::Starlink
            } else {
                OrbitClass::NearEarth
            }
        } else if eccentricity < 0.2 && n >= 1.1 {
            OrbitClass::Medium
        } else {
            OrbitClass::High
        };
        Self {
            class,
            decay_drift_s_per_day2: mean_motion_dot_rev_per_day2.abs() / n * DAY_S,
            half_period_s: DAY_S / n / 2.0,
        }
    }
}

/// The timing uncertainty of a time predicted from elements `age_days` old (absolute value
/// used: a time before the epoch is as uncertain), in seconds: the 90 % bound of the model
/// above, so that about nine predictions in ten are closer than this to the time the next
/// element sets will give. At least [`FLOOR_S`], at most half the period.
pub fn timing_uncertainty_s(age_days: f64, drift: TimingDrift) -> f64 {
    let c = match drift.class {
        OrbitClass::NearEarth => &NEAR_EARTH,
        OrbitClass::Starlink => &STARLINK,
        OrbitClass::Medium => &MEDIUM,
        OrbitClass::High => &HIGH,
    };
    let age = age_days.abs();
    let square = (c.k * drift.decay_drift_s_per_day2 + c.c_s_per_day2) * age * age;
    let growth = (c.a_s * c.a_s + (c.b_s_per_day * age).powi(2) + square * square).sqrt();
    growth.min(drift.half_period_s).max(FLOOR_S)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// MALLIGYONG-1 (58400), 2026-03-15: 15.2205 rev/day, ndot/2 = 3.752e-5 rev/day².
    fn malligyong() -> TimingDrift {
        TimingDrift::from_elements("MALLIGYONG-1", 15.220_519_76, 0.000_873_6, 0.000_037_52)
    }

    #[test]
    fn classes_follow_the_period_the_name_and_the_eccentricity() {
        assert_eq!(malligyong().class, OrbitClass::NearEarth);
        let starlink = TimingDrift::from_elements("STARLINK-1008", 15.3, 0.0001, 1e-4);
        assert_eq!(starlink.class, OrbitClass::Starlink);
        let gps = TimingDrift::from_elements("NAVSTAR 73 (USA 260)", 2.0056, 0.005, 0.0);
        assert_eq!(gps.class, OrbitClass::Medium);
        let geo = TimingDrift::from_elements("GOES 16", 1.0027, 0.0001, 0.0);
        assert_eq!(geo.class, OrbitClass::High);
        let molniya = TimingDrift::from_elements("MERIDIAN 8", 2.0061, 0.7056, 0.0);
        assert_eq!(molniya.class, OrbitClass::High);
    }

    #[test]
    fn the_bound_grows_with_age_from_its_floor_to_half_a_period() {
        let d = malligyong();
        let mut last = 0.0;
        for tenth in 0..=600 {
            let s = timing_uncertainty_s(f64::from(tenth) / 10.0, d);
            assert!(s >= last, "not monotonic at {tenth}");
            last = s;
        }
        assert_eq!(timing_uncertainty_s(0.5, d), FLOOR_S);
        // Issue 26's table for MALLIGYONG-1 and KORSAT-7: 90th percentile 18 s at 14 days,
        // 113 s at 45 days.
        let at14 = timing_uncertainty_s(14.0, d);
        assert!((15.0..30.0).contains(&at14), "{at14}");
        let at45 = timing_uncertainty_s(45.0, d);
        assert!((100.0..300.0).contains(&at45), "{at45}");
        assert_eq!(timing_uncertainty_s(-14.0, d), at14);
        // A very old set on a decaying orbit: anywhere on the orbit, no more.
        let half = d.half_period_s;
        assert_eq!(timing_uncertainty_s(1000.0, d), half);
        assert!((half - 2838.0).abs() < 1.0, "{half}");
    }

    #[test]
    fn the_constants_are_those_the_calibration_script_fitted() {
        let json: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/data/element_histories/calibration.json"
        ))
        .unwrap();
        for (key, c) in [
            ("near_earth", &NEAR_EARTH),
            ("starlink", &STARLINK),
            ("medium", &MEDIUM),
            ("high", &HIGH),
        ] {
            let fitted = &json["constants"][key];
            for (name, value) in [
                ("a_s", c.a_s),
                ("b_s_per_day", c.b_s_per_day),
                ("c_s_per_day2", c.c_s_per_day2),
                ("k", c.k),
            ] {
                assert_eq!(fitted[name].as_f64(), Some(value), "{key}.{name}");
            }
        }
        assert_eq!(json["floor_s"].as_f64(), Some(FLOOR_S));
    }

    #[test]
    fn a_low_high_drag_orbit_drifts_faster_than_a_high_one() {
        let iss = TimingDrift::from_elements("ISS (ZARYA)", 15.49, 0.0007, 9.6e-5);
        let noaa = TimingDrift::from_elements("NOAA 20", 14.195, 0.0002, 5.6e-7);
        assert!(timing_uncertainty_s(14.0, iss) > 10.0 * timing_uncertainty_s(14.0, noaa));
    }
}
