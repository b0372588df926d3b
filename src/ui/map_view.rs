//! The world map: coastlines, day and night, the observer, every satellite as a dot,
//! and the chosen satellites with their ground tracks and footprints. Drag to pan,
//! scroll to zoom, click a dot to follow it.
//!
//! The projection is equirectangular (plate carrée): x is longitude, y latitude. What
//! costs time is cached: coastlines are re-projected only when the view moves, dot
//! positions come from [`Fleet`] (SGP4 once a minute of simulated time, interpolated in
//! between), ground tracks are recomputed when time moves by more than a hundredth of an
//! orbit, and the night shading when the Sun has moved.

use eframe::egui;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use egui::{Color32, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2};
use serde::{Deserialize, Serialize};

use super::catalog_data::CatalogData;
use super::state::{Action, Place, ViewCtx};
use crate::atlas::{self, Detail, LonLat};
use crate::orbit::constants::{DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM};
use crate::orbit::fleet::Fleet;
use crate::orbit::{Satellite, moon_illuminated_fraction, sublunar_point_deg, subsolar_point_deg};

/// Ground tracks are never recomputed more often than this, simulated seconds.
const TRACK_MIN_REFRESH_S: f64 = 2.0;
/// At most this many chosen satellites get ground tracks and footprints.
const MAX_TRACKS: usize = 12;
/// Samples of a ground track per orbit, each way.
const TRACK_SAMPLES: usize = 180;
/// Grid spacing of the night shading, degrees.
const NIGHT_STEP_DEG: f64 = 4.0;
/// Sun elevation at which the sky counts as fully dark for the shading, degrees
/// (nautical twilight ends at −12°).
const FULL_DARK_SUN_DEG: f64 = -12.0;
/// Gap between a satellite's dot and its label, each way, points.
const LABEL_GAP: f32 = 9.0;
/// Space kept between two labels, points.
const LABEL_MARGIN: f32 = 2.0;

/// The map's view and options.
#[derive(Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct MapView {
    /// Longitude at the centre of the view, degrees east.
    pub center_lon_deg: f64,
    /// Latitude at the centre of the view, degrees north.
    pub center_lat_deg: f64,
    /// 1 shows the whole world across the width; larger numbers zoom in.
    pub zoom: f64,
    /// Draw every catalog satellite as a dot.
    pub show_all: bool,
    /// Draw country borders.
    pub show_borders: bool,
    /// Keep the observer's longitude in the middle (until the user pans).
    pub follow_observer: bool,
    /// The next click sets the observer's location.
    #[serde(skip)]
    pub picking: bool,
    #[serde(skip)]
    cache: MapCache,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            center_lon_deg: 0.0,
            center_lat_deg: 0.0,
            zoom: 1.0,
            show_all: true,
            show_borders: true,
            follow_observer: true,
            picking: false,
            cache: MapCache::default(),
        }
    }
}

#[derive(Default)]
struct MapCache {
    /// Land as an alpha mask, tinted with the palette's land colour when drawn.
    land: Option<egui::TextureHandle>,
    /// Sub-satellite points of every catalog satellite, parallel to `CatalogData::sats`
    /// (NaN where propagation failed).
    dots: Vec<[f32; 2]>,
    dots_t: Option<DateTime<Utc>>,
    dots_catalog: usize,
    /// Interpolates the dots between SGP4 knots a minute apart.
    fleet: Fleet,
    /// Projected coastlines and borders, and the view they were projected for.
    outlines: Vec<Shape>,
    outlines_key: Option<OutlineKey>,
    /// Darkness (0 day … 1 night) on the shading grid, and the Sun position it is for.
    night: Vec<f32>,
    night_sun: Option<(f64, f64)>,
    tracks: HashMap<u64, Track>,
}

impl std::fmt::Debug for MapCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapCache")
            .field("dots", &self.dots.len())
            .field("tracks", &self.tracks.len())
            .finish_non_exhaustive()
    }
}

/// Size of the land texture, pixels (about 0.18° per pixel).
const LAND_TEXTURE_SIZE: [usize; 2] = [2048, 1024];

#[derive(Debug, Clone, Copy, PartialEq)]
struct OutlineKey {
    rect: Rect,
    lon0: f64,
    lat0: f64,
    px_per_deg: f32,
    borders: bool,
    coast: Color32,
    border: Color32,
}

/// One satellite's ground track around the time it was computed.
#[derive(Debug, Clone, Default)]
struct Track {
    t: Option<DateTime<Utc>>,
    past: Vec<Vec<LonLat>>,
    future: Vec<Vec<LonLat>>,
}

/// Equirectangular projection of the current view.
#[derive(Debug, Clone, Copy)]
struct Projection {
    rect: Rect,
    lon0: f64,
    lat0: f64,
    px_per_deg: f32,
}

