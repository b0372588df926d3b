//! The switches above the pass table: which satellites, visible only, the sky's limiting
//! magnitude, the minimum elevation, the search window and the column set.

use eframe::egui;

use super::{ColumnSet, PassesInput, PassesPanel};
use crate::report::sky_presets;
use crate::ui::view::{Action, SearchWindow, Which};

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
            // A label that does not fit moves whole to the next line ("Min. | elevation"
            // was split at 1024 px).
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.heading(crate::t!("panels-passes-heading"));
            let mut which = input.which;
            ui.selectable_value(&mut which, Which::Chosen, crate::t!("panels-which-chosen"));
            ui.selectable_value(
                &mut which,
                Which::AllBright,
                crate::t!("panels-which-bright"),
            );
            if which != input.which {
                actions.push(Action::SetWhich(which));
            }
            ui.separator();
            ui.checkbox(&mut self.visible_only, crate::t!("panels-visible-only"))
                .on_hover_text(crate::t!("panels-visible-only-hover"));
            let mut limit = input.limiting_magnitude;
            let label = ui.label(crate::t!("panels-sky"));
            egui::ComboBox::from_id_salt("sky_limit")
                .selected_text(sky_label(limit))
                .show_ui(ui, |ui| {
                    for (name, value) in sky_presets() {
                        ui.selectable_value(&mut limit, value, name);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(crate::t!("panels-sky-hover"));
            ui.add(
                egui::DragValue::new(&mut limit)
                    .range(-2.0..=12.0)
                    .speed(0.1)
                    .fixed_decimals(1)
                    .prefix(crate::t!("panels-mag-prefix"))
                    .suffix(crate::t!("panels-mag-suffix")),
            )
            .on_hover_text(crate::t!("panels-mag-field-hover"));
            if limit != input.limiting_magnitude {
                actions.push(Action::SetLimitingMagnitude(limit));
            }
            ui.separator();
            let mut search = *input.search;
            let mut window = input.window;
            // Each label moves to the next line with its field, never apart from it.
            let min_elevation = crate::t!("panels-min-elevation");
            line_for(ui, &min_elevation, FIELD_WIDTH_POINTS);
            ui.label(min_elevation);
            ui.add(
                egui::DragValue::new(&mut search.min_elevation_deg)
                    .range(0.0..=80.0)
                    .speed(1.0)
                    .suffix("°"),
            );
            let window_word = crate::t!("panels-window");
            line_for(ui, &window_word, 2.0 * FIELD_WIDTH_POINTS);
            let label = ui.label(window_word);
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
            ui.selectable_value(
                &mut columns,
                ColumnSet::Seen,
                crate::t!("panels-columns-seen"),
            )
            .on_hover_text(crate::t!("panels-columns-seen-hover"));
            ui.selectable_value(
                &mut columns,
                ColumnSet::Horizon,
                crate::t!("panels-columns-horizon"),
            )
            .on_hover_text(crate::t!("panels-columns-horizon-hover"));
            if columns != self.columns {
                self.columns = columns;
                self.scroll_x = 0.0;
            }
            if let Some((done, total)) = input.progress {
                ui.spinner();
                ui.label(crate::t!("panels-searching", done = done, total = total));
            }
            if let Some(err) = input.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
        });
    }
}

/// "Suburb (mag 4)" for a preset's value, else "Custom (mag 4.3)".
fn sky_label(limit: f64) -> String {
    sky_presets()
        .into_iter()
        .find(|(_, v)| (*v - limit).abs() < 1e-9)
        .map_or_else(
            || crate::t!("panels-sky-custom", mag = format!("{limit:.1}")),
            |(name, _)| name.to_owned(),
        )
}

/// Menu label of a search window: "Tonight", "next 24 h", "next 3 days".
pub fn window_label(window: SearchWindow) -> String {
    match window {
        SearchWindow::Tonight => crate::t!("panels-window-tonight"),
        SearchWindow::Hours(hours) if hours.is_multiple_of(24) => {
            crate::t!("panels-window-days", days = hours / 24)
        }
        SearchWindow::Hours(hours) => crate::t!("panels-window-hours", hours = hours),
    }
}

/// About how wide a small field is (a number, a short menu), points.
const FIELD_WIDTH_POINTS: f32 = 60.0;

/// Starts a new line of the wrapped bar unless `label` and a field `field_width` wide after
/// it fit on this one, so that a label never ends a line with its field on the next.
fn line_for(ui: &mut egui::Ui, label: &str, field_width: f32) {
    let label_width = egui::WidgetText::from(label)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    let needed = label_width + field_width + 2.0 * ui.spacing().item_spacing.x;
    if ui.available_size_before_wrap().x < needed {
        ui.end_row();
    }
}
