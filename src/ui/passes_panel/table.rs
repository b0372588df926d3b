//! The rows of the pass table: the satellite's column stays put while the others scroll
//! sideways together with their header, by a scroll bar under the rows when the window is
//! narrower than the table; a click selects a pass, a double click jumps the clock to it.

use eframe::egui;

use egui::{Align, Layout, Sense, UiBuilder, Vec2};

use super::cells::{Cell, RowTimes};
use super::columns::{Column, SATELLITE_WIDTH};
use super::{ColumnSet, PassesPanel, SortColumn};
use crate::report::PassRecord;
use crate::ui::clock::ClockCommand;
use crate::ui::view::{Action, PassKey, ViewCtx};

impl PassesPanel {
    /// The table: the satellite column stays in place, the others scroll sideways
    /// together with their header.
    pub(super) fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        rows: &[&PassRecord],
        limit: f64,
        actions: &mut Vec<Action>,
    ) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let columns = self
            .columns
            .columns_fitting(time_column_width(ui, view, rows, self.columns));
        let columns = columns.as_slice();
        let total_width: f32 = columns.iter().map(|c| c.width).sum();
        // The header: the satellite's title, then the others, scrolled as the body is.
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            self.sort_header_ui(
                ui,
                "panels-col-satellite",
                SortColumn::Satellite,
                SATELLITE_WIDTH,
                2.0 * row_height,
            );
            let out = egui::ScrollArea::horizontal()
                .id_salt(("passes_head", self.columns as u8))
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .horizontal_scroll_offset(self.scroll_x)
                .scroll_source(egui::scroll_area::ScrollSource::NONE)
                .show(ui, |ui| {
                    ui.set_min_width(total_width);
                    self.header_ui(ui, columns, row_height);
                });
            let _ = out;
        });
        // The rows, over a scroll bar of their own for the sideways scroll: a narrow window
        // (1024 px) reaches every column with it, without hunting past the last row.
        let wide = total_width > ui.available_width() - SATELLITE_WIDTH;
        // The strip: its bar (a solid one, always shown) and the spacing above it.
        let bar_height = egui::style::ScrollStyle::solid().allocated_width();
        let strip_height = if wide {
            bar_height + ui.spacing().item_spacing.y
        } else {
            0.0
        };
        let body_height = (ui.available_height() - strip_height).max(row_height);
        let mut body_x = self.scroll_x;
        egui::ScrollArea::vertical()
            .id_salt("passes_v")
            .auto_shrink([false, false])
            .max_height(body_height)
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                ui.style_mut().interaction.selectable_labels = false;
                let shown = rows.get(range).unwrap_or_default();
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing = Vec2::ZERO;
                    ui.vertical(|ui| {
                        ui.set_width(SATELLITE_WIDTH);
                        for record in shown {
                            name_cell_ui(ui, view, record, row_height, actions);
                        }
                    });
                    let out = egui::ScrollArea::horizontal()
                        .id_salt(("passes_body", self.columns as u8))
                        .auto_shrink([false, true])
                        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                        .horizontal_scroll_offset(self.scroll_x)
                        .show(ui, |ui| {
                            ui.vertical(|ui| {
                                ui.set_min_width(total_width);
                                for record in shown {
                                    let cells = self.cells(ui.style(), view, record, limit);
                                    row_ui(ui, view, record, columns, cells, row_height, actions);
                                }
                            });
                        });
                    body_x = out.state.clamped_offset().x;
                });
            });
        let mut strip_x = self.scroll_x;
        if wide {
            let (strip, _) =
                ui.allocate_exact_size(Vec2::new(ui.available_width(), bar_height), Sense::hover());
            let strip = strip.with_min_x(strip.min.x + SATELLITE_WIDTH);
            ui.scope_builder(UiBuilder::new().max_rect(strip), |ui| {
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                let out = egui::ScrollArea::horizontal()
                    .id_salt(("passes_strip", self.columns as u8))
                    .auto_shrink([false, true])
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                    .horizontal_scroll_offset(self.scroll_x)
                    .show(ui, |ui| {
                        ui.allocate_exact_size(Vec2::new(total_width, 0.0), Sense::hover());
                    });
                strip_x = out.state.clamped_offset().x;
            });
        }
        // Whichever was scrolled (the rows by shift and the wheel, or the bar) leads; the
        // header and the other follow on the next frame.
        let x = if (body_x - self.scroll_x).abs() > 0.5 {
            body_x
        } else {
            strip_x
        };
        if (x - self.scroll_x).abs() > 0.5 {
            self.scroll_x = x;
            ui.ctx().request_repaint();
        }
    }
}

