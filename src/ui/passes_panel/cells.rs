//! What each cell of a pass row says, and what hovering it adds (the exact time, the fist
//! scale, the compass words, the brightness in words).

use eframe::egui;

use egui::RichText;

use super::{ColumnSet, PassesPanel};
use crate::orbit::{Appears, Vanishes};
use crate::report::{self, PassRecord, SeenPart, compass_point, vanishes_short};
use crate::ui::state::ViewCtx;

/// One cell of a row: its text, what hovering says, and how many columns it spans.
pub(super) struct Cell {
    pub(super) text: RichText,
    pub(super) hover: Option<String>,
    pub(super) span: usize,
}

impl Cell {
    fn new(text: impl Into<RichText>) -> Self {
        Self {
            text: text.into(),
            hover: None,
            span: 1,
        }
    }

    fn hover(mut self, hover: impl Into<String>) -> Self {
        self.hover = Some(hover.into());
        self
    }

    fn span(mut self, span: usize) -> Self {
        self.span = span;
        self
    }
}
impl PassesPanel {
    /// The cells of one row in the current column set.
    pub(super) fn cells(&self, view: &ViewCtx<'_>, record: &PassRecord, limit: f64) -> Vec<Cell> {
        let p = &record.pass;
        let fmt = &view.fmt;
        // The date of the seen part when there is one (a long pass may rise the day before).
        let date = match self.columns {
            ColumnSet::Seen => Cell::new(
                view.fmt
                    .date(p.visible_start.map_or(p.rise.time, |q| q.time)),
            ),
            ColumnSet::Horizon => Cell::new(view.fmt.date(p.rise.time)),
        };
        let magnitude = magnitude_cell(view, p, limit);
        match self.columns {
            ColumnSet::Seen => {
                let mut cells = vec![date];
                match SeenPart::of(p) {
                    Some(seen) => {
                        let point = |q: &crate::orbit::PassPoint, how: Option<&str>| {
                            let time = Cell::new(fmt.hm(q.time)).hover(fmt.hms(q.time));
                            let time = match how {
                                Some(how) => time.hover(format!("{} ({how})", fmt.hms(q.time))),
                                None => time,
                            };
                            [
                                time,
                                height_cell(q.elevation_deg),
                                direction_cell(q.azimuth_deg),
                            ]
                        };
                        cells.extend(point(&seen.start, Some(appears_words(seen.appears))));
                        cells.extend(point(&seen.peak, None));
                        cells.extend(point(&seen.end, Some(vanishes_words(seen.vanishes))));
                        cells.push(magnitude);
                        cells.push(
                            Cell::new(vanishes_short(seen.vanishes))
                                .hover(vanishes_words(seen.vanishes)),
                        );
                    }
                    None => {
                        let why = p.not_visible_reason.map_or("?", |r| r.phrase());
                        cells.push(
                            Cell::new(RichText::new(format!("not visible: {why}")).weak()).span(3),
                        );
                        let top = &p.culmination;
                        cells.push(Cell::new(RichText::new(fmt.hm(top.time)).weak()));
                        cells.push(height_cell(top.elevation_deg));
                        cells.push(direction_cell(top.azimuth_deg));
                        cells.push(Cell::new("").span(3));
                        cells.push(magnitude);
                        cells.push(Cell::new(""));
                    }
                }
                cells
            }
            ColumnSet::Horizon => {
                let minutes = p.duration().num_seconds() as f64 / 60.0;
                let visible = if p.is_visible {
                    Cell::new(RichText::new("visible").color(view.palette.good).strong())
                } else {
                    Cell::new(
                        RichText::new(format!(
                            "no: {}",
                            p.not_visible_reason.map_or("?", |r| r.phrase())
                        ))
                        .weak(),
                    )
                };
                vec![
                    date,
                    Cell::new(fmt.hms(p.rise.time)),
                    direction_cell(p.rise.azimuth_deg),
                    Cell::new(fmt.hms(p.culmination.time)),
                    height_cell(p.culmination.elevation_deg),
                    direction_cell(p.culmination.azimuth_deg),
                    Cell::new(fmt.hms(p.set.time)),
                    direction_cell(p.set.azimuth_deg),
                    Cell::new(format!("{minutes:.1} min")),
                    visible,
                    magnitude,
                ]
            }
        }
    }
}

/// A height in degrees, with the fist scale on hover.
fn height_cell(elevation_deg: f64) -> Cell {
    Cell::new(format!("{:.0}°", elevation_deg.max(0.0))).hover(format!(
        "{:.0}° above the horizon: {} (a fist at arm's length is about 10°)",
        elevation_deg.max(0.0),
        report::fists(elevation_deg)
    ))
}

/// A direction as a compass point and a bearing, never a bare number.
fn direction_cell(azimuth_deg: f64) -> Cell {
    Cell::new(format!(
        "{} {:.0}°",
        compass_point(azimuth_deg),
        report::whole_bearing_deg(azimuth_deg)
    ))
    .hover(format!(
        "Direction: {} (bearing {:.0}° from north, through east)",
        report::compass_words(azimuth_deg),
        azimuth_deg.rem_euclid(360.0)
    ))
}

/// The magnitude: "1.8", "12.3" marked too faint, or "?" when unknown.
fn magnitude_cell(view: &ViewCtx<'_>, pass: &crate::orbit::Pass, limit: f64) -> Cell {
    match (pass.is_visible, pass.magnitude) {
        (false, _) => Cell::new(RichText::new("–").weak()),
        (true, None) => Cell::new("?")
            .hover("Brightness unknown: no standard magnitude is known for this satellite"),
        (true, Some(m)) if m > limit => Cell::new(
            RichText::new(format!("{m:.1} faint"))
                .color(view.palette.text)
                .weak(),
        )
        .hover(format!(
            "Magnitude {m:.1}: fainter than your sky shows (limit {limit:.1}); try binoculars"
        )),
        (true, Some(m)) => Cell::new(RichText::new(format!("{m:.1}")).color(view.palette.good))
            .hover(report::brightness_words(m)),
    }
}

fn appears_words(appears: Appears) -> &'static str {
    match appears {
        Appears::Rises => "comes up above the visible height",
        Appears::LeavesShadow => "comes out of Earth's shadow",
        Appears::SkyDarkens => "the sky gets dark enough",
    }
}

fn vanishes_words(vanishes: Vanishes) -> &'static str {
    match vanishes {
        Vanishes::Sets => "sinks below the visible height",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "lost in the brightening sky",
    }
}
