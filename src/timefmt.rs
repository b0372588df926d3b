//! Showing instants in the observer's time zone, the computer's, or UTC, always labelled
//! (shared by the window, the command line and the exported files).

use chrono::{DateTime, Datelike, FixedOffset, Local, Utc};

use crate::i18n::static_word;
use crate::t;

/// Which clock times are shown in is part of the saved settings.
pub use crate::settings::TimeDisplay;

/// Every choice, in menu order.
pub const ALL_TIME_DISPLAYS: [TimeDisplay; 3] = [
    TimeDisplay::ObserverZone,
    TimeDisplay::ComputerLocal,
    TimeDisplay::Utc,
];

/// Menu label of a time display choice, in the thread's language.
pub fn time_display_label(display: TimeDisplay) -> &'static str {
    static_word(match display {
        TimeDisplay::ObserverZone => "words-time-observer",
        TimeDisplay::ComputerLocal => "words-time-computer",
        TimeDisplay::Utc => "words-time-utc",
    })
}

/// The date of `local` in the thread's language: "Sat 22 Aug" (`words-date`), or with the
/// year and `time` appended, "Sat 22 Aug 2026 21:14:05" (`words-date-time`).
fn date_words(local: DateTime<FixedOffset>, time: Option<String>) -> String {
    let weekday = t!(
        "words-weekday",
        day = i64::from(local.weekday().number_from_monday())
    );
    let month_name = t!("words-month", month = i64::from(local.month()));
    let day = t!("words-day", day_num = i64::from(local.day()));
    match time {
        None => t!(
            "words-date",
            weekday = weekday,
            day = day,
            month_name = month_name
        ),
        Some(time) => t!(
            "words-date-time",
            weekday = weekday,
            day = day,
            month_name = month_name,
            year = local.format("%Y").to_string(),
            time = time
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Zone {
    Named(chrono_tz::Tz),
    Computer,
    Utc,
}

/// A pass whose seen part (or, unseen, whose time above the horizon) is shorter than this
/// shows its times to the second whatever the setting, seconds: at minute precision a
/// 13-second pass would read "03:12 → 03:12".
pub const SHORT_PASS_S: i64 = 120;

/// Formats instants in one zone, pass times to the minute or to the second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeFormatter {
    zone: Zone,
    /// Pass times ([`TimeFormatter::clock`]) to the second everywhere.
    seconds: bool,
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
        Self {
            zone,
            seconds: false,
        }
    }

    /// A formatter that shows UTC.
    pub fn utc() -> Self {
        Self {
            zone: Zone::Utc,
            seconds: false,
        }
    }

    /// A formatter for the IANA zone `tz`.
    pub fn named(tz: chrono_tz::Tz) -> Self {
        Self {
            zone: Zone::Named(tz),
            seconds: false,
        }
    }

    /// A formatter for this computer's zone.
    pub fn computer() -> Self {
        Self {
            zone: Zone::Computer,
            seconds: false,
        }
    }

    /// The same formatter, showing pass times ([`Self::clock`]) to the second when
    /// `seconds` is true (the "Show seconds" setting, `--seconds`), as Heavens-Above does.
    pub fn with_seconds(self, seconds: bool) -> Self {
        Self { seconds, ..self }
    }

    /// True when pass times are shown to the second.
    pub fn shows_seconds(&self) -> bool {
        self.seconds
    }

    /// The formatter for the times of `pass`: to the second when the setting says so, or
    /// when the pass is short ([`pass_needs_seconds`]).
    pub fn for_pass(self, pass: &crate::orbit::Pass) -> Self {
        self.with_seconds(self.seconds || pass_needs_seconds(pass))
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

    /// A pass time: "21:14", or "21:14:05" when this formatter shows seconds
    /// ([`Self::with_seconds`], [`Self::for_pass`]).
    pub fn clock(&self, t: DateTime<Utc>) -> String {
        if self.seconds {
            self.hms(t)
        } else {
            self.hm(t)
        }
    }

    /// "21:14:05".
    pub fn hms(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%H:%M:%S").to_string()
    }

    /// "Sat 22 Aug" ("8월 22일 (토)" in Korean).
    pub fn date(&self, t: DateTime<Utc>) -> String {
        date_words(self.local(t), None)
    }

    /// "Sat 22 Aug 2026" ("2026년 8월 22일 (토)" in Korean).
    pub fn date_year(&self, t: DateTime<Utc>) -> String {
        let local = self.local(t);
        let weekday = t!(
            "words-weekday",
            day = i64::from(local.weekday().number_from_monday())
        );
        t!(
            "words-date-year",
            weekday = weekday,
            day = t!("words-day", day_num = i64::from(local.day())),
            month_name = t!("words-month", month = i64::from(local.month())),
            year = local.format("%Y").to_string()
        )
    }

    /// "Sat 22 Aug 2026 21:14:05" ("2026년 8월 22일 (토) 21:14:05" in Korean).
    pub fn date_time(&self, t: DateTime<Utc>) -> String {
        let local = self.local(t);
        date_words(local, Some(local.format("%H:%M:%S").to_string()))
    }

    /// The zone's label at `t`: "Europe/Paris (CEST)", "computer (UTC+02:00)" or "UTC".
    pub fn zone_label(&self, t: DateTime<Utc>) -> String {
        match self.zone {
            Zone::Named(tz) => format!("{} ({})", tz.name(), t.with_timezone(&tz).format("%Z")),
            Zone::Computer => t!(
                "words-zone-computer",
                offset = self.local(t).format("%:z").to_string()
            ),
            Zone::Utc => "UTC".to_owned(),
        }
    }

    /// A date and time typed in this zone: "2026-08-22 21:37", "2026-08-22T21:37:05", or a
    /// time alone, "21:37" (on the date `reference` has in this zone). `None` when it is
    /// none of these, or names a moment a clock change skips.
    pub fn parse_local(&self, text: &str, reference: DateTime<Utc>) -> Option<DateTime<Utc>> {
        use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
        let text = text.trim().replace('T', " ");
        let time_of = |t: &str| {
            NaiveTime::parse_from_str(t, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
                .ok()
        };
        let naive = match text.split_once(' ') {
            Some((date, time)) => NaiveDateTime::new(
                NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?,
                time_of(time.trim())?,
            ),
            None => NaiveDateTime::new(self.local(reference).date_naive(), time_of(&text)?),
        };
        match self.zone {
            Zone::Named(tz) => tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.to_utc()),
            Zone::Computer => Local
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.to_utc()),
            Zone::Utc => Some(naive.and_utc()),
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

/// True when minutes cannot tell a pass's story: its seen part (or, when it is not seen,
/// its time above the horizon) lasts less than [`SHORT_PASS_S`].
pub fn pass_needs_seconds(pass: &crate::orbit::Pass) -> bool {
    let (from, to) = match (pass.visible_start(), pass.visible_end()) {
        (Some(a), Some(b)) => (a.time, b.time),
        _ => (pass.rise.time, pass.set.time),
    };
    (to - from).num_seconds() < SHORT_PASS_S
}

/// A duration in words for countdowns: "2 h 05 min", "4 min 10 s", "12 s" ("1분 7초" in
/// Korean).
pub fn countdown(d: chrono::Duration) -> String {
    let total_s = d.num_seconds().max(0);
    let (h, m, s) = (total_s / 3600, (total_s / 60) % 60, total_s % 60);
    let unit = if total_s >= 86_400 {
        "days"
    } else if h > 0 {
        "hours"
    } else if m > 0 {
        "minutes"
    } else {
        "seconds"
    };
    t!(
        "words-countdown",
        unit = unit,
        d = total_s / 86_400,
        h = if unit == "days" { h % 24 } else { h },
        m = format!("{m:02}"),
        m_num = m,
        s = format!("{s:02}"),
        s_num = s
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_time_is_read_in_the_zone() {
        let seoul = TimeFormatter::named(chrono_tz::Asia::Seoul);
        let reference: DateTime<Utc> = "2026-08-22T14:00:00Z".parse().unwrap();
        let at = |text: &str| seoul.parse_local(text, reference);
        let expected: DateTime<Utc> = "2026-08-22T12:37:00Z".parse().unwrap();
        assert_eq!(at("2026-08-22 21:37"), Some(expected));
        assert_eq!(at(" 2026-08-22T21:37:00 "), Some(expected));
        // A time alone is on the reference's date there (23:00 in Seoul on the 22nd).
        assert_eq!(at("21:37"), Some(expected));
        assert_eq!(
            TimeFormatter::utc().parse_local("21:37:05", reference),
            Some("2026-08-22T21:37:05Z".parse().unwrap())
        );
        assert_eq!(at("22 Aug 21:37"), None);
        assert_eq!(at("25:00"), None);
        // 02:30 on 8 March 2026 does not exist in New York (the clocks jump an hour).
        let ny = TimeFormatter::named(chrono_tz::America::New_York);
        assert_eq!(ny.parse_local("2026-03-08 02:30", reference), None);
    }

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
    fn korean_dates_and_countdowns() {
        let t: DateTime<Utc> = "2026-11-30T12:31:00Z".parse().unwrap();
        let seoul = TimeFormatter::named(chrono_tz::Asia::Seoul);
        crate::i18n::with_language(crate::i18n::Lang::Ko, || {
            assert_eq!(
                format!("{} {}", seoul.date(t), seoul.hm(t)),
                "11월 30일 (월) 21:31"
            );
            assert_eq!(seoul.date_time(t), "2026년 11월 30일 (월) 21:31:00");
            assert_eq!(seoul.date_year(t), "2026년 11월 30일 (월)");
            assert_eq!(countdown(chrono::Duration::seconds(67)), "1분 7초");
            assert_eq!(countdown(chrono::Duration::seconds(7500)), "2시간 5분");
            assert_eq!(countdown(chrono::Duration::seconds(12)), "12초");
            assert_eq!(countdown(chrono::Duration::seconds(90_000)), "1일 1시간");
            assert_eq!(
                time_display_label(TimeDisplay::ObserverZone),
                "관측 위치의 시각"
            );
        });
        crate::i18n::with_language(crate::i18n::Lang::En, || {
            assert_eq!(seoul.date(t), "Mon 30 Nov");
            assert_eq!(seoul.date_time(t), "Mon 30 Nov 2026 21:31:00");
            assert_eq!(seoul.date_year(t), "Mon 30 Nov 2026");
            let early: DateTime<Utc> = "2026-01-04T12:00:00Z".parse().unwrap();
            assert_eq!(seoul.date(early), "Sun 04 Jan");
            assert_eq!(countdown(chrono::Duration::seconds(12)), "12 s");
            assert_eq!(countdown(chrono::Duration::seconds(90_000)), "1 d 1 h");
            assert_eq!(
                time_display_label(TimeDisplay::ObserverZone),
                "Observer's time"
            );
        });
    }

    #[test]
    fn countdown_words() {
        assert_eq!(countdown(chrono::Duration::seconds(250)), "4 min 10 s");
        assert_eq!(countdown(chrono::Duration::seconds(7500)), "2 h 05 min");
    }
}
