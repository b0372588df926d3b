//! The app's work between drawings: read the clock, poll the jobs, start a pass search
//! when what is shown changed, and carry out the [`Action`]s the panels queued.

use eframe::egui;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::OverheadApp;
use super::saving::ExportFormat;
use super::{LastRefresh, NotRefreshed, NowSource, RunningSearch};
use crate::orbit::ObserverFrame;
use crate::orbit::night::{Night, night_of};
use crate::t;
use crate::ui::catalog_data::CatalogData;
use crate::ui::jobs::{self, JobPoll, PassRequest, RefreshRequest};
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
/// A pass search starts this long before the simulated time, so that a pass in progress
/// is listed with its true rise.
const SEARCH_LEAD: Duration = Duration::minutes(15);

impl OverheadApp {
    pub(super) fn logic_step(&mut self, ctx: &egui::Context) {
        self.real_now = self.now_source.now(self.started.elapsed());
        self.poll_jobs();
        self.maybe_auto_refresh(ctx);
        self.schedule_alerts();
        self.apply_theme(ctx);
        self.keyboard(ctx);
        self.apply_presentation(ctx);
        self.maybe_search(ctx);
        self.look_ahead_step(ctx);
        self.transits_step(ctx);
        // Keep the clock display and the moving satellites current.
        // A fixed clock never moves by itself, so it needs no repaints.
        let runs = !matches!(self.now_source, NowSource::Fixed(_));
        if runs && !self.clock.is_paused() {
            if self.clock.rate() > 1.0 {
                ctx.request_repaint_after(std::time::Duration::from_millis(33));
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(500));
            }
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
        }
    }

    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let (f11, p, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::F11),
                i.key_pressed(egui::Key::P) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::Escape),
            )
        });
        // Esc closes the enlarged sky chart first (the chart sees it), then presenting.
        let leave = escape && self.state.settings.presentation_mode && !self.state.sky.enlarged;
        if f11 || (p && !typing) || leave {
            self.actions.push(Action::TogglePresentation);
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

    /// The search the views need now, or None when the current one still serves.
    pub(super) fn wanted_search(&self) -> Option<PassRequest> {
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
        let observer = observer_of(&self.place());
        let search = self.state.settings.pass_search;
        let t = self.sim_time();
        let (start, end) = self.search_span(t)?;
        let window = end - start;
        let current = self
            .search
            .as_ref()
            .filter(|s| !s.cancelled)
            .map(|s| &s.request)
            .or(self.passes.as_ref().map(|p| &p.request));
        if let Some(c) = current {
            let same = c.norad_ids == ids
                && c.observer == observer
                && c.search == search
                && c.lang == crate::i18n::language()
                && c.end - c.start == window;
            let in_window = match self.state.window {
                // Tonight's window is fixed by the night; it serves until the next one.
                SearchWindow::Tonight => c.start == start,
                SearchWindow::Hours(_) => t >= c.start && t <= c.start + window / 2,
            };
            if same && in_window {
                return None;
            }
        }
        Some(PassRequest {
            norad_ids: ids,
            observer,
            start,
            end,
            search,
            lang: crate::i18n::language(),
        })
    }

    /// The search window at `t`: the next hours from a little before `t`, or tonight
    /// (from dusk, or from `t` when the night is under way, to dawn). None where the sky
    /// does not get dark tonight (the table says so instead of listing nothing).
    pub(super) fn search_span(&self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        match self.state.window {
            SearchWindow::Hours(hours) => {
                let start = t - SEARCH_LEAD;
                Some((start, start + Duration::hours(i64::from(hours.max(1)))))
            }
            SearchWindow::Tonight => match self.tonight(t) {
                Night::Dark { dusk, dawn } => Some((dusk.max(t - SEARCH_LEAD), dawn)),
                Night::AlwaysDark { from, until } => Some((from - SEARCH_LEAD, until)),
                Night::NeverDark { .. } => None,
            },
        }
    }

    /// The night at `t` at the current place and darkness limit.
    pub(super) fn tonight(&self, t: DateTime<Utc>) -> Night {
        night_of(
            &self.frame,
            t,
            self.state.settings.pass_search.max_sun_elevation_deg,
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
