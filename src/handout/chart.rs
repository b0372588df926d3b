//! The handout's star chart: the sky of the chosen pass (stars, constellation figures,
//! planets, the Moon), its
//! path with the seen part bold, minute ticks and the appears / highest / vanishes marks,
//! and the directions in words beside it.

use chrono::{DateTime, Duration};
use printpdf::{Color, Rgb};

use super::HandoutInput;
use super::page::*;
use crate::orbit::Vanishes;
use crate::report::{SeenPart, compass_point, plain_description_estimated};
use crate::t;

/// Where the chart is on the page: its centre's distance from the top, millimetres.
#[derive(Debug, Clone, Copy)]
pub(super) struct Chart {
    pub(super) y_mm: f32,
}

impl Chart {
    /// Chart position of a direction: zenith at the centre, the horizon at the rim, north
    /// up and east on the left (the sky seen lying on your back, head to the north).
    /// Elevations below the horizon (down to −20°) are for labels outside the rim.
    pub(super) fn at(&self, azimuth_deg: f64, elevation_deg: f64) -> (f32, f32) {
        let r = CHART_R_MM * (90.0 - elevation_deg.clamp(-20.0, 90.0)) as f32 / 90.0;
        let az = (azimuth_deg as f32).to_radians();
        (CHART_X_MM - r * az.sin(), self.y_mm - r * az.cos())
    }
}

