//! How the app starts: where "now" comes from ([`NowSource`]), the options the window is
//! opened with ([`AppOptions`], also what tests set), and the saved window state read back.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};

use crate::settings::Settings;
use crate::ui::catalog_data::CatalogData;
use crate::ui::state::AppState;
use crate::ui::status_bar::{Status, StatusBar};
use crate::ui::view::SearchWindow;

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
    /// instant the clock starts at and runs on from), the platform settings file, and, on a
    /// first start, the settings proposed for the computer's time zone and language
    /// ([`Settings::for_first_start`]).
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
        let settings_path = crate::settings::default_settings_path().ok();
        // A first start (no settings file yet) proposes the place of the computer's time
        // zone and the satellites of its language.
        let first_start = !settings_path.as_ref().is_some_and(|p| p.exists());
        let initial_settings = first_start.then(|| {
            Settings::for_first_start(
                crate::atlas::zones::system_zone_name().as_deref(),
                crate::i18n::language(),
            )
        });
        Ok(Self {
            now,
            settings_path,
            initial_settings,
            load_catalog: None,
            export_dir: None,
            cache_dir: None,
            auto_refresh: true,
            notifications: true,
        })
    }
}

/// Longest pass search window the window asks for, hours (the passes panel offers up to a
/// week; the command line allows 366 days).
const MAX_WINDOW_HOURS: u32 = 366 * 24;

/// The window state file, beside the settings file.
pub(super) fn ui_state_path(settings_path: &std::path::Path) -> PathBuf {
    settings_path.with_file_name("ui-state.json")
}

/// The state to start from: the settings file (a problem reading it goes to the status
/// bar), else `initial_settings`, and the window state saved beside it.
pub(super) fn load_state(
    settings_path: Option<&std::path::Path>,
    initial_settings: Option<Settings>,
    status_bar: &mut StatusBar,
) -> AppState {
    let settings = match settings_path {
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
        .and_then(|p| {
            crate::files::read_bounded(&ui_state_path(p), crate::files::SMALL_FILE_MAX_BYTES).ok()
        })
        .and_then(|bytes| serde_json::from_slice::<AppState>(&bytes).ok())
        .unwrap_or_default();
    // A hand-edited or damaged state file must not ask for a window of millennia.
    if let SearchWindow::Hours(hours) = &mut state.window {
        *hours = (*hours).clamp(1, MAX_WINDOW_HOURS);
    }
    state.settings = settings;
    state
}

/// Speaks the saved language, unless `--lang` chose one for this run (it wins) or the
/// setting follows the system (as [`crate::i18n::init`] already did). Called after `init`.
pub(super) fn apply_language(saved: Option<crate::i18n::Lang>) {
    if let Some(lang) = saved
        && !crate::i18n::is_forced()
    {
        crate::i18n::set_language(lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
