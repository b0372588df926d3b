//! The pass table: upcoming passes of the chosen (or all bright) satellites.
//!
//! The panel's state and the rows it shows live here; its parts each have a file:
//! [`filters`] (the line of switches above the table), [`columns`] (the two column sets
//! and their two-row sortable header), [`cells`] (what each cell of a row says) and
//! [`table`] (the rows, with the satellite's column fixed and the others scrolling), and
//! [`unseen`] (a line for each chosen satellite with nothing to see in the window).

mod cells;
mod columns;
mod filters;
mod table;
mod unseen;

use eframe::egui;

use egui::RichText;
use serde::{Deserialize, Serialize};

use super::view::{Action, SearchWindow, ViewCtx, Which};
use crate::orbit::PassSearch;
use crate::report::PassRecord;

/// Columns the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    /// Satellite name.
    Satellite,
    /// Rise time.
    #[default]
    Rise,
    /// Maximum elevation.
    MaxElevation,
    /// Rise to set.
    Duration,
    /// Visible first.
    Visible,
    /// Brightest first (lowest magnitude).
    Magnitude,
}

/// Which columns the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ColumnSet {
    /// What an observer reads: where it appears, its highest point while seen, where it
    /// vanishes, how bright it is and how it ends.
    #[default]
    Seen,
    /// Above the horizon: rise, culmination and set (for radio users).
    Horizon,
}

/// The pass table and its filters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PassesPanel {
    /// Hide passes that cannot be seen with the naked eye (not visible, or known to be
    /// fainter than the sky's limiting magnitude).
    pub visible_only: bool,
    /// Sort column.
    pub sort: SortColumn,
    /// Reverse the sort.
    pub descending: bool,
    /// Which columns are shown.
    pub columns: ColumnSet,
    /// Horizontal scroll of the columns right of the satellite's, points (the header
    /// follows the body's scroll).
    #[serde(skip)]
    scroll_x: f32,
}

/// What the table needs besides the shared view.
pub struct PassesInput<'a> {
    /// Current thresholds.
    pub search: &'a PassSearch,
    /// Current search window.
    pub window: SearchWindow,
    /// Faintest magnitude the observer's sky shows.
    pub limiting_magnitude: f64,
    /// Chosen satellites or all bright ones.
    pub which: Which,
    /// (done, total) while a search runs.
    pub progress: Option<(usize, usize)>,
    /// Why the last search could not run, if it could not.
    pub error: Option<&'a str>,
    /// What the window covers, when it is tonight ("Tonight: dark from 19:52 to 05:01").
    pub night_note: Option<String>,
    /// Tonight was asked for, and the sky does not get dark: `night_note` says so, and
    /// no pass is listed.
    pub never_dark: bool,
}

