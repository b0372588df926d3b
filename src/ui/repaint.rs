//! When the next frame is drawn: the window's repaint policy, in one place.
//!
//! egui draws a frame after every input event (a key, a click, the pointer moving over the
//! window) and when something asks for one; between those the window rests and costs
//! nothing. A frame of this window is not cheap (the map with every satellite, the sky
//! chart with its stars), so it asks only as often as the picture changes:
//!
//! - **The clock.** While the simulated clock runs, a frame as each new simulated second
//!   is shown (the clock bar shows seconds; at x1 the map's dots move less than a pixel a
//!   second): one a second at x1, ten at x10, and never more than [`FASTEST_FRAME`] apart
//!   however fast the clock runs. Paused, or a test's fixed clock: none.
//! - **Words that age with real time** ("updated 3 min ago"): a frame when they change
//!   ([`crate::ui::jobs::freshness_changes_in`]).
//! - **Jobs** (the catalog, a pass search, a refresh, the notifier) wake the window
//!   themselves when they have news (progress, a result), so nothing polls them.
//! - **Views** whose picture changes by itself (an animation, a countdown that runs while
//!   the clock is paused) say when through [`Wakes::within`] during the frame; the
//!   app hands them a [`Wakes`] in [`crate::ui::view::ViewCtx::wakes`].
//! - **egui's own widgets** ask for themselves: a tooltip's delay, a spinner, an
//!   animation. The text cursor blinks for [`CURSOR_BLINK_S`] after the last key, click or
//!   pointer move and then stays lit, as GTK's does, so that a focused search box does not
//!   redraw the whole window twice a second for ever ([`cursor_blinks`]).
//!
//! [`next_frame`] takes the clock and the wakes asked for and says how long until the
//! next frame; `logic_step` hands that to egui once a frame. A new view plugs in by calling
//! [`Wakes::within`] (or nothing, when only the clock or input changes it).

use std::cell::Cell;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};

/// The shortest time between two frames the window asks for by itself: 30 frames a second,
/// for fast clocks (input and egui's animations may still draw more).
pub const FASTEST_FRAME: StdDuration = StdDuration::from_millis(33);

/// A frame for a new simulated second is asked this long after the second turns, so that
/// the frame shows the new second (timers wake a little early or late).
const AFTER_TICK: StdDuration = StdDuration::from_millis(4);

/// The text cursor blinks this long after the last input, then stays lit, seconds (GTK's
/// `gtk-cursor-blink-timeout` is 10 s too).
pub const CURSOR_BLINK_S: f64 = 10.0;

/// The clock as the repaint policy sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockPace {
    /// Simulated seconds per real second, when the clock moves by itself; None when it
    /// stands still (paused, or a test's fixed clock).
    pub running_rate: Option<f64>,
    /// The simulated time of this frame.
    pub sim_now: DateTime<Utc>,
}

/// The earliest frame asked for during one frame (real time from now). Views ask through
/// [`crate::ui::view::ViewCtx::wakes`], which is shared, hence the `Cell`.
#[derive(Debug, Default)]
pub struct Wakes {
    earliest: Cell<Option<StdDuration>>,
}

impl Wakes {
    /// Asks for a frame within `delay` of real time.
    pub fn within(&self, delay: StdDuration) {
        let earliest = self.earliest.get().map_or(delay, |e| e.min(delay));
        self.earliest.set(Some(earliest));
    }

    /// The earliest frame asked for, if any, and forgets it (once per frame).
    pub fn take(&self) -> Option<StdDuration> {
        self.earliest.take()
    }
}

/// How long until the next frame is needed, given the clock and the wakes asked for this
/// frame; None when nothing changes by itself (then only input or a job wakes the window).
pub fn next_frame(clock: ClockPace, asked: Option<StdDuration>) -> Option<StdDuration> {
    let tick = clock
        .running_rate
        .filter(|rate| rate.is_finite() && *rate > 0.0)
        .map(|rate| {
            // Real time until the simulated clock shows its next whole second.
            let into_second_s = f64::from(clock.sim_now.timestamp_subsec_nanos()) / 1e9;
            let to_tick_s = (1.0 - into_second_s).clamp(0.0, 1.0) / rate;
            (StdDuration::from_secs_f64(to_tick_s) + AFTER_TICK).max(FASTEST_FRAME)
        });
    match (tick, asked) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether the text cursor should blink: only within [`CURSOR_BLINK_S`] of the last input.
pub fn cursor_blinks(seconds_since_input: f64) -> bool {
    seconds_since_input < CURSOR_BLINK_S
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn running(rate: f64, sim_now: &str) -> ClockPace {
        ClockPace {
            running_rate: Some(rate),
            sim_now: at(sim_now),
        }
    }

    #[test]
    fn a_live_clock_wakes_once_a_second_as_the_second_turns() {
        let d = next_frame(running(1.0, "2026-08-22T20:00:00.250Z"), None).unwrap();
        assert_eq!(d, StdDuration::from_millis(750) + AFTER_TICK);
        // Frame after frame, one a second: the sum over a minute of simulated time.
        let mut t = at("2026-08-22T20:00:00.004Z");
        let mut frames = 0;
        while t < at("2026-08-22T20:01:00Z") {
            let d = next_frame(running(1.0, &t.to_rfc3339()), None).unwrap();
            t += chrono::Duration::from_std(d).unwrap();
            frames += 1;
        }
        assert_eq!(frames, 60);
    }

    #[test]
    fn fast_clocks_wake_more_often_but_never_faster_than_30_a_second() {
        let x10 = next_frame(running(10.0, "2026-08-22T20:00:00.000Z"), None).unwrap();
        assert_eq!(x10, StdDuration::from_millis(100) + AFTER_TICK);
        for rate in [60.0, 300.0, 1000.0] {
            let d = next_frame(running(rate, "2026-08-22T20:00:00.500Z"), None).unwrap();
            assert_eq!(d, FASTEST_FRAME, "x{rate}");
        }
    }

    #[test]
    fn a_clock_that_stands_still_asks_for_nothing_unless_a_view_does() {
        let paused = ClockPace {
            running_rate: None,
            sim_now: at("2026-08-22T20:00:00.500Z"),
        };
        assert_eq!(next_frame(paused, None), None);
        let wakes = Wakes::default();
        wakes.within(StdDuration::from_secs(60));
        wakes.within(StdDuration::from_secs(5));
        assert_eq!(
            next_frame(paused, wakes.take()),
            Some(StdDuration::from_secs(5))
        );
        // Taken once: the next frame starts afresh.
        assert_eq!(wakes.take(), None);
        // A view's wake sooner than the clock's tick wins.
        let live = running(1.0, "2026-08-22T20:00:00.000Z");
        assert_eq!(
            next_frame(live, Some(StdDuration::from_millis(200))),
            Some(StdDuration::from_millis(200))
        );
    }

    #[test]
    fn the_cursor_stops_blinking_ten_seconds_after_the_last_input() {
        assert!(cursor_blinks(0.0));
        assert!(cursor_blinks(9.9));
        assert!(!cursor_blinks(10.0));
    }
}
