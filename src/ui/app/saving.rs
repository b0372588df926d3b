//! What the window writes: exports (CSV, iCalendar), the printable handout, the save
//! dialog's outcome, and the settings and window state.

use eframe::egui;

use std::path::PathBuf;

use super::OverheadApp;
use super::startup::ui_state_path;
use crate::report::{self, PassRecord};
use crate::t;
use crate::ui::save;
use crate::ui::status_bar::Status;
use crate::ui::timefmt::TimeFormatter;
use crate::ui::view::{Which, coordinates_label, observer_of};

/// Window state is written at most this often while it changes, seconds.
const UI_STATE_SAVE_INTERVAL_S: i64 = 10;

/// What kind of file an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ExportFormat {
    /// The pass table as comma-separated values.
    Csv,
    /// The pass table as calendar events (RFC 5545).
    Ics,
    /// The one-page printable handout.
    Pdf,
}

impl ExportFormat {
    /// What the save dialog's filter calls it.
    fn kind(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Ics => "iCalendar",
            Self::Pdf => "PDF",
        }
    }

    /// The file name's extension, without the dot.
    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Ics => "ics",
            Self::Pdf => "pdf",
        }
    }
}

/// An export being saved (a save dialog may be open).
pub(super) struct PendingSave {
    /// Where the outcome arrives.
    pub(super) outcome: std::sync::mpsc::Receiver<save::SaveOutcome>,
    /// How many passes the file holds, for the status line.
    pub(super) pass_count: usize,
}

impl OverheadApp {
    /// Writes the passes the table shows (its filters and sort) as CSV or iCalendar.
    pub(super) fn export(&mut self, ctx: &egui::Context, format: ExportFormat) {
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
        let fmt = self.time_formatter();
        let limit = self.state.settings.limiting_magnitude;
        let text = match format {
            ExportFormat::Ics => {
                report::to_ics(&records, &observer_of(&place), self.real_now, limit, &fmt)
            }
            ExportFormat::Csv | ExportFormat::Pdf => report::to_csv(&records, limit),
        };
        // Named by the shown (local) date and time, as the user reads the clock.
        let name = format!(
            "overhead-passes-{}.{}",
            fmt.format(self.sim_time(), "%Y%m%d-%H%M"),
            format.extension()
        );
        let count = records.len();
        self.save_file(ctx, name, text.into_bytes(), format, count);
    }

    /// Saves an export: through the desktop's save dialog where there is one (on a
    /// worker: the dialog blocks), else into the export folder.
    pub(super) fn save_file(
        &mut self,
        ctx: &egui::Context,
        file_name: String,
        contents: Vec<u8>,
        format: ExportFormat,
        pass_count: usize,
    ) {
        if self.save_job.is_some() {
            self.set_error(t!("app-save-busy"));
            return;
        }
        let request = save::SaveRequest {
            file_name,
            contents,
            kind: format.kind(),
            extension: format.extension(),
            folder: self.export_dir.clone().unwrap_or_else(default_export_dir),
            ask: self.export_dir.is_none(),
            // The handout is for printing: it opens in the PDF viewer once saved.
            open_after: format == ExportFormat::Pdf && self.export_dir.is_none(),
        };
        if request.ask {
            self.save_job = Some(PendingSave {
                outcome: save::spawn_save(ctx, request),
                pass_count,
            });
        } else {
            let outcome = save::save(&request);
            self.saved(outcome, pass_count);
        }
    }

    pub(super) fn saved(&mut self, outcome: save::SaveOutcome, count: usize) {
        match outcome {
            save::SaveOutcome::Saved(path) => {
                let text = t!(
                    "app-saved",
                    count = count,
                    path = path.display().to_string()
                );
                let mut status = Status::info(text);
                status.folder = path.parent().map(std::path::Path::to_path_buf);
                self.status_bar.set(status);
            }
            save::SaveOutcome::SavedAndOpened(path) => {
                let mut status =
                    Status::info(t!("app-handout-opened", path = path.display().to_string()));
                status.folder = path.parent().map(std::path::Path::to_path_buf);
                self.status_bar.set(status);
            }
            save::SaveOutcome::Cancelled => self.set_info(t!("app-save-cancelled")),
            save::SaveOutcome::Failed { path, message } => {
                self.set_error(t!(
                    "app-save-failed",
                    path = path.display().to_string(),
                    error = message
                ));
            }
        }
    }