impl Projection {
    fn to_screen(self, lon_deg: f64, lat_deg: f64) -> Pos2 {
        let c = self.rect.center();
        Pos2::new(
            c.x + ((lon_deg - self.lon0) as f32) * self.px_per_deg,
            c.y - ((lat_deg - self.lat0) as f32) * self.px_per_deg,
        )
    }

    fn to_lon_lat(self, p: Pos2) -> (f64, f64) {
        let c = self.rect.center();
        (
            self.lon0 + f64::from((p.x - c.x) / self.px_per_deg),
            self.lat0 - f64::from((p.y - c.y) / self.px_per_deg),
        )
    }

    /// Longitude offsets (−360, 0, +360) of the world copies that show in the view.
    fn world_offsets(self) -> Vec<f64> {
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
    /// Draws the controls and the map.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        self.controls_ui(ui, view, actions);
        let size = ui.available_size().max(Vec2::new(200.0, 120.0));
        if self.follow_observer {
            self.center_lon_deg = view.place.longitude_deg;
        }
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "World map"));
        self.interact(ui, rect, &response);
        let proj = self.projection(rect);
        let painter = ui.painter_at(rect);
        let palette = view.palette;
        painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
        let land = self.land_texture(ui.ctx()).id();
        for o in proj.world_offsets() {
            let world = Rect::from_min_max(
                proj.to_screen(-180.0 + o, 90.0),
                proj.to_screen(180.0 + o, -90.0),
            );
            painter.rect_filled(world, 0.0, palette.ocean);
            painter.image(
                land,
                world,
                Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                palette.land,
            );
        }
        self.night(&painter, &proj, view);
        self.graticule(&painter, &proj, palette.grid);
        self.outlines(&painter, &proj, view);
        let (sun_lat, sun_lon) = subsolar_point_deg(view.t);
        for o in proj.world_offsets() {
            let p = proj.to_screen(sun_lon + o, sun_lat);
            painter.circle_filled(p, 6.0, palette.sun);
            painter.circle_stroke(p, 9.0, Stroke::new(1.5, palette.sun));
        }
        // The Moon where it is overhead: a disc in the text colour, lit as much as it is.
        let (moon_lat, moon_lon) = sublunar_point_deg(view.t);
        let lit = moon_illuminated_fraction(crate::orbit::frames::julian_date_utc(view.t));
        for o in proj.world_offsets() {
            let p = proj.to_screen(moon_lon + o, moon_lat);
            painter.circle_filled(
                p,
                6.0,
                palette.weak_text.gamma_multiply(0.35 + 0.65 * lit as f32),
            );
            painter.circle_stroke(p, 6.0, Stroke::new(1.0, palette.text));
            painter.text(
                p + egui::vec2(9.0, 0.0),
                egui::Align2::LEFT_CENTER,
                "Moon",
                egui::FontId::proportional(11.0 * view.label_scale),
                palette.weak_text,
            );
        }
        if let Some(catalog) = view.catalog {
            self.update_dots(catalog, view.t);
            if self.show_all {
                self.paint_dots(&painter, &proj, palette.dot.gamma_multiply(0.7));
            }
            let observer = observer_marker_rects(&painter, &proj, view);
            self.tracks_and_markers(&painter, &proj, view, catalog, &observer);
            self.hover_and_click(ui, &response, &proj, view, catalog, actions);
        }
        observer_marker(&painter, &proj, view, palette.observer, palette.text);
        if self.picking {
            if let Some(pos) = response.hover_pos() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
                let (lon, lat) = proj.to_lon_lat(pos);
                response.clone().on_hover_text(format!(
                    "Set location to {:.2}°, {:.2}°",
                    lat,
                    wrap_lon(lon)
                ));
            }
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                let (lon, lat) = proj.to_lon_lat(pos);
                if (-90.0..=90.0).contains(&lat) {
                    actions.push(Action::SetPlace(place_at(lat, wrap_lon(lon))));
                    self.picking = false;
                }
            }
        }
    }

    fn controls_ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Map");
            ui.checkbox(&mut self.show_all, "All satellites");
            // Presenting, the controls keep to one line.
            if !view.presentation {
                ui.checkbox(&mut self.show_borders, "Borders");
            }
            if ui.button("Zoom in").clicked() {
                self.zoom = (self.zoom * 1.5).min(60.0);
            }
            if ui.button("Zoom out").clicked() {
                self.zoom = (self.zoom / 1.5).max(1.0);
            }
            if ui.button("Whole world").clicked() {
                self.zoom = 1.0;
                self.center_lat_deg = 0.0;
                self.follow_observer = true;
            }
            if ui.button("Centre on me").clicked() {
                self.center_lat_deg = view.place.latitude_deg;
                self.zoom = self.zoom.max(3.0);
                self.follow_observer = true;
            }
            if self.picking {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Click the map to set your location",
                );
                if ui.button("Cancel").clicked() {
                    self.picking = false;
                }
            } else if !view.presentation && ui.button("Set location on map").clicked() {
                actions.push(Action::PickOnMap);
            }
        });
        // A plain-text line saying where the followed satellite is: useful on its own,
        // and what screen readers (and the UI tests) can read.
        if let (Some(id), Some(catalog)) = (view.selected, view.catalog)
            && let Some(sat) = catalog.get(id)
        {
            let text = match subpoint(sat, view.t) {
                Some((lat, lon, alt_km)) => format!(
                    "{} is over {:.2}° {}, {:.2}° {}, {:.0} km up",
                    sat.set.name,
                    lat.abs(),
                    if lat >= 0.0 { "N" } else { "S" },
                    lon.abs(),
                    if lon >= 0.0 { "E" } else { "W" },
                    alt_km
                ),
                None => format!("{}: no position (decayed?)", sat.set.name),
            };
            ui.label(egui::RichText::new(text).small());
        }
    }

    fn projection(&mut self, rect: Rect) -> Projection {
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

    fn interact(&mut self, ui: &egui::Ui, rect: Rect, response: &egui::Response) {
        let px_per_deg = f64::from(base_px_per_deg(rect)) * self.zoom;
        if response.dragged() {
            let d = response.drag_delta();
            if d.x != 0.0 {
                self.follow_observer = false;
            }
            self.center_lon_deg -= f64::from(d.x) / px_per_deg;
            self.center_lat_deg += f64::from(d.y) / px_per_deg;
        }
        if response.double_clicked() && !self.picking {
            self.zoom = (self.zoom * 2.0).min(60.0);
        }
        if let Some(pointer) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = f64::from(pinch) * (f64::from(scroll) * 0.004).exp();
            if (factor - 1.0).abs() > 1e-4 {
                // Keep the point under the pointer where it is.
                let before = self.projection(rect).to_lon_lat(pointer);
                self.zoom = (self.zoom * factor).clamp(1.0, 60.0);
                let after = self.projection(rect).to_lon_lat(pointer);
                self.center_lon_deg += before.0 - after.0;
                self.center_lat_deg += before.1 - after.1;
                self.follow_observer = false;
            }
        }
    }

    fn land_texture(&mut self, ctx: &egui::Context) -> egui::TextureHandle {
        self.cache
            .land
            .get_or_insert_with(|| {
                let [w, h] = LAND_TEXTURE_SIZE;
                let pixels = atlas::land_mask(w, h)
                    .into_iter()
                    .map(Color32::from_white_alpha)
                    .collect();
                ctx.load_texture(
                    "land",
                    egui::ColorImage::new([w, h], pixels),
                    egui::TextureOptions::LINEAR,
                )
            })
            .clone()
    }

    fn graticule(&self, painter: &egui::Painter, proj: &Projection, color: Color32) {
        let stroke = Stroke::new(0.5, color);
        for o in proj.world_offsets() {
            for i in -6..=6 {
                let lon = f64::from(i) * 30.0 + o;
                painter.line_segment(
                    [proj.to_screen(lon, -90.0), proj.to_screen(lon, 90.0)],
                    stroke,
                );
            }
            for j in -2..=2 {
                let lat = f64::from(j) * 30.0;
                painter.line_segment(
                    [
                        proj.to_screen(-180.0 + o, lat),
                        proj.to_screen(180.0 + o, lat),
                    ],
                    stroke,
                );
            }
        }
    }

    fn outlines(&mut self, painter: &egui::Painter, proj: &Projection, view: &ViewCtx<'_>) {
        let key = OutlineKey {
            rect: proj.rect,
            lon0: proj.lon0,
            lat0: proj.lat0,
            px_per_deg: proj.px_per_deg,
            borders: self.show_borders,
            coast: view.palette.coast,
            border: view.palette.border,
        };
        if self.cache.outlines_key != Some(key) {
            let detail = if self.zoom >= 3.0 {
                Detail::Fine
            } else {
                Detail::Coarse
            };
            let mut shapes = Vec::new();
            let offsets = proj.world_offsets();
            if self.show_borders {
                project_lines(
                    &mut shapes,
                    proj,
                    &offsets,
                    atlas::borders(),
                    Stroke::new(0.7, key.border),
                );
            }
            project_lines(
                &mut shapes,
                proj,
                &offsets,
                atlas::land_outlines(detail),
                Stroke::new(1.0, key.coast),
            );
            self.cache.outlines = shapes;
            self.cache.outlines_key = Some(key);
        }
        painter.extend(self.cache.outlines.iter().cloned());
    }

    fn night(&mut self, painter: &egui::Painter, proj: &Projection, view: &ViewCtx<'_>) {
        let (sun_lat, sun_lon) = subsolar_point_deg(view.t);
        let cols = (360.0 / NIGHT_STEP_DEG) as usize + 1;
        let rows = (180.0 / NIGHT_STEP_DEG) as usize + 1;
        let moved = self
            .cache
            .night_sun
            .is_none_or(|(la, lo)| (la - sun_lat).abs() > 0.05 || (lo - sun_lon).abs() > 0.05);
        if moved {
            let (sin_s, cos_s) = sun_lat.to_radians().sin_cos();
            let mut darkness = Vec::with_capacity(cols * rows);
            for r in 0..rows {
                let lat = (90.0 - r as f64 * NIGHT_STEP_DEG).to_radians();
                for c in 0..cols {
                    let lon = -180.0 + c as f64 * NIGHT_STEP_DEG;
                    let cos_dlon = (lon - sun_lon).to_radians().cos();
                    let sin_h = lat.sin() * sin_s + lat.cos() * cos_s * cos_dlon;
                    let h_deg = sin_h.clamp(-1.0, 1.0).asin().to_degrees();
                    let x = ((0.0 - h_deg) / (0.0 - FULL_DARK_SUN_DEG)).clamp(0.0, 1.0);
                    darkness.push((x * x * (3.0 - 2.0 * x)) as f32);
                }
            }
            self.cache.night = darkness;
            self.cache.night_sun = Some((sun_lat, sun_lon));
        }
        let mut mesh = Mesh::default();
        for o in proj.world_offsets() {
            let base = mesh.vertices.len() as u32;
            for r in 0..rows {
                let lat = 90.0 - r as f64 * NIGHT_STEP_DEG;
                for c in 0..cols {
                    let lon = -180.0 + c as f64 * NIGHT_STEP_DEG + o;
                    let d = self.cache.night.get(r * cols + c).copied().unwrap_or(0.0);
                    mesh.colored_vertex(
                        proj.to_screen(lon, lat),
                        view.palette.night.gamma_multiply(d),
                    );
                }
            }
            for r in 0..rows - 1 {
                for c in 0..cols - 1 {
                    let i = base + (r * cols + c) as u32;
                    let below = i + cols as u32;
                    mesh.add_triangle(i, i + 1, below);
                    mesh.add_triangle(i + 1, below + 1, below);
                }
            }
        }
        painter.add(Shape::mesh(mesh));
    }

    fn update_dots(&mut self, catalog: &CatalogData, t: DateTime<Utc>) {
        let identity = std::ptr::from_ref(catalog) as usize;
        if self.cache.dots_catalog != identity {
            // Another catalog: the fleet's knots belong to the old one.
            self.cache.fleet = Fleet::new();
            self.cache.dots_catalog = identity;
            self.cache.dots_t = None;
        }
        if self.cache.dots_t == Some(t) && self.cache.dots.len() == catalog.sats.len() {
            return;
        }
        self.cache.dots = self.cache.fleet.subpoints_deg(&catalog.sats, t);
        self.cache.dots_t = Some(t);
    }

    fn paint_dots(&self, painter: &egui::Painter, proj: &Projection, color: Color32) {
        let half = if proj.px_per_deg > 8.0 { 1.4 } else { 0.9 };
        let mut mesh = Mesh::default();
        mesh.reserve_vertices(self.cache.dots.len() * 4);
        mesh.reserve_triangles(self.cache.dots.len() * 2);
        let clip = proj.rect.expand(2.0);
        for o in proj.world_offsets() {
            for &[lon, lat] in &self.cache.dots {
                if !lon.is_finite() {
                    continue;
                }
                let p = proj.to_screen(f64::from(lon) + o, f64::from(lat));
                if clip.contains(p) {
                    mesh.add_colored_rect(
                        Rect::from_center_size(p, Vec2::splat(2.0 * half)),
                        color,
                    );
                }
            }
        }
        painter.add(Shape::mesh(mesh));
    }

    fn tracks_and_markers(
        &mut self,
        painter: &egui::Painter,
        proj: &Projection,
        view: &ViewCtx<'_>,
        catalog: &CatalogData,
        observer: &[Rect],
    ) {
        let mut ids: Vec<u64> = view.chosen.iter().copied().take(MAX_TRACKS).collect();
        if let Some(s) = view.selected
            && !ids.contains(&s)
        {
            ids.push(s);
        }
        self.cache.tracks.retain(|id, _| ids.contains(id));
        let palette = view.palette;
        let offsets = proj.world_offsets();
        // Selected last, so it is drawn on top.
        ids.sort_by_key(|id| Some(*id) == view.selected);
        let mut labels: Vec<(Pos2, String, bool)> = Vec::new();
        for id in ids {
            let Some(sat) = catalog.get(id) else { continue };
            let is_selected = Some(id) == view.selected;
            let track = self.cache.tracks.entry(id).or_default();
            let period_s = sat.set.period_minutes() * 60.0;
            let refresh_s = (period_s / 100.0).max(TRACK_MIN_REFRESH_S);
            if track.t.is_none_or(|t0| {
                ((view.t - t0).num_milliseconds() as f64 / 1000.0).abs() > refresh_s
            }) {
                *track = ground_track(sat, view.t);
            }
            let mut shapes = Vec::new();
            if is_selected {
                project_lines(
                    &mut shapes,
                    proj,
                    &offsets,
                    &track.past,
                    Stroke::new(1.5, palette.track_past),
                );
                project_lines(
                    &mut shapes,
                    proj,
                    &offsets,
                    &track.future,
                    Stroke::new(2.0, palette.track_future),
                );
            } else {
                // Others get a short stroke ahead only, so that many chosen satellites stay legible.
                let ahead = first_points(&track.future, TRACK_SAMPLES / 4);
                project_lines(
                    &mut shapes,
                    proj,
                    &offsets,
                    &ahead,
                    Stroke::new(1.0, palette.chosen.gamma_multiply(0.6)),
                );
            }
            painter.extend(shapes);
            let Some((lat, lon, alt_km)) = subpoint(sat, view.t) else {
                continue;
            };
            let color = if is_selected {
                palette.selected
            } else {
                palette.chosen
            };
            if is_selected {
                let circle = footprint(lat, lon, alt_km);
                let mut shapes = Vec::new();
                project_lines(
                    &mut shapes,
                    proj,
                    &offsets,
                    &circle,
                    Stroke::new(1.0, color.gamma_multiply(0.8)),
                );
                painter.extend(shapes);
            }
            for o in &offsets {
                let p = proj.to_screen(lon + o, lat);
                painter.circle_filled(p, if is_selected { 6.0 } else { 4.5 }, color);
                painter.circle_stroke(
                    p,
                    if is_selected { 8.0 } else { 6.0 },
                    Stroke::new(1.0, palette.ocean),
                );
                if proj.rect.contains(p) {
                    labels.push((p, sat.set.name.clone(), is_selected));
                }
            }
        }
        // The followed satellite's label first, so that it always shows; the others go
        // where they neither leave the map nor cover a label already placed.
        labels.sort_by_key(|(_, _, is_selected)| !is_selected);
        let galleys: Vec<_> = labels
            .iter()
            .map(|(p, name, is_selected)| {
                let size = if *is_selected { 14.0 } else { 12.0 } * view.label_scale;
                let galley = painter.layout_no_wrap(
                    name.clone(),
                    egui::FontId::proportional(size),
                    palette.text,
                );
                (*p, galley)
            })
            .collect();
        let wanted: Vec<(Pos2, Vec2)> = galleys.iter().map(|(p, g)| (*p, g.size())).collect();
        let places = place_labels(proj.rect, observer, &wanted);
        for ((_, galley), place) in galleys.into_iter().zip(places) {
            if let Some(r) = place {
                painter.galley(r.min, galley, palette.text);
            }
        }
    }

    fn hover_and_click(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        proj: &Projection,
        view: &ViewCtx<'_>,
        catalog: &CatalogData,
        actions: &mut Vec<Action>,
    ) {
        if self.picking || response.dragged() {
            return;
        }
        let Some(pointer) = response.hover_pos() else {
            return;
        };
        let (plon, plat) = proj.to_lon_lat(pointer);
        let reach_deg = 7.0 / proj.px_per_deg;
        let mut best: Option<(f32, usize)> = None;
        let candidates: Box<dyn Iterator<Item = usize>> = if self.show_all {
            Box::new(0..self.cache.dots.len())
        } else {
            Box::new(
                view.chosen
                    .iter()
                    .chain(view.selected.iter())
                    .filter_map(|id| {
                        catalog
                            .sats
                            .binary_search_by_key(id, |s| s.set.norad_id)
                            .ok()
                    }),
            )
        };
        for i in candidates {
            let Some(&[lon, lat]) = self.cache.dots.get(i) else {
                continue;
            };
            let dlon = (wrap_lon(f64::from(lon) - plon)) as f32;
            let dlat = (f64::from(lat) - plat) as f32;
            let d = dlon.hypot(dlat);
            if d < reach_deg && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        let Some((_, i)) = best else { return };
        let Some(sat) = catalog.sats.get(i) else {
            return;
        };
        let id = sat.set.norad_id;
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        response
            .clone()
            .on_hover_text(format!("{} ({id}): click to follow", sat.set.name));
        if response.clicked() {
            actions.push(Action::Select(id));
        }
    }
}

