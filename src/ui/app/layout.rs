//! Drawing one frame: the panels laid out around the map (and in presentation mode, the
//! sky chart and map large for a class), each given the frame's [`ViewCtx`].

use eframe::egui;

use super::alerts::alert_ui;
use super::top_panel::{RefreshBar, top_bar_ui};
use super::{NotRefreshed, OverheadApp};
use crate::orbit::night::Night;
use crate::t;
use crate::ui::jobs::{self, Job};
use crate::ui::passes_panel::PassesInput;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view::{Action, ViewCtx};

/// In presentation mode the painted labels of the sky chart and map (compass points,
/// times, satellite names) are this much larger again, to read from the back of a room.
const PRESENTATION_LABEL_SCALE: f32 = 1.7;

impl OverheadApp {
    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let t = self.sim_time();
        let place = self.place();
        let palette = Palette::of(self.state.settings.theme);
        let fmt = self.time_formatter();
        let progress = self.search.as_ref().map(|s| s.job.progress());
        let alert = self.alert().map(|(k, r)| (k, r.clone()));
        let transit_alert = self.transit_alert();
        let limit = format!(
            "{:.0}",
            self.state.settings.pass_search.max_sun_elevation_deg
        );
        // Tonight's night as the search found it (once per night, not every frame).
        let (night_note, never_dark) = match self.tonight() {
            None => (None, false),
            Some(Night::Dark { dusk, dawn }) => (
                Some(t!(
                    "app-night-dark",
                    dusk = fmt.hm(dusk),
                    dawn = fmt.hm(dawn),
                    limit = limit
                )),
                false,
            ),
            Some(Night::AlwaysDark { until, .. }) => (
                Some(t!(
                    "app-night-polar",
                    limit = limit,
                    until = fmt.date_time(until)
                )),
                false,
            ),
            Some(Night::NeverDark { .. }) => (
                Some(t!(
                    "app-night-never-dark",
                    place = crate::ui::view::place_name_in(&place, crate::i18n::language()),
                    limit = limit
                )),
                true,
            ),
        };
        let freshness = match &self.last_refresh {
            Some(last) => Some(jobs::freshness_line(
                last.last_success,
                last.problem.as_deref(),
                self.real_now,
            )),
            None => self.freshness.as_ref().map(NotRefreshed::words),
        };
        let mut actions = std::mem::take(&mut self.actions);
        let AppState {
            settings,
            selected,
            selected_pass,
            which,
            window,
            alert_minutes,
            passes_panel,
            map,
            live,
            picker,
            location,
            clock_bar,
            sky,
            transits,
        } = &mut self.state;
        let view = ViewCtx {
            t,
            real_now: self.real_now,
            catalog: self.catalog.as_deref(),
            passes: self.passes.as_ref(),
            place: &place,
            frame: &self.frame,
            fmt,
            palette,
            chosen: &settings.satellites,
            favourites: &settings.favourites,
            selected: *selected,
            selected_pass: *selected_pass,
            presentation: settings.presentation_mode,
            label_scale: if settings.presentation_mode {
                PRESENTATION_LABEL_SCALE
            } else {
                1.0
            },
            limiting_magnitude: settings.limiting_magnitude,
            wakes: &self.wakes,
            identification: self.identification.as_ref(),
            identifying: self.identify_job.is_some() || self.identify_next.is_some(),
        };

