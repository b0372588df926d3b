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
    Action, AppState, PassKey, Place, SearchWindow, ViewCtx, Which, coordinates_label,
    find_saved_place, observer_of,
};
use super::status_bar::{Status, StatusBar, refresh_status};
use super::theme::{self, ALL_THEMES, Palette, ThemeChoice, theme_label};
use super::timefmt::{ALL_TIME_DISPLAYS, TimeFormatter, countdown, time_display_label};
use crate::orbit::ObserverFrame;
use crate::orbit::night::{Night, night_of};
use crate::report::{self, PassRecord};
use crate::settings::Settings;

/// How many observing places are remembered.
const MAX_SAVED_PLACES: usize = 12;
/// The presentation zoom is this much larger than the normal one.
const PRESENTATION_ZOOM: f32 = 1.4;
/// In presentation mode the painted labels of the sky chart and map (compass points,
/// times, satellite names) are this much larger again, to read from the back of a room.
const PRESENTATION_LABEL_SCALE: f32 = 1.7;
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
    /// The computer's clock set back or forward to start at this instant: real time runs
    /// on from it, so the clock bar's speeds all move (`OVERHEAD_FAKE_NOW`, demos,
    /// screenshots).
    StartingAt(DateTime<Utc>),
    /// A manual instant that moves only when told to, with
    /// [`OverheadApp::set_fixed_now`] (tests).
    Fixed(DateTime<Utc>),
}

