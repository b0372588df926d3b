//! "Tonight": when the Sun is far enough below the horizon for observing.
//!
//! The Sun's elevation is topocentric and geometric (no refraction), as
//! [`super::observe::sun_elevation_deg`] gives it, and the night is the stretch during which it
//! stays at or below a limit chosen by the caller (−6° civil, −12° nautical, −18° astronomical
//! twilight).
//!
//! The search walks in time with a step that the Sun's elevation cannot beat: at latitude φ it
//! changes by at most 0.2507° × cos φ per minute (the Sun's hour angle turns 360° in a solar
//! day, plus the Sun's own motion in declination), so a sample `m` degrees from the limit keeps
//! its side for `m / rate` minutes. The step is kept between 1 and 20 minutes, so a dip below the
//! limit that lasts less than a minute may be missed (the Sun then grazes the limit by less than
//! 0.004°). Each crossing is then bisected to under one second.
//! Every walk is bounded by its 24-hour window.

use super::constants::DAY_S;
use chrono::{DateTime, Duration, Utc};

use super::frames::ObserverFrame;
use super::observe::sun_elevation_deg;

/// How far a night search looks from its start, s (24 h).
const SEARCH_SPAN_S: f64 = DAY_S;
/// Shortest walking step, s.
const MIN_STEP_S: f64 = 60.0;
/// Longest walking step, s: 20 minutes, short enough for the bisection to stay cheap.
const MAX_STEP_S: f64 = 1_200.0;
/// Crossings are bisected until the bracket is this short, s.
const CROSSING_TOLERANCE_S: f64 = 1.0;
/// The Sun's hour angle turns 360° per mean solar day: 0.25° per minute, degrees per second.
/// 5 % is added for the Sun's motion in declination and the equation of time.
const SUN_HOUR_ANGLE_RATE_DEG_S: f64 = 0.25 / 60.0 * 1.05;
/// Floor of the elevation rate bound, degrees per second, for observers at the poles where
/// only the Sun's declination moves it (at most 0.4° a day).
const MIN_SUN_ELEVATION_RATE_DEG_S: f64 = 0.4 / DAY_S * 2.0;

/// The night around an instant, for one limit on the Sun's elevation. Times are UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Night {
    /// The Sun goes down through the limit at `dusk` and comes back up at `dawn`.
    Dark {
        /// The Sun's centre sinks to the limit, to about a second.
        dusk: DateTime<Utc>,
        /// The Sun's centre climbs back to the limit, to about a second.
        dawn: DateTime<Utc>,
    },
    /// The Sun stays above the limit for the next 24 hours (a summer night near the poles).
    NeverDark {
        /// End of the 24 hours searched.
        until: DateTime<Utc>,
    },
    /// The Sun stays at or below the limit for more than the 24 hours searched on one side
    /// (polar night). `from` is the dusk when one was found, else the start of the search;
    /// `until` is the dawn when one was found, else the end of the search.
    AlwaysDark {
        /// Dusk, or the start of the search if the Sun was down for all of the 24 hours before.
        from: DateTime<Utc>,
        /// Dawn, or the end of the 24 hours searched if the Sun stays down.
        until: DateTime<Utc>,
    },
}

/// The night containing `t`, or the next one, at `frame` for the Sun's centre at or below
/// `max_sun_elevation_deg` (topocentric geometric elevation, degrees).
///
/// - If the Sun is at or below the limit at `t`: `Dark` from the dusk before `t` (within 24 h)
///   to the dawn after it (within 24 h). If either is not found, `AlwaysDark` with `t` or
///   `t + 24 h` in its place: in a polar night, `AlwaysDark { from: t, until: t + 24 h }`.
/// - Otherwise: the next dusk within 24 h after `t`, and the dawn within 24 h after that dusk;
///   `NeverDark { until: t + 24 h }` if the Sun does not get down to the limit, and
///   `AlwaysDark { from: dusk, until: dusk + 24 h }` if it does not come back up.
///
/// Dusk and dawn are found to about a second. One call takes some hundreds of evaluations of
/// the Sun's elevation at most (well under a millisecond).
pub fn night_of(frame: &ObserverFrame, t: DateTime<Utc>, max_sun_elevation_deg: f64) -> Night {
    let rate_deg_s = SUN_HOUR_ANGLE_RATE_DEG_S
        * frame.observer.latitude_deg.to_radians().cos().abs()
        + MIN_SUN_ELEVATION_RATE_DEG_S;
    night_from_margin(
        t,
        |when| sun_elevation_deg(frame, when) - max_sun_elevation_deg,
        rate_deg_s,
    )
}

