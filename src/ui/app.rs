//! The application: owns the state, the clock and the jobs, and implements `eframe::App`.
//!
//! Each frame: read the real time once, poll the jobs, start a pass search if what is
//! shown no longer matches what was searched, draw the panels (which only queue
//! [`Action`]s), then carry out the actions and save what changed.

use eframe::egui;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::catalog_data::{self, CatalogData};
use super::clock::{ClockCommand, SimClock};
use super::jobs::{
    self, Job, JobPoll, PassRequest, PassResults, RefreshReport, RefreshRequest,
    SharedCatalogLoader,
};
use super::notify::{self, Notifier, ScheduledAlert};
use super::passes_panel::PassesInput;
use super::save;
use super::state::{
    Action, AppState, PassKey, Place, ViewCtx, Which, coordinates_label, observer_of,
};
use super::theme::{self, ALL_THEMES, Palette, ThemeChoice, theme_label};
use super::timefmt::{ALL_TIME_DISPLAYS, TimeFormatter, countdown, time_display_label};
use crate::orbit::ObserverFrame;
use crate::report::{self, PassRecord, compass_point};
use crate::settings::Settings;

/// How many observing places are remembered.
const MAX_SAVED_PLACES: usize = 12;
/// The presentation zoom is this much larger than the normal one.
const PRESENTATION_ZOOM: f32 = 1.4;
/// Window state is written at most this often while it changes, seconds.
const UI_STATE_SAVE_INTERVAL_S: i64 = 10;
/// A pass search starts this long before the simulated time, so that a pass in progress
/// is listed with its true rise.
const SEARCH_LEAD: Duration = Duration::minutes(15);

/// Where the app's "now" comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NowSource {
    /// The computer's clock.
    System,
    /// A fixed instant (tests, screenshots, `OVERHEAD_FAKE_NOW`); change it with
    /// [`OverheadApp::set_fixed_now`].
    Fixed(DateTime<Utc>),
}

/// A loader for the catalog, run on a worker thread with the current time (at start, and
/// again after a refresh brought new data).
pub type CatalogLoader = Box<dyn Fn(DateTime<Utc>) -> anyhow::Result<CatalogData> + Send + Sync>;

/// How to start the app.
pub struct AppOptions {
    /// Where "now" comes from.
    pub now: NowSource,
    /// The settings file; `None` keeps settings in memory only.
    pub settings_path: Option<PathBuf>,
    /// Settings to start from when there is no settings file (tests).
    pub initial_settings: Option<Settings>,
    /// Where the loaded catalog comes from; `None` for the cache or bundled snapshot.
    pub load_catalog: Option<CatalogLoader>,
    /// Where exports are written without asking (tests); `None`: a save dialog where the
    /// desktop has one, else the Downloads folder (else home).
    pub export_dir: Option<PathBuf>,
    /// The element cache refreshes write to; `None` for the platform cache directory.
    pub cache_dir: Option<PathBuf>,
    /// Refresh old elements by themselves at start (see `Settings::auto_refresh_hours`);
    /// off in tests that must not reach a network.
    pub auto_refresh: bool,
    /// Send desktop notifications before visible passes (the banner shows either way).
    pub notifications: bool,
}

impl AppOptions {
    /// The options of the real app: the system clock (or `OVERHEAD_FAKE_NOW`, an RFC 3339
    /// instant that pins the clock), and the platform settings file.
    pub fn from_env() -> anyhow::Result<Self> {
        let now = match std::env::var("OVERHEAD_FAKE_NOW") {
            Ok(text) if !text.trim().is_empty() => {
                let t: DateTime<Utc> = text.trim().parse().map_err(|e| {
                    anyhow::anyhow!("OVERHEAD_FAKE_NOW={text:?} is not an RFC 3339 time: {e}")
                })?;
                NowSource::Fixed(t)
            }
            _ => NowSource::System,
        };
        Ok(Self {
            now,
            settings_path: crate::settings::default_settings_path().ok(),
            initial_settings: None,
            load_catalog: None,
            export_dir: None,
            cache_dir: None,
            auto_refresh: true,
            notifications: true,
        })
    }
}

/// A status message for the bar at the bottom.
#[derive(Debug, Clone)]
struct Status {
    text: String,
    is_error: bool,
}

