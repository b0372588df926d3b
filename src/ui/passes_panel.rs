//! The pass table: upcoming passes of the chosen (or all bright) satellites.

use eframe::egui;

use egui::{Align, Layout, RichText, Sense, UiBuilder, Vec2};
use serde::{Deserialize, Serialize};

use super::view::{Action, PassKey, SearchWindow, ViewCtx, Which};
use crate::orbit::{Appears, PassSearch, Vanishes};
use crate::report::{self, PassRecord, SKY_PRESETS, SeenPart, compass_point, vanishes_short};

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

/// Search windows offered: tonight, or the next N hours.
const WINDOWS_H: [u32; 5] = [12, 24, 48, 72, 168];

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

struct Column {
    title: &'static str,
    /// A title over several columns ("Appears" over its time, height and direction).
    group: &'static str,
    width: f32,
    sort: Option<SortColumn>,
}

/// Width of the satellite column, which stays put when the others scroll sideways.
const SATELLITE_WIDTH: f32 = 140.0;

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
    fn columns(self) -> &'static [Column] {
        match self {
            Self::Seen => &SEEN_COLUMNS,
            Self::Horizon => &HORIZON_COLUMNS,
        }
    }
}

/// One cell of a row: its text, what hovering says, and how many columns it spans.
struct Cell {
    text: RichText,
    hover: Option<String>,
    span: usize,
}

impl Cell {
    fn new(text: impl Into<RichText>) -> Self {
        Self {
            text: text.into(),
            hover: None,
            span: 1,
        }
    }

    fn hover(mut self, hover: impl Into<String>) -> Self {
        self.hover = Some(hover.into());
        self
    }