/// Where each label goes beside its dot: `labels` are (dot, label size), most important
/// first. Each takes the first of four places (right above, left above, right below,
/// left below the dot) that lies inside `bounds` and clear of `obstacles` and of the
/// labels already placed, and is dropped (`None`) when none does; the first label always
/// shows, inside `bounds`.
fn place_labels(bounds: Rect, obstacles: &[Rect], labels: &[(Pos2, Vec2)]) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = obstacles.to_vec();
    labels
        .iter()
        .enumerate()
        .map(|(i, &(dot, size))| {
            let candidates = [
                (egui::Align2::LEFT_BOTTOM, Vec2::new(LABEL_GAP, -LABEL_GAP)),
                (
                    egui::Align2::RIGHT_BOTTOM,
                    Vec2::new(-LABEL_GAP, -LABEL_GAP),
                ),
                (egui::Align2::LEFT_TOP, Vec2::new(LABEL_GAP, LABEL_GAP)),
                (egui::Align2::RIGHT_TOP, Vec2::new(-LABEL_GAP, LABEL_GAP)),
            ]
            .map(|(align, offset)| align.anchor_size(dot + offset, size));
            let clear = |r: &Rect| {
                bounds.contains_rect(*r)
                    && placed
                        .iter()
                        .all(|p| !p.expand(LABEL_MARGIN).intersects(*r))
            };
            let chosen = candidates.iter().copied().find(|r| clear(r)).or_else(|| {
                (i == 0).then(|| {
                    let inside = candidates
                        .iter()
                        .copied()
                        .find(|r| bounds.contains_rect(*r))
                        .unwrap_or(candidates[0]);
                    shift_inside(inside, bounds)
                })
            });
            if let Some(r) = chosen {
                placed.push(r);
            }
            chosen
        })
        .collect()
}

