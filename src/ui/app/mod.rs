//! The application: owns the state, the clock and the jobs, and implements `eframe::App`.
//!
//! Each frame: read the real time once, poll the jobs, start a pass search if what is
//! shown no longer matches what was searched ([`logic`], deciding with [`search_plan`]:
//! tonight's window is found once per night), draw the panels, which only queue
//! [`Action`]s ([`layout`], [`top_panel`]), carry out the actions and save what changed
//! ([`saving`]), then ask for the next frame only when the picture will change
//! ([`crate::ui::repaint`], the repaint policy). [`startup`] holds the options the window
//! opens with and [`alerts`] the warnings before visible passes.

use eframe::egui;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::catalog_data::{self, CatalogData};
use super::clock::SimClock;
use super::jobs::{self, Job, PassRequest, PassResults, RefreshReport, SharedCatalogLoader};
use super::notify::Notifier;
use super::repaint::Wakes;
use super::state::AppState;
use super::status_bar::StatusBar;
use super::theme::ThemeChoice;
use super::view::{Action, PassKey, Place, observer_of};
use crate::orbit::ObserverFrame;
use crate::settings::Settings;

mod alerts;
mod identify;
mod layout;
mod logic;
mod look_ahead;
mod saving;
mod search_plan;
mod startup;
mod top_panel;
mod transits;

pub use startup::{AppOptions, CatalogLoader, NowSource};

/// A pass search in flight.
struct RunningSearch {
    job: Job<PassResults>,
    request: PassRequest,
    cancelled: bool,
}

/// What the last refresh of the element sources found.
struct LastRefresh {
    /// The newest successful check of any enabled source.
    last_success: Option<DateTime<Utc>>,
    /// Why it brought nothing, if it did not.
    problem: Option<String>,
}

/// Why the elements were not refreshed at start (the top bar's line, before any refresh).
enum NotRefreshed {
    /// The refresh at start is switched off.
    AutoRefreshOff,
    /// There is no cache directory to refresh into; why.
    NoCacheDir(String),
}

impl NotRefreshed {
    /// The top bar's few words.
    fn words(&self) -> String {
        match self {
            Self::AutoRefreshOff => crate::t!("app-auto-refresh-off"),
            Self::NoCacheDir(why) => crate::t!("app-fresh-not-updated", why = why.as_str()),
        }
    }
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
    freshness: Option<NotRefreshed>,
    /// The last refresh's newest successful check, and why it brought nothing (if so).
    last_refresh: Option<LastRefresh>,
    notifier: Option<Notifier>,
    /// What the notifier was last given (pass key, alert time, due now), to send only changes.
    alert_plan: alerts::AlertPlan,
    notify_failure_shown: bool,
    search: Option<RunningSearch>,
    /// Decides which search the views need (tonight's window kept once per night).
    search_plan: search_plan::SearchPlan,
    /// Pass searches started since the app started (tests count them).
    searches_started: u64,
    passes: Option<PassResults>,
    /// The search ahead for chosen satellites with nothing to see in the window.
    look_ahead: Option<look_ahead::RunningLookAhead>,
    frame: ObserverFrame,
    applied_theme: Option<ThemeChoice>,
    applied_presentation: bool,
    dismissed_alerts: Vec<PassKey>,
    /// The Transits view's search and results.
    transit_runtime: crate::ui::transits::TransitRuntime,
    /// Transit alerts dismissed (their keys).
    dismissed_transit_alerts: Vec<String>,
    status_bar: StatusBar,
    settings_path: Option<PathBuf>,
    export_dir: Option<PathBuf>,
    /// An export being saved (a save dialog may be open), and how many passes it holds.
    save_job: Option<saving::PendingSave>,
    /// The Identify mode's search in flight, the one waiting, and the last results.
    identify_job: Option<Job<crate::ui::identify_job::IdentifyResults>>,
    identify_next: Option<crate::ui::identify_job::IdentifyRequest>,
    identification: Option<crate::ui::identify_job::IdentifyResults>,
    saved_settings: Option<Settings>,
    saved_ui_state: String,
    ui_state_saved_at: DateTime<Utc>,
    actions: Vec<Action>,
    /// Frames the views asked for during this frame (see [`crate::ui::repaint`]).
    wakes: Wakes,
    /// egui's time of the last input, seconds (the text cursor blinks for a while after it).
    last_input_s: f64,
    /// Whether the text cursor was last set to blink.
    applied_blink: Option<bool>,
}

impl OverheadApp {
    /// Builds the app and starts loading the catalog.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        crate::ui::fonts::install(ctx);
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
        let mut state =
            startup::load_state(settings_path.as_deref(), initial_settings, &mut status_bar);
        startup::apply_language(state.settings.language);
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
            alert_plan: alerts::AlertPlan::default(),
            notify_failure_shown: false,
            search: None,
            search_plan: search_plan::SearchPlan::default(),
            searches_started: 0,
            passes: None,
            look_ahead: None,
            applied_theme: None,
            applied_presentation: false,
            dismissed_alerts: Vec::new(),
            transit_runtime: crate::ui::transits::TransitRuntime::default(),
            dismissed_transit_alerts: Vec::new(),
            status_bar,
            settings_path,
            export_dir,
            save_job: None,
            identify_job: None,
            identify_next: None,
            identification: None,
            saved_ui_state,
            ui_state_saved_at: real_now,
            actions: Vec::new(),
            wakes: Wakes::default(),
            last_input_s: 0.0,
            applied_blink: None,
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

    /// How many pass searches the app has started: one per night in the Tonight view and one
    /// per change of satellites, place or settings, never one per frame.
    pub fn searches_started(&self) -> u64 {
        self.searches_started
    }

    /// True while the catalog loads, a pass search or a search ahead runs.
    pub fn is_busy(&self) -> bool {
        self.catalog_job.is_some()
            || self.search.is_some()
            || self.refresh_job.is_some()
            || self.look_ahead.is_some()
    }

    /// The Transits view's search and results (for tests and tools).
    pub fn transit_runtime(&self) -> &crate::ui::transits::TransitRuntime {
        &self.transit_runtime
    }

    /// The state, to change (for tests and tools).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
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

    pub(super) fn place(&self) -> Place {
        self.state.settings.observer()
    }

    /// How times are shown: in the chosen zone, pass times to the second if so set.
    pub(super) fn time_formatter(&self) -> crate::ui::timefmt::TimeFormatter {
        let settings = &self.state.settings;
        crate::ui::timefmt::TimeFormatter::new(
            settings.time_display,
            settings.observer().time_zone.as_deref(),
        )
        .with_seconds(settings.show_seconds)
    }
}

impl eframe::App for OverheadApp {
    /// The window is cleared to the panels' colour, and the panels draw no fill of their
    /// own (see `layout.rs`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        super::probe::after_frame(self.passes.as_ref().is_some_and(|p| !p.records.is_empty()));
        let ctx = ui.ctx().clone();
        self.run_actions(&ctx);
        self.ask_next_frame(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}
