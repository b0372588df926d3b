//! The sky chart: the selected pass drawn on a polar azimuth/elevation plot, as seen
//! lying on your back looking up (north at the top, east on the left), with the part
//! in Earth's shadow dashed, time ticks, and the satellite's live position.

use eframe::egui;

use chrono::{DateTime, Duration, Utc};
use egui_plot::{Line, LineStyle, Plot, PlotPoint, PlotPoints, Points, Text};
use serde::{Deserialize, Serialize};

use super::clock_bar::find_record;
use super::state::{PassKey, ViewCtx};
use crate::orbit::{moon_view, observe};
use crate::report::{MoonNearPass, PassRecord, compass_point, plain_description};

/// Half the width of the chart, chart units (degrees of zenith angle): the horizon at 90
/// and room for the compass points outside it.
const CHART_HALF_WIDTH: f32 = 106.0;

/// The polar sky chart of the selected pass.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SkyChart {
    #[serde(skip)]
    path: Option<PassPath>,
}

/// Samples of one pass, computed once when it is selected.
#[derive(Debug, Clone)]
struct PassPath {
    key: PassKey,
    samples: Vec<SkySample>,
}

#[derive(Debug, Clone, Copy)]
struct SkySample {
    t: DateTime<Utc>,
    azimuth_deg: f64,
    elevation_deg: f64,
    is_sunlit: bool,
}

/// Chart coordinates of a direction: the distance from the centre is the zenith angle
/// (90° at the horizon); north is up and east to the left, as on the sky overhead.
fn chart_xy(azimuth_deg: f64, elevation_deg: f64) -> [f64; 2] {
    let r = 90.0 - elevation_deg.clamp(-5.0, 90.0);
    let az = azimuth_deg.to_radians();
    [-r * az.sin(), r * az.cos()]
}

impl SkyChart {
    /// Draws the chart and, except in presentation mode (where the app puts it beside
    /// the chart, see [`Self::description_ui`]), the plain-language description of the
    /// selected pass.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let record = view.selected_pass.and_then(|k| find_record(view, k));
        ui.heading(match record {
            Some(r) => format!("Sky chart: {}", r.name()),
            None => "Sky chart".to_owned(),
        });
        if let Some(r) = record {
            self.ensure_path(r, view);
        }
        let live = self.live_position(view, record);
        // Leave room under the chart for the sentence describing the pass (in presentation
        // mode it is elsewhere: only the caption).
        let below = if view.presentation { 30.0 } else { 110.0 };
        let side = ui
            .available_width()
            .min(ui.available_height() - below)
            .max(160.0);
        let sizes = LabelSizes::new(ui, view.label_scale, side);
        let palette = view.palette;
        let path = self.path.as_ref().filter(|_| record.is_some());
        let fmt = view.fmt;

        Plot::new("sky_chart")
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
                if let Some(path) = path {
                    draw_path(plot, path, view, fmt, sizes);
                }
                // The Moon where it is at the pass's highest point while seen (or now).
                let moon_t = record.map_or(view.t, |r| {
                    r.pass.visible_peak.unwrap_or(r.pass.culmination).time
                });
                let moon = moon_view(view.frame, moon_t);
                if moon.elevation_deg > -5.0 {
                    let at = chart_xy(moon.azimuth_deg, moon.elevation_deg);
                    plot.points(
                        Points::new("Moon", PlotPoints::from(vec![at]))
                            .radius(8.0)
                            .color(
                                palette
                                    .weak_text
                                    .gamma_multiply(0.35 + 0.65 * moon.illuminated_fraction as f32),
                            ),
                    );
                    plot.text(
                        Text::new(
                            "",
                            PlotPoint::new(at[0], at[1] - 7.0),
                            egui::RichText::new(format!(
                                "Moon {:.0}%",
                                moon.illuminated_fraction * 100.0
                            ))
                            .size(sizes.small),
                        )
                        .color(palette.text)
                        .anchor(egui::Align2::CENTER_TOP),
                    );
                }
                if let Some((az, el)) = live {
                    plot.points(
                        Points::new("now", PlotPoints::from(vec![chart_xy(az, el)]))
                            .radius(7.0)
                            .color(palette.selected),
                    );
                }
            });
        if view.presentation {
            caption_ui(ui, view, record);
        } else {
            self.description_ui(ui, view);
        }
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
        let p = &record.pass;
        let duration_ms = (p.set.time - p.rise.time).num_milliseconds().max(1);
        // About 400 samples whatever the length of the pass, never closer than a second.
        let step_ms = (duration_ms / 400).max(1000);
        let mut samples = Vec::new();
        let mut t = p.rise.time;
        loop {
            if let Ok(o) = observe(sat, view.frame, t, None) {
                samples.push(SkySample {
                    t,
                    azimuth_deg: o.look.azimuth_deg,
                    elevation_deg: o.look.elevation_deg,
                    is_sunlit: o.illumination.is_sunlit,
                });
            }
            if t >= p.set.time {
                break;
            }
            t = (t + Duration::milliseconds(step_ms)).min(p.set.time);
        }
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
}
