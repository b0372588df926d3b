//! What each cell of a pass row says, and what hovering it adds (the exact time, the fist
//! scale, the compass words, the brightness in words). Times are to the minute, or to the
//! second when set so or when the pass is short; once the elements are old for a pass,
//! its times carry their uncertainty ("03:28 ±17 min") and greyed seconds.

use eframe::egui;

use egui::RichText;

use super::{ColumnSet, PassesPanel};
use crate::orbit::{Appears, BrightVerdict, NotVisibleReason, Vanishes};
use crate::report::{self, PassRecord, SeenPart, compass_point, vanishes_short};
use crate::ui::timefmt::TimeFormatter;
use crate::ui::view::ViewCtx;

/// One cell of a row: its text, what hovering says, and how many columns it spans.
pub(super) struct Cell {
    pub(super) text: egui::WidgetText,
    pub(super) hover: Option<String>,
    pub(super) span: usize,
}

impl Cell {
    fn new(text: impl Into<egui::WidgetText>) -> Self {
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

/// How one row's times are shown: to the minute or the second ([`TimeFormatter::for_pass`]),
/// and how uncertain they are (seconds), from the age of the elements at the pass.
pub(super) struct RowTimes {
    fmt: TimeFormatter,
    uncertainty_s: f64,
    age_days: f64,
}

impl RowTimes {
    /// The times of `record`'s row; `seconds` to the second whatever the pass.
    pub(super) fn of(view: &ViewCtx<'_>, record: &PassRecord, seconds: bool) -> Self {
        let fmt = view.fmt.for_pass(&record.pass);
        Self {
            fmt: fmt.with_seconds(seconds || fmt.shows_seconds()),
            uncertainty_s: record.timing_uncertainty_s(),
            age_days: record.element_age_days(),
        }
    }

    /// The widest text a time of this row takes ("21:39", "21:39:03 ±17 min"), for the
    /// width of the time columns.
    pub(super) fn sample(&self) -> String {
        let mut text = if self.fmt.shows_seconds() {
            "00:00:00".to_owned()
        } else {
            "00:00".to_owned()
        };
        if let Some(plus_minus) = report::plus_minus_beside(self.uncertainty_s) {
            text.push(' ');
            text.push_str(&plus_minus);
        }
        text
    }

    /// A time of the row: "03:28" (or "03:28:03" when seconds are shown). Once its
    /// uncertainty passes a few seconds ([`report::plus_minus_beside`], issue 26) the ±
    /// follows ("03:28:03 ±12 s"); once the elements are old for it
    /// ([`report::is_uncertain`], over 30 s) its seconds are greyed too. Hover: the exact
    /// time, `how` it appears or vanishes, and how far off it may be.
    fn cell(
        &self,
        style: &egui::Style,
        t: chrono::DateTime<chrono::Utc>,
        how: Option<String>,
    ) -> Cell {
        use egui::{Align, FontSelection};
        let uncertain = report::is_uncertain(self.uncertainty_s);
        let mut job = egui::text::LayoutJob::default();
        RichText::new(self.fmt.hm(t)).append_to(
            &mut job,
            style,
            FontSelection::Default,
            Align::Center,
        );
        if self.fmt.shows_seconds() {
            let seconds = self.fmt.hms(t).get(5..).unwrap_or_default().to_owned();
            let seconds = if uncertain {
                RichText::new(seconds).weak()
            } else {
                RichText::new(seconds)
            };
            seconds.append_to(&mut job, style, FontSelection::Default, Align::Center);
        }
        let mut hover = match how {
            Some(how) => crate::t!("panels-time-how", time = self.fmt.hms(t), how = how),
            None => self.fmt.hms(t),
        };
        if let Some(plus_minus) = report::plus_minus_beside(self.uncertainty_s) {
            RichText::new(format!(" {plus_minus}"))
                .small()
                .color(style.visuals.warn_fg_color)
                .append_to(&mut job, style, FontSelection::Default, Align::Center);
            let (when, days) = report::element_age(self.age_days);
            hover.push('\n');
            hover.push_str(&crate::t!(
                "panels-time-uncertain-hover",
                when = when,
                days = days,
                plus_minus = plus_minus
            ));
        }
        Cell::new(job).hover(hover)
    }
}

impl PassesPanel {
    /// The cells of one row in the current column set.
    pub(super) fn cells(
        &self,
        style: &egui::Style,
        view: &ViewCtx<'_>,
        record: &PassRecord,
        limit: f64,
    ) -> Vec<Cell> {
        let p = &record.pass;
        // The date of the seen part when there is one (a long pass may rise the day before).
        let date = match self.columns {
            ColumnSet::Seen => Cell::new(
                view.fmt
                    .date(p.visible_start().map_or(p.rise.time, |q| q.time)),
            ),
            ColumnSet::Horizon => Cell::new(view.fmt.date(p.rise.time)),
        };
        let magnitude = magnitude_cell(view, record, limit);
        match self.columns {
            ColumnSet::Seen => {
                let times = RowTimes::of(view, record, false);
                let mut cells = vec![date];
                match SeenPart::of(p) {
                    Some(seen) => {
                        let point = |q: &crate::orbit::PassPoint, how: Option<String>| {
                            [
                                times.cell(style, q.time, how),
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
                        // Never seen: the reason under "Appears"; nothing under "Highest
                        // while seen" and "Vanishes" (the horizon times are a click away).
                        let why = reason_words(p.not_visible_reason);
                        let text = crate::t!("panels-not-visible", why = why);
                        cells.push(
                            Cell::new(RichText::new(text.clone()).weak())
                                .hover(format!(
                                    "{text}\n{}",
                                    crate::t!(
                                        "panels-not-visible-hover",
                                        rise = times.fmt.clock(p.rise.time),
                                        set = times.fmt.clock(p.set.time),
                                        deg = format!("{:.0}", p.culmination.elevation_deg),
                                        direction = compass_point(p.culmination.azimuth_deg)
                                    )
                                ))
                                .span(3),
                        );
                        cells.push(Cell::new("").span(6));
                        cells.push(magnitude);
                        cells.push(Cell::new(""));
                    }
                }
                cells
            }
            ColumnSet::Horizon => {
                // Radio users' times are always to the second.
                let times = RowTimes::of(view, record, true);
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
                    times.cell(style, p.rise.time, None),
                    direction_cell(p.rise.azimuth_deg),
                    times.cell(style, p.culmination.time, None),
                    height_cell(p.culmination.elevation_deg),
                    direction_cell(p.culmination.azimuth_deg),
                    times.cell(style, p.set.time, None),
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