impl NowSource {
    /// "Now", `elapsed` of real time after the app started.
    pub fn now(self, elapsed: std::time::Duration) -> DateTime<Utc> {
        match self {
            NowSource::System => Utc::now(),
            NowSource::StartingAt(start) => {
                start + Duration::from_std(elapsed).unwrap_or(Duration::zero())
            }
            NowSource::Fixed(t) => t,
        }
    }
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
    /// instant the clock starts at and runs on from), and the platform settings file.
    pub fn from_env() -> anyhow::Result<Self> {
        let now = match std::env::var("OVERHEAD_FAKE_NOW") {
            Ok(text) if !text.trim().is_empty() => {
                let t: DateTime<Utc> = text.trim().parse().map_err(|e| {
                    anyhow::anyhow!("OVERHEAD_FAKE_NOW={text:?} is not an RFC 3339 time: {e}")
                })?;
                NowSource::StartingAt(t)
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
    /// When the app started, for [`NowSource::StartingAt`].
    started: std::time::Instant,
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
    status_bar: StatusBar,
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
        let started = std::time::Instant::now();
        let real_now = now.now(started.elapsed());
        let mut status_bar = StatusBar::default();
        let settings = match &settings_path {
            Some(path) if path.exists() => {
                let (settings, message) = Settings::load(path);
                if let Some(text) = message {
                    status_bar.set(Status::error(text));
                }
                settings
            }
            _ => initial_settings.unwrap_or_default(),
        };
        let mut state = settings_path
            .as_ref()
            .and_then(|p| {
                crate::files::read_bounded(&ui_state_path(p), crate::files::SMALL_FILE_MAX_BYTES)
                    .ok()
            })
            .and_then(|bytes| serde_json::from_slice::<AppState>(&bytes).ok())
            .unwrap_or_default();
        // A hand-edited or damaged state file must not ask for a window of millennia.
        if let SearchWindow::Hours(hours) = &mut state.window {
            *hours = (*hours).clamp(1, MAX_WINDOW_HOURS);
        }
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
            started,
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
            status_bar,
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
        self.real_now = self.now_source.now(self.started.elapsed());
        self.poll_jobs();
        self.maybe_auto_refresh(ctx);
        self.schedule_alerts();
        self.apply_theme(ctx);
        self.keyboard(ctx);
        self.apply_presentation(ctx);
        self.maybe_search(ctx);
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
                    if let Some(catalog) = report.catalog {
                        self.catalog_loaded(catalog);
                    }
                    let status = refresh_status(&report.outcomes);
                    // The automatic refresh speaks in the top bar only, unless it failed.
                    if !report.automatic || status.is_error {
                        self.status_bar.set(status);
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
        self.status_bar.set(Status::error(text));
    }

    fn set_info(&mut self, text: impl Into<String>) {
        self.status_bar.set(Status::info(text));
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
        })
    }

    /// The search window at `t`: the next hours from a little before `t`, or tonight
    /// (from dusk, or from `t` when the night is under way, to dawn). None where the sky
    /// does not get dark tonight (the table says so instead of listing nothing).
    fn search_span(&self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
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
    fn tonight(&self, t: DateTime<Utc>) -> Night {
        night_of(
            &self.frame,
            t,
            self.state.settings.pass_search.max_sun_elevation_deg,
        )
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
            Action::SetSearch { search, window } => {
                settings.pass_search = search;
                self.state.window = window;
            }
            Action::SetLimitingMagnitude(limit) => {
                if limit.is_finite() {
                    settings.limiting_magnitude = limit.clamp(-2.0, 12.0);
                }
            }
            Action::ExportCsv => self.export(ctx, report::ExportFormat::Csv),
            Action::ExportIcs => self.export(ctx, report::ExportFormat::Ics),
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
        let limit = self.state.settings.limiting_magnitude;
        for record in records
            .iter()
            .filter(|r| r.pass.is_visible_to_eye(limit) && minutes > 0)
        {
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

    fn export(&mut self, ctx: &egui::Context, format: report::ExportFormat) {
        let Some(results) = &self.passes else { return };
        let records: Vec<&PassRecord> = self
            .state
            .passes_panel
            .shown(
                &results.records,
                (self.state.which == Which::Chosen)
                    .then_some(self.state.settings.satellites.as_slice()),
                self.state.settings.limiting_magnitude,
            )
            .into_iter()
            .collect();
        let place = self.place();
        let fmt = TimeFormatter::new(self.state.settings.time_display, place.time_zone.as_deref());
        let limit = self.state.settings.limiting_magnitude;
        let text = match format {
            report::ExportFormat::Ics => {
                report::to_ics(&records, &observer_of(&place), self.real_now, limit, &fmt)
            }
            report::ExportFormat::Csv => report::to_csv(&records, limit),
        };
        // Named by the shown (local) date and time, as the user reads the clock.
        let name = format!(
            "overhead-passes-{}.{}",
            fmt.format(self.sim_time(), "%Y%m%d-%H%M"),
            format.extension()
        );
        let (kind, extension) = (format.name(), format.extension());
        let count = records.len();
        self.save_file(ctx, name, text.into_bytes(), kind, extension, count);
    }

    /// Saves an export: through the desktop's save dialog where there is one (on a
    /// worker: the dialog blocks), else into the export folder.
    fn save_file(
        &mut self,
        ctx: &egui::Context,
        file_name: String,
        contents: Vec<u8>,
        kind: &'static str,
        extension: &'static str,
        count: usize,
    ) {
        if self.save_job.is_some() {
            self.set_error("An export is being saved; finish that first.");
            return;
        }
        let request = save::SaveRequest {
            file_name,
            contents,
            kind,
            extension,
            folder: self.export_dir.clone().unwrap_or_else(default_export_dir),
            ask: self.export_dir.is_none(),
        };
        if request.ask {
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

    /// Writes the one-page handout (the visible passes in the table, the selected pass's
    /// chart or the best one's) as a PDF beside the other exports. It takes a few tens of
    /// milliseconds, so it runs on the click.
    fn print_handout(&mut self, ctx: &egui::Context) {
        let Some(results) = &self.passes else { return };
        let limit = self.state.settings.limiting_magnitude;
        let records: Vec<&PassRecord> = results
            .records
            .iter()
            .filter(|r| {
                (self.state.which != Which::Chosen
                    || self.state.settings.satellites.contains(&r.pass.norad_id))
                    && r.pass.is_visible_to_eye(limit)
            })
            .collect();
        let place = self.place();
        let fmt = TimeFormatter::new(self.state.settings.time_display, place.time_zone.as_deref());
        // The pass in the sky chart if it can be seen, else the best of the night.
        let selected = self.state.selected_pass.and_then(|k| {
            records
                .iter()
                .copied()
                .find(|r| k.matches(r.pass.norad_id, r.pass.rise.time))
        });
        let chosen = selected.or_else(|| crate::handout::best_pass(&records, limit));
        let catalog = self.catalog.as_deref();
        let chart = chosen.and_then(|r| {
            let sat = catalog?.get(r.pass.norad_id)?;
            Some((r, crate::handout::path_samples(sat, &self.frame, r)))
        });
        let stars = chosen.map_or_else(Vec::new, |r| {
            let t = r.pass.visible_peak.unwrap_or(r.pass.culmination).time;
            crate::handout::chart_stars(&self.frame, t, 4.5)
        });
        let window_line = format!(
            "From {} to {} ({})",
            fmt.date_time(results.request.start),
            fmt.date_time(results.request.end),
            fmt.zone_label(results.request.start)
        );
        let data_line = crate::handout::data_line(
            &records,
            catalog.map_or("CelesTrak GP data (US Space Force)", |c| {
                c.source_note.as_str()
            }),
            self.real_now,
        );
        let input = crate::handout::HandoutInput {
            place_name: &place.name,
            place_line: coordinates_label(&place),
            window_line,
            records: &records,
            chart,
            stars,
            fmt,
            limiting_magnitude: limit,
            data_line,
            made_at: self.real_now,
        };
        let pdf = match crate::handout::handout_pdf(&input) {
            Ok(pdf) => pdf,
            Err(e) => {
                self.set_error(format!("Could not make the handout: {e}"));
                return;
            }
        };
        let name = format!(
            "overhead-handout-{}.pdf",
            fmt.format(self.sim_time(), "%Y%m%d-%H%M")
        );
        self.save_file(ctx, name, pdf, "PDF", "pdf", records.len());
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
            .filter(|r| {
                r.pass
                    .is_visible_to_eye(self.state.settings.limiting_magnitude)
            })
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
        let (night_note, never_dark) = match self.state.window {
            SearchWindow::Hours(_) => (None, false),
            SearchWindow::Tonight => {
                let limit = self.state.settings.pass_search.max_sun_elevation_deg;
                match self.tonight(t) {
                    Night::Dark { dusk, dawn } => (
                        Some(format!(
                            "Tonight: dark from {} to {} (Sun below {limit:.0}°).",
                            fmt.hm(dusk),
                            fmt.hm(dawn)
                        )),
                        false,
                    ),
                    Night::AlwaysDark { until, .. } => (
                        Some(format!(
                            "Polar night: the Sun stays below {limit:.0}° all day; showing the passes until {}.",
                            fmt.date_time(until)
                        )),
                        false,
                    ),
                    Night::NeverDark { .. } => (
                        Some(format!(
                            "The sky does not get dark tonight at {}: the Sun stays above {limit:.0}° for the next 24 hours, so no satellite can be seen against a dark sky. Choose \"next 24 h\" for the passes above the horizon.",
                            place.name
                        )),
                        true,
                    ),
                }
            }
        };
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
            window,
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
            label_scale: if settings.presentation_mode {
                PRESENTATION_LABEL_SCALE
            } else {
                1.0
            },
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
            ui.horizontal(|ui| {
                if let Some(folder) = &self.saved_folder
                    && self
                        .status_bar
                        .status
                        .as_ref()
                        .is_some_and(|s| s.text.starts_with("Saved "))
                    && ui.small_button("Open folder").clicked()
                {
                    actions.push(Action::OpenFolder(folder.clone()));
                }
                self.status_bar.ui(ui);
            });
            ui.add_space(2.0);
        });
        // Presentation mode makes everything larger, so it drops the picker and sizes the
        // panels by the screen (its own panel ids, so that the normal sizes come back after).
        let presenting = settings.presentation_mode;
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
                    sky.ui(ui, &view);
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
                        error: pass_error,
                    };
                    passes_panel.ui(ui, &view, &input, &mut actions);
                });
        }
        if !presenting {
            egui::Panel::left("picker")
                .resizable(true)
                .default_size(250.0)
                .show(ui, |ui| {
                    picker.ui(ui, &view, &mut actions);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some((key, record)) = &alert {
                alert_ui(ui, &view, *key, record, &mut actions);
            }
            if presenting {
                sky.description_ui(ui, &view);
                ui.separator();
                live.ui(ui, &view, &mut actions);
                ui.separator();
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

/// The time display, theme and alert settings of the top bar.
fn settings_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    settings: &Settings,
    alert_minutes: &mut u32,
    actions: &mut Vec<Action>,
) {
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
    ui.label("Alert");
    ui.add(
        egui::DragValue::new(alert_minutes)
            .range(0..=60)
            .suffix(" min before"),
    )
    .on_hover_text("Warn this many minutes before a visible pass (0: never)");
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
        let presentation = settings.presentation_mode;
        // Presenting, the bar keeps to one line: the time, theme and alert settings wait
        // for the normal view.
        if !presentation {
            settings_ui(ui, view, settings, alert_minutes, actions);
        }
        if ui
            .selectable_label(presentation, "Presentation")
            .on_hover_text("Large text, full screen (F11 or P; Esc leaves). Ctrl +/− zooms.")
            .clicked()
        {
            actions.push(Action::TogglePresentation);
        }
        ui.separator();
        match (view.catalog, loading) {
            (_, true) => {
                ui.spinner();
                ui.label("Loading satellites…");
            }
            (Some(c), false) => {
                // Judged at the clock the views follow: after "Use the data's date" the
                // elements are fresh for what is shown, however old they are today.
                let age = c.data_epoch.map(|e| data_age_at(e, view.t));
                let judged_at = format!(
                    "Age at the time the window shows ({}), not the computer's clock.",
                    view.fmt.date_time(view.t)
                );
                let hover = match &age {
                    Some((text, _)) => format!("{text}\n{judged_at}"),
                    None => String::new(),
                };
                if !presentation {
                    ui.label(format!("{} satellites, {}", c.sats.len(), c.source_note))
                        .on_hover_text(hover);
                }
                if let Some((age, true)) = age {
                    // Presenting, a short warning; the sentence on hover.
                    let (shown, hover) = if presentation {
                        ("Old elements".to_owned(), format!("{age}\n{judged_at}"))
                    } else {
                        (age, judged_at)
                    };
                    ui.colored_label(ui.visuals().warn_fg_color, shown)
                        .on_hover_text(hover);
                    if let Some(e) = c.data_epoch
                        && ui
                            .button("Use the data's date")
                            .on_hover_text("Run the clock at the date of the elements, so that the passes shown are right")
                            .clicked()
                    {
                        actions.push(Action::Clock(ClockCommand::JumpTo(e)));
                    }
                }
                match refresh.progress {
                    _ if presentation => {}
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

/// The sentence on the age of the data (its median epoch) at the simulated time `t`, and
/// whether it is stale there (more than [`crate::catalog::STALE_AFTER_DAYS`] either way,
/// as in the live panel).
fn data_age_at(data_epoch: DateTime<Utc>, t: DateTime<Utc>) -> (String, bool) {
    let age_days = (t - data_epoch).num_days();
    let stale = age_days.unsigned_abs() as f64 > crate::catalog::STALE_AFTER_DAYS;
    if age_days >= 0 {
        return (crate::catalog::data_age_message(data_epoch, t), stale);
    }
    let date = data_epoch.format("%-d %b %Y");
    let after = match -age_days {
        1 => "1 day".to_owned(),
        d => format!("{d} days"),
    };
    let text = if stale {
        format!(
            "Elements from {date} ({after} after the time shown): passes may be off by many minutes."
        )
    } else {
        format!("Elements from {date} ({after} after the time shown).")
    };
    (text, stale)
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
    let text = report::alert_text(
        record.name(),
        &record.pass,
        &countdown(start.time - view.t),
        |t| view.fmt.hm(t),
    );
    egui::Frame::new()
        .fill(view.palette.alert_fill)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(text).strong().color(view.palette.text));
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
/// Longest pass search window the window asks for, hours (the passes panel offers up to a
/// week; the command line allows 366 days).
const MAX_WINDOW_HOURS: u32 = 366 * 24;

fn ui_state_path(settings_path: &std::path::Path) -> PathBuf {
    settings_path.with_file_name("ui-state.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_age_is_judged_at_the_time_shown() {
        let epoch: DateTime<Utc> = "2026-08-22T09:00:00Z".parse().unwrap();
        let (text, stale) = data_age_at(epoch, epoch + Duration::hours(3));
        assert_eq!(text, "Elements from 22 Aug 2026 (less than a day old).");
        assert!(!stale);
        let (text, stale) = data_age_at(epoch, epoch + Duration::days(99));
        assert!(text.contains("(99 days old)"), "{text}");
        assert!(stale);
        // Run back before the data, the elements are as far off.
        let (text, stale) = data_age_at(epoch, epoch - Duration::days(30));
        assert!(text.contains("(30 days after the time shown)"), "{text}");
        assert!(stale);
    }

    #[test]
    fn fake_start_runs_on_with_real_time() {
        let start: DateTime<Utc> = "2026-08-22T20:01:30Z".parse().unwrap();
        let source = NowSource::StartingAt(start);
        assert_eq!(source.now(std::time::Duration::ZERO), start);
        assert_eq!(
            source.now(std::time::Duration::from_millis(2500)),
            start + Duration::milliseconds(2500)
        );
        // A test's manual clock stands still until it is moved.
        assert_eq!(
            NowSource::Fixed(start).now(std::time::Duration::from_secs(60)),
            start
        );
    }
}
