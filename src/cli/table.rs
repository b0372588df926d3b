//! The readable table of `overhead passes` (the default `--format table`).

use chrono::{DateTime, Utc};

use crate::orbit::{BrightVerdict, ObserverFrame};
use crate::report::{self, MoonNearPass, PassRecord, SatelliteNote, SeenPart, WindowWords};
use crate::t;
use crate::text::{display_width, pad_end, pad_start};
use crate::timefmt::TimeFormatter;

/// How many visible passes are too faint for `limiting_magnitude`, and how many have no
/// known brightness: "2 visible passes have no known brightness (shown as ?)".
pub(super) fn brightness_summary(
    records: &[&PassRecord],
    limiting_magnitude: f64,
) -> Option<String> {
    let visible = records.iter().filter(|r| r.pass.is_visible);
    let (mut unknown, mut faint, mut maybe) = (0, 0, 0);
    for r in visible {
        match r.bright_verdict(limiting_magnitude) {
            None => unknown += 1,
            Some(BrightVerdict::No) => faint += 1,
            Some(BrightVerdict::Maybe) => maybe += 1,
            Some(BrightVerdict::Yes) => {}
        }
    }
    let mut parts = Vec::new();
    if faint > 0 {
        parts.push(t!(
            "cli-faint-passes",
            count = faint,
            limit = limiting_magnitude.to_string()
        ));
    }
    if maybe > 0 {
        parts.push(t!(
            "cli-maybe-passes",
            count = maybe,
            limit = limiting_magnitude.to_string()
        ));
    }
    if unknown > 0 {
        parts.push(t!("cli-unknown-brightness", count = unknown));
    }
    (!parts.is_empty()).then(|| parts.join(&t!("cli-summary-join")) + &t!("cli-summary-end"))
}

