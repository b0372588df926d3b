//! The readable table of `overhead passes` (the default `--format table`).

use chrono::{DateTime, Utc};

use crate::orbit::ObserverFrame;
use crate::report::{self, MoonNearPass, PassRecord, SatelliteNote, SeenPart};
use crate::timefmt::TimeFormatter;

/// How many visible passes are too faint for `limiting_magnitude`, and how many have no
/// known brightness: "2 visible passes have no known brightness (shown as ?)".
pub(super) fn brightness_summary(
    records: &[&PassRecord],
    limiting_magnitude: f64,
) -> Option<String> {
    let visible = records.iter().filter(|r| r.pass.is_visible);
    let (mut unknown, mut faint) = (0, 0);
    for r in visible {
        match r.pass.is_bright_enough(limiting_magnitude) {
            None => unknown += 1,
            Some(false) => faint += 1,
            Some(true) => {}
        }
    }
    let mut parts = Vec::new();
    if faint > 0 {
        parts.push(format!(
            "{faint} visible pass{} fainter than magnitude {limiting_magnitude} (too faint for the naked eye here)",
            if faint == 1 { " is" } else { "es are" }
        ));
    }
    if unknown > 0 {
        parts.push(format!(
            "{unknown} visible pass{} no known brightness (no standard magnitude; shown as ?)",
            if unknown == 1 { " has" } else { "es have" }
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; ") + ".")
}

/// The readable table of `overhead passes`: one line per pass in local time, the Moon
/// where it matters, the brightness summary and the notes on satellites without passes.
pub(super) fn table(
    records: &[&PassRecord],
    notes: &[SatelliteNote],
    frame: &ObserverFrame,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    fmt: &TimeFormatter,
    limiting_magnitude: f64,
) -> String {
    let mut out = format!(
        "Passes from {} to {} ({}); naked-eye limit magnitude {limiting_magnitude}\n",
        start.format("%Y-%m-%d %H:%M UTC"),
        end.format("%Y-%m-%d %H:%M UTC"),
        fmt.zone_label(start),
    );
    // Each seen point: time, height, direction ("21:39:00  40° NNE  17°").
    let point = |q: &crate::orbit::PassPoint| {
        format!(
            "{} {:>3.0}° {:>3} {:>3.0}°",
            fmt.hms(q.time),
            q.elevation_deg.max(0.0),
            report::compass_point(q.azimuth_deg),
            report::whole_bearing_deg(q.azimuth_deg)
        )
    };
    let cell = 23;
    out.push_str(&format!(
        "{:<10} {:<24} {:<cell$}  {:<cell$}  {:<cell$}  {:<19} {:>5} {:<5} {:<26} {:>5}\n",
        "", "", "Appears", "Highest while seen", "Vanishes", "", "", "", "Above the horizon", "",
    ));
    out.push_str(&format!(
        "{:<10} {:<24} {:<cell$}  {:<cell$}  {:<cell$}  {:<19} {:>5} {:<5} {:<26} {:>5}\n",
        "Date",
        "Satellite",
        "time     height dir",
        "time     height dir",
        "time     height dir",
        "How",
        "Mag",
        "Eye",
        "rise–set, highest",
        "Age d",
    ));
    for r in records {
        let p = &r.pass;
        let name = crate::text::clean(r.name(), 24);
        let seen = match SeenPart::of(p) {
            Some(seen) => format!(
                "{:<cell$}  {:<cell$}  {:<cell$}  {:<19}",
                point(&seen.start),
                point(&seen.peak),
                point(&seen.end),
                format!(
                    "{} → {}",
                    report::appears_short(seen.appears),
                    report::vanishes_short(seen.vanishes)
                ),
            ),
            None => format!(
                "{:<w$}",
                format!(
                    "not visible: {}",
                    p.not_visible_reason.map_or("", |x| x.phrase())
                ),
                w = 3 * cell + 4 + 2 + 19
            ),
        };
        let eye = match p.is_bright_enough(limiting_magnitude) {
            Some(true) => "yes",
            Some(false) => "faint",
            None if p.is_visible => "?",
            None => "",
        };
        let mag = match (p.is_visible, p.magnitude) {
            (true, Some(m)) => format!("{m:.1}"),
            (true, None) => "?".to_owned(),
            (false, _) => "".to_owned(),
        };
        let horizon = format!(
            "{}–{} {:>2.0}° {}",
            fmt.hm(p.rise.time),
            fmt.hm(p.set.time),
            p.culmination.elevation_deg,
            report::compass_point(p.culmination.azimuth_deg)
        );
        out.push_str(&format!(
            "{:<10} {:<24} {seen} {:>5} {:<5} {:<26} {:>5.1}\n",
            fmt.date(p.visible_start.map_or(p.rise.time, |q| q.time)),
            name,
            mag,
            eye,
            horizon,
            // Rounded so that a few minutes before the epoch does not print as "-0.0".
            (r.element_age_days() * 10.0).round() / 10.0 + 0.0,
        ));
        if let Some(moon) = MoonNearPass::of(p, frame).filter(MoonNearPass::is_worth_noting) {
            out.push_str(&format!("{:<35} ↳ {}\n", "", moon.words()));
        }
    }
    if records.is_empty() {
        out.push_str("No passes in this window.\n");
    }
    if let Some(line) = brightness_summary(records, limiting_magnitude) {
        out.push_str(&line);
        out.push('\n');
    }
    for note in notes {
        let what = match (note.presence, &note.error) {
            ("not_searched", Some(e)) => e.clone(),
            (_, Some(e)) => format!("stopped: {e}"),
            ("always_above", _) => "always above the horizon (no rises or sets)".to_owned(),
            ("never_above", _) => "never above the horizon in this window".to_owned(),
            _ => continue,
        };
        out.push_str(&format!(
            "{}\n",
            crate::text::clean(
                &format!("{} ({}): {what}", note.name, note.norad_id),
                crate::text::MESSAGE_CHARS
            )
        ));
    }
    out
}