    /// Makes the handout (the visible passes in the table, the selected pass's chart or
    /// the best one's, a line for each chosen satellite with nothing to see) and saves it
    /// through the save dialog, then opens it in the PDF viewer to print (without a dialog,
    /// into the Downloads folder, and opened all the same). Making it takes a few tens of
    /// milliseconds, so it runs on the click.
    pub(super) fn print_handout(&mut self, ctx: &egui::Context) {
        let Some(results) = &self.passes else { return };
        let limit = self.state.settings.limiting_magnitude;
        let records: Vec<&PassRecord> = results
            .records
            .iter()
            .filter(|r| {
                (self.state.which != Which::Chosen
                    || self.state.settings.satellites.contains(&r.pass.norad_id))
                    && r.is_visible_to_eye(limit)
            })
            .collect();
        let place = self.place();
        let fmt = self.time_formatter();
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
        let chart_time = chosen.map(|r| r.pass.visible_peak().unwrap_or(r.pass.culmination).time);
        let stars = chart_time.map_or_else(Vec::new, |t| {
            crate::handout::chart_stars(&self.frame, t, 4.5)
        });
        let constellation_lines = chart_time.map_or_else(Vec::new, |t| {
            crate::handout::chart_constellation_lines(&self.frame, t)
        });
        // Every chosen satellite is accounted for: a line for each with nothing to see.
        let unseen = self.unseen_lines(results, &fmt);
        let window_line = t!(
            "app-handout-window",
            start = fmt.date_time(results.request.start),
            end = fmt.date_time(results.request.end),
            zone = fmt.zone_label(results.request.start)
        );
        let source = catalog.map_or_else(|| t!("words-handout-source"), |c| c.source_note());
        let data_line = crate::handout::data_line(&records, &source, self.real_now);
        let place_name = crate::ui::view::place_name_in(&place, crate::i18n::language());
        let input = crate::handout::HandoutInput {
            place_name: &place_name,
            place_line: coordinates_label(&place),
            window_line,
            records: &records,
            chart,
            stars,
            fmt,
            limiting_magnitude: limit,
            data_line,
            made_at: self.real_now,
            unseen,
            constellation_lines,
            zone_at: chart_time.unwrap_or(results.request.start),
        };
        let pdf = match crate::handout::handout_pdf(&input) {
            Ok(pdf) => pdf,
            Err(e) => {
                self.set_error(t!("app-handout-failed", error = e.to_string()));
                return;
            }
        };
        let name = format!(
            "overhead-handout-{}.pdf",
            fmt.format(self.sim_time(), "%Y%m%d-%H%M")
        );
        self.save_file(ctx, name, pdf, ExportFormat::Pdf, records.len());
    }

    /// The handout's lines for the chosen satellites with nothing to see in `results`'
    /// window (as the table says them).
    fn unseen_lines(
        &self,
        results: &crate::ui::jobs::PassResults,
        fmt: &TimeFormatter,
    ) -> Vec<String> {
        let (Which::Chosen, Some(catalog)) = (self.state.which, self.catalog.as_deref()) else {
            return Vec::new();
        };
        let window = match self.state.window {
            crate::ui::view::SearchWindow::Tonight => report::WindowWords::Tonight,
            crate::ui::view::SearchWindow::Hours(_) => report::WindowWords::Span {
                start: results.request.start,
                end: results.request.end,
            },
        };
        crate::ui::ahead::unseen_notes(
            results,
            catalog,
            &self.state.settings.satellites,
            self.state.settings.limiting_magnitude,
        )
        .iter()
        .filter_map(|(note, _)| note.unseen_words(window, fmt))
        .collect()
    }

    pub(super) fn save_settings(&mut self) {
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
                let text = match e {
                    crate::settings::SettingsError::Save { path, message } => t!(
                        "app-settings-save-failed",
                        path = path.display().to_string(),
                        error = message
                    ),
                    other => other.to_string(),
                };
                self.set_error(text);
            }
        }
    }

    pub(super) fn save_ui_state(&mut self, force: bool) {
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
                self.set_error(t!(
                    "app-ui-state-save-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                ));
            }
        }
    }
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