/// The table of `records`, then `satellite_lines` ([`satellite_lines`]).
pub(super) fn table(
    records: &[&PassRecord],
    satellite_lines: &[String],
    frame: &ObserverFrame,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    fmt: &TimeFormatter,
    limiting_magnitude: f64,
) -> String {
    let mut out = t!(
        "cli-passes-title",
        start = start.format("%Y-%m-%d %H:%M UTC").to_string(),
        end = end.format("%Y-%m-%d %H:%M UTC").to_string(),
        zone = fmt.zone_label(start),
        limit = limiting_magnitude.to_string()
    ) + "\n";
    // Compass points are as wide as the language's widest ("NNE", "북북동").
    let dir_w = (0..16)
        .map(|i| display_width(report::compass_point(f64::from(i) * 22.5)))
        .max()
        .unwrap_or(3);
    // Each seen point: time, height, direction ("21:39:00  40° NNE  17°").
    let point = |q: &crate::orbit::PassPoint| {
        format!(
            "{} {:>3.0}° {} {:>3.0}°",
            fmt.hms(q.time),
            q.elevation_deg.max(0.0),
            pad_start(report::compass_point(q.azimuth_deg), dir_w),
            report::whole_bearing_deg(q.azimuth_deg)
        )
    };
    let group = [
        t!("cli-col-appears"),
        t!("cli-col-highest-seen"),
        t!("cli-col-vanishes"),
        t!("cli-col-above"),
    ];
    let heads = [
        t!("cli-col-date"),
        t!("cli-col-satellite"),
        t!("cli-col-point"),
        t!("cli-col-how"),
        t!("cli-col-mag"),
        t!("cli-col-eye"),
        t!("cli-col-horizon"),
        t!("cli-col-age"),
    ];
    // Each column is as wide as English needs, or wider where another language's heading
    // or cells need it (widths in terminal columns: Hangul takes two).
    let w = |default: usize, texts: &[&str]| {
        texts
            .iter()
            .map(|x| display_width(x))
            .fold(default, usize::max)
    };
    let dates: Vec<String> = records
        .iter()
        .map(|r| fmt.date(r.pass.visible_start().map_or(r.pass.rise.time, |q| q.time)))
        .collect();
    let date_w = dates
        .iter()
        .map(|d| display_width(d))
        .fold(w(10, &[&heads[0]]), usize::max);
    let sat_w = w(24, &[&heads[1]]);
    let cell = w(
        22 + dir_w - 3 + 1,
        &[&heads[2], &group[0], &group[1], &group[2]],
    );
    let how_w = w(19, &[&heads[3]]);
    // Magnitudes measured for the satellite are one number, estimates their one-sigma range.
    let mags: Vec<String> = records
        .iter()
        .map(|r| match (r.pass.is_visible, r.pass.magnitude) {
            (true, Some(m)) => report::magnitude_cell(m, r.standard_magnitude()),
            (true, None) => "?".to_owned(),
            (false, _) => String::new(),
        })
        .collect();
    let eyes: Vec<String> = records
        .iter()
        .map(|r| match r.bright_verdict(limiting_magnitude) {
            Some(v) => report::verdict_cell(v).to_owned(),
            None if r.pass.is_visible => "?".to_owned(),
            None => String::new(),
        })
        .collect();
    let widest = |cells: &[String]| cells.iter().map(|c| display_width(c)).max().unwrap_or(0);
    let mag_w = w(5, &[&heads[4]]).max(widest(&mags));
    let eye_w = w(5, &[&heads[5]]).max(widest(&eyes));
    // "21:31–21:43 51° ENE", six columns wider when its times show seconds.
    let seconds = records
        .iter()
        .any(|r| fmt.for_pass(&r.pass).shows_seconds());
    let horizon_w = w(if seconds { 32 } else { 26 }, &[&heads[6], &group[3]]);
    let age_w = w(5, &[&heads[7]]);
    let line = |cells: [&str; 10]| {
        format!(
            "{} {} {}  {}  {}  {} {} {} {} {}\n",
            pad_end(cells[0], date_w),
            pad_end(cells[1], sat_w),
            pad_end(cells[2], cell),
            pad_end(cells[3], cell),
            pad_end(cells[4], cell),
            pad_end(cells[5], how_w),
            pad_start(cells[6], mag_w),
            pad_end(cells[7], eye_w),
            pad_end(cells[8], horizon_w),
            pad_start(cells[9], age_w),
        )
    };
    out.push_str(&line([
        "", "", &group[0], &group[1], &group[2], "", "", "", &group[3], "",
    ]));
    out.push_str(&line([
        &heads[0], &heads[1], &heads[2], &heads[2], &heads[2], &heads[3], &heads[4], &heads[5],
        &heads[6], &heads[7],
    ]));
    for (((r, date), mag), eye) in records.iter().zip(&dates).zip(&mags).zip(&eyes) {
        let p = &r.pass;
        let name = crate::text::clean(r.name(), 24);
        let seen = match SeenPart::of(p) {
            Some(seen) => format!(
                "{}  {}  {}  {}",
                pad_end(&point(&seen.start), cell),
                pad_end(&point(&seen.peak), cell),
                pad_end(&point(&seen.end), cell),
                pad_end(
                    &format!(
                        "{} → {}",
                        report::appears_short(seen.appears),
                        report::vanishes_short(seen.vanishes)
                    ),
                    how_w
                ),
            ),
            None => pad_end(
                &t!(
                    "cli-not-visible",
                    why = p.not_visible_reason.map_or("", report::not_visible_words)
                ),
                3 * cell + 4 + 2 + how_w,
            ),
        };
        let pass_fmt = fmt.for_pass(p);
        let horizon = format!(
            "{}–{} {:>2.0}° {}",
            pass_fmt.clock(p.rise.time),
            pass_fmt.clock(p.set.time),
            p.culmination.elevation_deg,
            report::compass_point(p.culmination.azimuth_deg)
        );
        // Rounded so that a few minutes before the epoch does not print as "-0.0".
        let age = format!("{:.1}", (r.element_age_days() * 10.0).round() / 10.0 + 0.0);
        out.push_str(&format!(
            "{} {} {seen} {} {} {} {}\n",
            pad_end(date, date_w),
            pad_end(&name, sat_w),
            pad_start(mag, mag_w),
            pad_end(eye, eye_w),
            pad_end(&horizon, horizon_w),
            pad_start(&age, age_w),
        ));
        if let Some(moon) = MoonNearPass::of(p, frame).filter(MoonNearPass::is_worth_noting) {
            out.push_str(&format!("{:<35} ↳ {}\n", "", moon.words()));
        }
    }
    if records.is_empty() {
        out.push_str(&(t!("cli-no-passes") + "\n"));
    }
    if let Some(line) = brightness_summary(records, limiting_magnitude) {
        out.push_str(&line);
        out.push('\n');
    }
    for line in satellite_lines {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One line for each satellite with something to say: a search that failed, a satellite
/// always above the horizon, and, for satellites asked for (`asked`: by `--sat`, `--name`
/// or `--list`, not `--all`), one with no pass to see in the `window`, with its next one
/// ("MALLIGYONG-1: no visible pass in these 2 days; next visible …"). With `--all` a
/// satellite that never rises is named instead, as it always was.
pub(super) fn satellite_lines(
    notes: &[SatelliteNote],
    asked: bool,
    window: WindowWords,
    fmt: &TimeFormatter,
) -> Vec<String> {
    let mut lines = Vec::new();
    for note in notes {
        let what = match (note.presence, &note.error) {
            ("not_searched", Some(e)) => e.clone(),
            (_, Some(e)) => t!("cli-stopped", error = e.clone()),
            ("always_above", _) => t!("cli-always-above"),
            _ if asked => {
                lines.extend(note.unseen_words(window, fmt));
                continue;
            }
            ("never_above", _) => t!("cli-never-above"),
            _ => continue,
        };
        lines.push(crate::text::clean(
            &format!("{} ({}): {what}", note.name, note.norad_id),
            crate::text::MESSAGE_CHARS,
        ));
    }
    lines
}