/// A pass search in flight.
struct RunningSearch {
    job: Job<PassResults>,
    request: PassRequest,
    cancelled: bool,
}

/// The Overhead window.
pub struct OverheadApp {
    state: AppState,
    now_source: NowSource,
    real_now: DateTime<Utc>,
    clock: SimClock,
    catalog: Option<Arc<CatalogData>>,
    catalog_job: Option<Job<Result<CatalogData, String>>>,
    refresh_job: Option<Job<RefreshReport>>,
    loader: SharedCatalogLoader,
    cache_dir: Option<PathBuf>,
    /// The automatic refresh is still to be started (once, after the catalog first loads).
    auto_refresh_pending: bool,
    /// The top bar's line on how fresh the elements are, when it is not about the last refresh.
    freshness: Option<String>,
    /// The last refresh's newest successful check, and why it brought nothing (if so).
    last_refresh: Option<(Option<DateTime<Utc>>, Option<String>)>,
    notifier: Option<Notifier>,
    /// What the notifier was last given (pass key, alert time, due now), to send only changes.
    alert_plan: Vec<(String, i64, bool)>,
    notify_failure_shown: bool,
    search: Option<RunningSearch>,
    passes: Option<PassResults>,
    frame: ObserverFrame,
    applied_theme: Option<ThemeChoice>,
    applied_presentation: bool,
    dismissed_alerts: Vec<PassKey>,
    status: Option<Status>,
    settings_path: Option<PathBuf>,
    export_dir: Option<PathBuf>,
    /// An export being saved (a save dialog may be open), and how many passes it holds.
    save_job: Option<(std::sync::mpsc::Receiver<save::SaveOutcome>, usize)>,
    /// The folder of the last export saved, for the "Open folder" button.
    saved_folder: Option<PathBuf>,
    saved_settings: Option<Settings>,
    saved_ui_state: String,
    ui_state_saved_at: DateTime<Utc>,
    actions: Vec<Action>,
}

