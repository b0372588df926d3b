//! The Transits view: when the ISS or Tiangong crosses the Sun or the Moon near the place,
//! and where to stand ([`crate::orbit::transit`]).
//!
//! It shows the list of events, a map around the place (the radius as a circle, each
//! event's centre line, the selected one's strip and its nearest point; a click moves the
//! place) and a close-up of the disc with the satellite's path across it, its silhouette to
//! scale, seen from the nearest point or from the place. Every Sun event carries the
//! solar-filter warning. The search runs in the background ([`job`]) once per change of
//! what it depends on ([`logic::wanted_request`]), never per frame; the view draws from its
//! results, with the projected coastlines and the close-up's path kept until they change.
//!
//! [`logic`] holds every decision (the search wanted, the event shown, the alerts due, the
//! map's projection), [`map`] and [`disc`] draw.

mod disc;
pub mod job;
pub mod logic;
mod map;

use eframe::egui;
use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

pub use job::{TransitResults, TransitRuntime};
pub use logic::{TransitInputs, TransitKey, TransitRequest, wanted_request};

use crate::orbit::transit::{DEFAULT_SATELLITES, Transit, TransitSearch};
use crate::orbit::{Observer, TransitBody};
use crate::report::{
    body_name, compass_point, km_words, place_state, satellite_words, seconds_words,
    solar_filter_warning, transit_details, transit_elements_note, transit_sentence,
    transit_summary, when_words,
};
use crate::t;
use crate::ui::catalog_data::CatalogData;
use crate::ui::timefmt::countdown;
use crate::ui::view::{Action, ViewCtx};

/// The Transits view's choices (saved with the window's state) and its caches.
#[derive(Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct TransitsView {
    /// The view is shown instead of the world map.
    pub open: bool,
    /// List the events whose centre line passes within this distance, km (0 to 500).
    pub radius_km: f64,
    /// Search Sun transits.
    pub sun: bool,
    /// Search Moon transits.
    pub moon: bool,
    /// Days searched from the start of today (UTC).
    pub days: u32,
    /// Search the followed satellite too, besides the ISS and Tiangong.
    pub include_followed: bool,
    /// Minutes before a transit to alert (0: no alerts); long enough to drive there.
    pub alert_minutes: u32,
    /// The close-up shows the disc from the place rather than from the nearest point.
    pub close_up_from_place: bool,
    /// The event shown.
    #[serde(skip)]
    pub selected: Option<TransitKey>,
    #[serde(skip)]
    map: map::MapCache,
    #[serde(skip)]
    disc: disc::DiscCache,
}

impl Default for TransitsView {
    fn default() -> Self {
        Self {
            open: false,
            radius_km: 50.0,
            sun: true,
            moon: true,
            days: 14,
            include_followed: false,
            alert_minutes: 60,
            close_up_from_place: false,
            selected: None,
            map: map::MapCache::default(),
            disc: disc::DiscCache::default(),
        }
    }
}

/// What the view shows besides its own state: the search's results and whether one runs.
pub struct TransitsInput<'a> {
    /// The latest results.
    pub results: Option<&'a TransitResults>,
    /// A search is running.
    pub busy: bool,
}

impl TransitsView {
    /// Whether the transits need searching at all: the view is open, or alerts are on.
    pub fn wants_search(&self) -> bool {
        self.open || self.alert_minutes > 0
    }

    /// What the search depends on: the ISS and Tiangong (and the followed satellite, if
    /// asked) that the catalog holds, the place, the radius, the bodies, the days.
    pub fn inputs(
        &self,
        catalog: &CatalogData,
        observer: Observer,
        followed: Option<u64>,
    ) -> TransitInputs {
        let mut ids: Vec<u64> = DEFAULT_SATELLITES.to_vec();
        if self.include_followed {
            ids.extend(followed);
        }
        ids.retain(|id| catalog.get(*id).is_some());
        ids.sort_unstable();
        ids.dedup();
        TransitInputs {
            norad_ids: ids,
            observer,
            search: TransitSearch {
                radius_km: self
                    .radius_km
                    .clamp(0.0, crate::orbit::transit::MAX_RADIUS_KM),
                sun: self.sun,
                moon: self.moon,
            },
            days: self.days.clamp(1, 60),
        }
    }