/// `r` moved the least that puts it inside `bounds` (its top left corner, if it is larger).
fn shift_inside(r: Rect, bounds: Rect) -> Rect {
    let dx = (bounds.left() - r.left()).max(0.0) + (bounds.right() - r.right()).min(0.0);
    let dy = (bounds.top() - r.top()).max(0.0) + (bounds.bottom() - r.bottom()).min(0.0);
    let moved = r.translate(Vec2::new(dx, dy));
    moved.translate(Vec2::new(
        (bounds.left() - moved.left()).max(0.0),
        (bounds.top() - moved.top()).max(0.0),
    ))
}

/// Pixels per degree at zoom 1: the world fills the view, wrapping sideways if the view
/// is taller than half its width.
fn base_px_per_deg(rect: Rect) -> f32 {
    (rect.width() / 360.0).max(rect.height() / 180.0)
}

/// Latitude, longitude (degrees) and height (km) of a satellite's sub-point at `t`.
pub fn subpoint(sat: &Satellite, t: DateTime<Utc>) -> Option<(f64, f64, f64)> {
    let g = crate::orbit::subsatellite_point(sat, t).ok()?;
    Some((g.latitude_deg, g.longitude_deg, g.altitude_km))
}

/// About one orbit behind and one ahead, split where it crosses the date line.
fn ground_track(sat: &Satellite, t: DateTime<Utc>) -> Track {
    let period_s = (sat.set.period_minutes() * 60.0).clamp(600.0, 2.0 * DAY_S);
    const SAMPLES: i64 = TRACK_SAMPLES as i64;
    let step_ms = (period_s * 1000.0 / SAMPLES as f64) as i64;
    let leg = |sign: i64| {
        let points: Vec<Option<LonLat>> = (0..=SAMPLES)
            .map(|i| {
                let ti = t + Duration::milliseconds(sign * i * step_ms);
                subpoint(sat, ti).map(|(lat, lon, _)| [lon, lat])
            })
            .collect();
        split_at_date_line(points)
    };
    Track {
        t: Some(t),
        past: leg(-1),
        future: leg(1),
    }
}

