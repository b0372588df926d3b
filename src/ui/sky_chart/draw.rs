//! The chart itself, at a given size: the sky behind, the horizon and height rings, the
//! compass, the selected pass (or the satellites up now), the Identify mode's clicks and
//! candidates, the satellite's live place, and every word placed clear of the others
//! ([`super::labels`]).

use eframe::egui;

use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Points};

use super::labels::{ChartLabel, Rank, place_labels};
use super::now::{NAMED_OTHERS, draw_now_satellite};
use super::path::draw_path;
use super::sky::{SkyOptions, sky_shapes};
use super::{CHART_HALF_WIDTH, LabelSizes, SkyChart};
use crate::report::{PassRecord, compass_point};
use crate::ui::sky_now::NowSatellite;
use crate::ui::sky_scene::chart_xy;
use crate::ui::view::{Action, ViewCtx};

/// Half the side of the square a mark's symbol covers, points, at the chart's normal label
/// size (the symbols grow with the words): labels keep off it.
const MARK_HALF_POINTS: f32 = 7.0;
/// Half the width of the pass's path (and the trails) that labels keep off, points.
const LINE_HALF_POINTS: f32 = 2.0;

/// What one drawing of the chart shows.
pub(super) struct ChartContent<'a> {
    /// The selected pass, drawn with its path (None in the "now" view).
    pub(super) record: Option<&'a PassRecord>,
    /// The satellites up now (the "now" view).
    pub(super) satellites: &'a [NowSatellite],
    /// The followed satellite's place now, (azimuth, elevation) degrees, if up.
    pub(super) live: Option<(f64, f64)>,
}