    /// The tabs over the central area: the world map or the transits.
    pub fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(!self.open, t!("panels-transits-tab-map"))
                .clicked()
            {
                self.open = false;
            }
            if ui
                .selectable_label(self.open, t!("panels-transits-tab"))
                .on_hover_text(t!("panels-transits-tab-hover"))
                .clicked()
            {
                self.open = true;
            }
        });
    }

    /// Draws the view: the settings, the list, the map and the close-up.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        input: &TransitsInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        self.controls_ui(ui, input, actions);
        let transits: &[Transit] = input.results.map_or(&[], |r| r.transits.as_slice());
        let shown = logic::shown_index(transits, self.selected, view.t);
        if transits.iter().any(|x| x.body == TransitBody::Sun) {
            ui.colored_label(ui.visuals().warn_fg_color, solar_filter_warning());
        }
        if let Some(results) = input.results {
            for note in &results.notes {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
        }
        if transits.is_empty() {
            if input.results.is_some() && !input.busy {
                ui.label(t!(
                    "panels-transits-none",
                    radius = crate::text::number(self.radius_km),
                    days = i64::from(self.days)
                ));
            }
        } else {
            self.list_ui(ui, view, transits, shown);
        }
        ui.separator();
        let event = shown.and_then(|i| transits.get(i));
        if let Some(event) = event {
            self.sentence_ui(ui, view, event);
        }
        let height = ui.available_height().max(160.0);
        let width = ui.available_width();
        ui.horizontal_top(|ui| {
            let side = (width * 0.34).min(height).max(140.0);
            let map_size = egui::vec2((width - side - 12.0).max(160.0), height);
            let chosen = self
                .map
                .ui(ui, view, map_size, transits, shown, self.radius_km, actions);
            if let Some(i) = chosen.and_then(|i| transits.get(i)) {
                self.selected = Some(TransitKey::of(i));
            }
            ui.vertical(|ui| {
                if let Some(event) = event {
                    self.close_up_ui(ui, view, event, side);
                }
            });
        });
    }

    fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        input: &TransitsInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(t!("panels-transits-heading"));
            let label = ui.label(t!("panels-transits-radius"));
            ui.add(
                egui::DragValue::new(&mut self.radius_km)
                    .range(0.0..=crate::orbit::transit::MAX_RADIUS_KM)
                    .speed(1.0)
                    .max_decimals(0)
                    .suffix(" km"),
            )
            .labelled_by(label.id);
            ui.checkbox(&mut self.sun, body_name(TransitBody::Sun));
            ui.checkbox(&mut self.moon, body_name(TransitBody::Moon));
            let label = ui.label(t!("panels-transits-days"));
            ui.add(egui::DragValue::new(&mut self.days).range(1..=60))
                .labelled_by(label.id);
            ui.checkbox(&mut self.include_followed, t!("panels-transits-followed"));
            let label = ui.label(t!("panels-transits-alert"));
            ui.add(
                egui::DragValue::new(&mut self.alert_minutes)
                    .range(0..=720)
                    .suffix(t!("panels-transits-alert-minutes")),
            )
            .labelled_by(label.id)
            .on_hover_text(t!("panels-transits-alert-hover"));
            let any = input.results.is_some_and(|r| !r.transits.is_empty());
            if ui
                .add_enabled(any, egui::Button::new(t!("panels-transits-export-ics")))
                .clicked()
            {
                actions.push(Action::ExportTransitsIcs);
            }
            if ui
                .add_enabled(any, egui::Button::new(t!("panels-transits-export-csv")))
                .clicked()
            {
                actions.push(Action::ExportTransitsCsv);
            }
            if input.busy {
                ui.spinner();
                ui.label(t!("panels-transits-searching"));
            }
        });
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        transits: &[Transit],
        shown: Option<usize>,
    ) {
        egui::ScrollArea::vertical()
            .id_salt("transit_list")
            .max_height((ui.available_height() * 0.3).max(90.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, x) in transits.iter().enumerate() {
                    let text = row_words(x, view);
                    let past = x.nearest.time < view.t;
                    let mut rich = egui::RichText::new(text);
                    if past {
                        rich = rich.color(view.palette.weak_text);
                    }
                    if x.at_place.is_transit {
                        rich = rich.strong();
                    }
                    if ui.selectable_label(shown == Some(i), rich).clicked() {
                        self.selected = Some(TransitKey::of(x));
                    }
                }
            });
    }

    fn sentence_ui(&self, ui: &mut egui::Ui, view: &ViewCtx<'_>, event: &Transit) {
        let n = &event.nearest;
        let place = crate::report::point_words(n.latitude_deg, n.longitude_deg);
        ui.label(egui::RichText::new(transit_sentence(event, &place, &view.fmt)).strong());
        ui.label(transit_details(event));
        ui.label(egui::RichText::new(transit_elements_note(event)).small());
    }

    fn close_up_ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, event: &Transit, side: f32) {
        ui.horizontal_wrapped(|ui| {
            ui.label(t!("panels-transits-seen-from"));
            let n = &event.nearest;
            ui.radio_value(
                &mut self.close_up_from_place,
                false,
                t!(
                    "panels-transits-from-nearest",
                    km = km_words(n.distance_km),
                    point = compass_point(n.bearing_deg)
                ),
            );
            ui.radio_value(
                &mut self.close_up_from_place,
                true,
                t!("panels-transits-from-place"),
            );
        });
        let sat = view.catalog.and_then(|c| c.get(event.norad_id));
        let (point, duration_s) = if self.close_up_from_place {
            (view.frame.observer, event.at_place.duration_s)
        } else {
            let n = &event.nearest;
            (
                Observer::new(
                    n.latitude_deg,
                    n.longitude_deg,
                    view.frame.observer.altitude_m,
                ),
                n.duration_s,
            )
        };
        let around = if self.close_up_from_place {
            event.at_place.time
        } else {
            event.nearest.time
        };
        if let Some(sat) = sat {
            self.disc
                .ui(ui, view, sat, event, point, around, side - 40.0);
        }
        ui.label(
            egui::RichText::new(t!(
                "panels-transits-close-up-caption",
                body = crate::report::body_tag(event.body),
                sat = satellite_words(event.norad_id, &event.name),
                duration = seconds_words(duration_s)
            ))
            .small(),
        );
    }
}

