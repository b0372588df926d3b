//! The world map: coastlines, day and night, the observer, every satellite as a dot,
//! and the chosen satellites with their ground tracks and footprints. Drag to pan,
//! scroll to zoom, click a dot to follow it.
//!
//! The projection is equirectangular (plate carrée): x is longitude, y latitude. What
//! costs time is cached: coastlines are projected and tessellated only when the view
//! moves, dot positions come from [`Fleet`] (SGP4 once a minute of simulated time,
//! interpolated in between) and are laid into one image ([`dots`]) only when the clock or
//! the view moves, ground tracks are recomputed when time moves by more than a hundredth of an
//! orbit, and the night shading when the Sun has moved. A frame where nothing moved (a
//! hover, a blinking cursor) hands egui the cached meshes and image as they are
//! (`benches/ui.rs`, `map_rest_frame`).
//!
//! What the map hands egui is also kept small for software renderers (Mesa's llvmpipe
//! under Xvfb or on a laptop without a GPU driver), where every triangle costs its setup:
//! the dots are one image instead of 33,000 triangles, the lines drop points closer than
//! a few pixels, and the night shading has triangles only where there is night in view.
//!
//! [`projection`] maps degrees to the screen, [`layers`] paints, [`labels`] places the
//! satellites' names, and [`ground`] computes tracks, footprints and clicked places.

use eframe::egui;

mod backdrop;
mod ground;
mod labels;
mod layers;
mod projection;

pub use ground::subpoint;

use crate::t;
pub(crate) use ground::place_at;
use ground::{latitude_words, longitude_words};
use layers::{observer_marker, observer_marker_rects};
use projection::{Projection, base_px_per_deg, wrap_lon};

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use egui::{Color32, Mesh, Rect, Sense, Stroke, Vec2};
use serde::{Deserialize, Serialize};

use super::catalog_data::CatalogData;
use super::view::{Action, ViewCtx};
use crate::atlas::LonLat;
use crate::orbit::fleet::Fleet;
use crate::orbit::{moon_illuminated_fraction, sublunar_point_deg, subsolar_point_deg};

/// How fast a low satellite's dot crosses the map, degrees a second (7.4 km/s over the
/// ground is 0.067° of a great circle a second).
const LOW_ORBIT_DEG_PER_S: f64 = 0.07;
/// The dots are laid again at most this many simulated seconds apart.
const DOTS_MAX_STEP_S: i64 = 10;
/// Ground tracks are never recomputed more often than this, simulated seconds.
const TRACK_MIN_REFRESH_S: f64 = 2.0;
/// At most this many chosen satellites get ground tracks and footprints.
const MAX_TRACKS: usize = 12;
/// Samples of a ground track per orbit, each way.
const TRACK_SAMPLES: usize = 180;
/// Grid spacing of the night shading, degrees.
const NIGHT_STEP_DEG: f64 = 4.0;
/// Points of the night shading's grid in a row (180° W to 180° E) and in a column (90° N to
/// 90° S).
const NIGHT_COLS: usize = (360.0 / NIGHT_STEP_DEG) as usize + 1;
const NIGHT_ROWS: usize = (180.0 / NIGHT_STEP_DEG) as usize + 1;
/// Sun elevation at which the sky counts as fully dark for the shading, degrees
/// (nautical twilight ends at −12°).
const FULL_DARK_SUN_DEG: f64 = -12.0;

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
    /// Keep the followed satellite in the middle ("Follow"; until the user pans).
    pub follow_satellite: bool,
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
            follow_satellite: false,
            picking: false,
            cache: MapCache::default(),
        }
    }
}

#[derive(Default)]
struct MapCache {
    /// Land as a coverage mask, [`LAND_TEXTURE_SIZE`] (empty until the map is first drawn).
    land_mask: Vec<u8>,
    /// Sub-satellite points of every catalog satellite, parallel to `CatalogData::sats`
    /// (NaN where propagation failed).
    dots: Vec<[f32; 2]>,
    dots_t: Option<DateTime<Utc>>,
    dots_catalog: usize,
    /// Interpolates the dots between SGP4 knots a minute apart.
    fleet: Fleet,
    /// Sea, land and night of the view, and what they were laid for (kept while only the
    /// dots move).
    sea_land_night: Option<(SeaKey, egui::ColorImage)>,
    /// The colours its pixels can take, kept while the theme is.
    colour_table: Option<backdrop::ColourTable>,
    /// The whole backdrop ([`backdrop`]) as a texture, and what it was laid for: a frame
    /// that moves nothing (a hover, a blinking cursor) reuses it.
    backdrop_texture: Option<egui::TextureHandle>,
    backdrop_key: Option<BackdropKey>,
    /// Projected coastlines and borders, tessellated once per view, and that view.
    outlines: Arc<Mesh>,
    outlines_key: Option<OutlineKey>,
    /// Darkness (0 day … 1 night) on the shading grid, and the Sun position it is for.
    night: Vec<f32>,
    night_sun: Option<(f64, f64)>,
    tracks: HashMap<u64, Track>,
}

