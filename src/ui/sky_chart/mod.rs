//! The sky chart: the selected pass drawn on a polar azimuth/elevation plot, as seen
//! lying on your back looking up (north at the top, east on the left), with the part
//! in Earth's shadow dashed, time ticks, and the satellite's live position, among the
//! stars, constellations, planets and the Moon of the moment it is highest while seen
//! (see [`super::sky_scene`]). Without a selected pass, or with "Sky now", it shows the
//! whole sky at the clock's time with the chosen satellites and their trails.
//!
//! Its parts: [`path`] draws the selected pass (sunlit and shadowed runs, time ticks, where
//! it appears, peaks and vanishes), [`sky`] the stars, constellations, planets, Moon and Sun
//! behind it, and [`now`] the chosen satellites with their trails in the "now" view.

mod now;
mod path;
mod sky;

pub use sky::star_radius_points;

use now::{draw_now_satellite, now_satellites};
use path::{PassPath, PlotLabel, draw_path, plot_label};
use sky::{SkyOptions, sky_shapes};

use eframe::egui;

use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Points, Text};
use serde::{Deserialize, Serialize};

use super::sky_scene::{SceneCache, chart_xy};
use super::view::{PassKey, ViewCtx, find_record};
use crate::orbit::{observe, sky_path};
use crate::report::{MoonNearPass, PassRecord, compass_point, plain_description_estimated};

/// Half the width of the chart, chart units (degrees of zenith angle): the horizon at 90
/// and room for the compass points outside it.
const CHART_HALF_WIDTH: f32 = 106.0;

/// Radius of the binocular field circle, degrees (a 7° field of 7×50 or 10×50 glasses).
const BINOCULAR_RADIUS_DEG: f64 = 3.5;
/// How far back the trails of the "now" view reach, seconds.
const TRAIL_S: i64 = 300;
/// Time between the points of a trail, seconds.
const TRAIL_STEP_S: i64 = 20;

/// The polar sky chart of the selected pass.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SkyChart {
    /// Faintest star drawn, visual magnitude.
    pub max_magnitude: f64,
    /// Draw the constellation figures and names.
    pub show_constellations: bool,
    /// Draw the Milky Way (worth it only far from city lights).
    pub dark_site: bool,
    /// Show the whole sky at the clock's time even when a pass is selected.
    pub show_now: bool,
    /// Centre of the binocular field circle, chart coordinates; a click places it.
    #[serde(skip)]
    binocular_xy: Option<[f64; 2]>,
    #[serde(skip)]
    path: Option<PassPath>,
    /// The sky behind the chart, kept a minute (the stars move 0.25° a minute).
    #[serde(skip)]
    scene: SceneCache,
}

impl Default for SkyChart {
    fn default() -> Self {
        Self {
            max_magnitude: 4.5,
            show_constellations: true,
            dark_site: false,
            show_now: false,
            binocular_xy: None,
            path: None,
            scene: SceneCache::default(),
        }
    }
}

