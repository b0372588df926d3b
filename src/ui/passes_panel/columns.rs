//! The pass table's columns: the observer's set and the horizon set, and their two-row
//! header (group titles over the columns; a click on a title sorts by it).

use eframe::egui;

use egui::{Align, Layout, RichText, Vec2};

use super::{ColumnSet, PassesPanel, SortColumn};

#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub(super) title: &'static str,
    /// A title over several columns ("panels-group-appears" over its time, height and direction).
    pub(super) group: &'static str,
    pub(super) width: f32,
    pub(super) sort: Option<SortColumn>,
}

/// Width of the satellite column, which stays put when the others scroll sideways.
pub(super) const SATELLITE_WIDTH: f32 = 140.0;

const SEEN_COLUMNS: [Column; 12] = [
    col("panels-col-date", "", 96.0, Some(SortColumn::Rise)),
    col(
        "panels-col-time",
        "panels-group-appears",
        46.0,
        Some(SortColumn::Rise),
    ),
    col("panels-col-height", "panels-group-appears", 48.0, None),
    col("panels-col-direction", "panels-group-appears", 74.0, None),
    col("panels-col-time", "panels-group-highest-seen", 46.0, None),
    col(
        "panels-col-height",
        "panels-group-highest-seen",
        48.0,
        Some(SortColumn::MaxElevation),
    ),
    col(
        "panels-col-direction",
        "panels-group-highest-seen",
        74.0,
        None,
    ),
    col("panels-col-time", "panels-group-vanishes", 46.0, None),
    col("panels-col-height", "panels-group-vanishes", 48.0, None),
    col("panels-col-direction", "panels-group-vanishes", 74.0, None),
    // Wide enough for an estimate's range with its verdict ("6.1–8.1 faint", issue 22).
    col("panels-col-mag", "", 92.0, Some(SortColumn::Magnitude)),
    col("panels-col-ends", "", 96.0, Some(SortColumn::Visible)),
];

const HORIZON_COLUMNS: [Column; 11] = [
    col("panels-col-date", "", 96.0, Some(SortColumn::Rise)),
    col(
        "panels-col-time",
        "panels-group-rise",
        64.0,
        Some(SortColumn::Rise),
    ),
    col("panels-col-direction", "panels-group-rise", 74.0, None),
    col("panels-col-time", "panels-group-highest", 64.0, None),
    col(
        "panels-col-height",
        "panels-group-highest",
        48.0,
        Some(SortColumn::MaxElevation),
    ),
    col("panels-col-direction", "panels-group-highest", 74.0, None),
    col("panels-col-time", "panels-group-set", 64.0, None),
    col("panels-col-direction", "panels-group-set", 74.0, None),
    col("panels-col-duration", "", 70.0, Some(SortColumn::Duration)),
    col("panels-col-visible", "", 140.0, Some(SortColumn::Visible)),
    // Wide enough for an estimate's range with its verdict ("6.1–8.1 faint", issue 22).
    col("panels-col-mag", "", 92.0, Some(SortColumn::Magnitude)),
];

const fn col(
    title: &'static str,
    group: &'static str,
    width: f32,
    sort: Option<SortColumn>,
) -> Column {
    Column {
        title,
        group,
        width,
        sort,
    }
}

/// The message key of what hovering a title (or a group's title) says, if anything.
fn hover_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "panels-group-appears" => "panels-group-appears-hover",
        "panels-group-highest-seen" => "panels-group-highest-seen-hover",
        "panels-group-vanishes" => "panels-group-vanishes-hover",
        "panels-col-mag" => "panels-col-mag-hover",
        "panels-col-ends" => "panels-col-ends-hover",
        "panels-group-rise" => "panels-group-rise-hover",
        "panels-group-highest" => "panels-group-highest-hover",
        "panels-group-set" => "panels-group-set-hover",
        "panels-col-duration" => "panels-col-duration-hover",
        "panels-col-visible" => "panels-col-visible-hover",
        _ => return None,
    })
}

