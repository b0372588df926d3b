//! The table's lines for chosen satellites with no pass to see in the window: each says
//! when the satellite is next seen (searched ahead in the background), with a button that
//! takes the clock to that pass.

use eframe::egui;

use egui::RichText;

use super::{PassesInput, PassesPanel};
use crate::report::WindowWords;
use crate::ui::ahead::unseen_notes;
use crate::ui::clock::ClockCommand;
use crate::ui::jobs::PassResults;
use crate::ui::view::{Action, PassKey, SearchWindow, ViewCtx};

/// The clock is set this long before a pass it is taken to (as "Jump to this pass" does).
const LEAD_IN_MINUTES: i64 = 1;

/// Up to this many lines show as they are; more fold under one line that counts them.
const MAX_OPEN_LINES: usize = 3;

impl PassesPanel {
    /// One line for each chosen satellite with no pass to see in `results`' window.
    pub(super) fn unseen_ui(
        &self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        results: &PassResults,
        input: &PassesInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let Some(catalog) = view.catalog else { return };
        let notes = unseen_notes(results, catalog, view.chosen, input.limiting_magnitude);
        if notes.is_empty() {
            return;
        }
        let window = match input.window {
            SearchWindow::Tonight => WindowWords::Tonight,
            SearchWindow::Hours(_) => WindowWords::Span {
                start: results.request.start,
                end: results.request.end,
            },
        };
        // One line each, cut to the panel's width (the whole sentence on hover), so that
        // the table keeps its rows at 1024 x 768; more than a few fold under one line.
        let count = notes.len();
        let mut lines_ui = |ui: &mut egui::Ui| {
            for (note, searching) in &notes {
                self.unseen_line_ui(ui, view, note, *searching, window, actions);
            }
        };
        if count <= MAX_OPEN_LINES {
            lines_ui(ui);
        } else {
            egui::CollapsingHeader::new(crate::t!(
                "panels-unseen-folded",
                count = count,
                window = window.words()
            ))
            .id_salt("unseen_lines")
            .show(ui, lines_ui);
        }
    }

    /// One satellite's line: the button to its next pass to see (if any) and the sentence.
    fn unseen_line_ui(
        &self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        note: &crate::report::SatelliteNote,
        searching: bool,
        window: WindowWords,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            let words = note
                .unseen_words(window, &view.fmt)
                .or_else(|| note.error.as_ref().map(|e| format!("{}: {e}", note.name)))
                .unwrap_or_default();
            if let Some(pass) = &note.next_visible {
                let start = pass.visible_start().map_or(pass.rise.time, |p| p.time);
                if ui
                    .small_button(crate::t!("panels-unseen-go"))
                    .on_hover_text(crate::t!("panels-unseen-go-hover"))
                    .clicked()
                {
                    actions.push(Action::Clock(ClockCommand::JumpTo(
                        start - chrono::Duration::minutes(LEAD_IN_MINUTES),
                    )));
                    actions.push(Action::SelectPass(PassKey {
                        norad_id: note.norad_id,
                        rise: pass.rise.time,
                    }));
                }
            }
            let text = if searching {
                ui.spinner();
                crate::t!("panels-unseen-searching", line = words)
            } else {
                words
            };
            ui.add(egui::Label::new(RichText::new(&text).italics()).truncate())
                .on_hover_text(text);
        });
    }
}