/// How wide the time columns must be for the widest time of `rows` ("21:39:03 ±17 min"),
/// points, with a little room after it.
fn time_column_width(
    ui: &egui::Ui,
    view: &ViewCtx<'_>,
    rows: &[&PassRecord],
    columns: ColumnSet,
) -> f32 {
    let seconds = columns == ColumnSet::Horizon;
    let samples: std::collections::BTreeSet<String> = rows
        .iter()
        .map(|r| RowTimes::of(view, r, seconds).sample())
        .collect();
    let font = egui::TextStyle::Body.resolve(ui.style());
    samples
        .into_iter()
        .map(|text| {
            ui.painter()
                .layout_no_wrap(text, font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max)
        + 10.0
}

/// The key of a record's pass.
fn key_of(record: &PassRecord) -> PassKey {
    PassKey {
        norad_id: record.pass.norad_id,
        rise: record.pass.rise.time,
    }
}

/// Paints a row's background (selected, hovered, in progress) and handles its clicks.
fn row_background(
    ui: &egui::Ui,
    view: &ViewCtx<'_>,
    record: &PassRecord,
    rect: egui::Rect,
    resp: &egui::Response,
    actions: &mut Vec<Action>,
) {
    let p = &record.pass;
    let key = key_of(record);
    let is_selected = view.selected_pass.is_some_and(|k| k == key);
    let in_progress = p.rise.time <= view.t && view.t <= p.set.time;
    let visuals = ui.visuals();
    if is_selected {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    } else if in_progress {
        ui.painter().rect_filled(rect, 2.0, visuals.faint_bg_color);
    }
    if resp.clicked() {
        actions.push(Action::SelectPass(key));
    }
    if resp.double_clicked() {
        actions.push(Action::SelectPass(key));
        let first = p.visible_start().map_or(p.rise.time, |q| q.time);
        actions.push(Action::Clock(ClockCommand::JumpTo(
            first - chrono::Duration::seconds(60),
        )));
    }
}

/// The satellite's cell of a row (the column that stays put).
fn name_cell_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    record: &PassRecord,
    row_height: f32,
    actions: &mut Vec<Action>,
) {
    let (rect, resp) =
        ui.allocate_exact_size(Vec2::new(SATELLITE_WIDTH, row_height), Sense::click());
    row_background(ui, view, record, rect, &resp, actions);
    ui.scope_builder(
        UiBuilder::new().max_rect(rect.shrink2(Vec2::new(2.0, 0.0))),
        |ui| {
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                ui.add(egui::Label::new(record.name()).truncate());
            });
        },
    );
    resp.on_hover_text(crate::t!(
        "panels-name-hover",
        name = record.name(),
        id = record.pass.norad_id.to_string()
    ));
}

fn row_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    record: &PassRecord,
    columns: &[Column],
    cells: Vec<Cell>,
    row_height: f32,
    actions: &mut Vec<Action>,
) {
    let total_width: f32 = columns.iter().map(|c| c.width).sum();
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(total_width, row_height), Sense::click());
    row_background(ui, view, record, rect, &resp, actions);
    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let mut i = 0;
            for cell in cells {
                let span = cell.span.max(1);
                let width: f32 = columns.iter().skip(i).take(span).map(|c| c.width).sum();
                i += span;
                ui.allocate_ui_with_layout(
                    Vec2::new(width, row_height),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_min_width(width);
                        let label = ui.add(egui::Label::new(cell.text).truncate());
                        if let Some(hover) = cell.hover {
                            label.on_hover_text(hover);
                        }
                    },
                );
            }
        });
    });
    resp.on_hover_text(crate::t!("panels-row-hover"));
}
