//! The pass table's columns: the observer's set and the horizon set, and their two-row
//! header (group titles over the columns; a click on a title sorts by it).

use eframe::egui;

use egui::{Align, Layout, RichText, Vec2};

use super::{ColumnSet, PassesPanel, SortColumn};

pub(super) struct Column {
    pub(super) title: &'static str,
    /// A title over several columns ("Appears" over its time, height and direction).
    pub(super) group: &'static str,
    pub(super) width: f32,
    pub(super) sort: Option<SortColumn>,
}

/// Width of the satellite column, which stays put when the others scroll sideways.
pub(super) const SATELLITE_WIDTH: f32 = 140.0;

const SEEN_COLUMNS: [Column; 12] = [
    col("Date", "", 82.0, Some(SortColumn::Rise)),
    col("time", "Appears", 46.0, Some(SortColumn::Rise)),
    col("height", "Appears", 48.0, None),
    col("direction", "Appears", 74.0, None),
    col("time", "Highest while seen", 46.0, None),
    col(
        "height",
        "Highest while seen",
        48.0,
        Some(SortColumn::MaxElevation),
    ),
    col("direction", "Highest while seen", 74.0, None),
    col("time", "Vanishes", 46.0, None),
    col("height", "Vanishes", 48.0, None),
    col("direction", "Vanishes", 74.0, None),
    col("Mag", "", 58.0, Some(SortColumn::Magnitude)),
    col("Ends", "", 96.0, Some(SortColumn::Visible)),
];

const HORIZON_COLUMNS: [Column; 11] = [
    col("Date", "", 82.0, Some(SortColumn::Rise)),
    col("time", "Rise", 64.0, Some(SortColumn::Rise)),
    col("direction", "Rise", 74.0, None),
    col("time", "Highest", 64.0, None),
    col("height", "Highest", 48.0, Some(SortColumn::MaxElevation)),
    col("direction", "Highest", 74.0, None),
    col("time", "Set", 64.0, None),
    col("direction", "Set", 74.0, None),
    col("Duration", "", 70.0, Some(SortColumn::Duration)),
    col("Visible?", "", 140.0, Some(SortColumn::Visible)),
    col("Mag", "", 58.0, Some(SortColumn::Magnitude)),
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

impl ColumnSet {
    pub(super) fn columns(self) -> &'static [Column] {
        match self {
            Self::Seen => &SEEN_COLUMNS,
            Self::Horizon => &HORIZON_COLUMNS,
        }
    }
}
impl PassesPanel {
    /// A header cell that sorts by `sort` when clicked.
    pub(super) fn sort_header_ui(
        &mut self,
        ui: &mut egui::Ui,
        title: &str,
        sort: SortColumn,
        width: f32,
        height: f32,
    ) {
        let active = self.sort == sort && title != "Date";
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
                                ui.label(RichText::new(c.group).strong());
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
                                    ui.label(RichText::new(title).strong());
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
