//! Showing instants in the observer's time zone, the computer's, or UTC, always labelled
//! (shared by the window, the command line and the exported files).

use chrono::{DateTime, FixedOffset, Local, Utc};

/// Which clock times are shown in is part of the saved settings.
pub use crate::settings::TimeDisplay;

/// Every choice, in menu order.
pub const ALL_TIME_DISPLAYS: [TimeDisplay; 3] = [
    TimeDisplay::ObserverZone,
    TimeDisplay::ComputerLocal,
    TimeDisplay::Utc,
];

/// Menu label of a time display choice.
pub fn time_display_label(display: TimeDisplay) -> &'static str {
    match display {
        TimeDisplay::ObserverZone => "Observer's time",
        TimeDisplay::ComputerLocal => "This computer's time",
        TimeDisplay::Utc => "UTC",
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Zone {
    Named(chrono_tz::Tz),
    Computer,
    Utc,
}

/// Formats instants in one zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeFormatter {
    zone: Zone,
}

impl TimeFormatter {
    /// A formatter for `display`; `observer_zone` is the observer's IANA zone, if known.
    pub fn new(display: TimeDisplay, observer_zone: Option<&str>) -> Self {
        let zone = match display {
            TimeDisplay::ObserverZone => observer_zone
                .and_then(|z| z.parse::<chrono_tz::Tz>().ok())
                .map_or(Zone::Computer, Zone::Named),
            TimeDisplay::ComputerLocal => Zone::Computer,
            TimeDisplay::Utc => Zone::Utc,
        };
        Self { zone }
    }

    /// A formatter that shows UTC.
    pub fn utc() -> Self {
        Self { zone: Zone::Utc }
    }

    /// A formatter for the IANA zone `tz`.
    pub fn named(tz: chrono_tz::Tz) -> Self {
        Self {
            zone: Zone::Named(tz),
        }
    }

    /// A formatter for this computer's zone.
    pub fn computer() -> Self {
        Self {
            zone: Zone::Computer,
        }
    }

    /// True when this formatter shows UTC itself (no need to add UTC in brackets).
    pub fn is_utc(&self) -> bool {
        self.zone == Zone::Utc
    }

    /// `pattern` (chrono's strftime syntax) applied to `t` in this zone.
    pub fn format(&self, t: DateTime<Utc>, pattern: &str) -> String {
        self.local(t).format(pattern).to_string()
    }

    fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self.zone {
            Zone::Named(tz) => t.with_timezone(&tz).fixed_offset(),
            Zone::Computer => t.with_timezone(&Local).fixed_offset(),
            Zone::Utc => t.fixed_offset(),
        }
    }

    /// "21:14".
    pub fn hm(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%H:%M").to_string()
    }

    /// "21:14:05".
    pub fn hms(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%H:%M:%S").to_string()
    }

    /// "Sat 22 Aug".
    pub fn date(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%a %d %b").to_string()
    }

    /// "Sat 22 Aug 2026 21:14:05".
    pub fn date_time(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%a %d %b %Y %H:%M:%S").to_string()
    }

    /// The zone's label at `t`: "Europe/Paris (CEST)", "computer (UTC+02:00)" or "UTC".
    pub fn zone_label(&self, t: DateTime<Utc>) -> String {
        match self.zone {
            Zone::Named(tz) => format!("{} ({})", tz.name(), t.with_timezone(&tz).format("%Z")),
            Zone::Computer => format!("computer's time (UTC{})", self.local(t).format("%:z")),
            Zone::Utc => "UTC".to_owned(),
        }
    }

    /// The short zone name at `t`: "CEST", "UTC+02:00" or "UTC", for table headers.
    pub fn zone_short(&self, t: DateTime<Utc>) -> String {
        match self.zone {
            Zone::Named(tz) => t.with_timezone(&tz).format("%Z").to_string(),
            Zone::Computer => format!("UTC{}", self.local(t).format("%:z")),
            Zone::Utc => "UTC".to_owned(),
        }
    }
}

/// A duration in words for countdowns: "2 h 05 min", "4 min 10 s", "12 s".
pub fn countdown(d: chrono::Duration) -> String {
    let total_s = d.num_seconds().max(0);
    let (h, m, s) = (total_s / 3600, (total_s / 60) % 60, total_s % 60);
    if total_s >= 86_400 {
        format!("{} d {} h", total_s / 86_400, h % 24)
    } else if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observer_zone_is_used_and_labelled() {
        let t: DateTime<Utc> = "2026-08-22T19:14:00Z".parse().unwrap();
        let f = TimeFormatter::new(TimeDisplay::ObserverZone, Some("Europe/Paris"));
        assert_eq!(f.hm(t), "21:14");
        assert_eq!(f.zone_label(t), "Europe/Paris (CEST)");
        let u = TimeFormatter::new(TimeDisplay::Utc, Some("Europe/Paris"));
        assert_eq!(u.hm(t), "19:14");
    }

    #[test]
    fn countdown_words() {
        assert_eq!(countdown(chrono::Duration::seconds(250)), "4 min 10 s");
        assert_eq!(countdown(chrono::Duration::seconds(7500)), "2 h 05 min");
    }
}