/// The first `n` points of a split polyline.
fn first_points(parts: &[Vec<LonLat>], n: usize) -> Vec<Vec<LonLat>> {
    let mut left = n;
    let mut out = Vec::new();
    for part in parts {
        if left < 2 {
            break;
        }
        let take = part.len().min(left);
        out.push(part.iter().take(take).copied().collect());
        left -= take;
    }
    out
}

/// Splits a polyline wherever it jumps across the ±180° meridian (or has a gap).
fn split_at_date_line(points: Vec<Option<LonLat>>) -> Vec<Vec<LonLat>> {
    let mut out: Vec<Vec<LonLat>> = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for p in points {
        match p {
            Some(p) => {
                if let Some(last) = current.last()
                    && (p[0] - last[0]).abs() > 180.0
                {
                    // Close the segment at the edge and open the next one on the other side,
                    // interpolating the latitude at the crossing.
                    let (lon_a, lon_b) = if last[0] > 0.0 {
                        (180.0, p[0] + 360.0)
                    } else {
                        (-180.0, p[0] - 360.0)
                    };
                    let f = (lon_a - last[0]) / (lon_b - last[0]);
                    let lat = last[1] + f * (p[1] - last[1]);
                    current.push([lon_a, lat]);
                    out.push(std::mem::take(&mut current));
                    current.push([-lon_a, lat]);
                }
                current.push(p);
            }
            None => {
                if current.len() > 1 {
                    out.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        out.push(current);
    }
    out
}

/// The circle on the ground from which the satellite is above the horizon.
fn footprint(lat_deg: f64, lon_deg: f64, altitude_km: f64) -> Vec<Vec<LonLat>> {
    let r = EARTH_EQUATORIAL_RADIUS_WGS84_KM;
    let psi = (r / (r + altitude_km.max(1.0))).acos();
    let (sin_lat, cos_lat) = lat_deg.to_radians().sin_cos();
    let points = (0..=72)
        .map(|i| {
            let bearing = f64::from(i) * 5.0_f64.to_radians();
            let lat2 = (sin_lat * psi.cos() + cos_lat * psi.sin() * bearing.cos()).asin();
            let dlon =
                (bearing.sin() * psi.sin() * cos_lat).atan2(psi.cos() - sin_lat * lat2.sin());
            Some([wrap_lon(lon_deg + dlon.to_degrees()), lat2.to_degrees()])
        })
        .collect();
    split_at_date_line(points)
}

fn project_lines(
    shapes: &mut Vec<Shape>,
    proj: &Projection,
    offsets: &[f64],
    lines: &[Vec<LonLat>],
    stroke: Stroke,
) {
    let visible = proj.rect.expand(20.0);
    let mut push = |points: Vec<Pos2>| {
        if points.len() >= 2 && Rect::from_points(&points).intersects(visible) {
            shapes.push(Shape::line(points, stroke));
        }
    };
    for o in offsets {
        for line in lines {
            let mut points: Vec<Pos2> = Vec::with_capacity(line.len());
            let mut last_lon: Option<f64> = None;
            for p in line {
                // Outlines jump across the date line (Fiji, Chukotka): break the line there
                // instead of drawing a stroke across the whole map.
                if last_lon.is_some_and(|l| (p[0] - l).abs() > 180.0) {
                    push(std::mem::take(&mut points));
                }
                points.push(proj.to_screen(p[0] + o, p[1]));
                last_lon = Some(p[0]);
            }
            push(points);
        }
    }
}

/// Where the observer's cross and its "You" label are drawn (one per world copy), for the
/// satellite labels to keep clear of.
fn observer_marker_rects(
    painter: &egui::Painter,
    proj: &Projection,
    view: &ViewCtx<'_>,
) -> Vec<Rect> {
    let you = painter
        .layout_no_wrap(
            "You".to_owned(),
            egui::FontId::proportional(12.0 * view.label_scale),
            Color32::WHITE,
        )
        .size();
    proj.world_offsets()
        .into_iter()
        .flat_map(|o| {
            let p = proj.to_screen(view.place.longitude_deg + o, view.place.latitude_deg);
            [
                Rect::from_center_size(p, Vec2::splat(22.0)),
                Rect::from_min_size(p + Vec2::new(10.0, 10.0), you),
            ]
        })
        .collect()
}

fn observer_marker(
    painter: &egui::Painter,
    proj: &Projection,
    view: &ViewCtx<'_>,
    color: Color32,
    text: Color32,
) {
    let place = view.place;
    for o in proj.world_offsets() {
        let p = proj.to_screen(place.longitude_deg + o, place.latitude_deg);
        painter.circle_stroke(p, 7.0, Stroke::new(2.0, color));
        painter.line_segment(
            [p - Vec2::X * 11.0, p + Vec2::X * 11.0],
            Stroke::new(1.5, color),
        );
        painter.line_segment(
            [p - Vec2::Y * 11.0, p + Vec2::Y * 11.0],
            Stroke::new(1.5, color),
        );
        painter.text(
            p + Vec2::new(10.0, 10.0),
            egui::Align2::LEFT_TOP,
            "You",
            egui::FontId::proportional(12.0 * view.label_scale),
            text,
        );
    }
}

/// A place at a clicked point, named after and in the time zone of the nearest city.
fn place_at(lat_deg: f64, lon_deg: f64) -> Place {
    let nearest = atlas::cities().iter().min_by(|a, b| {
        let d = |c: &atlas::City| {
            let dlon = wrap_lon(c.longitude_deg - lon_deg) * lat_deg.to_radians().cos();
            let dlat = c.latitude_deg - lat_deg;
            dlon * dlon + dlat * dlat
        };
        d(a).total_cmp(&d(b))
    });
    let coords = format!(
        "{:.2}° {}, {:.2}° {}",
        lat_deg.abs(),
        if lat_deg >= 0.0 { "N" } else { "S" },
        lon_deg.abs(),
        if lon_deg >= 0.0 { "E" } else { "W" }
    );
    Place {
        name: match nearest {
            Some(c) => format!("{coords} (near {})", c.name),
            None => coords,
        },
        latitude_deg: lat_deg,
        longitude_deg: lon_deg,
        altitude_m: 0.0,
        time_zone: nearest.map(|c| c.time_zone.clone()),
    }
}

/// Longitude wrapped into [−180, 180).
fn wrap_lon(lon_deg: f64) -> f64 {
    (lon_deg + 180.0).rem_euclid(360.0) - 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn track_is_split_at_the_date_line_with_matching_ends() {
        let parts = split_at_date_line(vec![
            Some([170.0, 10.0]),
            Some([178.0, 12.0]),
            Some([-176.0, 14.0]),
            Some([-170.0, 16.0]),
        ]);
        assert_eq!(parts.len(), 2);
        let end = parts[0].last().unwrap();
        let start = parts[1].first().unwrap();
        assert_eq!(end[0], 180.0);
        assert_eq!(start[0], -180.0);
        assert!((end[1] - start[1]).abs() < 1e-9);
        assert!((end[1] - 12.666_666).abs() < 1e-3);
    }

    fn map() -> Rect {
        Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 400.0))
    }

    #[test]
    fn a_label_that_would_clip_at_the_right_edge_goes_left_of_its_dot() {
        let size = Vec2::new(60.0, 14.0);
        let placed = place_labels(map(), &[], &[(Pos2::new(780.0, 200.0), size)]);
        let r = placed[0].unwrap();
        assert!(map().contains_rect(r), "{r:?}");
        assert!(r.right() < 780.0, "{r:?}");
    }

    #[test]
    fn a_label_that_would_clip_at_the_top_goes_below_its_dot() {
        let size = Vec2::new(60.0, 14.0);
        let placed = place_labels(map(), &[], &[(Pos2::new(100.0, 5.0), size)]);
        let r = placed[0].unwrap();
        assert!(map().contains_rect(r), "{r:?}");
        assert!(r.top() > 5.0, "{r:?}");
    }

    #[test]
    fn colliding_labels_move_aside_or_are_dropped_but_the_first_always_shows() {
        let size = Vec2::new(90.0, 14.0);
        let dot = Pos2::new(400.0, 200.0);
        // Five satellites on one spot: four places around it, so the fifth is dropped.
        let placed = place_labels(map(), &[], &[(dot, size); 5]);
        let shown: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert_eq!(shown.len(), 4);
        assert!(placed[0].is_some() && placed[4].is_none());
        for (i, a) in shown.iter().enumerate() {
            for b in shown.iter().skip(i + 1) {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
        // The first (followed) label shows even squeezed into a corner.
        let corner = place_labels(
            map(),
            &[],
            &[(Pos2::new(799.0, 1.0), Vec2::new(900.0, 14.0))],
        );
        assert!(corner[0].is_some());
    }

    #[test]
    fn labels_keep_clear_of_the_observer_marker() {
        let dot = Pos2::new(400.0, 200.0);
        let you = Rect::from_min_size(Pos2::new(405.0, 170.0), Vec2::new(40.0, 20.0));
        let placed = place_labels(map(), &[you], &[(dot, Vec2::new(60.0, 14.0)); 2]);
        for r in placed.iter().flatten() {
            assert!(!r.intersects(you), "{r:?}");
        }
        // Right above is taken by the marker: left above, then right below.
        assert!(placed[0].unwrap().right() < dot.x);
        assert!(placed[1].unwrap().top() > dot.y);
    }

    #[test]
    fn footprint_of_a_low_satellite_is_about_20_degrees_wide() {
        let parts = footprint(0.0, 0.0, 420.0);
        let max_lat = parts
            .iter()
            .flatten()
            .map(|p| p[1])
            .fold(f64::MIN, f64::max);
        // ψ = acos(R / (R + h)) ≈ 20.1° for the ISS.
        assert!((max_lat - 20.1).abs() < 0.3, "{max_lat}");
    }
}