    fn span(mut self, span: usize) -> Self {
        self.span = span;
        self
    }
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
            .filter(|r| !self.visible_only || r.pass.is_visible_to_eye(limiting_magnitude))
            .filter(|r| only.is_none_or(|ids| ids.contains(&r.pass.norad_id)))
            .collect();
        let key_rise = |r: &PassRecord| r.pass.rise.time;
        let seen = self.columns == ColumnSet::Seen;
        // In the observer's columns, "highest" is the highest point while seen.
        let top = |r: &PassRecord| {
            if seen {
                r.pass
                    .visible_peak
                    .unwrap_or(r.pass.culmination)
                    .elevation_deg
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
                    r.pass.visible_start.map_or(r.pass.rise.time, |p| p.time)
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
                        !r.pass.is_visible_to_eye(limiting_magnitude),
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
                ui.label("No passes yet.");
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
            let mut text = format!(
                "{} passes from {} to {} ({})",
                rows.len(),
                view.fmt.date_time(results.request.start),
                view.fmt.date_time(results.request.end),
                view.fmt.zone_label(view.t),
            );
            if hidden > 0 {
                text.push_str(&format!(", {hidden} hidden (not visible or too faint)"));
            }
            ui.label(text);
            if unknown > 0 {
                ui.label(RichText::new(format!("{unknown} of unknown brightness (?)")).weak())
                    .on_hover_text(
                        "No standard magnitude is known for these satellites, so how bright \
                         they look cannot be estimated: they may be too faint to see.",
                    );
            }
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
            if ui
                .add_enabled(has_rows, egui::Button::new("Print handout…"))
                .on_hover_text(
                    "A one-page PDF for a class: the visible passes, and a star chart of the \
                     selected pass (or the best one) with directions in words",
                )
                .clicked()
            {
                actions.push(Action::PrintHandout);
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
        self.table_ui(ui, view, &rows, limit, actions);
    }

    /// The table: the satellite column stays in place, the others scroll sideways
    /// together with their header.
    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        rows: &[&PassRecord],
        limit: f64,
        actions: &mut Vec<Action>,
    ) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let columns = self.columns.columns();
        let total_width: f32 = columns.iter().map(|c| c.width).sum();
        // The header: the satellite's title, then the others, scrolled as the body is.
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            self.sort_header_ui(
                ui,
                "Satellite",
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
        egui::ScrollArea::vertical()
            .id_salt("passes_v")
            .auto_shrink([false, false])
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
                        .show(ui, |ui| {
                            ui.vertical(|ui| {
                                ui.set_min_width(total_width);
                                for record in shown {
                                    let cells = self.cells(view, record, limit);
                                    row_ui(ui, view, record, columns, cells, row_height, actions);
                                }
                            });
                        });
                    let x = out.state.clamped_offset().x;
                    if (x - self.scroll_x).abs() > 0.5 {
                        self.scroll_x = x;
                        ui.ctx().request_repaint();
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

    /// A header cell that sorts by `sort` when clicked.
    fn sort_header_ui(
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
    fn header_ui(&mut self, ui: &mut egui::Ui, columns: &[Column], row_height: f32) {
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

    /// The cells of one row in the current column set.
    fn cells(&self, view: &ViewCtx<'_>, record: &PassRecord, limit: f64) -> Vec<Cell> {
        let p = &record.pass;
        let fmt = &view.fmt;
        // The date of the seen part when there is one (a long pass may rise the day before).
        let date = match self.columns {
            ColumnSet::Seen => Cell::new(
                view.fmt
                    .date(p.visible_start.map_or(p.rise.time, |q| q.time)),
            ),
            ColumnSet::Horizon => Cell::new(view.fmt.date(p.rise.time)),
        };
        let magnitude = magnitude_cell(view, p, limit);
        match self.columns {
            ColumnSet::Seen => {
                let mut cells = vec![date];
                match SeenPart::of(p) {
                    Some(seen) => {
                        let point = |q: &crate::orbit::PassPoint, how: Option<&str>| {
                            let time = Cell::new(fmt.hm(q.time)).hover(fmt.hms(q.time));
                            let time = match how {
                                Some(how) => time.hover(format!("{} ({how})", fmt.hms(q.time))),
                                None => time,
                            };
                            [
                                time,
                                height_cell(q.elevation_deg),
                                direction_cell(q.azimuth_deg),
                            ]
                        };
                        cells.extend(point(&seen.start, Some(appears_words(seen.appears))));
                        cells.extend(point(&seen.peak, None));
                        cells.extend(point(&seen.end, Some(vanishes_words(seen.vanishes))));
                        cells.push(magnitude);
                        cells.push(
                            Cell::new(vanishes_short(seen.vanishes))
                                .hover(vanishes_words(seen.vanishes)),
                        );
                    }
                    None => {
                        let why = p.not_visible_reason.map_or("?", |r| r.phrase());
                        cells.push(
                            Cell::new(RichText::new(format!("not visible: {why}")).weak()).span(3),
                        );
                        let top = &p.culmination;
                        cells.push(Cell::new(RichText::new(fmt.hm(top.time)).weak()));
                        cells.push(height_cell(top.elevation_deg));
                        cells.push(direction_cell(top.azimuth_deg));
                        cells.push(Cell::new("").span(3));
                        cells.push(magnitude);
                        cells.push(Cell::new(""));
                    }
                }
                cells
            }
            ColumnSet::Horizon => {
                let minutes = p.duration().num_seconds() as f64 / 60.0;
                let visible = if p.is_visible {
                    Cell::new(RichText::new("visible").color(view.palette.good).strong())
                } else {
                    Cell::new(
                        RichText::new(format!(
                            "no: {}",
                            p.not_visible_reason.map_or("?", |r| r.phrase())
                        ))
                        .weak(),
                    )
                };
                vec![
                    date,
                    Cell::new(fmt.hms(p.rise.time)),
                    direction_cell(p.rise.azimuth_deg),
                    Cell::new(fmt.hms(p.culmination.time)),
                    height_cell(p.culmination.elevation_deg),
                    direction_cell(p.culmination.azimuth_deg),
                    Cell::new(fmt.hms(p.set.time)),
                    direction_cell(p.set.azimuth_deg),
                    Cell::new(format!("{minutes:.1} min")),
                    visible,
                    magnitude,
                ]
            }
        }
    }
}

/// A height in degrees, with the fist scale on hover.
fn height_cell(elevation_deg: f64) -> Cell {
    Cell::new(format!("{:.0}°", elevation_deg.max(0.0))).hover(format!(
        "{:.0}° above the horizon: {} (a fist at arm's length is about 10°)",
        elevation_deg.max(0.0),
        report::fists(elevation_deg)
    ))
}

/// A direction as a compass point and a bearing, never a bare number.
fn direction_cell(azimuth_deg: f64) -> Cell {
    Cell::new(format!(
        "{} {:.0}°",
        compass_point(azimuth_deg),
        report::whole_bearing_deg(azimuth_deg)
    ))
    .hover(format!(
        "Direction: {} (bearing {:.0}° from north, through east)",
        report::compass_words(azimuth_deg),
        azimuth_deg.rem_euclid(360.0)
    ))
}

/// The magnitude: "1.8", "12.3" marked too faint, or "?" when unknown.
fn magnitude_cell(view: &ViewCtx<'_>, pass: &crate::orbit::Pass, limit: f64) -> Cell {
    match (pass.is_visible, pass.magnitude) {
        (false, _) => Cell::new(RichText::new("–").weak()),
        (true, None) => Cell::new("?")
            .hover("Brightness unknown: no standard magnitude is known for this satellite"),
        (true, Some(m)) if m > limit => Cell::new(
            RichText::new(format!("{m:.1} faint"))
                .color(view.palette.text)
                .weak(),
        )
        .hover(format!(
            "Magnitude {m:.1}: fainter than your sky shows (limit {limit:.1}); try binoculars"
        )),
        (true, Some(m)) => Cell::new(RichText::new(format!("{m:.1}")).color(view.palette.good))
            .hover(report::brightness_words(m)),
    }
}

fn appears_words(appears: Appears) -> &'static str {
    match appears {
        Appears::Rises => "comes up above the visible height",
        Appears::LeavesShadow => "comes out of Earth's shadow",
        Appears::SkyDarkens => "the sky gets dark enough",
    }
}

fn vanishes_words(vanishes: Vanishes) -> &'static str {
    match vanishes {
        Vanishes::Sets => "sinks below the visible height",
        Vanishes::EntersShadow => "fades into Earth's shadow",
        Vanishes::SkyBrightens => "lost in the brightening sky",
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
        let first = p.visible_start.map_or(p.rise.time, |q| q.time);
        actions.push(Action::Clock(super::clock::ClockCommand::JumpTo(
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
    resp.on_hover_text(format!(
        "{} ({}). Click to show in the sky chart; double-click to jump there",
        record.name(),
        record.pass.norad_id
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
    resp.on_hover_text("Click to show in the sky chart; double-click to jump there");
}
