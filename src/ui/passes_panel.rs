//! The pass table: upcoming passes of the chosen (or all bright) satellites.

use eframe::egui;

use egui::{Align, Layout, RichText, Sense, UiBuilder, Vec2};
use serde::{Deserialize, Serialize};

use super::state::{Action, PassKey, ViewCtx, Which};
use crate::orbit::PassSearch;
use crate::report::{PassRecord, compass_point};

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

/// Search windows offered, hours.
const WINDOWS_H: [u32; 5] = [12, 24, 48, 72, 168];

/// The pass table and its filters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PassesPanel {
    /// Hide passes that cannot be seen with the naked eye.
    pub visible_only: bool,
    /// Sort column.
    pub sort: SortColumn,
    /// Reverse the sort.
    pub descending: bool,
}

/// What the table needs besides the shared view.
pub struct PassesInput<'a> {
    /// Current thresholds.
    pub search: &'a PassSearch,
    /// Current window length, hours.
    pub window_hours: u32,
    /// Chosen satellites or all bright ones.
    pub which: Which,
    /// (done, total) while a search runs.
    pub progress: Option<(usize, usize)>,
    /// Why the last search could not run, if it could not.
    pub error: Option<&'a str>,
}

struct Column {
    title: &'static str,
    width: f32,
    sort: Option<SortColumn>,
}

const COLUMNS: [Column; 12] = [
    col("Satellite", 150.0, Some(SortColumn::Satellite)),
    col("Date", 84.0, Some(SortColumn::Rise)),
    col("Rise", 48.0, Some(SortColumn::Rise)),
    col("Max", 48.0, None),
    col("Set", 48.0, None),
    col("Rise dir", 78.0, None),
    col("Max dir", 78.0, None),
    col("Set dir", 78.0, None),
    col("Max el", 56.0, Some(SortColumn::MaxElevation)),
    col("Duration", 66.0, Some(SortColumn::Duration)),
    col("Visible?", 140.0, Some(SortColumn::Visible)),
    col("Mag", 48.0, Some(SortColumn::Magnitude)),
];

const fn col(title: &'static str, width: f32, sort: Option<SortColumn>) -> Column {
    Column { title, width, sort }
}

impl PassesPanel {
    /// The records the table shows, filtered and sorted. With `only`, just those
    /// satellites (the search also covers the followed one, for the live panel).
    pub fn shown<'a>(
        &self,
        records: &'a [PassRecord],
        only: Option<&[u64]>,
    ) -> Vec<&'a PassRecord> {
        let mut rows: Vec<&PassRecord> = records
            .iter()
            .filter(|r| !self.visible_only || r.pass.is_visible)
            .filter(|r| only.is_none_or(|ids| ids.contains(&r.pass.norad_id)))
            .collect();
        let key_rise = |r: &PassRecord| r.pass.rise.time;
        match self.sort {
            SortColumn::Satellite => rows.sort_by(|a, b| {
                a.name()
                    .cmp(b.name())
                    .then_with(|| key_rise(a).cmp(&key_rise(b)))
            }),
            SortColumn::Rise => rows.sort_by_key(|r| key_rise(r)),
            SortColumn::MaxElevation => rows.sort_by(|a, b| {
                b.pass
                    .culmination
                    .elevation_deg
                    .total_cmp(&a.pass.culmination.elevation_deg)
            }),
            SortColumn::Duration => rows.sort_by_key(|r| std::cmp::Reverse(r.pass.duration())),
            SortColumn::Visible => {
                rows.sort_by_key(|r| (!r.pass.is_visible, key_rise(r)));
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
        ui.separator();
        let Some(results) = view.passes else {
            if input.progress.is_none() {
                ui.label("No passes yet.");
            }
            return;
        };
        let only = (input.which == Which::Chosen).then_some(view.chosen);
        let rows = self.shown(&results.records, only);
        let hidden = results
            .records
            .iter()
            .filter(|r| only.is_none_or(|ids| ids.contains(&r.pass.norad_id)))
            .count()
            - rows.len();
        ui.horizontal_wrapped(|ui| {
            let mut text = format!(
                "{} passes from {} to {} ({})",
                rows.len(),
                view.fmt.date_time(results.request.start),
                view.fmt.date_time(results.request.end),
                view.fmt.zone_label(view.t),
            );
            if hidden > 0 {
                text.push_str(&format!(", {hidden} not visible hidden"));
            }
            ui.label(text);
            for note in results.notes.iter().take(3) {
                ui.label(RichText::new(note).weak());
            }
            let has_rows = !rows.is_empty();
            if ui
                .add_enabled(has_rows, egui::Button::new("Export CSV"))
                .on_hover_text("The rows shown, as a spreadsheet (times in UTC)")
                .clicked()
            {
                actions.push(Action::ExportCsv);
            }
            if ui
                .add_enabled(has_rows, egui::Button::new("Export .ics"))
                .on_hover_text("The rows shown, as a calendar file with one event per pass")
                .clicked()
            {
                actions.push(Action::ExportIcs);
            }
        });
        if rows.is_empty() {
            ui.label(if input.which == Which::Chosen && view.chosen.is_empty() {
                "Choose satellites on the left to see their passes."
            } else {
                "No passes in this window. Try a longer window or a lower minimum elevation."
            });
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let total_width: f32 = COLUMNS.iter().map(|c| c.width).sum();
        egui::ScrollArea::horizontal()
            .id_salt("passes_h")
            .show(ui, |ui| {
                ui.set_min_width(total_width);
                self.header_ui(ui, row_height);
                egui::ScrollArea::vertical()
                    .id_salt("passes_v")
                    .auto_shrink([false, false])
                    .show_rows(ui, row_height, rows.len(), |ui, range| {
                        ui.style_mut().interaction.selectable_labels = false;
                        for record in rows.get(range).unwrap_or_default() {
                            row_ui(ui, view, record, row_height, total_width, actions);
                        }
                    });
            });
    }

    fn filters_ui(
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
            ui.checkbox(&mut self.visible_only, "Visible only");
            let mut search = *input.search;
            let mut window_hours = input.window_hours;
            ui.label("Min. elevation");
            ui.add(
                egui::DragValue::new(&mut search.min_elevation_deg)
                    .range(0.0..=80.0)
                    .speed(1.0)
                    .suffix("°"),
            );
            let label = ui.label("Window");
            egui::ComboBox::from_id_salt("window")
                .selected_text(window_label(window_hours))
                .show_ui(ui, |ui| {
                    for h in WINDOWS_H {
                        ui.selectable_value(&mut window_hours, h, window_label(h));
                    }
                })
                .response
                .labelled_by(label.id);
            if search != *input.search || window_hours != input.window_hours {
                actions.push(Action::SetSearch(search, window_hours));
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

    fn header_ui(&mut self, ui: &mut egui::Ui, row_height: f32) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for c in &COLUMNS {
                let active = c.sort == Some(self.sort) && c.title != "Date";
                let text = RichText::new(c.title).strong();
                let size = Vec2::new(c.width, row_height);
                match c.sort {
                    Some(sort) => {
                        let button = egui::Button::new(text).frame(false);
                        let resp = ui
                            .allocate_ui_with_layout(
                                size,
                                Layout::left_to_right(Align::Center),
                                |ui| {
                                    ui.set_min_width(c.width);
                                    ui.add(button)
                                },
                            )
                            .inner
                            .on_hover_text("Sort by this column");
                        if active {
                            sort_arrow(ui, resp.rect, self.descending);
                        }
                        if resp.clicked() {
                            if self.sort == sort {
                                self.descending = !self.descending;
                            } else {
                                self.sort = sort;
                                self.descending = false;
                            }
                        }
                    }
                    None => {
                        ui.allocate_ui_with_layout(
                            size,
                            Layout::left_to_right(Align::Center),
                            |ui| {
                                ui.set_min_width(c.width);
                                ui.label(text)
                            },
                        );
                    }
                }
            }
        });
    }
}