/// What the sea, land and night image depends on: the view, the pixel size, the colours
/// and the Sun's position.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SeaKey {
    proj: Projection,
    pixels_per_point: f32,
    colors: backdrop::BackdropColors,
    sun: Option<(f64, f64)>,
}

/// What the whole backdrop depends on: the sea, land and night, and the dots' time (None
/// when they are hidden) and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BackdropKey {
    sea: SeaKey,
    dots_t: Option<DateTime<Utc>>,
    dot_color: Color32,
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
    pixels_per_point: f32,
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

/// The time the dots of every satellite are drawn for at `t`, on a map of
/// `pixels_per_deg`: `t` to the step in which a low satellite's dot moves half a pixel
/// (whole seconds, 1 to [`DOTS_MAX_STEP_S`]). On the whole world that is 3 s, so that at
/// x1 the image of 16,000 dots is laid and uploaded a third as often, and no dot jumps
/// more than it would between two pixels.
fn dots_time(t: DateTime<Utc>, pixels_per_deg: f64) -> DateTime<Utc> {
    let step_s = (0.5 / (LOW_ORBIT_DEG_PER_S * pixels_per_deg)).floor() as i64;
    let step_s = step_s.clamp(1, DOTS_MAX_STEP_S);
    let whole_s = t.timestamp();
    if step_s == 1 {
        return t;
    }
    DateTime::<Utc>::from_timestamp(whole_s - whole_s.rem_euclid(step_s), 0).unwrap_or(t)
}