impl ColumnSet {
    pub(super) fn columns(self) -> &'static [Column] {
        match self {
            Self::Seen => &SEEN_COLUMNS,
            Self::Horizon => &HORIZON_COLUMNS,
        }
    }

    /// The columns with the time columns at least `time_width` points wide (times with
    /// seconds, or with their uncertainty after them, need more than "21:39").
    pub(super) fn columns_fitting(self, time_width: f32) -> Vec<Column> {
        self.columns()
            .iter()
            .map(|c| Column {
                width: if c.title == "panels-col-time" {
                    c.width.max(time_width)
                } else {
                    c.width
                },
                ..*c
            })
            .collect()
    }
}

/// What hovering the title `key` says: what the column holds, if it says more than its
/// title, and (for a sortable one) that a click sorts.
fn title_hover(key: &str, sortable: bool) -> Option<String> {
    let about = hover_key(key).map(crate::i18n::tr);
    let sort = sortable.then(|| crate::t!("panels-sort-hover"));
    match (about, sort) {
        (Some(a), Some(s)) => Some(format!("{a}\n{s}")),
        (a, s) => a.or(s),
    }
}

impl PassesPanel {
    /// A header cell that sorts by `sort` when clicked; `key` is its title's message key.
    pub(super) fn sort_header_ui(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        sort: SortColumn,
        width: f32,
        height: f32,
    ) {
        // The date sorts by time, as the time of appearance does: one arrow is enough.
        let active = self.sort == sort && key != "panels-col-date";
        let title = crate::i18n::tr(key);
        let button = egui::Button::new(RichText::new(title).strong()).frame(false);
        let resp = ui
            .allocate_ui_with_layout(
                Vec2::new(width, height),
                Layout::left_to_right(Align::Max),
                |ui| {
                    ui.set_min_width(width);
                    ui.add(button)
                },
            )
            .inner
            .on_hover_text(title_hover(key, true).unwrap_or_default());
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

    /// Two header rows: group titles ("Appears") over their columns, then the columns.
    pub(super) fn header_ui(&mut self, ui: &mut egui::Ui, columns: &[Column], row_height: f32) {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing = Vec2::ZERO;
            ui.horizontal(|ui| {
                let mut i = 0;
                while let Some(c) = columns.get(i) {
                    let n = columns[i..]
                        .iter()
                        .take_while(|d| d.group == c.group)
                        .count()
                        .max(1);
                    let width: f32 = columns[i..i + n].iter().map(|d| d.width).sum();
                    ui.allocate_ui_with_layout(
                        Vec2::new(width, row_height),
                        Layout::left_to_right(Align::Center),
                        |ui| {
                            ui.set_min_width(width);
                            if !c.group.is_empty() {
                                let label =
                                    ui.label(RichText::new(crate::i18n::tr(c.group)).strong());
                                if let Some(hover) = title_hover(c.group, false) {
                                    label.on_hover_text(hover);
                                }
                            }
                        },
                    );
                    i += n;
                }
            });
            ui.horizontal(|ui| {
                for c in columns {
                    let title = c.title;
                    match c.sort {
                        Some(sort) => self.sort_header_ui(ui, title, sort, c.width, row_height),
                        None => {
                            ui.allocate_ui_with_layout(
                                Vec2::new(c.width, row_height),
                                Layout::left_to_right(Align::Center),
                                |ui| {
                                    ui.set_min_width(c.width);
                                    let label =
                                        ui.label(RichText::new(crate::i18n::tr(title)).strong());
                                    if let Some(hover) = title_hover(title, false) {
                                        label.on_hover_text(hover);
                                    }
                                },
                            );
                        }
                    }
                }
            });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, tr_in};

    #[test]
    fn every_title_and_hover_key_has_a_message_in_every_language() {
        let keys = SEEN_COLUMNS
            .iter()
            .chain(&HORIZON_COLUMNS)
            .flat_map(|c| [c.title, c.group])
            .chain(["panels-col-satellite"])
            .filter(|k| !k.is_empty())
            .flat_map(|k| [Some(k), hover_key(k)])
            .flatten();
        for key in keys {
            for lang in Lang::ALL {
                assert_ne!(tr_in(lang, key, &[]), key, "{lang}: {key}");
            }
        }
    }
}