/// One line of the list: "Sat 29 Aug 07:34:34 · Sun · Tiangong · 25 km S · a transit
/// here (1.8 s)".
pub fn row_words(x: &Transit, view: &ViewCtx<'_>) -> String {
    let n = &x.nearest;
    t!(
        "panels-transits-row",
        when = when_words(&view.fmt, n.time),
        body = crate::report::body_tag(x.body),
        sat = satellite_words(x.norad_id, &x.name),
        here = if n.distance_km < crate::report::HERE_KM {
            "yes"
        } else {
            "no"
        },
        km = km_words(n.distance_km),
        point = compass_point(n.bearing_deg),
        state = place_state(x),
        sep = format!("{:.2}", x.at_place.min_separation_deg),
        duration = seconds_words(x.at_place.duration_s)
    )
}

/// The first transit to come within its alert time at `t` whose alert was not dismissed.
pub fn alert_due<'a>(
    view: &TransitsView,
    results: Option<&'a TransitResults>,
    t: DateTime<Utc>,
    dismissed: &[String],
) -> Option<&'a Transit> {
    let transits = results?.transits.as_slice();
    logic::due_alerts(transits, t, view.alert_minutes)
        .into_iter()
        .find(|x| !dismissed.contains(&TransitKey::of(x).id()))
}

/// The banner over the central area before a transit: what, where and in how long, with
/// buttons to show it in the Transits view or to dismiss it.
pub fn alert_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    transits_view: &mut TransitsView,
    event: &Transit,
    actions: &mut Vec<Action>,
) {
    let text = t!(
        "panels-transits-alert-banner",
        countdown = countdown(event.nearest.time - view.t),
        summary = transit_summary(event, &view.fmt)
    );
    egui::Frame::new()
        .fill(view.palette.alert_fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(text).strong().color(view.palette.text));
                if ui.button(t!("app-alert-show")).clicked() {
                    transits_view.open = true;
                    transits_view.selected = Some(TransitKey::of(event));
                }
                if ui.button(t!("app-alert-dismiss")).clicked() {
                    actions.push(Action::DismissTransitAlert(TransitKey::of(event).id()));
                }
            });
            if event.body == TransitBody::Sun {
                ui.label(egui::RichText::new(solar_filter_warning()).color(view.palette.text));
            }
        });
}