impl MapView {
    /// Draws the controls and the map.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        self.controls_ui(ui, view, actions);
        let size = ui.available_size().max(Vec2::new(200.0, 120.0));
        let followed = view
            .selected
            .and_then(|id| view.catalog?.get(id))
            .and_then(|sat| subpoint(sat, view.t));
        match followed {
            Some((lat, lon, _)) if self.follow_satellite => {
                self.center_lon_deg = lon;
                self.center_lat_deg = lat;
            }
            _ if self.follow_observer => self.center_lon_deg = view.place.longitude_deg,
            _ => {}
        }
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, t!("app-map-world-map"))
        });
        self.interact(ui, rect, &response);
        let proj = self.projection(rect);
        let painter = ui.painter_at(rect);
        let palette = view.palette;
        if let Some(catalog) = view.catalog {
            let pixels_per_deg = f64::from(proj.px_per_deg * ui.ctx().pixels_per_point());
            self.update_dots(catalog, dots_time(view.t, pixels_per_deg));
        }
        self.update_night(view.t);
        let colors = backdrop::BackdropColors {
            outside: ui.visuals().extreme_bg_color,
            ocean: palette.ocean,
            land: palette.land,
            night: palette.night,
        };
        let dot_color = palette.dot.gamma_multiply(0.7);
        let shows_dots = self.show_all && view.catalog.is_some();
        self.paint_backdrop(&painter, &proj, colors, shows_dots.then_some(dot_color));
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
        // The Moon's word, written once the satellites' names are placed, where it covers
        // none of them.
        let mut moon_labels = Vec::new();
        for o in proj.world_offsets() {
            let p = proj.to_screen(moon_lon + o, moon_lat);
            painter.circle_filled(
                p,
                6.0,
                palette.weak_text.gamma_multiply(0.35 + 0.65 * lit as f32),
            );
            painter.circle_stroke(p, 6.0, Stroke::new(1.0, palette.text));
            let galley = painter.layout_no_wrap(
                t!("app-map-moon"),
                egui::FontId::proportional(11.0 * view.label_scale),
                palette.weak_text,
            );
            let rect =
                egui::Align2::LEFT_CENTER.anchor_size(p + egui::vec2(9.0, 0.0), galley.size());
            moon_labels.push((rect, galley));
        }
        if let Some(catalog) = view.catalog {
            let observer = observer_marker_rects(&painter, &proj, view);
            let names = self.tracks_and_markers(&painter, &proj, view, catalog, &observer);
            moon_labels.retain(|(rect, _)| {
                names
                    .iter()
                    .chain(&observer)
                    .all(|n| !n.intersects(rect.shrink(0.5)))
            });
            self.hover_and_click(ui, &response, &proj, view, catalog, actions);
        }
        for (rect, galley) in moon_labels {
            painter.galley(rect.min, galley, palette.weak_text);
        }
        observer_marker(&painter, &proj, view, palette.observer, palette.text);
        if self.picking {
            if let Some(pos) = response.hover_pos() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
                let (lon, lat) = proj.to_lon_lat(pos);
                response.clone().on_hover_text(t!(
                    "app-map-set-location-hover",
                    lat = format!("{lat:.2}"),
                    lon = format!("{:.2}", wrap_lon(lon))
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
            ui.heading(t!("app-map-heading"));
            ui.checkbox(&mut self.show_all, t!("app-map-all-satellites"));
            // Presenting, the controls keep to one line.
            if !view.presentation {
                ui.checkbox(&mut self.show_borders, t!("app-map-borders"));
            }
            if ui.button(t!("app-map-zoom-in")).clicked() {
                self.zoom = (self.zoom * 1.5).min(60.0);
            }
            if ui.button(t!("app-map-zoom-out")).clicked() {
                self.zoom = (self.zoom / 1.5).max(1.0);
            }
            if ui.button(t!("app-map-whole-world")).clicked() {
                self.zoom = 1.0;
                self.center_lat_deg = 0.0;
                self.follow_observer = true;
                self.follow_satellite = false;
            }
            if ui.button(t!("app-map-centre-on-me")).clicked() {
                self.center_lat_deg = view.place.latitude_deg;
                self.zoom = self.zoom.max(3.0);
                self.follow_observer = true;
                self.follow_satellite = false;
            }
            // Keep the followed satellite in the middle of the map, or stop.
            if let Some(sat) = view.selected.and_then(|id| view.catalog?.get(id))
                && ui
                    .selectable_label(
                        self.follow_satellite,
                        t!("app-map-follow-sat", sat = sat.set.name.as_str()),
                    )
                    .on_hover_text(t!("app-map-follow-sat-hover"))
                    .clicked()
            {
                self.follow_satellite = !self.follow_satellite;
                if !self.follow_satellite {
                    self.follow_observer = false;
                }
            }
            if self.picking {
                ui.colored_label(ui.visuals().warn_fg_color, t!("app-map-pick-prompt"));
                if ui.button(t!("app-map-cancel")).clicked() {
                    self.picking = false;
                }
            } else if !view.presentation && ui.button(t!("app-map-pick")).clicked() {
                actions.push(Action::PickOnMap);
            }
        });
        // A plain-text line saying where the followed satellite is: useful on its own,
        // and what screen readers (and the UI tests) can read.
        if let (Some(id), Some(catalog)) = (view.selected, view.catalog)
            && let Some(sat) = catalog.get(id)
        {
            let text = match subpoint(sat, view.t) {
                Some((lat, lon, alt_km)) => t!(
                    "app-map-over",
                    sat = sat.set.name.as_str(),
                    lat = latitude_words(lat),
                    lon = longitude_words(lon),
                    alt = format!("{alt_km:.0}")
                ),
                // A year from the elements' epoch there is no position to give, and it is
                // not a sign of decay (issue 25).
                None if sat.set.age_days(view.t).abs() > crate::orbit::MAX_DAYS_FROM_EPOCH => {
                    t!("app-map-far-from-epoch", sat = sat.set.name.as_str())
                }
                None => t!("app-map-no-position", sat = sat.set.name.as_str()),
            };
            ui.label(egui::RichText::new(text).small());
        }
    }

    fn interact(&mut self, ui: &egui::Ui, rect: Rect, response: &egui::Response) {
        let px_per_deg = f64::from(base_px_per_deg(rect)) * self.zoom;
        if response.dragged() {
            let d = response.drag_delta();
            if d.x != 0.0 {
                self.follow_observer = false;
            }
            if d != Vec2::ZERO {
                self.follow_satellite = false;
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
                // Following a satellite, the zoom keeps it in the middle instead.
                if !self.follow_satellite {
                    self.center_lon_deg += before.0 - after.0;
                    self.center_lat_deg += before.1 - after.1;
                    self.follow_observer = false;
                }
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
        response.clone().on_hover_text(t!(
            "app-map-follow-hover",
            sat = sat.set.name.as_str(),
            id = id.to_string()
        ));
        if response.clicked() {
            actions.push(Action::Follow(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_dots_move_in_steps_of_half_a_pixel_of_a_low_satellite() {
        // The whole world 780 pixels wide: 2.2 pixels a degree, a low satellite's dot
        // moves 0.15 pixels a second, so a step of 3 s.
        let world = 780.0 / 360.0;
        let t = at("2026-08-22T13:00:04.500Z");
        assert_eq!(dots_time(t, world), at("2026-08-22T13:00:03Z"));
        assert_eq!(
            dots_time(at("2026-08-22T13:00:05.9Z"), world),
            at("2026-08-22T13:00:03Z")
        );
        assert_eq!(
            dots_time(at("2026-08-22T13:00:06Z"), world),
            at("2026-08-22T13:00:06Z")
        );
        // Zoomed in, every second's own time; zoomed far out, at most 10 s apart.
        assert_eq!(dots_time(t, 8.0), t);
        assert_eq!(dots_time(t, 0.1), at("2026-08-22T13:00:00Z"));
    }
}