impl SkyChart {
    /// Draws the chart and, except in presentation mode (where the app puts it beside
    /// the chart, see [`Self::description_ui`]), the plain-language description of the
    /// selected pass.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let record = view.selected_pass.and_then(|k| find_record(view, k));
        let now_view = self.show_now || record.is_none();
        ui.heading(match record {
            Some(r) if !now_view => crate::t!("panels-chart-heading", sat = r.name()),
            _ => crate::t!("panels-sky-now"),
        });
        self.options_ui(ui, record.is_some());
        if let Some(r) = record {
            self.ensure_path(r, view);
        }
        let live = self.live_position(view, record);
        let satellites = if now_view {
            now_satellites(view)
        } else {
            Vec::new()
        };
        if now_view {
            let size = egui::TextStyle::Body.resolve(ui.style()).size * view.label_scale.min(1.5);
            // What the dots are, in words (also for screen readers and tests).
            let up: Vec<&str> = satellites.iter().map(|s| s.name.as_str()).collect();
            let text = if up.is_empty() {
                crate::t!("panels-none-up")
            } else {
                crate::t!("panels-up-now", names = up.join(", "))
            };
            ui.label(egui::RichText::new(text).size(size));
        }
        // Leave room under the chart for the sentence describing the pass (in presentation
        // mode it is elsewhere: only the caption).
        let below = if view.presentation { 30.0 } else { 110.0 };
        let side = ui
            .available_width()
            .min(ui.available_height() - below)
            .max(160.0);
        let sizes = LabelSizes::new(ui, view.label_scale, side);
        let palette = view.palette;
        let path = self.path.as_ref().filter(|_| record.is_some() && !now_view);
        let fmt = view.fmt;
        // The sky of the moment the pass is highest while seen, or of the clock's time.
        let sky_t = match record {
            Some(r) if !now_view => r.pass.visible_peak().unwrap_or(r.pass.culmination).time,
            _ => view.t,
        };
        let scene = self.scene.get(view.frame, sky_t);
        // The sky goes under the plot's lines: keep its place in the paint list now and
        // fill it once the plot has said where it is on the screen.
        let sky_shape = ui.painter().add(egui::Shape::Noop);
        // The pass's and the satellites' labels, for the sky's names to keep clear of.
        let mut drawn = Vec::new();

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
                let grid = palette.grid;
                for el in [0.0, 30.0, 60.0] {
                    let ring: PlotPoints<'_> = (0..=120)
                        .map(|i| chart_xy(f64::from(i) * 3.0, el))
                        .collect();
                    let width = if el == 0.0 { 2.0 } else { 1.0 };
                    let color = if el == 0.0 { palette.coast } else { grid };
                    plot.line(
                        Line::new(format!("{el}°"), ring)
                            .color(color)
                            .width(width)
                            .allow_hover(false),
                    );
                    if el > 0.0 {
                        plot_label(
                            plot,
                            &mut drawn,
                            chart_xy(180.0, el),
                            format!("{el:.0}°"),
                            palette.weak_text,
                            egui::Align2::LEFT_BOTTOM,
                            sizes,
                        );
                    }
                }
                for az in (0..8).map(|i| f64::from(i) * 45.0) {
                    let spoke: PlotPoints<'_> = vec![chart_xy(az, 0.0), chart_xy(az, 90.0)].into();
                    plot.line(
                        Line::new("", spoke)
                            .color(grid)
                            .width(0.5)
                            .allow_hover(false),
                    );
                    let [x, y] = chart_xy(az, -9.0);
                    plot.text(
                        Text::new(
                            "",
                            PlotPoint::new(x, y),
                            egui::RichText::new(compass_point(az))
                                .strong()
                                .size(sizes.small),
                        )
                        .color(palette.text),
                    );
                    drawn.push(PlotLabel {
                        xy: [x, y],
                        text: compass_point(az).to_owned(),
                        anchor: egui::Align2::CENTER_CENTER,
                    });
                }
                if let (Some(path), Some(r)) = (path, record) {
                    draw_path(plot, &mut drawn, path, r, view, fmt, sizes);
                }
                for sat in &satellites {
                    draw_now_satellite(plot, &mut drawn, sat, palette, sizes);
                }
                if let Some((az, el)) = live.filter(|_| !now_view) {
                    plot.points(
                        Points::new("now", PlotPoints::from(vec![chart_xy(az, el)]))
                            .radius(7.0)
                            .color(palette.selected),
                    );
                }
            });
        let options = SkyOptions {
            max_magnitude: self.max_magnitude,
            show_constellations: self.show_constellations,
            dark_site: self.dark_site,
            binocular_xy: self.binocular_xy,
        };
        let font = egui::FontId::proportional(sizes.small);
        let taken: Vec<egui::Rect> = drawn
            .into_iter()
            .map(|label| {
                let size = ui
                    .painter()
                    .layout_no_wrap(label.text, font.clone(), palette.text)
                    .size();
                let at = response
                    .transform
                    .position_from_point(&PlotPoint::from(label.xy));
                label.anchor.anchor_size(at, size)
            })
            .collect();
        let shapes = sky_shapes(
            ui,
            scene,
            &response.transform,
            palette,
            sizes,
            options,
            taken,
        );
        ui.painter().set(sky_shape, egui::Shape::Vec(shapes));
        if response.response.clicked()
            && let Some(pos) = response.response.interact_pointer_pos()
        {
            let p = response.transform.value_from_position(pos);
            // Inside the horizon (with a little slack) places the circle; outside removes it.
            self.binocular_xy = (p.x.hypot(p.y) <= 92.0).then_some([p.x, p.y]);
        }
        if view.presentation {
            caption_ui(ui, view, record.filter(|_| !now_view));
        } else if now_view {
            ui.label(
                egui::RichText::new(crate::t!(
                    "panels-now-caption",
                    time = fmt.hm(view.t),
                    zone = fmt.zone_label(view.t),
                    minutes = TRAIL_S / 60
                ))
                .small()
                .weak(),
            );
        } else {
            self.description_ui(ui, view);
        }
    }

    /// The chart's switches: how faint the stars go, constellations, the Milky Way, the
    /// "now" view and the binocular circle.
    fn options_ui(&mut self, ui: &mut egui::Ui, has_pass: bool) {
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::Slider::new(&mut self.max_magnitude, 1.0..=6.0)
                    .step_by(0.5)
                    .text(crate::t!("panels-stars-to-mag")),
            );
            ui.checkbox(
                &mut self.show_constellations,
                crate::t!("panels-constellations"),
            );
            ui.checkbox(&mut self.dark_site, crate::t!("panels-dark-site"));
            if has_pass {
                ui.checkbox(&mut self.show_now, crate::t!("panels-sky-now"));
            }
            if self.binocular_xy.is_some() {
                if ui.button(crate::t!("panels-remove-binocular")).clicked() {
                    self.binocular_xy = None;
                }
            } else {
                ui.label(
                    egui::RichText::new(crate::t!("panels-binocular-hint"))
                        .small()
                        .weak(),
                );
            }
        });
    }

    /// The plain-language description of the selected pass, and what the chart shows.
    pub fn description_ui(&self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let record = view.selected_pass.and_then(|k| find_record(view, k));
        let fmt = view.fmt;
        match record {
            Some(r) => {
                let mut text =
                    plain_description_estimated(&r.pass, r.standard_magnitude(), |t| fmt.hm(t));
                if let Some(moon) =
                    MoonNearPass::of(&r.pass, view.frame).filter(MoonNearPass::is_worth_noting)
                {
                    text.push(' ');
                    text.push_str(&moon.words());
                }
                let size = if view.presentation { 18.0 } else { 15.0 };
                ui.label(egui::RichText::new(text).size(size));
                if !view.presentation {
                    caption_ui(ui, view, Some(r));
                }
            }
            None => {
                ui.label(crate::t!("panels-click-a-pass"));
            }
        }
    }

    fn ensure_path(&mut self, record: &PassRecord, view: &ViewCtx<'_>) {
        let key = PassKey {
            norad_id: record.pass.norad_id,
            rise: record.pass.rise.time,
        };
        if self.path.as_ref().is_some_and(|p| p.key == key) {
            return;
        }
        let Some(sat) = view.catalog.and_then(|c| c.get(key.norad_id)) else {
            return;
        };
        let std_magnitude = view.catalog.and_then(|c| c.std_magnitude(key.norad_id));
        let p = &record.pass;
        // About 400 samples whatever the length of the pass, never closer than a second.
        let samples = sky_path(
            sat,
            view.frame,
            p.rise.time,
            p.set.time,
            std_magnitude,
            400,
            1,
        );
        self.path = Some(PassPath { key, samples });
    }

    /// Where the followed satellite is now, if above the horizon.
    fn live_position(&self, view: &ViewCtx<'_>, record: Option<&PassRecord>) -> Option<(f64, f64)> {
        let id = record.map(|r| r.pass.norad_id).or(view.selected)?;
        let sat = view.catalog?.get(id)?;
        let o = observe(sat, view.frame, view.t, None).ok()?;
        (o.look.elevation_deg >= 0.0).then_some((o.look.azimuth_deg, o.look.elevation_deg))
    }
}

