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
    /// Typed latitude, degrees north, as typed.
    #[serde(skip)]
    pub latitude_text: String,
    /// Typed longitude, degrees east, as typed.
    #[serde(skip)]
    pub longitude_text: String,
    /// Typed height, metres, as typed.
    #[serde(skip)]
    pub altitude_text: String,
}

impl Default for LocationPanel {
    fn default() -> Self {
        let mut panel = Self {
            open: false,
            query: String::new(),
            latitude_text: String::new(),
            longitude_text: String::new(),
            altitude_text: String::new(),
        };
        panel.set_typed(&Place::default());
        panel
    }
}

/// Typed coordinates read and judged (issue 25): each a finite number inside its range —
/// latitude −90 to 90°, longitude −180 to 180°, height −500 to 10,000 m — or the message
/// saying which is not. `NaN` is refused, never clamped to 180°, nor `1e308` to 90°.
pub fn read_typed_coordinates(
    latitude: &str,
    longitude: &str,
    altitude: &str,
) -> Result<(f64, f64, f64), String> {
    use crate::settings::{ALTITUDE_MAX_M, ALTITUDE_MIN_M};
    let read = |text: &str, what: &str, min: f64, max: f64| {
        let value = text.trim().replace('−', "-").parse::<f64>().ok();
        match value {
            Some(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
            _ => Err(crate::t!(
                "panels-location-bad-number",
                what = what,
                text = crate::text::clean(text, 24),
                min = min.to_string(),
                max = max.to_string()
            )),
        }
    };
    Ok((
        read(latitude, "latitude", -90.0, 90.0)?,
        read(longitude, "longitude", -180.0, 180.0)?,
        read(altitude, "height", ALTITUDE_MIN_M, ALTITUDE_MAX_M)?,
    ))
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
        self.set_typed(place);
    }

    /// The typed fields set to `place`'s coordinates.
    fn set_typed(&mut self, place: &Place) {
        let number = |x: f64, decimals: usize| {
            let text = format!("{x:.decimals$}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text.is_empty() || text == "-" {
                "0".to_owned()
            } else {
                text.to_owned()
            }
        };
        self.latitude_text = number(place.latitude_deg, 5);
        self.longitude_text = number(place.longitude_deg, 5);
        self.altitude_text = number(place.altitude_m, 0);
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
                let here = super::view::place_name_in(view.place, crate::i18n::language());
                ui.label(crate::t!(
                    "panels-location-now",
                    place = here.as_str(),
                    coords = coordinates_label(view.place)
                ));
                // The first start proposes the place of the computer's time zone: one click
                // keeps it.
                if first_run
                    && ui
                        .button(crate::t!("panels-location-keep", place = here.as_str()))
                        .clicked()
                {
                    actions.push(Action::SetPlace(view.place.clone()));
                    chosen = true;
                }
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
                egui::Grid::new("coords").num_columns(3).show(ui, |ui| {
                    let fields = [
                        (
                            crate::t!("panels-location-latitude"),
                            &mut self.latitude_text,
                            "°",
                        ),
                        (
                            crate::t!("panels-location-longitude"),
                            &mut self.longitude_text,
                            "°",
                        ),
                        (
                            crate::t!("panels-location-height"),
                            &mut self.altitude_text,
                            "m",
                        ),
                    ];
                    for (label, text, unit) in fields {
                        ui.label(&label);
                        ui.add_sized(
                            [120.0, ui.spacing().interact_size.y],
                            egui::TextEdit::singleline(text).hint_text(label),
                        );
                        ui.label(unit);
                        ui.end_row();
                    }
                });
                let typed = read_typed_coordinates(
                    &self.latitude_text,
                    &self.longitude_text,
                    &self.altitude_text,
                );
                if let Err(why) = &typed {
                    ui.colored_label(ui.visuals().error_fg_color, why);
                }
                ui.horizontal(|ui| {
                    let use_button = egui::Button::new(crate::t!("panels-location-use"));
                    if let Ok(coordinates) = typed
                        && ui.add(use_button).clicked()
                    {
                        actions.push(Action::SetPlace(self.typed_place(coordinates, saved)));
                        chosen = true;
                    } else if typed.is_err() {
                        ui.add_enabled(false, egui::Button::new(crate::t!("panels-location-use")));
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

    /// The typed coordinates (read by [`read_typed_coordinates`]) as a place, with the time zone of the nearest town; on a
    /// saved place (within [`super::view::SAME_PLACE_KM`]), with its name, so that it is updated rather
    /// than added twice.
    fn typed_place(&self, (lat, lon, altitude_m): (f64, f64, f64), saved: &[Place]) -> Place {
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
            altitude_m,
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