impl SkyChart {
    /// Draws the chart `side` points square (its labels `scale` times the small text, or
    /// larger on a large chart); a click places the binocular circle, a double click
    /// enlarges the chart or brings it back. In the Identify mode the clicks (or a drag)
    /// are the sighting instead, asked for with [`Action::Identify`]. Returns the chart's
    /// response.
    pub(super) fn chart_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        content: &ChartContent<'_>,
        side: f32,
        scale: f32,
        actions: &mut Vec<Action>,
    ) -> egui::Response {
        let sizes = LabelSizes::new(scale, side);
        let palette = view.palette;
        let record = content.record;
        let path = self
            .path
            .as_ref()
            .filter(|p| record.is_some_and(|r| r.pass.norad_id == p.key.norad_id));
        // The sky of the moment the pass is highest while seen, or of the clock's time.
        let sky_t = match record {
            Some(r) => r.pass.visible_peak().unwrap_or(r.pass.culmination).time,
            None => self.sky_now_time(view),
        };
        let identifying = self.identify.on;
        let (scene_number, scene) = self.scene.get(view.frame, sky_t);
        // The sky goes under the plot's lines and the words over them: keep both places in
        // the paint list now, and fill them once the plot has said where it is.
        let sky_shape = ui.painter().add(egui::Shape::Noop);
        let mut labels = Vec::new();
        let mut marks = Vec::new();
        let response = Plot::new("sky_chart")
            .width(side)
            .height(side)
            .data_aspect(1.0)
            .show_axes(false)
            .show_grid(false)
            .show_background(false)
            .show_x(false)
            .show_y(false)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .default_x_bounds(-f64::from(CHART_HALF_WIDTH), f64::from(CHART_HALF_WIDTH))
            .default_y_bounds(-f64::from(CHART_HALF_WIDTH), f64::from(CHART_HALF_WIDTH))
            .show(ui, |plot| {
                for el in [0.0, 30.0, 60.0] {
                    let ring: PlotPoints<'_> = (0..=120)
                        .map(|i| chart_xy(f64::from(i) * 3.0, el))
                        .collect();
                    let (width, color) = if el == 0.0 {
                        (2.0, palette.coast)
                    } else {
                        (1.0, palette.grid)
                    };
                    plot.line(
                        Line::new(format!("{el}°"), ring)
                            .color(color)
                            .width(width)
                            .allow_hover(false),
                    );
                    if el > 0.0 {
                        labels.push(ChartLabel::at(
                            chart_xy(180.0, el),
                            format!("{el:.0}°"),
                            palette.weak_text,
                            Rank::Ring,
                            egui::Align2::LEFT_BOTTOM,
                        ));
                    }
                }
                for az in (0..8).map(|i| f64::from(i) * 45.0) {
                    let spoke: PlotPoints<'_> = vec![chart_xy(az, 0.0), chart_xy(az, 90.0)].into();
                    plot.line(
                        Line::new("", spoke)
                            .color(palette.grid)
                            .width(0.5)
                            .allow_hover(false),
                    );
                    let mut label = ChartLabel::at(
                        chart_xy(az, -9.0),
                        compass_point(az).to_owned(),
                        palette.text,
                        Rank::Compass,
                        egui::Align2::CENTER_CENTER,
                    );
                    label.strong = true;
                    labels.push(label);
                }
                if let (Some(path), Some(r)) = (path, record) {
                    draw_path(
                        plot,
                        &mut labels,
                        &mut marks,
                        path,
                        r,
                        view,
                        view.fmt,
                        sizes,
                    );
                }
                // Named: the chosen ones and the brightest few of the others (brightest
                // first); the rest are a dot and a trail, named on hover and in the
                // "Up now" line (in twilight a dozen Starlinks may be "maybe" bright).
                let mut others_named = 0;
                for sat in content.satellites {
                    let named = sat.chosen || others_named < NAMED_OTHERS;
                    others_named += usize::from(!sat.chosen);
                    draw_now_satellite(plot, &mut labels, sat, palette, named);
                    if let Some(&xy) = sat.trail.last() {
                        marks.push(xy);
                    }
                }
                if identifying {
                    self.identify.draw(plot, &mut labels, &mut marks, view);
                }
                if let Some((az, el)) = content.live.filter(|_| record.is_some()) {
                    let xy = chart_xy(az, el);
                    marks.push(xy);
                    plot.points(
                        Points::new("now", PlotPoints::from(vec![xy]))
                            .radius(7.0)
                            .color(palette.selected),
                    );
                }
            });
        let transform = &response.transform;
        let to_screen = |xy: [f64; 2]| transform.position_from_point(&PlotPoint::from(xy));
        // The words keep off the marks' symbols and off the path (or the trails) itself.
        let obstacles: Vec<egui::Rect> = marks
            .iter()
            .map(|&xy| {
                let half = MARK_HALF_POINTS * (sizes.small / super::CHART_LABEL_POINTS).max(1.0);
                egui::Rect::from_center_size(to_screen(xy), egui::Vec2::splat(2.0 * half))
            })
            .collect();
        let path_points = path
            .filter(|_| record.is_some())
            .map(|p| {
                p.samples
                    .iter()
                    .map(|s| chart_xy(s.azimuth_deg, s.elevation_deg))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let trail_points = content
            .satellites
            .iter()
            .flat_map(|s| s.trail.iter().copied());
        let candidate_points = self.identify.drawn_points().filter(|_| identifying);
        let lines: Vec<egui::Rect> = path_points
            .into_iter()
            .chain(trail_points)
            .chain(candidate_points)
            .map(|xy| {
                egui::Rect::from_center_size(
                    to_screen(xy),
                    egui::Vec2::splat(2.0 * LINE_HALF_POINTS),
                )
            })
            .collect();
        let (words, taken) = place_labels(
            ui,
            transform,
            response.response.rect,
            sizes.small,
            labels,
            &obstacles,
            &lines,
        );
        let options = SkyOptions {
            max_magnitude: self.max_magnitude,
            show_constellations: self.show_constellations,
            dark_site: self.dark_site,
            binocular_xy: self.binocular_xy,
        };
        let bounds = response.response.rect;
        let backdrop =
            self.backdrop
                .shape(ui.ctx(), (scene_number, scene), transform, palette, options);
        let shapes = sky_shapes(ui, scene, transform, palette, sizes, options, taken, bounds);
        ui.painter().set(
            sky_shape,
            egui::Shape::Vec(backdrop.into_iter().chain(shapes).collect()),
        );
        ui.painter().extend(words);
        let chart = response.response;
        if identifying {
            // A drag from where it was seen to where it went, or two clicks.
            let pointer = chart
                .interact_pointer_pos()
                .map(|pos| transform.value_from_position(pos))
                .map(|p| [p.x, p.y]);
            if chart.drag_started()
                && let Some(xy) = pointer
            {
                self.identify.drag_started(xy);
            }
            if chart.drag_stopped()
                && let (Some(from), Some(to)) = (self.identify.take_drag(), pointer)
            {
                if (from[0] - to[0]).hypot(from[1] - to[1]) > 2.0 {
                    self.identify.dragged(from, to, view.t);
                } else {
                    self.identify.clicked(to, view.t);
                }
            } else if chart.clicked()
                && let Some(xy) = pointer
            {
                self.identify.clicked(xy, view.t);
            }
            actions.extend(self.identify.request(view));
        } else if chart.double_clicked() {
            // The first click of the two placed a binocular circle: take it back.
            self.binocular_xy = self.binocular_before_click;
            self.enlarged = !self.enlarged;
        } else if chart.clicked()
            && let Some(pos) = chart.interact_pointer_pos()
        {
            let p = transform.value_from_position(pos);
            self.binocular_before_click = self.binocular_xy;
            // Inside the horizon (with a little slack) places the circle; outside removes it.
            self.binocular_xy = (p.x.hypot(p.y) <= 92.0).then_some([p.x, p.y]);
        }
        chart.on_hover_text(crate::t!("panels-chart-hover"))
    }
}