/// Font sizes of the chart's labels, points: egui's small text, scaled for presentation.
#[derive(Debug, Clone, Copy)]
struct LabelSizes {
    /// Compass points, ring heights, times, rise and set.
    small: f32,
    /// Closest two time labels may be, chart units (degrees of zenith angle): about the
    /// width of "21:37" at the chart's size.
    time_label_spacing: f64,
}

impl LabelSizes {
    /// The sizes for a chart `side_points` wide, `scale` times larger than normal.
    fn new(ui: &egui::Ui, scale: f32, side_points: f32) -> Self {
        let small = egui::TextStyle::Small.resolve(ui.style()).size * scale;
        let chart_units_per_point = f64::from(2.0 * CHART_HALF_WIDTH / side_points.max(1.0));
        Self {
            small,
            time_label_spacing: (3.0 * f64::from(small) * chart_units_per_point).max(12.0),
        }
    }
}

/// What the chart's lines mean, and the zone of its times.
fn caption_ui(ui: &mut egui::Ui, view: &ViewCtx<'_>, record: Option<&PassRecord>) {
    if let Some(r) = record {
        ui.label(
            egui::RichText::new(crate::t!(
                "panels-chart-caption",
                zone = view.fmt.zone_label(r.pass.rise.time)
            ))
            .small()
            .weak(),
        );
    }
}
