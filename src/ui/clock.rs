//! The simulation clock that every view follows: live, paused, or running fast.
//!
//! The window reads the real time once per frame (`real_now`) and asks the clock for
//! the simulated time. The clock is an anchor pair (a real instant and the simulated
//! instant it maps to) and a rate; changing the rate re-anchors, so time never jumps.

use chrono::{DateTime, Duration, Utc};

/// Rates the clock bar offers, simulated seconds per real second.
pub const RATES: [f64; 5] = [1.0, 10.0, 60.0, 300.0, 1000.0];

/// What the clock bar asks the clock to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClockCommand {
    /// Back to the real time, running at 1x.
    Live,
    /// Stop simulated time where it is.
    Pause,
    /// Run again at the current rate.
    Play,
    /// Run at this many simulated seconds per real second.
    SetRate(f64),
    /// Move simulated time by this many seconds (negative goes back).
    Step(f64),
    /// Jump to this instant (keeps paused or running as it was).
    JumpTo(DateTime<Utc>),
}

/// Simulated time as a function of real time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimClock {
    anchor_real: DateTime<Utc>,
    anchor_sim: DateTime<Utc>,
    /// Simulated seconds per real second.
    rate: f64,
    paused: bool,
}

impl SimClock {
    /// A clock showing the real time.
    pub fn live(real_now: DateTime<Utc>) -> Self {
        Self {
            anchor_real: real_now,
            anchor_sim: real_now,
            rate: 1.0,
            paused: false,
        }
    }

    /// The simulated instant at the real instant `real_now`.
    pub fn sim_time(&self, real_now: DateTime<Utc>) -> DateTime<Utc> {
        if self.paused {
            return self.anchor_sim;
        }
        let real_elapsed_s = (real_now - self.anchor_real)
            .num_microseconds()
            .unwrap_or(0) as f64
            / 1e6;
        self.anchor_sim + seconds(real_elapsed_s * self.rate)
    }

    /// Simulated seconds per real second (the rate it runs at when not paused).
    pub fn rate(&self) -> f64 {
        self.rate
    }

    /// True when simulated time stands still.
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// True when the clock shows the real time (running at 1x, within a second).
    pub fn is_live(&self, real_now: DateTime<Utc>) -> bool {
        !self.paused
            && self.rate == 1.0
            && (self.sim_time(real_now) - real_now)
                .num_milliseconds()
                .abs()
                < 1000
    }

    /// Carries out a command.
    pub fn apply(&mut self, real_now: DateTime<Utc>, command: ClockCommand) {
        let sim_now = self.sim_time(real_now);
        match command {
            ClockCommand::Live => *self = Self::live(real_now),
            ClockCommand::Pause => {
                self.reanchor(real_now, sim_now);
                self.paused = true;
            }
            ClockCommand::Play => {
                self.reanchor(real_now, sim_now);
                self.paused = false;
            }
            ClockCommand::SetRate(rate) => {
                self.reanchor(real_now, sim_now);
                self.rate = if rate.is_finite() { rate } else { 1.0 };
                self.paused = false;
            }
            ClockCommand::Step(step_s) => self.reanchor(real_now, sim_now + seconds(step_s)),
            ClockCommand::JumpTo(t) => self.reanchor(real_now, t),
        }
    }

    fn reanchor(&mut self, real_now: DateTime<Utc>, sim_now: DateTime<Utc>) {
        self.anchor_real = real_now;
        self.anchor_sim = sim_now;
    }
}

fn seconds(s: f64) -> Duration {
    Duration::microseconds((s * 1e6).clamp(-1e17, 1e17) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn fast_clock_runs_from_where_it_was() {
        let real0 = t("2026-08-22T12:00:00Z");
        let mut clock = SimClock::live(real0);
        clock.apply(real0, ClockCommand::SetRate(1000.0));
        assert_eq!(
            clock.sim_time(real0 + Duration::seconds(3)),
            t("2026-08-22T12:50:00Z")
        );
        assert!(!clock.is_live(real0 + Duration::seconds(3)));
    }

    #[test]
    fn pause_holds_and_live_returns_to_real_time() {
        let real0 = t("2026-08-22T12:00:00Z");
        let mut clock = SimClock::live(real0);
        clock.apply(real0, ClockCommand::Pause);
        clock.apply(real0, ClockCommand::Step(60.0));
        assert_eq!(
            clock.sim_time(real0 + Duration::hours(1)),
            t("2026-08-22T12:01:00Z")
        );
        let later = real0 + Duration::hours(2);
        clock.apply(later, ClockCommand::Live);
        assert_eq!(clock.sim_time(later), later);
        assert!(clock.is_live(later));
    }
}
