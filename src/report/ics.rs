//! The iCalendar (RFC 5545) report: one VEVENT per pass, with our own line folding (75
//! octets, escapes kept together). The event's words are in `words.rs`.
//!
//! Written by hand, not with the `icalendar` crate (0.17), which cannot give the same
//! file: it keeps an event's properties in a `BTreeMap` and so writes them in
//! alphabetical order (DESCRIPTION first, UID last), adds a random UUID and its own
//! DTSTAMP when missing, and folds lines differently (it may split an escape such as
//! `\,` across two lines, which some calendar programs misread, and it scans each line
//! character by character for every fold). It would also bring `uuid`, `getrandom`,
//! `nom` and `iso8601` into the binary, which has to stay under 30 MB, for the 100 lines
//! below.

use chrono::{DateTime, Utc};

use super::words::{event_description, event_summary};
use super::{PassRecord, SeenPart};
use crate::orbit::{Observer, ObserverFrame};
use crate::timefmt::TimeFormatter;

pub(super) fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

pub(super) fn ics_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds an iCalendar content line to 75 octets per line (RFC 5545 §3.1), never inside a
/// UTF-8 character or between a backslash and the character it escapes.
pub(super) fn ics_fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            // Keep an escape sequence ("\,", "\n") together on the next line.
            let carried = if out.ends_with('\\') { out.pop() } else { None };
            out.push_str("\r\n ");
            width = 1;
            if let Some(backslash) = carried {
                out.push(backslash);
                width += 1;
            }
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// The iCalendar (RFC 5545) report: one VEVENT per pass, spanning the seen part of a
/// visible pass and rise to set otherwise, with the directions in the description. Times in
/// the description are shown by `fmt` with UTC in brackets; `limiting_magnitude` judges the
/// brightness; `stamp` is the DTSTAMP (when the file was made). The events' summaries and
/// descriptions are in the thread's language; the field names are iCalendar's.
pub fn to_ics(
    records: &[&PassRecord],
    observer: &Observer,
    stamp: DateTime<Utc>,
    limiting_magnitude: f64,
    fmt: &TimeFormatter,
) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Overhead//Satellite passes//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&ics_fold(line));
    }
    let frame = ObserverFrame::new(*observer);
    let zone_label = |t: DateTime<Utc>| {
        if fmt.is_utc() {
            "UTC".to_owned()
        } else {
            fmt.zone_short(t)
        }
    };
    // "21:39 KST (12:39 UTC)", or "12:39 UTC" when the zone is UTC; to the second when
    // `fmt` (for this pass) shows seconds.
    let both = |fmt: &TimeFormatter, t: DateTime<Utc>| {
        if fmt.is_utc() {
            format!("{} UTC", fmt.clock(t))
        } else {
            format!(
                "{} {} ({} UTC)",
                fmt.clock(t),
                zone_label(t),
                TimeFormatter::utc()
                    .with_seconds(fmt.shows_seconds())
                    .clock(t)
            )
        }
    };
    for r in records {
        let p = &r.pass;
        let seen = SeenPart::of(p);
        let summary = event_summary(r, limiting_magnitude);
        let pass_fmt = fmt.for_pass(p);
        let description = event_description(r, observer, &frame, |t| both(&pass_fmt, t));
        let (from, to) = seen.map_or((p.rise.time, p.set.time), |s| (s.start.time, s.end.time));
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{}-{}@overhead",
                p.norad_id,
                p.rise.time.format("%Y%m%dT%H%M%S")
            ),
            format!("DTSTAMP:{}", ics_time(stamp)),
            format!("DTSTART:{}", ics_time(from)),
            format!("DTEND:{}", ics_time(to)),
            format!("SUMMARY:{}", ics_escape(&summary)),
            format!("DESCRIPTION:{}", ics_escape(&description)),
            "END:VEVENT".to_owned(),
        ];
        for line in lines {
            out.push_str(&ics_fold(&line));
        }
    }
    out.push_str(&ics_fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_lines_are_folded_to_75_octets() {
        let folded = ics_fold(&"x".repeat(200));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn ics_folding_keeps_escapes_together_and_unfolds_to_the_line() {
        let line = format!("DESCRIPTION:{}\\,{}", "x".repeat(62), "y".repeat(80));
        let folded = ics_fold(&line);
        assert!(
            folded
                .split("\r\n")
                .all(|l| l.len() <= 75 && !l.ends_with('\\'))
        );
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
