//! The sky chart: the selected pass drawn on a polar azimuth/elevation plot, as seen
//! lying on your back looking up (north at the top, east on the left), with the part
//! in Earth's shadow dashed, time ticks, and the satellite's live position, among the
//! stars, constellations, planets and the Moon of the moment it is highest while seen
//! (see [`super::sky_scene`]). Without a selected pass, or with "Sky now", it shows the
//! whole sky at the clock's time with the chosen satellites and their trails.

use eframe::egui;

use chrono::{DateTime, Duration, Utc};
use egui_plot::{
    Arrows, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform, Points, Text,
};
use serde::{Deserialize, Serialize};

use super::sky_scene::{SceneCache, SkyScene, chart_xy, moon_lit_strip};
use super::theme::Palette;
use super::view::{PassKey, ViewCtx, find_record};
use crate::orbit::{PathPoint, Vanishes, observe, sky_path};
use crate::report::{MoonNearPass, PassRecord, compass_point, plain_description};

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

/// Samples of one pass, computed once when it is selected.
#[derive(Debug, Clone)]
struct PassPath {
    key: PassKey,
    samples: Vec<PathPoint>,
}

/// A chosen satellite in the "now" view: its name, where it is and where it was.
struct NowSatellite {
    name: String,
    /// Chart coordinates, oldest first; the last is now.
    trail: Vec<[f64; 2]>,
    is_up: bool,
}

