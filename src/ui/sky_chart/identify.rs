//! The sky chart's Identify mode: "what was that?". Click where the light was, then where
//! it went (or drag from one to the other), say how long that took; the candidates appear
//! as a list under the chart and as labelled paths through the clicks.
//!
//! The sighting's time is the clock's when the first point is clicked: set the clock to
//! when it was seen first (type the time in the clock bar). The search itself is the app's
//! job ([`crate::ui::identify_job`]); this file keeps the clicks, asks, and draws.

use eframe::egui;

use chrono::{DateTime, Duration, Utc};
use egui_plot::{Line, PlotPoints, Points};

use super::labels::{ChartLabel, Rank};
use crate::orbit::stars::SkyDirection;
use crate::orbit::{Candidate, sky_path};
use crate::report::{identify_verdict, light_short, offset_short, score_percent, way_short};
use crate::ui::identify_job::IdentifyRequest;
use crate::ui::sky_scene::chart_xy;
use crate::ui::theme::Palette;
use crate::ui::view::{Action, ViewCtx};

/// Seconds of each candidate's path drawn before its nearest point and after the second.
const PATH_MARGIN_S: i64 = 30;
/// Most candidates drawn as paths.
const PATHS_DRAWN: usize = 5;
/// Default and bounds of "how long it took", seconds.
const DEFAULT_AFTER_S: f64 = 10.0;
const AFTER_RANGE_S: std::ops::RangeInclusive<f64> = 1.0..=120.0;

/// One candidate's path across the chart.
#[derive(Debug, Clone, PartialEq)]
struct CandidatePath {
    name: String,
    /// Chart coordinates, in time order.
    points: Vec<[f64; 2]>,
}

/// The mode's state (runtime only).
#[derive(Debug, Clone)]
pub(super) struct IdentifyMode {
    /// The mode is on.
    pub(super) on: bool,
    /// When it was seen at `at` (the clock's time at the first click).
    time: Option<DateTime<Utc>>,
    at: Option<SkyDirection>,
    to: Option<SkyDirection>,
    after_s: f64,
    /// Where a drag began, chart coordinates.
    drag_from: Option<[f64; 2]>,
    /// The last request sent, to send only changes.
    sent: Option<IdentifyRequest>,
    /// The candidates' paths, for the request they answer.
    paths: Option<(IdentifyRequest, Vec<CandidatePath>)>,
}

impl Default for IdentifyMode {
    fn default() -> Self {
        Self {
            on: false,
            time: None,
            at: None,
            to: None,
            after_s: DEFAULT_AFTER_S,
            drag_from: None,
            sent: None,
            paths: None,
        }
    }
}

/// The direction of chart coordinates (see [`chart_xy`]), if inside the horizon.
fn direction_of_xy(xy: [f64; 2]) -> Option<SkyDirection> {
    let r = xy[0].hypot(xy[1]);
    (r <= 90.0).then(|| SkyDirection {
        azimuth_deg: (-xy[0]).atan2(xy[1]).to_degrees().rem_euclid(360.0),
        elevation_deg: 90.0 - r,
    })
}

impl IdentifyMode {
    /// The instant the chart's sky shows in this mode: the sighting's, once clicked.
    pub(super) fn sky_time(&self, clock: DateTime<Utc>) -> DateTime<Utc> {
        self.time.unwrap_or(clock)
    }

    /// True once a first point is clicked (the chart then shows the candidates, not the
    /// clock's satellites).
    pub(super) fn has_sighting(&self) -> bool {
        self.at.is_some()
    }

    /// Starts again.
    fn clear(&mut self) {
        *self = Self {
            on: self.on,
            after_s: self.after_s,
            ..Self::default()
        };
    }

