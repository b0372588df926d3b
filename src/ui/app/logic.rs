//! The app's work between drawings: read the clock, poll the jobs, start a pass search
//! when what is shown changed, and carry out the [`Action`]s the panels queued.

use eframe::egui;

use std::sync::Arc;

use chrono::Duration;

use super::OverheadApp;
use super::saving::ExportFormat;
use super::search_plan::SearchWish;
use super::{LastRefresh, NotRefreshed, NowSource, RunningSearch};
use crate::orbit::ObserverFrame;
use crate::orbit::night::{Night, night_of};
use crate::t;
use crate::ui::catalog_data::CatalogData;
use crate::ui::clock::ClockCommand;
use crate::ui::jobs::{self, JobPoll, PassRequest, RefreshRequest};
use crate::ui::picker::Picker;
use crate::ui::repaint::{self, ClockPace};
use crate::ui::save;
use crate::ui::status_bar::{Status, refresh_status};
use crate::ui::theme;
use crate::ui::view::{
    Action, PassKey, SearchWindow, Which, coordinates_label, find_saved_place, observer_of,
};

/// How many observing places are remembered.
const MAX_SAVED_PLACES: usize = 12;
/// The presentation zoom is this much larger than the normal one.
const PRESENTATION_ZOOM: f32 = 1.4;

impl OverheadApp {
    pub(super) fn logic_step(&mut self, ctx: &egui::Context) {
        self.real_now = self.now_source.now(self.started.elapsed());
        self.poll_jobs();
        self.poll_identify(ctx);
        self.maybe_auto_refresh(ctx);
        self.schedule_alerts();
        self.apply_theme(ctx);
        self.cursor_blink(ctx);
        self.keyboard(ctx);
        self.apply_presentation(ctx);
        self.maybe_search(ctx);
        self.look_ahead_step(ctx);
        self.transits_step(ctx);
        // Words that age with real time are redrawn when they change.
        if let Some(last) = &self.last_refresh
            && let Some(d) = jobs::freshness_changes_in(
                last.last_success,
                last.problem.as_deref(),
                self.real_now,
            )
        {
            self.wakes.within(d);
        }
    }

    /// After a frame: asks egui for the next one when the picture will change by itself
    /// (the policy is [`repaint::next_frame`]'s; input wakes the window anyway).
    pub(super) fn ask_next_frame(&self, ctx: &egui::Context) {
        // A fixed clock (tests) never moves by itself.
        let runs = !matches!(self.now_source, NowSource::Fixed(_)) && !self.clock.is_paused();
        // The time now, not the frame's start: the frame took some of the second.
        let real_now = self.now_source.now(self.started.elapsed());
        let pace = ClockPace {
            running_rate: runs.then(|| self.clock.rate()),
            sim_now: self.clock.sim_time(real_now),
        };
        if let Some(delay) = repaint::next_frame(pace, self.wakes.take()) {
            ctx.request_repaint_after(delay);
        }
    }

