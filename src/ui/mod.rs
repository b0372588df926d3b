//! The desktop window (egui/eframe).
//!
//! One [`app::OverheadApp`] owns one [`state::AppState`]; each panel is a struct in its
//! own file with a `ui` method that draws and queues [`view::Action`]s, which the app
//! carries out. Panels read the frame's facts from a [`view::ViewCtx`]; [`view`] holds
//! this shared vocabulary and imports no panel, so the imports run one way:
//! view ← panels ← state ← app. Slow work (loading the catalog, pass searches,
//! downloads) runs in [`jobs`] on worker threads. The real time is read once per frame,
//! and every view follows the one simulated [`clock`]. Every word shown is a message in
//! `assets/i18n/<lang>/app.ftl` (the frame) or `panels.ftl` (the panels).

use eframe::egui;

use std::process::ExitCode;

pub mod ahead;
pub mod app;
pub mod catalog_data;
pub mod clock;
pub mod clock_bar;
pub mod fonts;
pub mod identify_job;
pub mod jobs;
pub mod live_panel;
pub mod location_panel;
pub mod map_view;
pub mod notify;
pub mod passes_panel;
pub mod picker;
pub mod probe;
pub mod repaint;
pub mod save;
pub mod sky_chart;
pub mod sky_now;
pub mod sky_scene;
pub mod state;
pub mod status_bar;
pub mod theme;
pub mod time_entry;
pub mod transits;
pub mod view;
pub use crate::timefmt;

pub use app::{AppOptions, NowSource, OverheadApp};

/// Opens the desktop window and runs it until it is closed.
///
/// `OVERHEAD_FAKE_NOW` (an RFC 3339 instant) starts the clock at that instant, from which
/// it runs on at the chosen speed, for screenshots and demos.
pub fn run_app() -> anyhow::Result<ExitCode> {
    let options = AppOptions::from_env()?;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Overhead")
            // Matches the desktop entry, so that desktops show its name and icon.
            .with_app_id(notify::APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Overhead",
        native,
        Box::new(move |cc| Ok(Box::new(OverheadApp::new(&cc.egui_ctx, options)))),
    )
    .map_err(|e| anyhow::anyhow!(crate::t!("app-error-no-window", error = e.to_string())))?;
    Ok(ExitCode::SUCCESS)
}