impl PassesPanel {
    /// The records the table shows, filtered and sorted. With `only`, just those
    /// satellites (the search also covers the followed one, for the live panel).
    /// "Visible only" keeps the passes a naked eye can expect to see in a sky showing
    /// stars to `limiting_magnitude` (passes of unknown brightness stay).
    pub fn shown<'a>(
        &self,
        records: &'a [PassRecord],
        only: Option<&[u64]>,
        limiting_magnitude: f64,
    ) -> Vec<&'a PassRecord> {
        let mut rows: Vec<&PassRecord> = records
            .iter()
            .filter(|r| !self.visible_only || r.is_visible_to_eye(limiting_magnitude))
            .filter(|r| only.is_none_or(|ids| ids.contains(&r.pass.norad_id)))
            .collect();
        let key_rise = |r: &PassRecord| r.pass.rise.time;
        let seen = self.columns == ColumnSet::Seen;
        // In the observer's columns, "highest" is the highest point while seen (a pass
        // never seen has none: it sorts after every seen one).
        let top = |r: &PassRecord| {
            if seen {
                r.pass
                    .visible_peak()
                    .map_or(f64::NEG_INFINITY, |p| p.elevation_deg)
            } else {
                r.pass.culmination.elevation_deg
            }
        };
        match self.sort {
            SortColumn::Satellite => rows.sort_by(|a, b| {
                a.name()
                    .cmp(b.name())
                    .then_with(|| key_rise(a).cmp(&key_rise(b)))
            }),
            SortColumn::Rise => rows.sort_by_key(|r| {
                let first = if seen {
                    r.pass.visible_start().map_or(r.pass.rise.time, |p| p.time)
                } else {
                    r.pass.rise.time
                };
                (first, r.pass.norad_id)
            }),
            SortColumn::MaxElevation => rows.sort_by(|a, b| top(b).total_cmp(&top(a))),
            SortColumn::Duration => rows.sort_by_key(|r| std::cmp::Reverse(r.pass.duration())),
            SortColumn::Visible => {
                rows.sort_by_key(|r| {
                    (
                        !r.is_visible_to_eye(limiting_magnitude),
                        !r.pass.is_visible,
                        key_rise(r),
                    )
                });
            }
            SortColumn::Magnitude => rows.sort_by(|a, b| {
                let m = |r: &PassRecord| r.pass.magnitude.unwrap_or(f64::INFINITY);
                m(a).total_cmp(&m(b))
            }),
        }
        if self.descending {
            rows.reverse();
        }
        rows
    }

    /// Draws the filters and the table.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        input: &PassesInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        self.filters_ui(ui, input, actions);
        if input.never_dark {
            if let Some(note) = &input.night_note {
                ui.label(RichText::new(note).strong());
            }
            return;
        }
        let Some(results) = view.passes else {
            if input.progress.is_none() {
                ui.label(crate::t!("panels-no-passes-yet"));
            }
            return;
        };
        let limit = input.limiting_magnitude;
        let only = (input.which == Which::Chosen).then_some(view.chosen);
        let rows = self.shown(&results.records, only, limit);
        let listed: Vec<&PassRecord> = results
            .records
            .iter()
            .filter(|r| only.is_none_or(|ids| ids.contains(&r.pass.norad_id)))
            .collect();
        let hidden = listed.len() - rows.len();
        let unknown = rows
            .iter()
            .filter(|r| r.pass.is_visible && r.pass.magnitude.is_none())
            .count();
        ui.horizontal_wrapped(|ui| {
            if let Some(note) = &input.night_note {
                ui.label(RichText::new(note).strong());
            }
            let mut text = crate::t!(
                "panels-summary",
                count = rows.len(),
                start = view.fmt.date_time(results.request.start),
                end = view.fmt.date_time(results.request.end),
                zone = view.fmt.zone_label(view.t),
            );
            if hidden > 0 {
                text.push_str(&crate::t!("panels-summary-hidden", count = hidden));
            }
            ui.label(text);
            if unknown > 0 {
                ui.add(
                    egui::Label::new(
                        RichText::new(crate::t!("panels-unknown-brightness", count = unknown))
                            .weak(),
                    )
                    .extend(),
                )
                .on_hover_text(crate::t!("panels-unknown-brightness-hover"));
            }
            for note in results.notes.iter().take(3) {
                ui.label(RichText::new(note).weak());
            }
            let has_rows = !rows.is_empty();
            if ui
                .add_enabled(has_rows, egui::Button::new(crate::t!("panels-export-csv")))
                .on_hover_text(crate::t!("panels-export-csv-hover"))
                .clicked()
            {
                actions.push(Action::ExportCsv);
            }
            if ui
                .add_enabled(has_rows, egui::Button::new(crate::t!("panels-export-ics")))
                .on_hover_text(crate::t!("panels-export-ics-hover"))
                .clicked()
            {
                actions.push(Action::ExportIcs);
            }
            if ui
                .add_enabled(
                    has_rows,
                    egui::Button::new(crate::t!("panels-print-handout")),
                )
                .on_hover_text(crate::t!("panels-print-handout-hover"))
                .clicked()
            {
                actions.push(Action::PrintHandout);
            }
        });
        if input.which == Which::Chosen {
            self.unseen_ui(ui, view, results, input, actions);
        }
        if rows.is_empty() {
            ui.label(if input.which == Which::Chosen && view.chosen.is_empty() {
                crate::t!("panels-choose-satellites")
            } else {
                crate::t!("panels-no-passes-in-window")
            });
            return;
        }
        self.table_ui(ui, view, &rows, limit, actions);
    }
}
