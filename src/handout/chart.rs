//! The handout's star chart: the sky of the chosen pass (stars, constellation figures,
//! planets, the Moon), its
//! path with the seen part bold, minute ticks and the appears / highest / vanishes marks,
//! and the directions in words beside it.

use chrono::{DateTime, Duration};
use printpdf::{Color, Rgb};

use super::HandoutInput;
use super::labels::{BoxMm, Spot, Word, place_words};
use super::page::*;
use crate::orbit::Vanishes;
use crate::report::{SeenPart, compass_point, plain_description_estimated};
use crate::t;

/// How important each word of the chart is (lower first; the compass always shows).
const RANK_COMPASS: u8 = 0;
const RANK_MARK: u8 = 1;
const RANK_TIME: u8 = 2;
const RANK_RING: u8 = 3;
const RANK_STAR: u8 = 4;

/// The box the chart's words stay in: the chart and its compass, left of the directions.
fn chart_box(cy: f32) -> BoxMm {
    BoxMm {
        left: MARGIN_MM,
        top: cy - CHART_R_MM - 9.0,
        right: CHART_X_MM + CHART_R_MM + 8.0,
        bottom: cy + CHART_R_MM + 9.0,
    }
}

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
    let fmt = &input.fmt.for_pass(&record.pass);
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
            time = fmt.clock(seen.map_or(record.pass.rise.time, |s| s.start.time)),
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
    // Every word of the chart is placed at the end, clear of the others (labels.rs).
    let mut words: Vec<Word> = Vec::new();
    let mut obstacles: Vec<BoxMm> = Vec::new();
    let word = |x_mm, y_mm, text: String, size_pt, colour, rank, spot| Word {
        x_mm,
        y_mm,
        text,
        size_pt,
        colour,
        rank,
        spot,
    };
    for el in [30.0, 60.0] {
        let r = CHART_R_MM * (90.0 - el) / 90.0;
        page.circle(CHART_X_MM, cy, r, light(), false, 0.5);
        words.push(word(
            CHART_X_MM,
            cy + r,
            format!("{el:.0}°"),
            6.5,
            grey(),
            RANK_RING,
            Spot::At(0.8, -0.8),
        ));
    }
    for az in [0.0, 90.0, 180.0, 270.0] {
        let (x, y) = chart_mm(az, -8.0 * 90.0 / f64::from(CHART_R_MM));
        let (x0, y0) = chart_mm(az, 0.0);
        let (x1, y1) = chart_mm(az, 90.0);
        page.line(&[(x0, y0), (x1, y1)], 0.3, light(), false);
        let label = compass_point(az).to_owned();
        words.push(word(x, y, label, 11.0, ink(), RANK_COMPASS, Spot::Centred));
    }
    for az in [45.0, 135.0, 225.0, 315.0] {
        let (x, y) = chart_mm(az, -6.0 * 90.0 / f64::from(CHART_R_MM));
        let label = compass_point(az).to_owned();
        words.push(word(x, y, label, 7.5, grey(), RANK_COMPASS, Spot::Centred));
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
            words.push(word(
                x,
                y,
                name.clone(),
                6.0,
                grey(),
                RANK_STAR,
                Spot::Around,
            ));
        }
    }
    // The path: bold where it is sunlit (seen against a dark sky), dashed in the shadow.
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut lit = samples.first().is_some_and(|s| s.is_sunlit);
    for s in samples.iter() {
        let p = chart_mm(s.azimuth_deg, s.elevation_deg);
        obstacles.push(BoxMm::around(p.0, p.1, 0.6));
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
        place_words(page, chart_box(cy), words, &obstacles);
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
                words.push(word(x, y, fmt.hm(t), 6.5, ink(), RANK_TIME, Spot::Around));
            }
        }
        t += Duration::minutes(1);
        k += 1;
    }
    // Where it appears, where it is highest while seen, and where it vanishes.
    if let Some(seen) = seen {
        let (x, y) = chart_mm(seen.start.azimuth_deg, seen.start.elevation_deg);
        page.circle(x, y, 1.8, path_colour(), false, 1.2);
        obstacles.push(BoxMm::around(x, y, 2.0));
        let text = t!("words-handout-mark-appears");
        words.push(word(
            x,
            y,
            text,
            7.5,
            path_colour(),
            RANK_MARK,
            Spot::Around,
        ));
        let (x, y) = chart_mm(seen.peak.azimuth_deg, seen.peak.elevation_deg);
        page.circle(x, y, 1.3, path_colour(), true, 0.0);
        obstacles.push(BoxMm::around(x, y, 1.5));
        let text = t!("words-handout-mark-highest");
        words.push(word(
            x,
            y,
            text,
            7.5,
            path_colour(),
            RANK_MARK,
            Spot::Around,
        ));
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
        obstacles.push(BoxMm::around(x, y, 2.0));
        words.push(word(x, y, vanishes, 7.5, ink(), RANK_MARK, Spot::Around));
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
    place_words(page, chart_box(cy), words, &obstacles);
    // Beside the chart: the directions in words, and how to read the chart.
    let x = CHART_X_MM + CHART_R_MM + 10.0;
    let width = PAGE_W_MM - MARGIN_MM - x;
    let mut y = cy - CHART_R_MM + 2.0;
    let words =
        plain_description_estimated(&record.pass, record.standard_magnitude(), |t| fmt.clock(t));
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
