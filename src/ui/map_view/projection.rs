//! The map's projection: equirectangular (plate carrée), x longitude and y latitude,
//! centred and zoomed as the user left it, with the world repeated sideways.

use eframe::egui;

use egui::{Pos2, Rect, Shape, Stroke};

use super::MapView;
use crate::atlas::LonLat;

/// Equirectangular projection of the current view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Projection {
    /// The map's area on the screen.
    pub(super) rect: Rect,
    /// Longitude at the centre, degrees east.
    pub(super) lon0: f64,
    /// Latitude at the centre, degrees north.
    pub(super) lat0: f64,
    /// Screen points per degree.
    pub(super) px_per_deg: f32,
}

impl Projection {
    /// The screen point of a longitude and latitude, degrees.
    pub(super) fn to_screen(self, lon_deg: f64, lat_deg: f64) -> Pos2 {
        let c = self.rect.center();
        Pos2::new(
            c.x + ((lon_deg - self.lon0) as f32) * self.px_per_deg,
            c.y - ((lat_deg - self.lat0) as f32) * self.px_per_deg,
        )
    }

    /// The longitude and latitude (degrees) under a screen point.
    pub(super) fn to_lon_lat(self, p: Pos2) -> (f64, f64) {
        let c = self.rect.center();
        (
            self.lon0 + f64::from((p.x - c.x) / self.px_per_deg),
            self.lat0 - f64::from((p.y - c.y) / self.px_per_deg),
        )
    }

    /// Longitude offsets (−360, 0, +360) of the world copies that show in the view.
    pub(super) fn world_offsets(self) -> Vec<f64> {
        [-360.0, 0.0, 360.0]
            .into_iter()
            .filter(|o| {
                let left = self.to_screen(-180.0 + o, 0.0).x;
                let right = self.to_screen(180.0 + o, 0.0).x;
                right >= self.rect.left() && left <= self.rect.right()
            })
            .collect()
    }
}

impl MapView {
    /// The projection of the view in `rect`, after keeping the zoom and centre in range.
    pub(super) fn projection(&mut self, rect: Rect) -> Projection {
        self.zoom = self.zoom.clamp(1.0, 60.0);
        let px_per_deg = base_px_per_deg(rect) * self.zoom as f32;
        let half_height_deg = f64::from(rect.height() / 2.0 / px_per_deg);
        self.center_lat_deg = if half_height_deg >= 90.0 {
            0.0
        } else {
            self.center_lat_deg
                .clamp(-90.0 + half_height_deg, 90.0 - half_height_deg)
        };
        self.center_lon_deg = wrap_lon(self.center_lon_deg);
        Projection {
            rect,
            lon0: self.center_lon_deg,
            lat0: self.center_lat_deg,
            px_per_deg,
        }
    }
}

/// Pixels per degree at zoom 1: the world fills the view, wrapping sideways if the view
/// is taller than half its width.
pub(super) fn base_px_per_deg(rect: Rect) -> f32 {
    (rect.width() / 360.0).max(rect.height() / 180.0)
}

/// `shapes` tessellated once into one mesh (anti-aliased as egui would each frame), for a
/// cache to hand egui every frame without tessellating the lines again.
pub(super) fn tessellated(ctx: &egui::Context, shapes: Vec<Shape>) -> std::sync::Arc<egui::Mesh> {
    let options = ctx.tessellation_options(|o| *o);
    // Lines use no font texture and no prepared discs.
    let mut tessellator =
        egui::epaint::Tessellator::new(ctx.pixels_per_point(), options, [1, 1], Vec::new());
    let mut mesh = egui::Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    std::sync::Arc::new(mesh)
}

/// Points of a projected line closer than this to the last one kept are dropped, screen
/// points: at the whole-world zoom the coastlines have a point every pixel or so, and each
/// point of a stroke is four triangles to tessellate and, under a software renderer, to
/// set up (coastlines and borders: 57,000 triangles before, 21,000 after; the lines look
/// the same at that scale).
const MIN_STEP_PX: f32 = 3.0;

/// Each line projected once per world copy (`offsets`), broken where it jumps across the
/// date line, points closer than [`MIN_STEP_PX`] dropped; only what reaches the view is
/// kept.
pub(super) fn project_lines(
    shapes: &mut Vec<Shape>,
    proj: &Projection,
    offsets: &[f64],
    lines: &[Vec<LonLat>],
    stroke: Stroke,
) {
    let visible = proj.rect.expand(20.0);
    let mut push = |points: Vec<Pos2>| {
        if points.len() >= 2 {
            shapes.push(Shape::line(points, stroke));
        }
    };
    for o in offsets {
        for line in lines {
            let mut points: Vec<Pos2> = Vec::with_capacity(line.len());
            let mut before: Option<(f64, Pos2)> = None;
            for p in line {
                let q = proj.to_screen(p[0] + o, p[1]);
                let Some((lon, from)) = before.replace((p[0], q)) else {
                    continue;
                };
                // Outlines jump across the date line (Fiji, Chukotka): break the line there
                // instead of drawing a stroke across the whole map. A part out of view is
                // left out too.
                if (p[0] - lon).abs() > 180.0 || !Rect::from_two_pos(from, q).intersects(visible) {
                    push(std::mem::take(&mut points));
                    continue;
                }
                if points.is_empty() {
                    points.push(from);
                }
                // The point before is dropped when it is too close to the one kept before
                // it (a line keeps its last point).
                if let [.., kept, newest] = points.as_mut_slice()
                    && kept.distance(*newest) < MIN_STEP_PX
                {
                    *newest = q;
                } else {
                    points.push(q);
                }
            }
            push(points);
        }
    }
}

/// Longitude wrapped into [−180, 180).
pub(super) fn wrap_lon(lon_deg: f64) -> f64 {
    (lon_deg + 180.0).rem_euclid(360.0) - 180.0
}
