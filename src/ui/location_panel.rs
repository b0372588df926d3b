//! Where the observer is: search the bundled cities, type coordinates, or click the map.
//! Shown by itself on the first start.

use eframe::egui;

use serde::{Deserialize, Serialize};

use super::view::{Action, Place, ViewCtx, coordinates_label, find_saved_place};
use crate::atlas::{self, City};

/// How many city matches to list.
const MAX_CITIES: usize = 12;

/// The location window.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LocationPanel {
    /// The window is showing.
    #[serde(skip)]
    pub open: bool,
    /// City search text.
    #[serde(skip)]
    pub query: String,
    /// Typed latitude, degrees north.
    #[serde(skip)]
    pub latitude_deg: f64,
    /// Typed longitude, degrees east.
    #[serde(skip)]
    pub longitude_deg: f64,
    /// Typed height, metres.
    #[serde(skip)]
    pub altitude_m: f64,
}

impl Default for LocationPanel {
    fn default() -> Self {
        let place = Place::default();
        Self {
            open: false,
            query: String::new(),
            latitude_deg: place.latitude_deg,
            longitude_deg: place.longitude_deg,
            altitude_m: place.altitude_m,
        }
    }
}

/// The place of a bundled city (height unknown: 0 m), named in the user's language
/// ("서울, 대한민국" in Korean).
pub fn place_of_city(city: &City) -> Place {
    Place {
        name: city.label_in(crate::i18n::language()),
        latitude_deg: city.latitude_deg,
        longitude_deg: city.longitude_deg,
        altitude_m: 0.0,
        time_zone: Some(city.time_zone.clone()),
    }
}

impl LocationPanel {
    /// Opens the window with the typed fields set to `place`.
    pub fn open_at(&mut self, place: &Place) {
        self.open = true;
        self.latitude_deg = place.latitude_deg;
        self.longitude_deg = place.longitude_deg;
        self.altitude_m = place.altitude_m;
    }

    /// Draws the window when open. `saved` are the user's places; `first_run` adds the
    /// welcome text.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        view: &ViewCtx<'_>,
        saved: &[Place],
        first_run: bool,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut chosen = false;
        egui::Window::new(crate::t!("panels-location-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if first_run {
                    ui.label(crate::t!("panels-location-welcome"));
                    ui.add_space(4.0);
                }
                ui.label(crate::t!(
                    "panels-location-now",
                    place = super::view::place_name_in(view.place, crate::i18n::language()),
                    coords = coordinates_label(view.place)
                ));
                if saved.len() > 1 {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(crate::t!("panels-location-saved"));
                        for place in saved {
                            let current = place.name == view.place.name;
                            let name = super::view::place_name_in(place, crate::i18n::language());
                            if ui.selectable_label(current, name).clicked() && !current {
                                actions.push(Action::SetPlace(place.clone()));
                                chosen = true;
                            }
                        }
                    });
                }
                ui.separator();
                ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .char_limit(super::view::MAX_QUERY_CHARS)
                        .hint_text(crate::t!("panels-location-search-hint"))
                        .desired_width(f32::INFINITY),
                );
                if !self.query.trim().is_empty() {
                    let found = atlas::search_cities(atlas::cities(), &self.query, MAX_CITIES);
                    if found.is_empty() {
                        ui.label(crate::t!("panels-location-no-town"));
                    }
                    for city in found {
                        let text = format!(
                            "{} · {}",
                            city.label_in(crate::i18n::language()),
                            city.time_zone
                        );
                        if ui.button(text).clicked() {
                            actions.push(Action::SetPlace(place_of_city(city)));
                            chosen = true;
                        }
                    }
                }
                ui.separator();
                ui.label(crate::t!("panels-location-type"));
                egui::Grid::new("coords").num_columns(2).show(ui, |ui| {
                    ui.label(crate::t!("panels-location-latitude"));
                    ui.add(
                        egui::DragValue::new(&mut self.latitude_deg)
                            .range(-90.0..=90.0)
                            .speed(0.01)
                            .max_decimals(5)
                            .suffix("°"),
                    );
                    ui.end_row();
                    ui.label(crate::t!("panels-location-longitude"));
                    ui.add(
                        egui::DragValue::new(&mut self.longitude_deg)
                            .range(-180.0..=180.0)
                            .speed(0.01)
                            .max_decimals(5)
                            .suffix("°"),
                    );
                    ui.end_row();
                    ui.label(crate::t!("panels-location-height"));
                    ui.add(
                        egui::DragValue::new(&mut self.altitude_m)
                            .range(-500.0..=9000.0)
                            .speed(1.0)
                            .suffix(" m"),
                    );
                    ui.end_row();
                });
                ui.horizontal(|ui| {
                    if ui.button(crate::t!("panels-location-use")).clicked() {
                        actions.push(Action::SetPlace(self.typed_place(saved)));
                        chosen = true;
                    }
                    if ui.button(crate::t!("panels-location-click-map")).clicked() {
                        actions.push(Action::PickOnMap);
                        chosen = true;
                    }
                });
                ui.add_space(4.0);
                ui.label(
                    egui::RichText::new(crate::t!("panels-location-credit"))
                        .small()
                        .weak(),
                );
            });
        if !open || chosen {
            self.open = false;
        }
    }

    /// The typed coordinates as a place, with the time zone of the nearest town; on a
    /// saved place (within [`super::view::SAME_PLACE_KM`]), with its name, so that it is updated rather
    /// than added twice.
    fn typed_place(&self, saved: &[Place]) -> Place {
        let (lat, lon) = (self.latitude_deg, self.longitude_deg);
        let nearest = atlas::cities().iter().min_by(|a, b| {
            let d = |c: &City| {
                let dlon = (c.longitude_deg - lon) * lat.to_radians().cos();
                let dlat = c.latitude_deg - lat;
                dlon * dlon + dlat * dlat
            };
            d(a).total_cmp(&d(b))
        });
        let mut place = Place {
            name: String::new(),
            latitude_deg: lat,
            longitude_deg: lon,
            altitude_m: self.altitude_m,
            time_zone: nearest.map(|c| c.time_zone.clone()),
        };
        place.name = match nearest {
            Some(c) => crate::t!(
                "panels-location-near",
                lat = format!("{lat:.3}"),
                lon = format!("{lon:.3}"),
                town = c.name_in(crate::i18n::language())
            ),
            None => format!("{lat:.3}°, {lon:.3}°"),
        };
        if let Some(same) = find_saved_place(saved, &place).and_then(|i| saved.get(i)) {
            place.name.clone_from(&same.name);
            place.time_zone.clone_from(&same.time_zone);
        }
        place
    }
}