/// The rules of [`night_of`] for any margin function: degrees above the limit (dark when ≤ 0),
/// changing by at most `rate_deg_s` degrees per second.
fn night_from_margin(
    t: DateTime<Utc>,
    margin_deg: impl Fn(DateTime<Utc>) -> f64,
    rate_deg_s: f64,
) -> Night {
    let span = seconds(SEARCH_SPAN_S);
    let walk =
        |from: DateTime<Utc>, forward: bool| first_change(from, forward, &margin_deg, rate_deg_s);
    if margin_deg(t) <= 0.0 {
        let dusk = walk(t, false).map(|c| c.at);
        let dawn = walk(t, true).map(|c| c.at);
        match (dusk, dawn) {
            (Some(dusk), Some(dawn)) => Night::Dark { dusk, dawn },
            (dusk, dawn) => Night::AlwaysDark {
                from: dusk.unwrap_or(t),
                until: dawn.unwrap_or(t + span),
            },
        }
    } else {
        let Some(dusk) = walk(t, true) else {
            return Night::NeverDark { until: t + span };
        };
        // Walk on from the dark side of the dusk's bracket, which is known to be dark.
        match first_change(dusk.beyond, true, &margin_deg, rate_deg_s) {
            Some(dawn) if dawn.at <= dusk.at + span => Night::Dark {
                dusk: dusk.at,
                dawn: dawn.at,
            },
            _ => Night::AlwaysDark {
                from: dusk.at,
                until: dusk.at + span,
            },
        }
    }
}

/// A change of side of the limit found by [`first_change`].
#[derive(Debug, Clone, Copy)]
struct Change {
    /// The crossing, the middle of a bracket shorter than [`CROSSING_TOLERANCE_S`].
    at: DateTime<Utc>,
    /// The end of that bracket on the far side of the crossing (in the walk's direction).
    beyond: DateTime<Utc>,
}