    /// The text cursor blinks only for a while after the last input (see
    /// [`repaint::cursor_blinks`]): a focused search box then costs no frames.
    fn cursor_blink(&mut self, ctx: &egui::Context) {
        let (time_s, active) = ctx.input(|i| {
            (
                i.time,
                !i.events.is_empty() || i.pointer.is_moving() || i.pointer.any_down(),
            )
        });
        if active {
            self.last_input_s = time_s;
        }
        let blinks = repaint::cursor_blinks(time_s - self.last_input_s);
        if self.applied_blink != Some(blinks) {
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blinks);
            self.applied_blink = Some(blinks);
        }
    }

    pub(super) fn poll_jobs(&mut self) {
        if let Some(pending) = &self.save_job {
            let count = pending.pass_count;
            match pending.outcome.try_recv() {
                Ok(outcome) => {
                    self.save_job = None;
                    self.saved(outcome, count);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.save_job = None;
                    self.set_error(t!("app-error-save-lost"));
                }
            }
        }
        if let Some(job) = &self.catalog_job {
            match job.poll() {
                JobPoll::Running => {}
                JobPoll::Done(result) => {
                    self.catalog_job = None;
                    self.catalog_loaded(result);
                }
                JobPoll::Lost => {
                    self.catalog_job = None;
                    self.set_error(t!("app-error-load-lost"));
                }
            }
        }
        if let Some(job) = &self.refresh_job {
            match job.poll() {
                JobPoll::Running => {}
                JobPoll::Done(report) => {
                    self.refresh_job = None;
                    self.last_refresh = Some(LastRefresh {
                        last_success: report.last_success,
                        problem: report.problem.clone(),
                    });
                    if let Some(catalog) = report.catalog {
                        self.catalog_loaded(catalog);
                    }
                    let data_date = self.catalog.as_ref().and_then(|c| c.data_epoch);
                    let status = refresh_status(&report.outcomes, data_date);
                    // The automatic refresh speaks in the top bar only, unless it failed.
                    if !report.automatic || status.is_error {
                        self.status_bar.set(status);
                    }
                }
                JobPoll::Lost => {
                    self.refresh_job = None;
                    self.set_error(t!("app-error-refresh-lost"));
                }
            }
        }
        if let Some(running) = &self.search {
            match running.job.poll() {
                JobPoll::Running => {}
                JobPoll::Done(results) => {
                    let cancelled = running.cancelled;
                    self.search = None;
                    if !cancelled {
                        self.passes = Some(results);
                        self.reselect_pass();
                    }
                }
                JobPoll::Lost => {
                    let cancelled = running.cancelled;
                    self.search = None;
                    if !cancelled {
                        self.set_error(t!("app-error-search-lost"));
                    }
                }
            }
        }
    }

    pub(super) fn catalog_loaded(&mut self, result: Result<CatalogData, String>) {
        match result {
            Ok(data) => {
                if let Some(w) = data.warnings.first() {
                    self.set_error(w.clone());
                }
                self.catalog = Some(Arc::new(data));
                // A new catalog means new passes: search again.
                self.passes = None;
            }
            Err(e) => self.set_error(t!("app-error-no-satellites", error = e)),
        }
    }

    /// Keeps the sky chart on a pass of the followed satellite.
    pub(super) fn reselect_pass(&mut self) {
        let t = self.sim_time();
        let Some(results) = &self.passes else { return };
        let still_there = self.state.selected_pass.is_some_and(|k| {
            results
                .records
                .iter()
                .any(|r| k.matches(r.pass.norad_id, r.pass.rise.time))
        });
        if still_there {
            return;
        }
        let Some(id) = self.state.selected else {
            return;
        };
        self.state.selected_pass = results
            .records
            .iter()
            .find(|r| r.pass.norad_id == id && r.pass.set.time > t)
            .map(|r| PassKey {
                norad_id: id,
                rise: r.pass.rise.time,
            });
    }

    pub(super) fn set_error(&mut self, text: impl Into<String>) {
        self.status_bar.set(Status::error(text));
    }

    pub(super) fn set_info(&mut self, text: impl Into<String>) {
        self.status_bar.set(Status::info(text));
    }

    pub(super) fn apply_theme(&mut self, ctx: &egui::Context) {
        let wanted = self.state.settings.theme;
        if self.applied_theme != Some(wanted) {
            theme::apply(ctx, wanted);
            self.applied_theme = Some(wanted);
            // The theme's visuals blink the cursor again; set it anew.
            self.applied_blink = None;
        }
    }

    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Space would also press a button that has the keyboard focus.
        let focus_free = !typing && ctx.memory(|m| m.focused().is_none());
        let (f11, p, escape, space, slash) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::F11),
                i.key_pressed(egui::Key::P) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::Escape),
                i.key_pressed(egui::Key::Space) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::Slash) && i.modifiers.is_none(),
            )
        });
        // Esc closes the enlarged sky chart first (the chart sees it), then presenting.
        let leave = escape && self.state.settings.presentation_mode && !self.state.sky.enlarged;
        if f11 || (p && !typing) || leave {
            self.actions.push(Action::TogglePresentation);
        }
        // Space pauses the clock or runs it again, as in a video player.
        if space && focus_free {
            let command = if self.clock.is_paused() {
                ClockCommand::Play
            } else {
                ClockCommand::Pause
            };
            self.actions.push(Action::Clock(command));
        }
        // "/" goes to the satellite search (where the picker is shown), as on many sites;
        // the slash itself is not typed into it.
        if slash && !typing && !self.state.settings.presentation_mode {
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(text) if text == "/"));
            });
            ctx.memory_mut(|m| m.request_focus(Picker::search_id()));
        }
    }

    pub(super) fn apply_presentation(&mut self, ctx: &egui::Context) {
        let wanted = self.state.settings.presentation_mode;
        if wanted == self.applied_presentation {
            return;
        }
        let zoom = ctx.zoom_factor();
        if wanted {
            ctx.set_zoom_factor(zoom * PRESENTATION_ZOOM);
        } else {
            ctx.set_zoom_factor((zoom / PRESENTATION_ZOOM).max(0.5));
        }
        theme::apply_presentation_text(ctx, wanted);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(wanted));
        self.applied_presentation = wanted;
    }

    /// The search the views need now, or None when the current one (running or done)
    /// still serves; the decision is [`SearchPlan::wanted`]'s.
    pub(super) fn wanted_search(&mut self) -> Option<PassRequest> {
        let catalog = self.catalog.as_ref()?;
        let mut ids = match self.state.which {
            Which::Chosen => self.state.settings.satellites.clone(),
            Which::AllBright => catalog.bright_ids(self.state.settings.limiting_magnitude),
        };
        if let Some(s) = self.state.selected {
            ids.push(s);
        }
        ids.retain(|id| catalog.get(*id).is_some());
        ids.sort_unstable();
        ids.dedup();
        let wish = SearchWish {
            norad_ids: ids,
            observer: observer_of(&self.place()),
            search: self.state.settings.pass_search,
            window: self.state.window,
            lang: crate::i18n::language(),
        };
        let t = self.sim_time();
        let current = self
            .search
            .as_ref()
            .filter(|s| !s.cancelled)
            .map(|s| &s.request)
            .or(self.passes.as_ref().map(|p| &p.request));
        let frame = &self.frame;
        self.search_plan.wanted(wish, current, t, |t| {
            night_of(
                frame,
                t,
                self.state.settings.pass_search.max_sun_elevation_deg,
            )
        })
    }

    /// Tonight's window at the clock's time, found once per night (for the table's note and
    /// the search); None when the window is the next hours.
    pub(super) fn tonight(&mut self) -> Option<Night> {
        if self.state.window != SearchWindow::Tonight {
            return None;
        }
        let t = self.sim_time();
        let limit = self.state.settings.pass_search.max_sun_elevation_deg;
        let frame = &self.frame;
        Some(
            self.search_plan
                .night(&frame.observer, limit, t, |t| night_of(frame, t, limit))
                .night,
        )
    }

    pub(super) fn maybe_search(&mut self, ctx: &egui::Context) {
        let Some(request) = self.wanted_search() else {
            return;
        };
        if let Some(running) = &mut self.search {
            // One search at a time: stop the old one; the new one starts once it has.
            if !running.cancelled {
                running.job.cancel();
                running.cancelled = true;
            }
            return;
        }
        let Some(catalog) = self.catalog.clone() else {
            return;
        };
        let job = jobs::spawn_pass_search(ctx, catalog, request.clone());
        self.searches_started += 1;
        self.search = Some(RunningSearch {
            job,
            request,
            cancelled: false,
        });
    }

    /// Carries out the queued actions.
    pub(super) fn run_actions(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.actions) {
            self.run_action(ctx, action);
        }
        self.save_settings();
        self.save_ui_state(false);
    }

    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        let settings = &mut self.state.settings;
        match action {
            Action::SetPlace(place) => {
                let index = match find_saved_place(&settings.observers, &place) {
                    Some(i) => {
                        // A place of the same name takes the new coordinates (typed ones);
                        // a nearby one of another name is chosen as it was saved.
                        if let Some(o) = settings.observers.get_mut(i)
                            && o.name == place.name
                        {
                            *o = place.clone();
                        }
                        i
                    }
                    None => {
                        // Keep the list short: forget the oldest places beyond a dozen.
                        while settings.observers.len() >= MAX_SAVED_PLACES {
                            settings.observers.remove(0);
                        }
                        settings.observers.push(place.clone());
                        settings.observers.len() - 1
                    }
                };
                settings.current_observer = index;
                settings.first_run_done = true;
                let place = settings.observers.get(index).cloned().unwrap_or(place);
                self.frame = ObserverFrame::new(observer_of(&place));
                self.state.map.picking = false;
                self.set_info(t!(
                    "app-location-set",
                    place = crate::ui::view::place_name_in(&place, crate::i18n::language()),
                    coordinates = coordinates_label(&place)
                ));
            }
            Action::Select(id) | Action::Follow(id) => {
                if matches!(action, Action::Follow(_)) {
                    self.state.map.follow_satellite = true;
                }
                self.state.selected = Some(id);
                if self.state.selected_pass.is_some_and(|k| k.norad_id != id) {
                    self.state.selected_pass = None;
                }
                self.reselect_pass();
            }
            Action::Choose { norad_id, chosen } => {
                settings.satellites.retain(|s| *s != norad_id);
                if chosen {
                    settings.satellites.push(norad_id);
                }
            }
            Action::ChooseAll(ids) => {
                for id in ids {
                    if !settings.satellites.contains(&id) {
                        settings.satellites.push(id);
                    }
                }
            }
            Action::Favourite { norad_id, starred } => {
                settings.favourites.retain(|s| *s != norad_id);
                if starred {
                    settings.favourites.push(norad_id);
                }
            }
            Action::SetWhich(which) => self.state.which = which,
            Action::SelectPass(key) => {
                self.state.selected_pass = Some(key);
                self.state.selected = Some(key.norad_id);
            }
            Action::Clock(command) => self.clock.apply(self.real_now, command),
            Action::SetTheme(t) => settings.theme = t,
            Action::SetTimeDisplay(d) => settings.time_display = d,
            Action::SetShowSeconds(on) => settings.show_seconds = on,
            Action::TogglePresentation => {
                settings.presentation_mode = !settings.presentation_mode;
            }
            Action::SetSearch { search, window } => {
                settings.pass_search = search;
                self.state.window = window;
            }
            Action::SetLimitingMagnitude(limit) => {
                if limit.is_finite() {
                    settings.limiting_magnitude = limit.clamp(-2.0, 12.0);
                }
            }
            Action::ExportCsv => self.export(ctx, ExportFormat::Csv),
            Action::ExportIcs => self.export(ctx, ExportFormat::Ics),
            Action::PrintHandout => self.print_handout(ctx),
            Action::OpenFolder(folder) => {
                if let Err(e) = save::open_folder(&folder) {
                    self.set_error(e);
                }
            }
            Action::PickOnMap => {
                self.state.map.picking = true;
                self.state.location.open = false;
                settings.first_run_done = true;
            }
            Action::OpenLocation => {
                let place = self.place();
                self.state.location.open_at(&place);
            }
            Action::DismissAlert(key) => self.dismissed_alerts.push(key),
            Action::RefreshElements => self.start_refresh(ctx),
            Action::SetAutoRefreshHours(hours) => settings.auto_refresh_hours = hours,
            Action::Identify(request) => self.start_identify(ctx, request),
            Action::SetLanguage(language) => {
                settings.language = language;
                let lang = language.unwrap_or_else(crate::i18n::Lang::from_env);
                crate::i18n::set_language(lang);
                // The status line said its last message in the old language: say in the
                // new one what just changed instead.
                self.set_info(t!("app-language-switched", language = lang.native_name()));
                ctx.request_repaint();
            }
            Action::ExportTransitsIcs => self.export_transits(ctx, ExportFormat::Ics),
            Action::ExportTransitsCsv => self.export_transits(ctx, ExportFormat::Csv),
            Action::DismissTransitAlert(key) => self.dismissed_transit_alerts.push(key),
        }
    }

    pub(super) fn start_refresh(&mut self, ctx: &egui::Context) {
        if self.refresh_job.is_some() {
            self.set_error(t!("app-refresh-running"));
            return;
        }
        self.spawn_refresh(ctx, None);
    }

    pub(super) fn spawn_refresh(&mut self, ctx: &egui::Context, only_older_than: Option<Duration>) {
        let cache_dir = match &self.cache_dir {
            Some(dir) => dir.clone(),
            None => match crate::catalog::default_cache_dir() {
                Ok(dir) => dir,
                Err(e) => {
                    self.freshness = Some(NotRefreshed::NoCacheDir(e.to_string()));
                    return;
                }
            },
        };
        let request = RefreshRequest {
            sources: self.state.settings.enabled_sources(),
            celestrak_base_url: self.state.settings.effective_celestrak_base_url(),
            cache_dir,
            now: self.real_now,
            only_older_than,
            reload: self.loader.clone(),
        };
        self.refresh_job = Some(jobs::spawn_refresh(ctx, request));
    }

    /// Once the catalog has first loaded: refresh the sources whose last successful check is
    /// older than the auto-refresh age, in the background (the window goes on meanwhile).
    pub(super) fn maybe_auto_refresh(&mut self, ctx: &egui::Context) {
        if !self.auto_refresh_pending || self.catalog_job.is_some() || self.refresh_job.is_some() {
            return;
        }
        self.auto_refresh_pending = false;
        let hours = self.state.settings.auto_refresh_hours;
        if hours == 0 {
            self.freshness = Some(NotRefreshed::AutoRefreshOff);
            return;
        }
        self.spawn_refresh(ctx, Some(Duration::hours(i64::from(hours))));
    }
}