    /// The switches under the chart's options: how long it took, and "clear".
    pub(super) fn options_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label(crate::t!("panels-identify-took"));
            ui.add(
                egui::DragValue::new(&mut self.after_s)
                    .range(AFTER_RANGE_S)
                    .speed(0.5)
                    .suffix(crate::t!("panels-identify-seconds-suffix")),
            )
            .on_hover_text(crate::t!("panels-identify-took-hover"));
            if ui
                .add_enabled(
                    self.at.is_some(),
                    egui::Button::new(crate::t!("panels-identify-clear")),
                )
                .clicked()
            {
                self.clear();
            }
        });
    }

    /// A click (or a drag's end) on the chart at chart coordinates, at the clock's `t`.
    pub(super) fn clicked(&mut self, xy: [f64; 2], t: DateTime<Utc>) {
        let Some(direction) = direction_of_xy(xy) else {
            return;
        };
        if self.at.is_none() || self.to.is_some() {
            self.clear();
            self.time = Some(t);
            self.at = Some(direction);
        } else {
            self.to = Some(direction);
        }
    }

    /// A drag on the chart: from where it began to where it ended is the sighting.
    pub(super) fn dragged(&mut self, from: [f64; 2], to: [f64; 2], t: DateTime<Utc>) {
        if let (Some(a), Some(b)) = (direction_of_xy(from), direction_of_xy(to)) {
            self.clear();
            self.time = Some(t);
            self.at = Some(a);
            self.to = Some(b);
        }
    }

    /// Where a drag began (kept while the pointer is down).
    pub(super) fn drag_started(&mut self, xy: [f64; 2]) {
        self.drag_from = Some(xy);
    }

    /// Where the drag in progress began, taken.
    pub(super) fn take_drag(&mut self) -> Option<[f64; 2]> {
        self.drag_from.take()
    }

    /// The request for what is clicked, when it differs from the one sent last.
    pub(super) fn request(&mut self, view: &ViewCtx<'_>) -> Option<Action> {
        let (time, at) = (self.time?, self.at?);
        let request = IdentifyRequest {
            observer: view.frame.observer,
            time,
            at,
            to: self.to.map(|to| (to, self.after_s)),
        };
        if self.sent == Some(request) {
            return None;
        }
        self.sent = Some(request);
        Some(Action::Identify(request))
    }

    /// The candidates answering the request sent last, if they have come.
    fn candidates<'a>(&self, view: &ViewCtx<'a>) -> Option<&'a [Candidate]> {
        let results = view.identification?;
        (Some(results.request) == self.sent).then_some(results.found.candidates.as_slice())
    }

    /// Works out the candidates' paths once per answer.
    fn ensure_paths(&mut self, view: &ViewCtx<'_>) {
        let (Some(results), Some(catalog)) = (view.identification, view.catalog) else {
            return;
        };
        if Some(results.request) != self.sent
            || self
                .paths
                .as_ref()
                .is_some_and(|(r, _)| *r == results.request)
        {
            return;
        }
        let after_s = results.request.to.map_or(0.0, |(_, s)| s);
        let paths = results
            .found
            .candidates
            .iter()
            .take(PATHS_DRAWN)
            .filter_map(|c| {
                let sat = catalog.get(c.norad_id)?;
                let from = c.time - Duration::seconds(PATH_MARGIN_S);
                let to = c.time
                    + Duration::milliseconds((after_s * 1000.0) as i64)
                    + Duration::seconds(PATH_MARGIN_S);
                let points = sky_path(sat, view.frame, from, to, None, 60, 1)
                    .into_iter()
                    .filter(|p| p.elevation_deg >= 0.0)
                    .map(|p| chart_xy(p.azimuth_deg, p.elevation_deg))
                    .collect();
                Some(CandidatePath {
                    name: c.name.clone(),
                    points,
                })
            })
            .collect();
        self.paths = Some((results.request, paths));
    }

    /// The points of the candidates' paths drawn for the request sent last, chart
    /// coordinates (the chart's other words keep off them).
    pub(super) fn drawn_points(&self) -> impl Iterator<Item = [f64; 2]> + '_ {
        self.paths
            .iter()
            .filter(|(r, _)| Some(*r) == self.sent)
            .flat_map(|(_, paths)| paths.iter().flat_map(|p| p.points.iter().copied()))
    }

    /// Draws the clicks and the candidates' paths on the plot: their names go to
    /// `labels`, the clicks to `marks` (which the words keep off).
    pub(super) fn draw(
        &mut self,
        plot: &mut egui_plot::PlotUi<'_>,
        labels: &mut Vec<ChartLabel>,
        marks: &mut Vec<[f64; 2]>,
        view: &ViewCtx<'_>,
    ) {
        self.ensure_paths(view);
        let palette: Palette = view.palette;
        if let Some((_, paths)) = self.paths.as_ref().filter(|(r, _)| Some(*r) == self.sent) {
            for (rank, path) in paths.iter().enumerate() {
                // The best bright, the others dimmer (they cross near the clicks).
                let color = if rank == 0 {
                    palette.sunlit
                } else {
                    palette.track_future.gamma_multiply(0.55)
                };
                if path.points.len() >= 2 {
                    plot.line(
                        Line::new("", PlotPoints::from(path.points.clone()))
                            .color(color)
                            .width(if rank == 0 { 2.5 } else { 1.0 })
                            .allow_hover(false),
                    );
                }
                // The best by name, the others by their number in the list (they all
                // pass near the clicks, so long names would pile up).
                if let Some(&xy) = path.points.first() {
                    let text = if rank == 0 {
                        format!("1. {}", path.name)
                    } else {
                        format!("{}", rank + 1)
                    };
                    labels.push(ChartLabel::around(xy, text, color, Rank::Mark));
                }
            }
        }
        let clicks: Vec<[f64; 2]> = [self.at, self.to]
            .into_iter()
            .flatten()
            .map(|d| chart_xy(d.azimuth_deg, d.elevation_deg))
            .collect();
        if clicks.len() == 2 {
            plot.line(
                Line::new("", PlotPoints::from(clicks.clone()))
                    .color(palette.observer)
                    .width(2.0)
                    .style(egui_plot::LineStyle::dashed_loose())
                    .allow_hover(false),
            );
        }
        for (k, xy) in clicks.iter().enumerate() {
            marks.push(*xy);
            plot.points(
                Points::new(
                    if k == 0 {
                        crate::t!("panels-identify-seen")
                    } else {
                        crate::t!("panels-identify-went")
                    },
                    PlotPoints::from(vec![*xy]),
                )
                .radius(6.0)
                .filled(k == 0)
                .color(palette.observer),
            );
        }
    }

    /// Under the chart: what to do, or the verdict and the candidates (a click follows one).
    pub(super) fn list_ui(&self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        let Some(time) = self.time else {
            ui.label(crate::t!("panels-identify-hint"));
            return;
        };
        ui.label(
            egui::RichText::new(crate::t!(
                "panels-identify-when",
                time = view.fmt.hms(time),
                zone = view.fmt.zone_short(time),
                went = if self.to.is_some() { "yes" } else { "no" },
                seconds = format!("{:.0}", self.after_s)
            ))
            .small()
            .weak(),
        );
        let Some(candidates) = self.candidates(view) else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("panels-identify-searching"));
            });
            return;
        };
        if let Some(results) = view.identification {
            ui.label(egui::RichText::new(identify_verdict(&results.found)).strong());
        }
        for (rank, c) in candidates.iter().enumerate() {
            let text = crate::t!(
                "panels-identify-row",
                rank = rank + 1,
                chance = score_percent(c.score),
                name = crate::text::clean(&c.name, crate::text::NAME_CHARS),
                when = offset_short(c.time_offset_s),
                miss = format!("{:.1}", c.miss_deg),
                way = way_short(c.direction_error_deg),
                light = light_short(c)
            );
            if ui
                .selectable_label(view.selected == Some(c.norad_id), text)
                .on_hover_text(crate::t!("panels-identify-follow-hover"))
                .clicked()
            {
                actions.push(Action::Select(c.norad_id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_coordinates_turn_back_into_directions() {
        for (az, el) in [(0.0, 45.0), (90.0, 10.0), (225.0, 60.0), (300.0, 0.5)] {
            let d = direction_of_xy(chart_xy(az, el)).unwrap();
            assert!((d.azimuth_deg - az).abs() < 1e-9, "{az} {d:?}");
            assert!((d.elevation_deg - el).abs() < 1e-9, "{el} {d:?}");
        }
        assert!(direction_of_xy([80.0, 80.0]).is_none());
    }

    #[test]
    fn two_clicks_make_a_sighting_and_a_third_starts_again() {
        let t: DateTime<Utc> = "2026-08-22T12:37:10Z".parse().unwrap();
        let mut mode = IdentifyMode {
            on: true,
            ..IdentifyMode::default()
        };
        mode.clicked(chart_xy(200.0, 30.0), t);
        mode.clicked(chart_xy(180.0, 50.0), t + Duration::seconds(5));
        assert_eq!(mode.time, Some(t));
        assert!(mode.at.is_some() && mode.to.is_some());
        mode.clicked(chart_xy(10.0, 20.0), t + Duration::seconds(9));
        assert_eq!(mode.time, Some(t + Duration::seconds(9)));
        assert!(mode.to.is_none());
    }
}