/// The first time the margin changes side (dark is ≤ 0) within 24 h of `from`, walking forward
/// or backward in time, or `None`.
fn first_change(
    from: DateTime<Utc>,
    forward: bool,
    margin_deg: &impl Fn(DateTime<Utc>) -> f64,
    rate_deg_s: f64,
) -> Option<Change> {
    let direction = if forward { 1.0 } else { -1.0 };
    let at = |offset_s: f64| from + seconds(direction * offset_s);
    let start_dark = margin_deg(from) <= 0.0;
    let mut near_s = 0.0;
    let mut near_margin = margin_deg(from);
    // Each step is at least MIN_STEP_S, so the walk ends within SPAN / MIN_STEP steps.
    let max_steps = (SEARCH_SPAN_S / MIN_STEP_S).ceil() as usize + 1;
    for _ in 0..max_steps {
        if near_s >= SEARCH_SPAN_S {
            return None;
        }
        let step_s = (near_margin.abs() / rate_deg_s).clamp(MIN_STEP_S, MAX_STEP_S);
        let far_s = (near_s + step_s).min(SEARCH_SPAN_S);
        let far_margin = margin_deg(at(far_s));
        if (far_margin <= 0.0) != start_dark {
            // Bisect [near, far]: `near` on the starting side, `far` beyond.
            let (mut lo, mut hi) = (near_s, far_s);
            while hi - lo > CROSSING_TOLERANCE_S {
                let mid = 0.5 * (lo + hi);
                if (margin_deg(at(mid)) <= 0.0) == start_dark {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return Some(Change {
                at: at(0.5 * (lo + hi)),
                beyond: at(hi),
            });
        }
        near_s = far_s;
        near_margin = far_margin;
    }
    None
}

/// A duration of `s` seconds, to the millisecond.
fn seconds(s: f64) -> Duration {
    Duration::milliseconds((s * 1000.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    /// A made-up Sun: the margin is a sine of one-day period and `amplitude_deg`, offset by
    /// `offset_deg`, zero-phase at the Unix epoch.
    fn sine_margin(amplitude_deg: f64, offset_deg: f64) -> impl Fn(DateTime<Utc>) -> f64 {
        move |t: DateTime<Utc>| {
            let s = t.timestamp_millis() as f64 / 1000.0;
            offset_deg + amplitude_deg * (s / DAY_S * std::f64::consts::TAU).sin()
        }
    }

    /// The largest rate of `sine_margin`, degrees per second.
    fn sine_rate(amplitude_deg: f64) -> f64 {
        amplitude_deg * std::f64::consts::TAU / DAY_S
    }

    fn at_hours(h: f64) -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + seconds(h * 3600.0)
    }

    fn close(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
        (a - b).num_milliseconds().abs() <= 1000
    }

    #[test]
    fn dark_at_t_spans_from_the_dusk_before_to_the_dawn_after() {
        // Negative from 12 h to 24 h each day; at 18 h we are in the middle of the night.
        let night = night_from_margin(at_hours(18.0), sine_margin(40.0, 0.0), sine_rate(40.0));
        let Night::Dark { dusk, dawn } = night else {
            panic!("{night:?}");
        };
        assert!(close(dusk, at_hours(12.0)), "{dusk}");
        assert!(close(dawn, at_hours(24.0)), "{dawn}");
    }

    #[test]
    fn light_at_t_gives_the_next_night() {
        let night = night_from_margin(at_hours(3.0), sine_margin(40.0, 0.0), sine_rate(40.0));
        let Night::Dark { dusk, dawn } = night else {
            panic!("{night:?}");
        };
        assert!(close(dusk, at_hours(12.0)), "{dusk}");
        assert!(close(dawn, at_hours(24.0)), "{dawn}");
    }

    #[test]
    fn exactly_at_the_limit_counts_as_dark() {
        // The margin is exactly 0 from 12 h to 20 h: at 12 h the night has already begun.
        let margin = |t: DateTime<Utc>| {
            if (at_hours(12.0)..at_hours(20.0)).contains(&t) {
                0.0
            } else {
                1.0
            }
        };
        let night = night_from_margin(at_hours(12.0), margin, 1.0);
        let Night::Dark { dusk, dawn } = night else {
            panic!("{night:?}");
        };
        assert!(close(dusk, at_hours(12.0)), "{dusk}");
        assert!(close(dawn, at_hours(20.0)), "{dawn}");
    }

    #[test]
    fn sun_always_above_the_limit_is_never_dark_for_24_hours() {
        let t = at_hours(5.0);
        let night = night_from_margin(t, sine_margin(5.0, 6.0), sine_rate(5.0));
        assert_eq!(
            night,
            Night::NeverDark {
                until: at_hours(29.0)
            }
        );
    }

    #[test]
    fn polar_night_is_always_dark_from_t_for_24_hours() {
        let t = at_hours(5.0);
        let night = night_from_margin(t, sine_margin(5.0, -6.0), sine_rate(5.0));
        assert_eq!(
            night,
            Night::AlwaysDark {
                from: t,
                until: at_hours(29.0)
            }
        );
    }

    #[test]
    fn a_dusk_with_no_dawn_after_it_is_always_dark_from_the_dusk() {
        // Light until 10 h, then dark for ever: the first day of a polar night.
        let margin = |t: DateTime<Utc>| if t < at_hours(10.0) { 1.0 } else { -1.0 };
        let night = night_from_margin(at_hours(2.0), margin, 1.0);
        let Night::AlwaysDark { from, until } = night else {
            panic!("{night:?}");
        };
        assert!(close(from, at_hours(10.0)), "{from}");
        assert!(close(until, at_hours(34.0)), "{until}");
        // Seen from inside that darkness: a dusk, but no dawn within 24 h.
        let inside = night_from_margin(at_hours(20.0), margin, 1.0);
        let Night::AlwaysDark { from, until } = inside else {
            panic!("{inside:?}");
        };
        assert!(close(from, at_hours(10.0)), "{from}");
        assert_eq!(until, at_hours(44.0));
    }

    #[test]
    fn the_search_is_bounded_even_when_the_sun_grazes_the_limit() {
        // A margin that hovers just above zero forces the shortest steps all day long.
        let calls = Cell::new(0_usize);
        let margin = |_t: DateTime<Utc>| {
            calls.set(calls.get() + 1);
            1e-9
        };
        let night = night_from_margin(at_hours(0.0), margin, 1.0);
        assert_eq!(
            night,
            Night::NeverDark {
                until: at_hours(24.0)
            }
        );
        assert!(calls.get() <= 1_450, "{}", calls.get());
    }
}
