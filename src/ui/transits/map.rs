//! The Transits view's map: the ground around the place (azimuthal equidistant, north up)
//! with the radius as a circle, each event's centre line, the shown event's strip and its
//! nearest point. A click on a centre line shows that event; a click elsewhere moves the
//! place there.
//!
//! The coastlines and borders are projected once per place and reach, and only moved to
//! the screen each frame.

use eframe::egui;
use egui::{Align2, FontId, Pos2, Sense, Shape, Stroke, Vec2};

use super::logic::{LocalProjection, map_reach_km};
use crate::atlas::{Detail, LonLat, borders, land_outlines};
use crate::orbit::transit::Transit;
use crate::report::{compass_point, km_words};
use crate::t;
use crate::ui::view::{Action, ViewCtx};

/// A click this close to a centre line picks its event, points.
const PICK_PX: f32 = 8.0;

/// Outlines projected for one place and reach, km east and north of the place.
#[derive(Debug, Default)]
pub(super) struct MapCache {
    key: Option<(u64, u64, u64)>,
    coast: Vec<Vec<[f32; 2]>>,
    borders: Vec<Vec<[f32; 2]>>,
}

/// The runs of `lines` that come near the place, projected (km).
fn project_near(
    proj: &LocalProjection,
    lines: &[Vec<LonLat>],
    reach_km: f64,
) -> Vec<Vec<[f32; 2]>> {
    let mut out = Vec::new();
    for line in lines {
        let mut run: Vec<[f32; 2]> = Vec::new();
        for p in line {
            if proj.may_reach(p[1], p[0], reach_km) {
                let [x, y] = proj.to_km(p[1], p[0]);
                run.push([x as f32, y as f32]);
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if run.len() >= 2 {
            out.push(run);
        }
    }
    out.retain(|r| r.len() >= 2);
    out
}

impl MapCache {
    fn ensure(&mut self, proj: &LocalProjection, reach_km: f64) {
        let key = (
            proj.lat0_deg.to_bits(),
            proj.lon0_deg.to_bits(),
            reach_km.to_bits(),
        );
        if self.key == Some(key) {
            return;
        }
        // A little beyond the corners of the view.
        let outline_reach = reach_km * 1.6;
        self.coast = project_near(proj, land_outlines(Detail::Fine), outline_reach);
        self.borders = project_near(proj, borders(), outline_reach);
        self.key = Some(key);
    }

    /// Draws the map in `size`; returns the index of an event picked by a click on its
    /// centre line.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        size: Vec2,
        transits: &[Transit],
        shown: Option<usize>,
        radius_km: f64,
        actions: &mut Vec<Action>,
    ) -> Option<usize> {
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, t!("panels-transits-map-label"))
        });
        let reach = map_reach_km(radius_km);
        let proj = LocalProjection::new(view.place.latitude_deg, view.place.longitude_deg);
        self.ensure(&proj, reach);
        let palette = view.palette;
        let scale = ((rect.width().min(rect.height()) / 2.0 - 8.0) / reach as f32).max(1e-3);
        let centre = rect.center();
        let to_screen =
            |x: f64, y: f64| Pos2::new(centre.x + x as f32 * scale, centre.y - y as f32 * scale);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, palette.ocean);
        let mut shapes = Vec::new();
        for (lines, colour) in [
            (&self.coast, palette.coast),
            (&self.borders, palette.border),
        ] {
            for line in lines {
                let points: Vec<Pos2> = line
                    .iter()
                    .map(|p| Pos2::new(centre.x + p[0] * scale, centre.y - p[1] * scale))
                    .collect();
                shapes.push(Shape::line(points, Stroke::new(1.0, colour)));
            }
        }
        painter.extend(shapes);
        painter.circle_stroke(
            centre,
            radius_km as f32 * scale,
            Stroke::new(1.5, palette.grid),
        );
        let lines: Vec<Vec<Pos2>> = transits
            .iter()
            .map(|x| {
                x.centre_line
                    .iter()
                    .map(|p| {
                        let [x, y] = proj.to_km(p.latitude_deg, p.longitude_deg);
                        to_screen(x, y)
                    })
                    .collect()
            })
            .collect();
        for (i, line) in lines.iter().enumerate() {
            if Some(i) != shown {
                painter.add(Shape::line(
                    line.clone(),
                    Stroke::new(1.0, palette.track_future.gamma_multiply(0.45)),
                ));
            }
        }
        if let Some((x, line)) = shown.and_then(|i| Some((transits.get(i)?, lines.get(i)?))) {
            let width_px = (x.path_width_km as f32 * scale).max(3.0);
            let colour = match x.body {
                crate::orbit::TransitBody::Sun => palette.sun,
                crate::orbit::TransitBody::Moon => palette.moon_lit,
            };
            painter.add(Shape::line(
                line.clone(),
                Stroke::new(width_px, colour.gamma_multiply(0.35)),
            ));
            painter.add(Shape::line(
                line.clone(),
                Stroke::new(2.0, palette.selected),
            ));
            let n = &x.nearest;
            let [nx, ny] = proj.to_km(n.latitude_deg, n.longitude_deg);
            let p = to_screen(nx, ny);
            painter.circle_filled(p, 5.0, palette.selected);
            painter.circle_stroke(p, 8.0, Stroke::new(1.5, palette.selected));
            painter.text(
                p + Vec2::new(10.0, -10.0),
                Align2::LEFT_BOTTOM,
                t!(
                    "panels-transits-map-nearest",
                    time = view.fmt.hms(n.time),
                    km = km_words(n.distance_km),
                    point = compass_point(n.bearing_deg)
                ),
                FontId::proportional(12.0 * view.label_scale),
                palette.text,
            );
        }
        // The place.
        painter.circle_filled(centre, 4.0, palette.observer);
        painter.circle_stroke(centre, 7.0, Stroke::new(1.5, palette.observer));
        painter.text(
            rect.left_bottom() + Vec2::new(6.0, -6.0),
            Align2::LEFT_BOTTOM,
            t!(
                "panels-transits-map-scale",
                radius = crate::text::number(radius_km)
            ),
            FontId::proportional(11.0 * view.label_scale),
            palette.weak_text,
        );
        let mut picked = None;
        if let Some(pos) = response.hover_pos() {
            let (lat, lon) = proj.to_lat_lon(
                f64::from((pos.x - centre.x) / scale),
                f64::from((centre.y - pos.y) / scale),
            );
            let near_line = nearest_line(&lines, pos);
            if near_line.is_none() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
                response.clone().on_hover_text(t!(
                    "panels-transits-map-hover",
                    lat = format!("{lat:.3}"),
                    lon = format!("{lon:.3}")
                ));
            }
            if response.clicked() {
                match near_line {
                    Some(i) => picked = Some(i),
                    None => actions.push(Action::SetPlace(crate::ui::map_view::place_at(lat, lon))),
                }
            }
        }
        picked
    }
}

/// The line within [`PICK_PX`] of `pos`, if any (the nearest).
fn nearest_line(lines: &[Vec<Pos2>], pos: Pos2) -> Option<usize> {
    let distance = |a: Pos2, b: Pos2| {
        let ab = b - a;
        let t = ((pos - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
        (a + ab * t).distance(pos)
    };
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            line.windows(2)
                .map(|w| distance(w[0], w[1]))
                .min_by(f32::total_cmp)
                .map(|d| (i, d))
        })
        .filter(|(_, d)| *d <= PICK_PX)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