/// The sky chart of the chosen pass, with its directions beside it.
pub(super) fn chart(page: &mut Page, input: &HandoutInput<'_>, geometry: Chart) {
    let chart_mm = |az: f64, el: f64| geometry.at(az, el);
    let cy = geometry.y_mm;
    let top = cy - CHART_R_MM - 12.0;
    let Some((record, samples)) = &input.chart else {
        page.text(
            MARGIN_MM,
            top,
            11.0,
            false,
            grey(),
            &t!("words-handout-no-chart"),
        );
        return;
    };
    let fmt = &input.fmt;
    let seen = SeenPart::of(&record.pass);
    page.text(
        MARGIN_MM,
        top,
        13.0,
        false,
        ink(),
        &t!(
            "words-handout-best",
            sat = record.name(),
            date = fmt.date(seen.map_or(record.pass.rise.time, |s| s.start.time)),
            time = fmt.hm(seen.map_or(record.pass.rise.time, |s| s.start.time)),
        ),
    );
    // Horizon, 30° and 60° rings, and the compass.
    page.circle(CHART_X_MM, cy, CHART_R_MM, light(), true, 0.0);
    page.circle(
        CHART_X_MM,
        cy,
        CHART_R_MM - 0.4,
        Color::Rgb(Rgb::new(0.97, 0.97, 1.0, None)),
        true,
        0.0,
    );
    page.circle(CHART_X_MM, cy, CHART_R_MM, ink(), false, 1.2);
    for el in [30.0, 60.0] {
        let r = CHART_R_MM * (90.0 - el) / 90.0;
        page.circle(CHART_X_MM, cy, r, light(), false, 0.5);
        page.text(
            CHART_X_MM + 0.8,
            cy + r - 0.8,
            6.5,
            false,
            grey(),
            &format!("{el:.0}°"),
        );
    }
    for az in [0.0, 90.0, 180.0, 270.0] {
        let label = compass_point(az);
        let (x, y) = chart_mm(az, -8.0 * 90.0 / f64::from(CHART_R_MM));
        let (x0, y0) = chart_mm(az, 0.0);
        let (x1, y1) = chart_mm(az, 90.0);
        page.line(&[(x0, y0), (x1, y1)], 0.3, light(), false);
        page.text_centred(x, y + 1.5, 11.0, ink(), label);
    }
    for az in [45.0, 135.0, 225.0, 315.0] {
        let (x, y) = chart_mm(az, -6.0 * 90.0 / f64::from(CHART_R_MM));
        page.text_centred(x, y + 1.2, 7.5, grey(), compass_point(az));
    }
    // The constellation figures, faint, under the stars: they are how a class finds its
    // way about the sky.
    for line in &input.constellation_lines {
        let points: Vec<(f32, f32)> = line.iter().map(|&(az, el)| chart_mm(az, el)).collect();
        page.line(&points, 0.4, light(), false);
    }
    // Stars, dots by brightness, the brightest named.
    for star in &input.stars {
        if star.elevation_deg <= 0.0 {
            continue;
        }
        let (x, y) = chart_mm(star.azimuth_deg, star.elevation_deg);
        let r = (0.95 - 0.16 * star.magnitude as f32).clamp(0.18, 1.3);
        page.circle(x, y, r, ink(), true, 0.0);
        if let Some(name) = &star.name {
            page.text(x + r + 0.6, y + 0.9, 6.0, false, grey(), name);
        }
    }
    // The path: bold where it is sunlit (seen against a dark sky), dashed in the shadow.
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut lit = samples.first().is_some_and(|s| s.is_sunlit);
    for s in samples.iter() {
        let p = chart_mm(s.azimuth_deg, s.elevation_deg);
        if s.is_sunlit != lit {
            run.push(p);
            draw_run(page, &run, lit);
            run.clear();
            lit = s.is_sunlit;
        }
        run.push(p);
    }
    draw_run(page, &run, lit);
    // Minute ticks, labelled every minute (or every few on a long pass).
    let minutes = (record.pass.set.time - record.pass.rise.time)
        .num_minutes()
        .max(1);
    let label_every = (minutes / 12).max(1);
    let rise_s = record.pass.rise.time.timestamp();
    let Some(mut t) = DateTime::from_timestamp((rise_s.div_euclid(60) + 1) * 60, 0) else {
        return;
    };
    let mut k = 0_i64;
    while t < record.pass.set.time {
        if let Some(s) = samples
            .iter()
            .min_by_key(|s| (s.t - t).num_milliseconds().abs())
            && s.elevation_deg > 0.5
        {
            let (x, y) = chart_mm(s.azimuth_deg, s.elevation_deg);
            page.circle(x, y, 0.6, ink(), true, 0.0);
            if k % label_every == 0 {
                page.text(x + 1.2, y - 1.0, 6.5, false, ink(), &fmt.hm(t));
            }
        }
        t += Duration::minutes(1);
        k += 1;
    }
    // Where it appears, where it is highest while seen, and where it vanishes.
    if let Some(seen) = seen {
        let (x, y) = chart_mm(seen.start.azimuth_deg, seen.start.elevation_deg);
        page.circle(x, y, 1.8, path_colour(), false, 1.2);
        page.text(
            x + 2.4,
            y + 3.2,
            7.5,
            false,
            path_colour(),
            &t!("words-handout-mark-appears"),
        );
        let (x, y) = chart_mm(seen.peak.azimuth_deg, seen.peak.elevation_deg);
        page.circle(x, y, 1.3, path_colour(), true, 0.0);
        page.text(
            x + 2.0,
            y - 1.6,
            7.5,
            false,
            path_colour(),
            &t!("words-handout-mark-highest"),
        );
        let (x, y) = chart_mm(seen.end.azimuth_deg, seen.end.elevation_deg);
        let vanishes = if seen.vanishes == Vanishes::EntersShadow {
            // Fading into the shadow: an open ring with a dark half.
            page.circle(x, y, 1.8, ink(), false, 1.0);
            page.circle(x, y, 0.9, ink(), true, 0.0);
            t!("words-handout-mark-fades")
        } else {
            page.line(&[(x - 1.8, y - 1.8), (x + 1.8, y + 1.8)], 1.2, ink(), false);
            page.line(&[(x - 1.8, y + 1.8), (x + 1.8, y - 1.8)], 1.2, ink(), false);
            t!("words-handout-mark-vanishes")
        };
        page.text(x + 2.4, y + 3.2, 7.5, false, ink(), &vanishes);
        // An arrow half-way along the seen part, pointing the way it moves.
        if let Some(i) = samples.iter().position(|s| s.t >= seen.peak.time)
            && let (Some(a), Some(b)) = (samples.get(i.saturating_sub(1)), samples.get(i + 1))
        {
            arrow(
                page,
                chart_mm(a.azimuth_deg, a.elevation_deg),
                chart_mm(b.azimuth_deg, b.elevation_deg),
            );
        }
    }
    // Beside the chart: the directions in words, and how to read the chart.
    let x = CHART_X_MM + CHART_R_MM + 10.0;
    let width = PAGE_W_MM - MARGIN_MM - x;
    let mut y = cy - CHART_R_MM + 2.0;
    let words =
        plain_description_estimated(&record.pass, record.standard_magnitude(), |t| fmt.hm(t));
    y = page.paragraph(x, y, width, 9.5, &ink(), &words);
    y += 3.0;
    let legend = t!("words-handout-legend");
    page.paragraph(x, y, width, 7.5, &grey(), &legend);
}

pub(super) fn draw_run(page: &mut Page, run: &[(f32, f32)], lit: bool) {
    if lit {
        page.line(run, 2.2, path_colour(), false);
    } else {
        page.line(run, 0.8, grey(), true);
    }
}

/// A small arrowhead at `b`, pointing from `a` to `b`.
pub(super) fn arrow(page: &mut Page, a: (f32, f32), b: (f32, f32)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-3 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let size = 3.0;
    let back = (b.0 - ux * size, b.1 - uy * size);
    let left = (back.0 - uy * size * 0.5, back.1 + ux * size * 0.5);
    let right = (back.0 + uy * size * 0.5, back.1 - ux * size * 0.5);
    page.line(&[left, b, right], 1.2, path_colour(), false);
}
