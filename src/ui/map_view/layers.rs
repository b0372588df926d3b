//! What the map paints, bottom to top: land, sea, the night and every satellite as a dot
//! (one image, [`super::backdrop`]), the graticule, coastlines and borders (cached per
//! view), the chosen satellites' ground tracks, footprints and names, and the observer's
//! marker.

use eframe::egui;

use chrono::{DateTime, Utc};
use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2};

use super::backdrop::{BackdropColors, ColourTable, LandMask, lay_dots, sea_land_night};
use super::ground::{first_points, footprint, ground_track, subpoint};
use super::labels::place_labels;
use super::projection::{Projection, project_lines, tessellated};
use super::{
    BackdropKey, FULL_DARK_SUN_DEG, LAND_TEXTURE_SIZE, MAX_TRACKS, MapView, NIGHT_COLS, NIGHT_ROWS,
    NIGHT_STEP_DEG, OutlineKey, SeaKey, TRACK_MIN_REFRESH_S, TRACK_SAMPLES,
};
use crate::atlas::{self, Detail};
use crate::orbit::fleet::Fleet;
use crate::orbit::subsolar_point_deg;
use crate::t;
use crate::ui::catalog_data::CatalogData;
use crate::ui::view::ViewCtx;
use crate::ui::view::upload_pixels;

impl MapView {
    pub(super) fn graticule(&self, painter: &egui::Painter, proj: &Projection, color: Color32) {
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

    pub(super) fn outlines(
        &mut self,
        painter: &egui::Painter,
        proj: &Projection,
        view: &ViewCtx<'_>,
    ) {
        let key = OutlineKey {
            rect: proj.rect,
            lon0: proj.lon0,
            lat0: proj.lat0,
            px_per_deg: proj.px_per_deg,
            pixels_per_point: painter.ctx().pixels_per_point(),
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
            self.cache.outlines = tessellated(painter.ctx(), shapes);
            self.cache.outlines_key = Some(key);
        }
        painter.add(Shape::Mesh(self.cache.outlines.clone()));
    }

    /// The darkness on the shading grid for the Sun at `t` (laid again when the Sun has
    /// moved by 0.05°, about every 12 s).
    pub(super) fn update_night(&mut self, t: DateTime<Utc>) {
        let (sun_lat, sun_lon) = subsolar_point_deg(t);
        let moved = self
            .cache
            .night_sun
            .is_none_or(|(la, lo)| (la - sun_lat).abs() > 0.05 || (lo - sun_lon).abs() > 0.05);
        if !moved {
            return;
        }
        let (sin_s, cos_s) = sun_lat.to_radians().sin_cos();
        let mut darkness = Vec::with_capacity(NIGHT_COLS * NIGHT_ROWS);
        for r in 0..NIGHT_ROWS {
            let lat = (90.0 - r as f64 * NIGHT_STEP_DEG).to_radians();
            for c in 0..NIGHT_COLS {
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

    pub(super) fn update_dots(&mut self, catalog: &CatalogData, t: DateTime<Utc>) {
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

    /// Draws the backdrop (sea, land, night and, with `dot_color`, every satellite's dot)
    /// as one image, laid again only when the view, the Sun, the colours or the dots' time
    /// have moved.
    pub(super) fn paint_backdrop(
        &mut self,
        painter: &egui::Painter,
        proj: &Projection,
        colors: BackdropColors,
        dot_color: Option<Color32>,
    ) {
        let pixels_per_point = painter.ctx().pixels_per_point();
        let sea = SeaKey {
            proj: *proj,
            pixels_per_point,
            colors,
            sun: self.cache.night_sun,
        };
        let key = BackdropKey {
            sea,
            dots_t: dot_color.and(self.cache.dots_t),
            dot_color: dot_color.unwrap_or(Color32::TRANSPARENT),
        };
        // The key and the texture are set together.
        if self.cache.backdrop_key != Some(key) {
            if self.cache.land_mask.is_empty() {
                let [w, h] = LAND_TEXTURE_SIZE;
                self.cache.land_mask = atlas::land_mask(w, h);
            }
            if self
                .cache
                .sea_land_night
                .as_ref()
                .is_none_or(|(k, _)| *k != sea)
            {
                let land = LandMask {
                    alpha: &self.cache.land_mask,
                    size: LAND_TEXTURE_SIZE,
                };
                let table = match &mut self.cache.colour_table {
                    Some(table) if table.colors == colors => table,
                    slot => slot.insert(ColourTable::new(colors)),
                };
                let image = sea_land_night(proj, pixels_per_point, land, &self.cache.night, table);
                self.cache.sea_land_night = Some((sea, image));
            }
            let Some((_, base)) = &self.cache.sea_land_night else {
                return;
            };
            let mut image = base.clone();
            if let Some(color) = dot_color {
                lay_dots(&mut image, &self.cache.dots, proj, pixels_per_point, color);
            }
            upload_pixels(
                &mut self.cache.backdrop_texture,
                painter.ctx(),
                "map-backdrop",
                image,
            );
            self.cache.backdrop_key = Some(key);
        }
        if let Some(texture) = &self.cache.backdrop_texture {
            painter.image(
                texture.id(),
                proj.rect,
                Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                Color32::WHITE,
            );
        }
    }

    /// Draws the chosen satellites' tracks, dots and names (and the followed one's
    /// footprint); returns where the names went.
    pub(super) fn tracks_and_markers(
        &mut self,
        painter: &egui::Painter,
        proj: &Projection,
        view: &ViewCtx<'_>,
        catalog: &CatalogData,
        observer: &[Rect],
    ) -> Vec<Rect> {
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
        let mut taken = Vec::new();
        for ((_, galley), place) in galleys.into_iter().zip(places) {
            if let Some(r) = place {
                painter.galley(r.min, galley, palette.text);
                taken.push(r);
            }
        }
        taken
    }
}

/// Where the observer's cross and its "You" label are drawn (one per world copy), for the
/// satellite labels to keep clear of.
pub(super) fn observer_marker_rects(
    painter: &egui::Painter,
    proj: &Projection,
    view: &ViewCtx<'_>,
) -> Vec<Rect> {
    let you = painter
        .layout_no_wrap(
            t!("app-map-you"),
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

/// The observer's cross and its "You" label, on every world copy.
pub(super) fn observer_marker(
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
            t!("app-map-you"),
            egui::FontId::proportional(12.0 * view.label_scale),
            text,
        );
    }
}
