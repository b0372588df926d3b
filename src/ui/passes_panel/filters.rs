//! The switches above the pass table: which satellites, visible only, the sky's limiting
//! magnitude, the minimum elevation, the search window and the column set.

use eframe::egui;

use super::{ColumnSet, PassesInput, PassesPanel};
use crate::report::SKY_PRESETS;
use crate::ui::state::{Action, SearchWindow, Which};

/// Search windows offered: tonight, or the next N hours.
const WINDOWS_H: [u32; 5] = [12, 24, 48, 72, 168];

impl PassesPanel {
    pub(super) fn filters_ui(
        &mut self,
        ui: &mut egui::Ui,
        input: &PassesInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Passes");
            let mut which = input.which;
            ui.selectable_value(&mut which, Which::Chosen, "Chosen satellites");
            ui.selectable_value(&mut which, Which::AllBright, "All bright ones");
            if which != input.which {
                actions.push(Action::SetWhich(which));
            }
            ui.separator();
            ui.checkbox(&mut self.visible_only, "Visible only")
                .on_hover_text(
                    "Only passes you can expect to see with the naked eye: sunlit, in a dark \
                     sky, high enough, and not fainter than your sky shows",
                );
            let mut limit = input.limiting_magnitude;
            let label = ui.label("Sky");
            egui::ComboBox::from_id_salt("sky_limit")
                .selected_text(sky_label(limit))
                .show_ui(ui, |ui| {
                    for (name, value) in SKY_PRESETS {
                        ui.selectable_value(&mut limit, value, name);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The faintest stars your sky shows (limiting magnitude)");
            ui.add(
                egui::DragValue::new(&mut limit)
                    .range(-2.0..=12.0)
                    .speed(0.1)
                    .fixed_decimals(1)
                    .prefix("mag "),
            )
            .on_hover_text("Limiting magnitude: type your own");
            if limit != input.limiting_magnitude {
                actions.push(Action::SetLimitingMagnitude(limit));
            }
            ui.separator();
            let mut search = *input.search;
            let mut window = input.window;
            ui.label("Min. elevation");
            ui.add(
                egui::DragValue::new(&mut search.min_elevation_deg)
                    .range(0.0..=80.0)
                    .speed(1.0)
                    .suffix("°"),
            );
            let label = ui.label("Window");
            egui::ComboBox::from_id_salt("window")
                .selected_text(window_label(window))
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut window,
                        SearchWindow::Tonight,
                        window_label(SearchWindow::Tonight),
                    );
                    for h in WINDOWS_H {
                        let w = SearchWindow::Hours(h);
                        ui.selectable_value(&mut window, w, window_label(w));
                    }
                })
                .response
                .labelled_by(label.id);
            if search != *input.search || window != input.window {
                actions.push(Action::SetSearch { search, window });
            }
            ui.separator();
            let mut columns = self.columns;
            ui.selectable_value(&mut columns, ColumnSet::Seen, "When seen")
                .on_hover_text("Where it appears, its highest point while seen, where it vanishes");
            ui.selectable_value(&mut columns, ColumnSet::Horizon, "Horizon times")
                .on_hover_text("Rise, highest point and set above the horizon (for radio)");
            if columns != self.columns {
                self.columns = columns;
                self.scroll_x = 0.0;
            }
            if let Some((done, total)) = input.progress {
                ui.spinner();
                ui.label(format!("Searching… {done}/{total} satellites"));
            }
            if let Some(err) = input.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
        });
    }
}

/// "Suburb (mag 4)" for a preset's value, else "mag 4.3".
fn sky_label(limit: f64) -> String {
    SKY_PRESETS
        .iter()
        .find(|(_, v)| (*v - limit).abs() < 1e-9)
        .map_or_else(
            || format!("Custom (mag {limit:.1})"),
            |(name, _)| (*name).to_owned(),
        )
}

/// Menu label of a search window: "Tonight", "next 24 h", "next 3 days".
pub fn window_label(window: SearchWindow) -> String {
    match window {
        SearchWindow::Tonight => "Tonight".to_owned(),
        SearchWindow::Hours(hours) if hours.is_multiple_of(24) => {
            let days = hours / 24;
            if days == 1 {
                "next 24 h".to_owned()
            } else {
                format!("next {days} days")
            }
        }
        SearchWindow::Hours(hours) => format!("next {hours} h"),
    }
}