impl SkyChart {
    /// Draws the chart and, except in presentation mode (where the app puts it beside
    /// the chart, see [`Self::description_ui`]), the plain-language description of the
    /// selected pass.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let record = view.selected_pass.and_then(|k| find_record(view, k));
        let now_view = self.show_now || record.is_none();
        ui.heading(match record {
            Some(r) if !now_view => format!("Sky chart: {}", r.name()),
            _ => "Sky now".to_owned(),
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
                "None of the chosen satellites is up.".to_owned()
            } else {
                format!("Up now: {}", up.join(", "))
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
            Some(r) if !now_view => r.pass.visible_peak.unwrap_or(r.pass.culmination).time,
            _ => view.t,
        };
        let scene = self.scene.get(view.frame, sky_t);
        // The sky goes under the plot's lines: keep its place in the paint list now and
        // fill it once the plot has said where it is on the screen.
        let sky_shape = ui.painter().add(egui::Shape::Noop);

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
                        plot.text(
                            Text::new(
                                "",
                                PlotPoint::from(chart_xy(180.0, el)),
                                egui::RichText::new(format!("{el:.0}°")).size(sizes.small),
                            )
                            .color(palette.weak_text)
                            .anchor(egui::Align2::LEFT_BOTTOM),
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
                }
                if let (Some(path), Some(r)) = (path, record) {
                    draw_path(plot, path, r, view, fmt, sizes);
                }
                for sat in &satellites {
                    draw_now_satellite(plot, sat, palette, sizes);
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
        let shapes = sky_shapes(ui, scene, &response.transform, palette, sizes, options);
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
                egui::RichText::new(format!(
                    "The sky at {} ({}), with the chosen satellites and their last {} minutes.",
                    fmt.hm(view.t),
                    fmt.zone_label(view.t),
                    TRAIL_S / 60
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
                    .text("stars to mag"),
            );
            ui.checkbox(&mut self.show_constellations, "Constellations");
            ui.checkbox(&mut self.dark_site, "Dark site (Milky Way)");
            if has_pass {
                ui.checkbox(&mut self.show_now, "Sky now");
            }
            if self.binocular_xy.is_some() {
                if ui.button("Remove binocular circle").clicked() {
                    self.binocular_xy = None;
                }
            } else {
                ui.label(
                    egui::RichText::new("Click the chart for a 7° binocular field.")
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
                let mut text = plain_description(&r.pass, |t| fmt.hm(t));
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
                ui.label("Click a pass in the table to draw it here.");
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
            egui::RichText::new(format!(
                "Times in {}. Solid: sunlit; dashed: in Earth's shadow.",
                view.fmt.zone_label(r.pass.rise.time)
            ))
            .small()
            .weak(),
        );
    }
}

fn draw_path(
    plot: &mut egui_plot::PlotUi<'_>,
    path: &PassPath,
    record: &PassRecord,
    view: &ViewCtx<'_>,
    fmt: super::timefmt::TimeFormatter,
    sizes: LabelSizes,
) {
    let palette = view.palette;
    // Runs of samples with the same lighting; each run shares its first point with the
    // previous one so that the line is unbroken.
    let mut start = 0;
    let samples = &path.samples;
    while start + 1 < samples.len() {
        let lit = samples.get(start).is_some_and(|s| s.is_sunlit);
        let mut end = start + 1;
        while end + 1 < samples.len() && samples.get(end).is_some_and(|s| s.is_sunlit == lit) {
            end += 1;
        }
        let points: PlotPoints<'_> = samples
            .get(start..=end)
            .unwrap_or_default()
            .iter()
            .map(|s| chart_xy(s.azimuth_deg, s.elevation_deg))
            .collect();
        let line = if lit {
            Line::new("sunlit", points).color(palette.sunlit).width(3.0)
        } else {
            Line::new("in shadow", points)
                .color(palette.shadow)
                .width(2.0)
                .style(LineStyle::Dashed { length: 8.0 })
        };
        plot.line(line.allow_hover(false));
        start = end;
    }
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return;
    };
    let minutes = (last.t - first.t).num_minutes();
    let tick_min = match minutes {
        ..=20 => 1,
        21..=40 => 2,
        41..=100 => 5,
        101..=300 => 15,
        301..=600 => 30,
        _ => 60,
    };
    let mut ticks = Vec::new();
    let mut labels = Vec::new();
    let first_tick_s = (first.t.timestamp() / (60 * tick_min) + 1) * 60 * tick_min;
    let mut tick_s = first_tick_s;
    while tick_s < last.t.timestamp() {
        if let Some(s) = samples
            .iter()
            .min_by_key(|s| (s.t.timestamp() - tick_s).abs())
            && let Some(t) = DateTime::<Utc>::from_timestamp(tick_s, 0)
        {
            let xy = chart_xy(s.azimuth_deg, s.elevation_deg);
            ticks.push(xy);
            // Near the horizon the path is slow on the chart: skip labels that would overlap
            // (larger labels need more room).
            let crowded = labels.last().is_some_and(|(p, _): &([f64; 2], String)| {
                (p[0] - xy[0]).hypot(p[1] - xy[1]) < sizes.time_label_spacing
            });
            if !crowded {
                labels.push((xy, fmt.hm(t)));
            }
        }
        tick_s += 60 * tick_min;
    }
    plot.points(
        Points::new("ticks", PlotPoints::from(ticks))
            .radius(3.0)
            .color(palette.text),
    );
    for ([x, y], label) in labels {
        plot.text(
            Text::new(
                "",
                PlotPoint::new(x + 3.0, y + 3.0),
                egui::RichText::new(label).size(sizes.small),
            )
            .color(palette.weak_text)
            .anchor(egui::Align2::LEFT_BOTTOM),
        );
    }
    let rise = chart_xy(first.azimuth_deg, first.elevation_deg);
    let set = chart_xy(last.azimuth_deg, last.elevation_deg);
    plot.text(
        Text::new(
            "",
            PlotPoint::new(rise[0], rise[1]),
            egui::RichText::new("rise").size(sizes.small),
        )
        .color(palette.text)
        .anchor(egui::Align2::CENTER_TOP),
    );
    plot.text(
        Text::new(
            "",
            PlotPoint::new(set[0], set[1]),
            egui::RichText::new("set").size(sizes.small),
        )
        .color(palette.text)
        .anchor(egui::Align2::CENTER_TOP),
    );
    if let Some((origin, tip)) = motion_arrow(samples, record) {
        plot.arrows(
            Arrows::new("direction", vec![origin], vec![tip])
                .color(palette.text)
                .tip_length(16.0 * sizes.small / 12.0)
                .allow_hover(false),
        );
    }
    draw_seen_marks(plot, samples, record, palette, sizes);
}

/// An arrow along the path at the middle of the part that is seen (or of the pass), from
/// one sample to one a few degrees on: the direction of motion.
fn motion_arrow(samples: &[PathPoint], record: &PassRecord) -> Option<([f64; 2], [f64; 2])> {
    let p = &record.pass;
    let (from, to) = match (p.visible_start, p.visible_end) {
        (Some(a), Some(b)) => (a.time, b.time),
        _ => (p.rise.time, p.set.time),
    };
    let middle = from + (to - from) / 2;
    let i = samples.iter().position(|s| s.t >= middle)?;
    let origin = samples.get(i)?;
    let o = chart_xy(origin.azimuth_deg, origin.elevation_deg);
    let tip = samples.get(i + 1..)?.iter().find_map(|s| {
        let xy = chart_xy(s.azimuth_deg, s.elevation_deg);
        ((xy[0] - o[0]).hypot(xy[1] - o[1]) >= 6.0).then_some(xy)
    })?;
    Some((o, tip))
}

/// Where it appears, where it vanishes (a filled square when it fades into the Earth's
/// shadow, a cross when it sets), its highest point while seen, and its brightest point.
fn draw_seen_marks(
    plot: &mut egui_plot::PlotUi<'_>,
    samples: &[PathPoint],
    record: &PassRecord,
    palette: Palette,
    sizes: LabelSizes,
) {
    let p = &record.pass;
    // Where the labels went: one too close to an earlier one is left out (its mark stays).
    let mut placed: Vec<[f64; 2]> = Vec::new();
    let mut mark = |name: &str, xy: [f64; 2], shape: MarkerShape, filled: bool, text: String| {
        plot.points(
            Points::new(name.to_owned(), PlotPoints::from(vec![xy]))
                .shape(shape)
                .filled(filled)
                .radius(7.0 * sizes.small / 12.0)
                .color(palette.text)
                .allow_hover(false),
        );
        let crowded = placed
            .iter()
            .any(|q| (q[0] - xy[0]).hypot(q[1] - xy[1]) < sizes.time_label_spacing);
        if crowded {
            return;
        }
        placed.push(xy);
        plot.text(
            Text::new(
                "",
                PlotPoint::new(xy[0] - 3.0, xy[1] - 3.0),
                egui::RichText::new(text).size(sizes.small),
            )
            .color(palette.text)
            .anchor(egui::Align2::RIGHT_TOP),
        );
    };
    if let Some(a) = p.visible_start {
        let xy = chart_xy(a.azimuth_deg, a.elevation_deg);
        mark(
            "appears",
            xy,
            MarkerShape::Circle,
            false,
            "appears".to_owned(),
        );
    }
    if let Some(b) = p.visible_end {
        let xy = chart_xy(b.azimuth_deg, b.elevation_deg);
        if p.vanishes == Some(Vanishes::EntersShadow) {
            mark(
                "fades",
                xy,
                MarkerShape::Square,
                true,
                "fades into shadow".to_owned(),
            );
        } else {
            mark(
                "vanishes",
                xy,
                MarkerShape::Cross,
                false,
                "vanishes".to_owned(),
            );
        }
    }
    let brightest = brightest_seen(samples, record);
    let mut brightest_apart = brightest;
    if let Some(peak) = p.visible_peak {
        let xy = chart_xy(peak.azimuth_deg, peak.elevation_deg);
        let mut text = format!("highest {:.0}°", peak.elevation_deg);
        // Usually the brightest point is the highest: then one mark says both.
        if let Some((b_xy, magnitude)) = brightest
            && (b_xy[0] - xy[0]).hypot(b_xy[1] - xy[1]) < 4.0
        {
            text.push_str(&format!(", brightest (mag {magnitude:.1})"));
            brightest_apart = None;
        }
        mark("highest", xy, MarkerShape::Diamond, false, text);
    }
    if let Some((xy, magnitude)) = brightest_apart {
        mark(
            "brightest",
            xy,
            MarkerShape::Asterisk,
            false,
            format!("brightest (mag {magnitude:.1})"),
        );
    }
}

/// The brightest sample of the part that is seen, and its estimated magnitude.
fn brightest_seen(samples: &[PathPoint], record: &PassRecord) -> Option<([f64; 2], f64)> {
    let (a, b) = (record.pass.visible_start?, record.pass.visible_end?);
    samples
        .iter()
        .filter(|s| s.t >= a.time && s.t <= b.time && s.is_sunlit)
        .filter_map(|s| Some((s, s.magnitude?)))
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(s, m)| (chart_xy(s.azimuth_deg, s.elevation_deg), m))
}

/// What of the sky to draw.
#[derive(Debug, Clone, Copy)]
struct SkyOptions {
    max_magnitude: f64,
    show_constellations: bool,
    dark_site: bool,
    binocular_xy: Option<[f64; 2]>,
}

/// Radius of a star's dot, points, for a chart whose degree is `points_per_deg` wide:
/// a step per magnitude, never under a pixel.
pub fn star_radius_points(magnitude: f64, points_per_deg: f32) -> f32 {
    let scale = (points_per_deg / 1.6).clamp(0.7, 2.5);
    ((3.3 - 0.5 * magnitude as f32).max(0.6)) * scale
}

/// A star's colour: tinted by its B−V colour index (blue-white, white, orange) and dimmer
/// the fainter it is.
fn star_color(palette: Palette, magnitude: f64, b_minus_v: Option<f64>) -> egui::Color32 {
    let base = match b_minus_v {
        Some(bv) if bv < 0.3 => palette.star_hot,
        Some(bv) if bv > 0.8 => palette.star_cool,
        _ => palette.star,
    };
    let brightness = (1.0 - 0.1 * (magnitude as f32 - 1.0).max(0.0)).clamp(0.45, 1.0);
    base.gamma_multiply(brightness)
}

/// The sky behind the plot as screen shapes: the Milky Way, constellations, stars, the
/// planets, the Moon with its phase, the Sun, and the binocular circle.
fn sky_shapes(
    ui: &egui::Ui,
    scene: &SkyScene,
    transform: &PlotTransform,
    palette: Palette,
    sizes: LabelSizes,
    options: SkyOptions,
) -> Vec<egui::Shape> {
    use egui::{Shape, Stroke};
    let to_screen = |xy: [f64; 2]| transform.position_from_point(&PlotPoint::from(xy));
    let points_per_deg = (to_screen([1.0, 0.0]).x - to_screen([0.0, 0.0]).x).abs();
    let font = egui::FontId::proportional(sizes.small);
    let label = |text: String, at: egui::Pos2, color: egui::Color32, anchor: egui::Align2| {
        let galley = ui.painter().layout_no_wrap(text, font.clone(), color);
        let rect = anchor.anchor_size(at, galley.size());
        (rect, Shape::galley(rect.min, galley, color))
    };
    let mut shapes = Vec::new();
    // Labels with their rank (0 first): the Sun and Moon, planets, stars, constellations.
    // They are placed last, in that order, and one that would overlap is left out.
    let mut labels: Vec<(u8, (egui::Rect, Shape))> = Vec::new();
    if options.dark_site {
        for (level, ring) in &scene.milky_way {
            let points: Vec<egui::Pos2> = ring.iter().map(|&p| to_screen(p)).collect();
            let width = points_per_deg * (1.0 + f32::from(*level));
            shapes.push(Shape::line(points, Stroke::new(width, palette.milky_way)));
        }
    }
    if options.show_constellations {
        let stroke = Stroke::new(1.0, palette.constellation);
        for line in &scene.lines {
            shapes.push(Shape::line(
                line.iter().map(|&p| to_screen(p)).collect(),
                stroke,
            ));
        }
        // On a small chart only the large constellations are named.
        let max_rank = if points_per_deg < 2.5 { 1 } else { 2 };
        for c in scene.labels.iter().filter(|c| c.rank <= max_rank) {
            labels.push((
                3,
                label(
                    c.name.to_uppercase(),
                    to_screen(c.xy),
                    palette.constellation_text,
                    egui::Align2::CENTER_CENTER,
                ),
            ));
        }
    }
    for star in scene
        .stars
        .iter()
        .take_while(|s| s.magnitude <= options.max_magnitude)
    {
        shapes.push(Shape::circle_filled(
            to_screen(star.xy),
            star_radius_points(star.magnitude, points_per_deg),
            star_color(palette, star.magnitude, star.b_minus_v),
        ));
        if star.magnitude < 1.5 && !star.name.is_empty() {
            let at = to_screen(star.xy) + egui::vec2(4.0, 2.0);
            labels.push((
                2,
                label(
                    star.name.to_owned(),
                    at,
                    palette.weak_text,
                    egui::Align2::LEFT_TOP,
                ),
            ));
        }
    }
    for p in scene
        .planets
        .iter()
        .filter(|p| p.direction.elevation_deg > 0.0)
    {
        let at = to_screen(chart_xy(p.direction.azimuth_deg, p.direction.elevation_deg));
        let r = star_radius_points(p.magnitude.max(-1.0), points_per_deg);
        shapes.push(Shape::circle_filled(at, r, palette.planet));
        labels.push((
            1,
            label(
                p.planet.name().to_owned(),
                at + egui::vec2(r + 3.0, 0.0),
                palette.planet,
                egui::Align2::LEFT_CENTER,
            ),
        ));
    }
    let moon = &scene.moon;
    if moon.elevation_deg > 0.0 {
        let centre_xy = chart_xy(moon.azimuth_deg, moon.elevation_deg);
        let centre = to_screen(centre_xy);
        let radius = (2.2 * points_per_deg).max(7.0);
        shapes.push(Shape::circle_filled(centre, radius, palette.moon_dark));
        // The bright limb faces the Sun: its direction on the chart, as seen from the Moon.
        let sun_xy = chart_xy(scene.sun.azimuth_deg, scene.sun.elevation_deg.max(-90.0));
        let toward_sun = to_screen(sun_xy) - centre;
        let u = if toward_sun.length() > 1e-3 {
            toward_sun.normalized()
        } else {
            egui::vec2(1.0, 0.0)
        };
        let v = egui::vec2(-u.y, u.x);
        let mut mesh = egui::Mesh::default();
        for [limb, terminator] in moon_lit_strip(moon.illuminated_fraction, f64::from(radius), 24) {
            for [a, b] in [limb, terminator] {
                mesh.colored_vertex(centre + u * a as f32 + v * b as f32, palette.moon_lit);
            }
        }
        let quads = (mesh.vertices.len() / 2).saturating_sub(1) as u32;
        for i in 0..quads {
            let k = 2 * i;
            mesh.add_triangle(k, k + 1, k + 2);
            mesh.add_triangle(k + 1, k + 3, k + 2);
        }
        shapes.push(Shape::mesh(mesh));
        shapes.push(Shape::circle_stroke(
            centre,
            radius,
            Stroke::new(1.0, palette.moon_lit.gamma_multiply(0.6)),
        ));
        labels.push((
            0,
            label(
                format!("Moon {:.0}%", moon.illuminated_fraction * 100.0),
                centre + egui::vec2(0.0, radius + 2.0),
                palette.text,
                egui::Align2::CENTER_TOP,
            ),
        ));
    }
    if scene.sun.elevation_deg > 0.0 {
        let at = to_screen(chart_xy(scene.sun.azimuth_deg, scene.sun.elevation_deg));
        let radius = (2.2 * points_per_deg).max(7.0);
        shapes.push(Shape::circle_filled(at, radius, palette.sun));
        labels.push((
            0,
            label(
                "Sun".to_owned(),
                at + egui::vec2(0.0, radius + 2.0),
                palette.text,
                egui::Align2::CENTER_TOP,
            ),
        ));
    }
    labels.sort_by_key(|(rank, _)| *rank);
    let mut placed: Vec<egui::Rect> = Vec::new();
    for (_, (rect, shape)) in labels {
        let core = rect.shrink(1.0);
        if placed.iter().all(|p| !p.intersects(core)) {
            placed.push(rect);
            shapes.push(shape);
        }
    }
    if let Some(xy) = options.binocular_xy {
        shapes.push(Shape::circle_stroke(
            to_screen(xy),
            BINOCULAR_RADIUS_DEG as f32 * points_per_deg,
            Stroke::new(1.5, palette.selected),
        ));
    }
    shapes
}

/// The chosen satellites above the horizon now, with where they were in the last minutes.
fn now_satellites(view: &ViewCtx<'_>) -> Vec<NowSatellite> {
    let Some(catalog) = view.catalog else {
        return Vec::new();
    };
    view.chosen
        .iter()
        .filter_map(|&id| {
            let sat = catalog.get(id)?;
            let mut trail = Vec::new();
            let mut is_up = false;
            for k in (0..=TRAIL_S / TRAIL_STEP_S).rev() {
                let t = view.t - Duration::seconds(k * TRAIL_STEP_S);
                let Ok(o) = observe(sat, view.frame, t, None) else {
                    continue;
                };
                is_up = o.look.elevation_deg >= 0.0;
                if is_up {
                    trail.push(chart_xy(o.look.azimuth_deg, o.look.elevation_deg));
                }
            }
            (is_up && !trail.is_empty()).then(|| NowSatellite {
                name: catalog.name(id),
                trail,
                is_up,
            })
        })
        .collect()
}

/// One satellite of the "now" view: its trail, a dot and its name.
fn draw_now_satellite(
    plot: &mut egui_plot::PlotUi<'_>,
    sat: &NowSatellite,
    palette: Palette,
    sizes: LabelSizes,
) {
    let Some(&[x, y]) = sat.trail.last() else {
        return;
    };
    if sat.trail.len() >= 2 {
        plot.line(
            Line::new("", PlotPoints::from(sat.trail.clone()))
                .color(palette.chosen.gamma_multiply(0.7))
                .width(2.0)
                .allow_hover(false),
        );
    }
    if sat.is_up {
        plot.points(
            Points::new(sat.name.clone(), PlotPoints::from(vec![[x, y]]))
                .radius(5.0)
                .color(palette.chosen),
        );
        plot.text(
            Text::new(
                "",
                PlotPoint::new(x + 3.0, y + 3.0),
                egui::RichText::new(sat.name.clone()).size(sizes.small),
            )
            .color(palette.chosen)
            .anchor(egui::Align2::LEFT_BOTTOM),
        );
    }
}