        // The enlarged sky chart takes the whole window (the whole screen when presenting),
        // under the clock bar only.
        let enlarged = sky.enlarged;
        let presenting = settings.presentation_mode;
        if !enlarged {
            egui::Panel::top("top_bar")
                .frame(side_frame(ui))
                .show(ui, |ui| {
                    top_bar_ui(
                        ui,
                        &view,
                        settings,
                        alert_minutes,
                        self.catalog_job.is_some(),
                        RefreshBar {
                            progress: self.refresh_job.as_ref().map(Job::progress),
                            note: self.refresh_job.as_ref().and_then(Job::note),
                            freshness: freshness.as_deref(),
                        },
                        &mut actions,
                    );
                });
        }
        egui::Panel::bottom("clock_bar")
            .frame(side_frame(ui))
            .show(ui, |ui| {
                ui.add_space(2.0);
                clock_bar.ui(ui, &view, &self.clock, &mut actions);
                // Presenting to a class: no status line (its messages wait for the normal view).
                if presenting {
                    ui.add_space(2.0);
                    return;
                }
                ui.horizontal(|ui| {
                    // A saved export's message offers its folder.
                    if let Some(folder) = self
                        .status_bar
                        .status
                        .as_ref()
                        .and_then(|s| s.folder.as_ref())
                        && ui.small_button(t!("app-open-folder")).clicked()
                    {
                        actions.push(Action::OpenFolder(folder.clone()));
                    }
                    self.status_bar.ui(ui);
                });
                ui.add_space(2.0);
            });
        if enlarged {
            egui::CentralPanel::default()
                .frame(central_frame(ui))
                .show(ui, |ui| sky.enlarged_ui(ui, &view, &mut actions));
        } else {
            // Presentation mode makes everything larger, so it drops the picker and sizes the
            // panels by the screen (its own panel ids, so that the normal sizes come back after).
            let screen = ui.available_rect_before_wrap().size();
            let (side_id, side_size, table_id, table_size) = if presenting {
                (
                    "sky_presenting",
                    screen.x * 0.5,
                    "passes_presenting",
                    screen.y * 0.25,
                )
            } else {
                // Tall enough for eight or more rows at the default window size; it spans the
                // picker and the map, so every observer's column fits at 1280 px.
                (
                    "live_and_sky",
                    330.0,
                    "passes",
                    (screen.y * 0.42).max(300.0),
                )
            };
            let side_panel = egui::Panel::right(side_id)
                .frame(side_frame(ui))
                .resizable(true)
                .default_size(side_size)
                .max_size(screen.x * 0.5);
            // Presenting, the side keeps to half the screen as the window goes full screen
            // (a default size would stay what it was in the first, smaller frames).
            let side_panel = if presenting {
                side_panel.exact_size(side_size)
            } else {
                side_panel
            };
            side_panel.show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("side_scroll")
                    .show(ui, |ui| {
                        // For a class, the sky chart fills the side, as large as it fits;
                        // its sentence and the live readout go above the map.
                        if !presenting {
                            live.ui(ui, &view, &mut actions);
                            ui.separator();
                        }
                        sky.ui(ui, &view, &mut actions);
                    });
            });
            let pass_error = view
                .catalog
                .is_some_and(|c| c.sats.is_empty())
                .then(|| t!("app-no-satellites-loaded-sentence"));
            // Presenting to a class, the map and the sky chart are what the back row needs;
            // the table (chosen beforehand; "Jump to this pass" still works) comes back on Esc.
            // The Transits view takes the table's room too: it has its own list.
            if !presenting && !transits.open {
                egui::Panel::bottom(table_id)
                    .frame(side_frame(ui))
                    .resizable(true)
                    .default_size(table_size)
                    .show(ui, |ui| {
                        // Fill the panel's size even while the table is still empty, or the
                        // panel would keep the size of its first, nearly empty frame.
                        ui.set_min_height(ui.available_height());
                        let input = PassesInput {
                            search: &settings.pass_search,
                            window: *window,
                            limiting_magnitude: settings.limiting_magnitude,
                            night_note: night_note.clone(),
                            never_dark,
                            which: *which,
                            progress,
                            error: pass_error.as_deref(),
                        };
                        passes_panel.ui(ui, &view, &input, &mut actions);
                    });
            }
            if !presenting {
                egui::Panel::left("picker")
                    .frame(side_frame(ui))
                    .resizable(true)
                    .default_size(250.0)
                    .show(ui, |ui| {
                        picker.ui(ui, &view, settings.limiting_magnitude, &mut actions);
                    });
            }
            egui::CentralPanel::default()
                .frame(central_frame(ui))
                .show(ui, |ui| {
                    if let Some((key, record)) = &alert {
                        alert_ui(ui, &view, *key, record, &mut actions);
                    }
                    if let Some(event) = &transit_alert {
                        crate::ui::transits::alert_ui(ui, &view, transits, event, &mut actions);
                    }
                    if presenting {
                        sky.description_ui(ui, &view);
                        ui.separator();
                        live.ui(ui, &view, &mut actions);
                        ui.separator();
                        map.ui(ui, &view, &mut actions);
                    } else {
                        transits.tabs_ui(ui);
                        if transits.open {
                            let input = crate::ui::transits::TransitsInput {
                                results: self.transit_runtime.results.as_ref(),
                                busy: self.transit_runtime.is_busy(),
                            };
                            transits.ui(ui, &view, &input, &mut actions);
                        } else {
                            map.ui(ui, &view, &mut actions);
                        }
                    }
                });
        }
        let first_run = !settings.first_run_done;
        let was_open = location.open;
        location.ui(&ctx, &view, &settings.observers, first_run, &mut actions);
        if was_open && !location.open && first_run {
            // Asked once: closing the prompt keeps the default place.
            settings.first_run_done = true;
        }
        self.actions = actions;
    }
}

// The panels' background is the colour the window is cleared to (`App::clear_color`), not a
// filled rectangle per panel: under software GL (llvmpipe, a laptop without a GPU driver)
// filling the whole window once more costs about 13 ms a frame at 1400x900, a quarter of a
// frame of this window.

/// An edge panel's frame (its margins), without a fill of its own.
fn side_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::side_top_panel(ui.style()).fill(egui::Color32::TRANSPARENT)
}

/// The central panel's frame (its margins), without a fill of its own.
fn central_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT)
}
