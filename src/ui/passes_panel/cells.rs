//! What each cell of a pass row says, and what hovering it adds (the exact time, the fist
//! scale, the compass words, the brightness in words).

use eframe::egui;

use egui::RichText;

use super::{ColumnSet, PassesPanel};
use crate::orbit::{Appears, BrightVerdict, NotVisibleReason, Vanishes};
use crate::report::{self, PassRecord, SeenPart, compass_point, vanishes_short};
use crate::ui::view::ViewCtx;

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
                    .date(p.visible_start().map_or(p.rise.time, |q| q.time)),
            ),
            ColumnSet::Horizon => Cell::new(view.fmt.date(p.rise.time)),
        };
        let magnitude = magnitude_cell(view, record, limit);
        // Each time with its ± once that passes a few seconds ("21:39 ±17 min").
        let uncertainty_s = record.timing_uncertainty_s();
        let with_plus_minus = |text: String| report::time_with_plus_minus(text, uncertainty_s);
        match self.columns {
            ColumnSet::Seen => {
                let mut cells = vec![date];
                match SeenPart::of(p) {
                    Some(seen) => {
                        let point = |q: &crate::orbit::PassPoint, how: Option<String>| {
                            let time =
                                Cell::new(with_plus_minus(fmt.hm(q.time))).hover(fmt.hms(q.time));
                            let time = match how {
                                Some(how) => time.hover(crate::t!(
                                    "panels-time-how",
                                    time = fmt.hms(q.time),
                                    how = how
                                )),
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
                        let why = reason_words(p.not_visible_reason);
                        cells.push(
                            Cell::new(
                                RichText::new(crate::t!("panels-not-visible", why = why)).weak(),
                            )
                            .span(3),
                        );
                        let top = &p.culmination;
                        cells.push(Cell::new(
                            RichText::new(with_plus_minus(fmt.hm(top.time))).weak(),
                        ));
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
                    Cell::new(
                        RichText::new(crate::t!("panels-visible"))
                            .color(view.palette.good)
                            .strong(),
                    )
                } else {
                    let why = reason_words(p.not_visible_reason);
                    Cell::new(RichText::new(crate::t!("panels-visible-no", why = why)).weak())
                };
                vec![
                    date,
                    Cell::new(with_plus_minus(fmt.hms(p.rise.time))),
                    direction_cell(p.rise.azimuth_deg),
                    Cell::new(with_plus_minus(fmt.hms(p.culmination.time))),
                    height_cell(p.culmination.elevation_deg),
                    direction_cell(p.culmination.azimuth_deg),
                    Cell::new(with_plus_minus(fmt.hms(p.set.time))),
                    direction_cell(p.set.azimuth_deg),
                    Cell::new(crate::t!(
                        "panels-duration-min",
                        minutes = format!("{minutes:.1}")
                    )),
                    visible,
                    magnitude,
                ]
            }
        }
    }
}

/// A height in degrees, with the fist scale on hover.
fn height_cell(elevation_deg: f64) -> Cell {
    let deg = format!("{:.0}", elevation_deg.max(0.0));
    Cell::new(format!("{deg}°")).hover(crate::t!(
        "panels-height-hover",
        deg = deg,
        fists = report::fists(elevation_deg)
    ))
}

/// A direction as a compass point and a bearing, never a bare number.
fn direction_cell(azimuth_deg: f64) -> Cell {
    Cell::new(format!(
        "{} {:.0}°",
        compass_point(azimuth_deg),
        report::whole_bearing_deg(azimuth_deg)
    ))
    .hover(crate::t!(
        "panels-direction-hover",
        words = report::compass_words(azimuth_deg),
        deg = format!("{:.0}", azimuth_deg.rem_euclid(360.0))
    ))
}

/// The magnitude: "1.8" when measured for the satellite, "about 5.5–6.5" when estimated
/// (from its family or size), marked faint when fainter than the sky's limit by a sigma,
/// or "?" when unknown; the hover says where the number comes from and what the sky allows.
fn magnitude_cell(view: &ViewCtx<'_>, record: &PassRecord, limit: f64) -> Cell {
    let pass = &record.pass;
    let estimate = record.standard_magnitude();
    let (Some(m), Some(verdict)) = (pass.magnitude, record.bright_verdict(limit)) else {
        return if pass.is_visible {
            Cell::new("?").hover(crate::t!("panels-mag-unknown-hover"))
        } else {
            Cell::new(RichText::new("–").weak())
        };
    };
    let sigma = estimate.map_or(0.0, |e| e.sigma);
    let text = report::magnitude_cell(m, estimate);
    let mut hover = crate::t!(
        "panels-mag-verdict-hover",
        mag = report::magnitude_words(m, estimate),
        verdict = report::verdict_words(verdict, m, sigma, limit)
    );
    if let Some(e) = estimate {
        hover = format!("{hover}\n{}", report::estimate_hover(e));
    }
    let label = match verdict {
        BrightVerdict::No => RichText::new(crate::t!("panels-mag-faint", mag = text))
            .color(view.palette.text)
            .weak(),
        BrightVerdict::Maybe => {
            RichText::new(crate::t!("panels-mag-maybe", mag = text)).color(view.palette.text)
        }
        BrightVerdict::Yes => RichText::new(text).color(view.palette.good),
    };
    Cell::new(label).hover(hover)
}

/// Why the seen part begins where it does, in words (hover of the "Appears" time).
fn appears_words(appears: Appears) -> String {
    match appears {
        Appears::Rises => crate::t!("panels-appears-rises"),
        Appears::LeavesShadow => crate::t!("panels-appears-leaves-shadow"),
        Appears::SkyDarkens => crate::t!("panels-appears-sky-darkens"),
    }
}

/// Why the seen part ends where it does, in words (hover of the "Vanishes" time).
fn vanishes_words(vanishes: Vanishes) -> String {
    match vanishes {
        Vanishes::Sets => crate::t!("panels-vanishes-sets"),
        Vanishes::EntersShadow => crate::t!("panels-vanishes-enters-shadow"),
        Vanishes::SkyBrightens => crate::t!("panels-vanishes-sky-brightens"),
    }
}

/// Why a pass cannot be seen, in a short phrase for the table ("?" when unknown).
fn reason_words(reason: Option<NotVisibleReason>) -> String {
    match reason {
        Some(NotVisibleReason::TooLow) => crate::t!("panels-reason-too-low"),
        Some(NotVisibleReason::Daylight) => crate::t!("panels-reason-daylight"),
        Some(NotVisibleReason::EarthShadow) => crate::t!("panels-reason-earth-shadow"),
        None => "?".to_owned(),
    }
}
