//! The desktop window (egui/eframe).

use std::process::ExitCode;

/// Opens the desktop window and runs it until it is closed.
pub fn run_app() -> anyhow::Result<ExitCode> {
    anyhow::bail!("the window is not implemented yet")
}