/// A small triangle after a header: pointing up for ascending, down for descending.
fn sort_arrow(ui: &egui::Ui, text_rect: egui::Rect, descending: bool) {
    let c = egui::pos2(text_rect.right() + 7.0, text_rect.center().y);
    let (tip, base) = if descending { (4.0, -3.0) } else { (-4.0, 3.0) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

fn window_label(hours: u32) -> String {
    if hours.is_multiple_of(24) {
        let days = hours / 24;
        if days == 1 {
            "next 24 h".to_owned()
        } else {
            format!("next {days} days")
        }
    } else {
        format!("next {hours} h")
    }
}

fn direction(azimuth_deg: f64) -> String {
    format!("{} {:.0}°", compass_point(azimuth_deg), azimuth_deg)
}

fn row_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx<'_>,
    record: &PassRecord,
    row_height: f32,
    total_width: f32,
    actions: &mut Vec<Action>,
) {
    let p = &record.pass;
    let key = PassKey {
        norad_id: p.norad_id,
        rise: p.rise.time,
    };
    let is_selected = view.selected_pass.is_some_and(|k| k == key);
    let in_progress = p.rise.time <= view.t && view.t <= p.set.time;
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(total_width, row_height), Sense::click());
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
    let visible_text = if p.is_visible {
        RichText::new("visible").color(view.palette.good).strong()
    } else {
        RichText::new(format!(
            "no: {}",
            p.not_visible_reason.map_or("?", |r| r.phrase())
        ))
        .weak()
    };
    let minutes = p.duration().num_seconds() as f64 / 60.0;
    let cells: [RichText; 12] = [
        RichText::new(record.name()),
        RichText::new(view.fmt.date(p.rise.time)),
        RichText::new(view.fmt.hm(p.rise.time)),
        RichText::new(view.fmt.hm(p.culmination.time)),
        RichText::new(view.fmt.hm(p.set.time)),
        RichText::new(direction(p.rise.azimuth_deg)),
        RichText::new(direction(p.culmination.azimuth_deg)),
        RichText::new(direction(p.set.azimuth_deg)),
        RichText::new(format!("{:.0}°", p.culmination.elevation_deg)),
        RichText::new(format!("{minutes:.1} min")),
        visible_text,
        RichText::new(p.magnitude.map_or("–".to_owned(), |m| format!("{m:.1}"))),
    ];
    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (c, text) in COLUMNS.iter().zip(cells) {
                ui.allocate_ui_with_layout(
                    Vec2::new(c.width, row_height),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_min_width(c.width);
                        ui.add(egui::Label::new(text).truncate());
                    },
                );
            }
        });
    });
    let resp = resp.on_hover_text("Click to show in the sky chart; double-click to jump there");
    if resp.clicked() {
        actions.push(Action::SelectPass(key));
    }
    if resp.double_clicked() {
        actions.push(Action::SelectPass(key));
        actions.push(Action::Clock(super::clock::ClockCommand::JumpTo(
            p.rise.time - chrono::Duration::seconds(60),
        )));
    }
}