impl OverheadApp {
    /// Builds the app and starts loading the catalog.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        let AppOptions {
            now,
            settings_path,
            initial_settings,
            load_catalog,
            export_dir,
            cache_dir,
            auto_refresh,
            notifications,
        } = options;
        let real_now = match now {
            NowSource::System => Utc::now(),
            NowSource::Fixed(t) => t,
        };
        let mut status = None;
        let settings = match &settings_path {
            Some(path) if path.exists() => {
                let (settings, message) = Settings::load(path);
                if let Some(text) = message {
                    status = Some(Status {
                        text,
                        is_error: true,
                    });
                }
                settings
            }
            _ => initial_settings.unwrap_or_default(),
        };
        let mut state = settings_path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(ui_state_path(p)).ok())
            .and_then(|text| serde_json::from_str::<AppState>(&text).ok())
            .unwrap_or_default();
        state.settings = settings;
        let place = state.settings.observer();
        if !state.settings.first_run_done {
            state.location.open_at(&place);
        }
        // Warm the city list in the background: the location prompt searches it at once.
        std::thread::spawn(|| crate::atlas::cities().len());
        let loader: SharedCatalogLoader = match load_catalog {
            Some(load) => Arc::from(load),
            None => Arc::new(catalog_data::load_default),
        };
        let first_load = loader.clone();
        let catalog_job = Some(jobs::spawn_catalog_load(ctx, move || first_load(real_now)));
        let notifier = notifications.then(|| {
            let ctx = ctx.clone();
            Notifier::desktop(move || ctx.request_repaint())
        });
        let saved_ui_state = serde_json::to_string(&state).unwrap_or_default();
        Self {
            frame: ObserverFrame::new(observer_of(&place)),
            saved_settings: settings_path.as_ref().map(|_| state.settings.clone()),
            state,
            now_source: now,
            real_now,
            clock: SimClock::live(real_now),
            catalog: None,
            catalog_job,
            refresh_job: None,
            loader,
            cache_dir,
            auto_refresh_pending: auto_refresh,
            freshness: None,
            last_refresh: None,
            notifier,
            alert_plan: Vec::new(),
            notify_failure_shown: false,
            search: None,
            passes: None,
            applied_theme: None,
            applied_presentation: false,
            dismissed_alerts: Vec::new(),
            status,
            settings_path,
            export_dir,
            save_job: None,
            saved_folder: None,
            saved_ui_state,
            ui_state_saved_at: real_now,
            actions: Vec::new(),
        }
    }

    /// The state (for tests and tools).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The simulated time every view shows.
    pub fn sim_time(&self) -> DateTime<Utc> {
        self.clock.sim_time(self.real_now)
    }

    /// The latest pass search results.
    pub fn passes(&self) -> Option<&PassResults> {
        self.passes.as_ref()
    }

    /// True while the catalog loads or a pass search runs.
    pub fn is_busy(&self) -> bool {
        self.catalog_job.is_some() || self.search.is_some() || self.refresh_job.is_some()
    }

    /// The loaded catalog.
    pub fn catalog(&self) -> Option<&CatalogData> {
        self.catalog.as_deref()
    }

    /// Moves a fixed clock (see [`NowSource::Fixed`]); no effect on the system clock.
    pub fn set_fixed_now(&mut self, t: DateTime<Utc>) {
        if let NowSource::Fixed(_) = self.now_source {
            self.now_source = NowSource::Fixed(t);
        }
    }

    /// Writes the settings and window state now (also done on exit and as they change).
    pub fn save_now(&mut self) {
        self.save_settings();
        self.save_ui_state(true);
    }

    fn place(&self) -> Place {
        self.state.settings.observer()
    }

    // ----------------------------------------------------------------------------------
    // Logic: no drawing.

    fn logic_step(&mut self, ctx: &egui::Context) {
        self.real_now = match self.now_source {
            NowSource::System => Utc::now(),
            NowSource::Fixed(t) => t,
        };
        self.poll_jobs();
        self.maybe_auto_refresh(ctx);
        self.schedule_alerts();
        self.apply_theme(ctx);
        self.keyboard(ctx);
        self.apply_presentation(ctx);
        self.maybe_search(ctx);
        // Keep the clock display and the moving satellites current.
        // A fixed clock never moves by itself, so it needs no repaints.
        if matches!(self.now_source, NowSource::System) && !self.clock.is_paused() {
            if self.clock.rate() > 1.0 && !self.clock.is_paused() {
                ctx.request_repaint_after(std::time::Duration::from_millis(33));
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(500));
            }
        }
    }

    fn poll_jobs(&mut self) {
        if let Some((rx, count)) = &self.save_job {
            let count = *count;
            match rx.try_recv() {
                Ok(outcome) => {
                    self.save_job = None;
                    self.saved(outcome, count);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.save_job = None;
                    self.set_error("Saving the export stopped unexpectedly (a bug).");
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
                    self.set_error("Loading the satellites failed unexpectedly (a bug).");
                }
            }
        }
        if let Some(job) = &self.refresh_job {
            match job.poll() {
                JobPoll::Running => {}
                JobPoll::Done(report) => {
                    self.refresh_job = None;
                    self.last_refresh = Some((report.last_success, report.problem.clone()));
                    let failures: Vec<String> = report
                        .outcomes
                        .iter()
                        .filter(|o| o.2)
                        .map(|(label, message, _)| format!("{label}: {message}"))
                        .collect();
                    let summary = if failures.is_empty() {
                        Status {
                            text: format!(
                                "Refreshed {} sources: {}",
                                report.outcomes.len(),
                                report
                                    .outcomes
                                    .iter()
                                    .map(|(l, m, _)| format!("{l}: {m}"))
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            ),
                            is_error: false,
                        }
                    } else {
                        Status {
                            text: failures.join("; "),
                            is_error: true,
                        }
                    };
                    if let Some(catalog) = report.catalog {
                        self.catalog_loaded(catalog);
                    }
                    // The automatic refresh speaks in the top bar only, unless it failed.
                    if !report.automatic || summary.is_error {
                        self.status = Some(summary);
                    }
                }
                JobPoll::Lost => {
                    self.refresh_job = None;
                    self.set_error("The refresh stopped unexpectedly (a bug).");
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
                        self.set_error("The pass search stopped unexpectedly (a bug).");
                    }
                }
            }
        }
    }

    fn catalog_loaded(&mut self, result: Result<CatalogData, String>) {
        match result {
            Ok(data) => {
                if let Some(w) = data.warnings.first() {
                    self.set_error(w.clone());
                }
                self.catalog = Some(Arc::new(data));
                // A new catalog means new passes: search again.
                self.passes = None;
            }
            Err(e) => self.set_error(format!("No satellites: {e}")),
        }
    }

    /// Keeps the sky chart on a pass of the followed satellite.
    fn reselect_pass(&mut self) {
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

    fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    fn set_info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let wanted = self.state.settings.theme;
        if self.applied_theme != Some(wanted) {
            theme::apply(ctx, wanted);
            self.applied_theme = Some(wanted);
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let (f11, p, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::F11),
                i.key_pressed(egui::Key::P) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::Escape),
            )
        });
        let leave = escape && self.state.settings.presentation_mode;
        if f11 || (p && !typing) || leave {
            self.actions.push(Action::TogglePresentation);
        }
    }

    fn apply_presentation(&mut self, ctx: &egui::Context) {
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
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(wanted));
        self.applied_presentation = wanted;
    }

    /// The search the views need now, or None when the current one still serves.
    fn wanted_search(&self) -> Option<PassRequest> {
        let catalog = self.catalog.as_ref()?;
        let mut ids = match self.state.which {
            Which::Chosen => self.state.settings.satellites.clone(),
            Which::AllBright => catalog.bright_ids(),
        };
        if let Some(s) = self.state.selected {
            ids.push(s);
        }
        ids.retain(|id| catalog.get(*id).is_some());
        ids.sort_unstable();
        ids.dedup();
        let observer = observer_of(&self.place());
        let search = self.state.settings.pass_search;
        let window = Duration::hours(i64::from(self.state.window_hours.max(1)));
        let t = self.sim_time();
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
                && c.end - c.start == window;
            let in_window = t >= c.start && t <= c.start + window / 2;
            if same && in_window {
                return None;
            }
        }
        let start = t - SEARCH_LEAD;
        Some(PassRequest {
            norad_ids: ids,
            observer,
            start,
            end: start + window,
            search,
        })
    }

    fn maybe_search(&mut self, ctx: &egui::Context) {
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
    fn run_actions(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.actions) {
            self.run_action(ctx, action);
        }
        self.save_settings();
        self.save_ui_state(false);
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        let settings = &mut self.state.settings;
        match action {
            Action::SetPlace(place) => {
                let index = match settings.observers.iter().position(|o| o.name == place.name) {
                    Some(i) => {
                        if let Some(o) = settings.observers.get_mut(i) {
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
                self.frame = ObserverFrame::new(observer_of(&place));
                self.state.map.picking = false;
                self.set_info(format!(
                    "Location: {} ({})",
                    place.name,
                    coordinates_label(&place)
                ));
            }
            Action::Select(id) => {
                self.state.selected = Some(id);
                if self.state.selected_pass.is_some_and(|k| k.norad_id != id) {
                    self.state.selected_pass = None;
                }
                self.reselect_pass();
            }
            Action::Choose(id, on) => {
                settings.satellites.retain(|s| *s != id);
                if on {
                    settings.satellites.push(id);
                }
            }
            Action::Favourite(id, on) => {
                settings.favourites.retain(|s| *s != id);
                if on {
                    settings.favourites.push(id);
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
            Action::TogglePresentation => {
                settings.presentation_mode = !settings.presentation_mode;
            }
            Action::SetSearch(search, hours) => {
                settings.pass_search = search;
                self.state.window_hours = hours;
            }
            Action::ExportCsv => self.export(ctx, false),
            Action::ExportIcs => self.export(ctx, true),
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
        }
    }

    fn start_refresh(&mut self, ctx: &egui::Context) {
        if self.refresh_job.is_some() {
            self.set_error("A refresh is already running; wait for it to finish.");
            return;
        }
        self.spawn_refresh(ctx, None);
    }

    fn spawn_refresh(&mut self, ctx: &egui::Context, only_older_than: Option<Duration>) {
        let cache_dir = match &self.cache_dir {
            Some(dir) => dir.clone(),
            None => match crate::catalog::default_cache_dir() {
                Ok(dir) => dir,
                Err(e) => {
                    self.freshness = Some(format!("not updated: {e}"));
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
    fn maybe_auto_refresh(&mut self, ctx: &egui::Context) {
        if !self.auto_refresh_pending || self.catalog_job.is_some() || self.refresh_job.is_some() {
            return;
        }
        self.auto_refresh_pending = false;
        let hours = self.state.settings.auto_refresh_hours;
        if hours == 0 {
            self.freshness = Some("auto-refresh off".to_owned());
            return;
        }
        self.spawn_refresh(ctx, Some(Duration::hours(i64::from(hours))));
    }

    /// Hands the notifier the alerts for the visible passes ahead, when they change. The
    /// notifier's thread sends each when due, drawing or not; with the simulated clock
    /// paused or running fast, only alerts already due are sent (the next frames add more).
    fn schedule_alerts(&mut self) {
        let Some(failure) = self.notifier.as_ref().map(Notifier::failure) else {
            return;
        };
        if let Some(why) = failure
            && !self.notify_failure_shown
        {
            self.notify_failure_shown = true;
            self.set_info(why);
        }
        let sim_now = self.sim_time();
        let live = matches!(self.now_source, NowSource::System)
            && !self.clock.is_paused()
            && self.clock.rate() == 1.0;
        let minutes = i64::from(self.state.alert_minutes);
        let place = self.place();
        let fmt = TimeFormatter::new(self.state.settings.time_display, place.time_zone.as_deref());
        let mut plan = Vec::new();
        let mut alerts = Vec::new();
        let now = std::time::Instant::now();
        let records = self
            .passes
            .as_ref()
            .map_or(&[][..], |p| p.records.as_slice());
        for record in records.iter().filter(|r| r.pass.is_visible && minutes > 0) {
            let Some(start) = record.pass.visible_start else {
                continue;
            };
            if start.time <= sim_now {
                continue;
            }
            let alert_at_sim = start.time - Duration::minutes(minutes);
            let key = format!(
                "{}@{}",
                record.pass.norad_id,
                record.pass.rise.time.timestamp()
            );
            let Some(at) = notify::due_instant(alert_at_sim, sim_now, live, now) else {
                continue;
            };
            let Some((title, body)) = notify::alert_text(record, &fmt) else {
                continue;
            };
            plan.push((
                key.clone(),
                alert_at_sim.timestamp(),
                alert_at_sim <= sim_now,
            ));
            alerts.push(ScheduledAlert {
                key,
                at,
                title,
                body,
            });
        }
        if live {
            // The real moment of each alert moves with the clock's offset: part of the plan.
            plan.push((String::new(), (sim_now - self.real_now).num_seconds(), true));
        }
        if plan != self.alert_plan
            && let Some(notifier) = &self.notifier
        {
            self.alert_plan = plan;
            notifier.schedule(alerts);
        }
    }

    fn export(&mut self, ctx: &egui::Context, ics: bool) {
        let Some(results) = &self.passes else { return };
        let records: Vec<&PassRecord> = self
            .state
            .passes_panel
            .shown(
                &results.records,
                (self.state.which == Which::Chosen)
                    .then_some(self.state.settings.satellites.as_slice()),
            )
            .into_iter()
            .collect();
        let text = if ics {
            report::to_ics(&records, &observer_of(&self.place()), self.real_now)
        } else {
            report::to_csv(&records)
        };
        let name = format!(
            "overhead-passes-{}.{}",
            self.sim_time().format("%Y%m%d-%H%M"),
            if ics { "ics" } else { "csv" }
        );
        if self.save_job.is_some() {
            self.set_error("An export is being saved; finish that first.");
            return;
        }
        let request = save::SaveRequest {
            file_name: name,
            contents: text,
            kind: if ics { "iCalendar" } else { "CSV" },
            extension: if ics { "ics" } else { "csv" },
            folder: self.export_dir.clone().unwrap_or_else(default_export_dir),
            ask: self.export_dir.is_none(),
        };
        let count = records.len();
        if request.ask {
            // The dialog blocks: a worker waits for it, the window goes on.
            self.save_job = Some((save::spawn_save(ctx, request), count));
        } else {
            let outcome = save::save(&request);
            self.saved(outcome, count);
        }
    }

    fn saved(&mut self, outcome: save::SaveOutcome, count: usize) {
        match outcome {
            save::SaveOutcome::Saved(path) => {
                self.saved_folder = path.parent().map(std::path::Path::to_path_buf);
                self.set_info(format!("Saved {count} passes to {}", path.display()));
            }
            save::SaveOutcome::Cancelled => self.set_info("Export cancelled: no file chosen."),
            save::SaveOutcome::Failed { path, message } => {
                self.set_error(format!("Could not write {}: {message}", path.display()));
            }
        }
    }

    fn save_settings(&mut self) {
        let (Some(path), Some(saved)) = (&self.settings_path, &self.saved_settings) else {
            return;
        };
        if *saved == self.state.settings {
            return;
        }
        match self.state.settings.save(path) {
            Ok(()) => self.saved_settings = Some(self.state.settings.clone()),
            Err(e) => {
                // Keep the failed value as "saved" so that the error shows once, not every frame.
                self.saved_settings = Some(self.state.settings.clone());
                self.set_error(e.to_string());
            }
        }
    }

    fn save_ui_state(&mut self, force: bool) {
        let Some(path) = self.settings_path.as_ref().map(|p| ui_state_path(p)) else {
            return;
        };
        if !force
            && (self.real_now - self.ui_state_saved_at).num_seconds() < UI_STATE_SAVE_INTERVAL_S
        {
            return;
        }
        let Ok(json) = serde_json::to_string(&self.state) else {
            return;
        };
        self.ui_state_saved_at = self.real_now;
        if json == self.saved_ui_state {
            return;
        }
        match crate::catalog::write_atomic(&path, json.as_bytes()) {
            Ok(()) => self.saved_ui_state = json,
            Err(e) => {
                self.saved_ui_state = json;
                self.set_error(format!(
                    "Could not save the window state to {}: {e}",
                    path.display()
                ));
            }
        }
    }

    /// The first visible pass starting within the alert time that was not dismissed.
    fn alert(&self) -> Option<(PassKey, &PassRecord)> {
        let minutes = self.state.alert_minutes;
        if minutes == 0 {
            return None;
        }
        let t = self.sim_time();
        let horizon = t + Duration::minutes(i64::from(minutes));
        self.passes
            .as_ref()?
            .records
            .iter()
            .filter(|r| r.pass.is_visible)
            .filter_map(|r| r.pass.visible_start.map(|v| (r, v)))
            .filter(|(_, v)| v.time > t && v.time <= horizon)
            .map(|(r, _)| {
                (
                    PassKey {
                        norad_id: r.pass.norad_id,
                        rise: r.pass.rise.time,
                    },
                    r,
                )
            })
            .find(|(k, _)| !self.dismissed_alerts.contains(k))
    }

    // ----------------------------------------------------------------------------------
    // Drawing.

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let t = self.sim_time();
        let place = self.place();
        let palette = Palette::of(self.state.settings.theme);
        let fmt = TimeFormatter::new(self.state.settings.time_display, place.time_zone.as_deref());
        let progress = self.search.as_ref().map(|s| s.job.progress());
        let alert = self.alert().map(|(k, r)| (k, r.clone()));
        let freshness = match &self.last_refresh {
            Some((last_success, problem)) => Some(jobs::freshness_line(
                *last_success,
                problem.as_deref(),
                self.real_now,
            )),
            None => self.freshness.clone(),
        };
        let mut actions = std::mem::take(&mut self.actions);
        let AppState {
            settings,
            selected,
            selected_pass,
            which,
            window_hours,
            alert_minutes,
            passes_panel,
            map,
            live,
            picker,
            location,
            clock_bar,
            sky,
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
        };

        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar_ui(
                ui,
                &view,
                settings,
                alert_minutes,
                self.catalog_job.is_some(),
                RefreshBar {
                    progress: self.refresh_job.as_ref().map(Job::progress),
                    freshness: freshness.as_deref(),
                },
                &mut actions,
            );
        });
        egui::Panel::bottom("clock_bar").show(ui, |ui| {
            ui.add_space(2.0);
            clock_bar.ui(ui, &view, &self.clock, &mut actions);
            if let Some(status) = &self.status {
                ui.horizontal_wrapped(|ui| {
                    let text = egui::RichText::new(&status.text).small();
                    if status.is_error {
                        ui.colored_label(ui.visuals().warn_fg_color, text);
                    } else {
                        ui.label(text);
                    }
                    if let Some(folder) = &self.saved_folder
                        && status.text.starts_with("Saved ")
                        && ui.small_button("Open folder").clicked()
                    {
                        actions.push(Action::OpenFolder(folder.clone()));
                    }
                });
            }
            ui.add_space(2.0);
        });
        // Presentation mode makes everything larger, so it drops the picker and sizes the
        // panels by the screen (its own panel ids, so that the normal sizes come back after).
        let presenting = settings.presentation_mode;
        let screen = ui.available_rect_before_wrap().size();
        if !presenting {
            egui::Panel::left("picker")
                .resizable(true)
                .default_size(250.0)
                .show(ui, |ui| {
                    picker.ui(ui, &view, &mut actions);
                });
        }
        let (side_id, side_size, table_id, table_size) = if presenting {
            (
                "live_and_sky_presenting",
                screen.x * 0.34,
                "passes_presenting",
                screen.y * 0.25,
            )
        } else {
            ("live_and_sky", 330.0, "passes", (screen.y * 0.3).max(220.0))
        };
        egui::Panel::right(side_id)
            .resizable(true)
            .default_size(side_size)
            .max_size(screen.x * 0.5)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("side_scroll")
                    .show(ui, |ui| {
                        // For a class, the sky chart and its sentence come first.
                        if presenting {
                            sky.ui(ui, &view);
                            ui.separator();
                            live.ui(ui, &view, &mut actions);
                        } else {
                            live.ui(ui, &view, &mut actions);
                            ui.separator();
                            sky.ui(ui, &view);
                        }
                    });
            });
        let pass_error = view
            .catalog
            .is_some_and(|c| c.sats.is_empty())
            .then_some("No satellites loaded.");
        // Presenting to a class, the map and the sky chart are what the back row needs;
        // the table (chosen beforehand; "Jump to this pass" still works) comes back on Esc.
        if !presenting {
            egui::Panel::bottom(table_id)
                .resizable(true)
                .default_size(table_size)
                .show(ui, |ui| {
                    let input = PassesInput {
                        search: &settings.pass_search,
                        window_hours: *window_hours,
                        which: *which,
                        progress,
                        error: pass_error,
                    };
                    passes_panel.ui(ui, &view, &input, &mut actions);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some((key, record)) = &alert {
                alert_ui(ui, &view, *key, record, &mut actions);
            }
            map.ui(ui, &view, &mut actions);
        });
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

impl eframe::App for OverheadApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        let ctx = ui.ctx().clone();
        self.run_actions(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}

/// The top bar's refresh part: progress of a refresh, and how fresh the elements are.
struct RefreshBar<'a> {
    progress: Option<(usize, usize)>,
    freshness: Option<&'a str>,
}

fn top_bar_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    alert_minutes: &mut u32,
    loading: bool,
    refresh: RefreshBar<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Overhead").heading().strong());
        ui.separator();
        if ui
            .button(format!("Location: {}", view.place.name))
            .on_hover_text(format!(
                "{}\nClick to change",
                coordinates_label(view.place)
            ))
            .clicked()
        {
            actions.push(Action::OpenLocation);
        }
        let mut display = settings.time_display;
        let label = ui.label("Times");
        egui::ComboBox::from_id_salt("time_display")
            .selected_text(view.fmt.zone_label(view.t))
            .show_ui(ui, |ui| {
                for d in ALL_TIME_DISPLAYS {
                    ui.selectable_value(&mut display, d, time_display_label(d));
                }
            })
            .response
            .labelled_by(label.id);
        if display != settings.time_display {
            actions.push(Action::SetTimeDisplay(display));
        }
        let mut theme_choice = settings.theme;
        let label = ui.label("Theme");
        egui::ComboBox::from_id_salt("theme")
            .selected_text(theme_label(theme_choice))
            .show_ui(ui, |ui| {
                for th in ALL_THEMES {
                    ui.selectable_value(&mut theme_choice, th, theme_label(th));
                }
            })
            .response
            .labelled_by(label.id);
        if theme_choice != settings.theme {
            actions.push(Action::SetTheme(theme_choice));
        }
        let presentation = settings.presentation_mode;
        if ui
            .selectable_label(presentation, "Presentation")
            .on_hover_text("Large text, full screen (F11 or P; Esc leaves). Ctrl +/− zooms.")
            .clicked()
        {
            actions.push(Action::TogglePresentation);
        }
        ui.label("Alert");
        ui.add(
            egui::DragValue::new(alert_minutes)
                .range(0..=60)
                .suffix(" min before"),
        )
        .on_hover_text("Warn this many minutes before a visible pass (0: never)");
        ui.separator();
        match (view.catalog, loading) {
            (_, true) => {
                ui.spinner();
                ui.label("Loading satellites…");
            }
            (Some(c), false) => {
                let age = c.data_epoch.map(|e| crate::catalog::data_age_message(e, view.real_now));
                ui.label(format!("{} satellites, {}", c.sats.len(), c.source_note))
                    .on_hover_text(age.clone().unwrap_or_default());
                if let Some(age) = age {
                    let stale = c.data_epoch.is_some_and(|e| {
                        (view.real_now - e).num_days() as f64 > crate::catalog::STALE_AFTER_DAYS
                    });
                    if stale {
                        ui.colored_label(ui.visuals().warn_fg_color, age);
                        if let Some(e) = c.data_epoch
                            && ui
                                .button("Use the data's date")
                                .on_hover_text("Run the clock at the date of the elements, so that the passes shown are right")
                                .clicked()
                        {
                            actions.push(Action::Clock(ClockCommand::JumpTo(e)));
                        }
                    }
                }
                match refresh.progress {
                    Some((done, total)) => {
                        ui.spinner();
                        ui.label(format!("Refreshing {done}/{total}…"));
                    }
                    None => {
                        if ui
                            .button("Refresh elements")
                            .on_hover_text("Download new elements from CelesTrak (at most once every 2 hours per source)")
                            .clicked()
                        {
                            actions.push(Action::RefreshElements);
                        }
                    }
                }
                auto_refresh_menu_ui(ui, refresh.freshness, settings.auto_refresh_hours, actions);
            }
            (None, false) => {
                ui.colored_label(ui.visuals().error_fg_color, "No satellites loaded");
            }
        }
    });
}

/// How fresh the elements are, in one short line that opens a menu to switch the refresh
/// at start on or off and set its age.
fn auto_refresh_menu_ui(
    ui: &mut egui::Ui,
    freshness: Option<&str>,
    hours: u32,
    actions: &mut Vec<Action>,
) {
    let line = egui::RichText::new(freshness.unwrap_or("auto-refresh")).small();
    ui.menu_button(line, |ui| {
        let mut on = hours > 0;
        let mut wanted = if on {
            hours
        } else {
            crate::settings::DEFAULT_AUTO_REFRESH_HOURS
        };
        ui.checkbox(&mut on, "Refresh at start when older than");
        ui.add_enabled(
            on,
            egui::DragValue::new(&mut wanted)
                .range(1..=720)
                .suffix(" h"),
        );
        let new_hours = if on { wanted } else { 0 };
        if new_hours != hours {
            actions.push(Action::SetAutoRefreshHours(new_hours));
        }
    })
    .response
    .on_hover_text(
        "When the elements were last checked with their source. Click to set the refresh at start.",
    );
}

fn alert_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    key: PassKey,
    record: &PassRecord,
    actions: &mut Vec<Action>,
) {
    let Some(start) = record.pass.visible_start else {
        return;
    };
    egui::Frame::new()
        .fill(view.palette.alert_fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(format!(
                        "{} becomes visible in {}: look {} ({:.0}°) at {}, up to {:.0}°",
                        record.name(),
                        countdown(start.time - view.t),
                        compass_point(start.azimuth_deg),
                        start.azimuth_deg,
                        view.fmt.hm(start.time),
                        record.pass.culmination.elevation_deg
                    ))
                    .strong()
                    .color(view.palette.text),
                );
                if ui.button("Show").clicked() {
                    actions.push(Action::SelectPass(key));
                }
                if ui.button("Dismiss").clicked() {
                    actions.push(Action::DismissAlert(key));
                }
            });
        });
}

/// Where exports are written: the Downloads folder, else home, else the working directory.
fn default_export_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.download_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The window state file, beside the settings file.
fn ui_state_path(settings_path: &std::path::Path) -> PathBuf {
    settings_path.with_file_name("ui-state.json")
}
