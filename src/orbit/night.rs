//! Tonight: dusk and dawn at a chosen Sun elevation (provisional; replaced by the full module).

use chrono::{DateTime, Duration, Utc};

use super::frames::ObserverFrame;

/// The night around an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Night {
    /// The Sun is at or below the limit from `dusk` to `dawn`.
    Dark {
        /// Start of darkness, UTC.
        dusk: DateTime<Utc>,
        /// End of darkness, UTC.
        dawn: DateTime<Utc>,
    },
    /// The Sun stays above the limit until `until` (24 h on).
    NeverDark {
        /// End of the 24 h looked at, UTC.
        until: DateTime<Utc>,
    },
    /// The Sun stays below the limit all day (polar night).
    AlwaysDark {
        /// Start, UTC.
        from: DateTime<Utc>,
        /// End (24 h on), UTC.
        until: DateTime<Utc>,
    },
}

/// The night containing `t`, or the next one.
pub fn night_of(frame: &ObserverFrame, t: DateTime<Utc>, max_sun_elevation_deg: f64) -> Night {
    let dark =
        |t: DateTime<Utc>| super::observe::sun_elevation_deg(frame, t) <= max_sun_elevation_deg;
    let step = Duration::minutes(2);
    let mut dusk = t;
    if dark(t) {
        let mut k = 0;
        while dark(dusk - step) && k < 720 {
            dusk -= step;
            k += 1;
        }
        if k == 720 {
            return Night::AlwaysDark {
                from: t,
                until: t + Duration::hours(24),
            };
        }
    } else {
        let mut k = 0;
        while !dark(dusk) && k < 720 {
            dusk += step;
            k += 1;
        }
        if k == 720 {
            return Night::NeverDark {
                until: t + Duration::hours(24),
            };
        }
    }
    let mut dawn = dusk.max(t);
    let mut k = 0;
    while dark(dawn) && k < 720 {
        dawn += step;
        k += 1;
    }
    if k == 720 {
        return Night::AlwaysDark {
            from: t,
            until: t + Duration::hours(24),
        };
    }
    Night::Dark { dusk, dawn }
}
