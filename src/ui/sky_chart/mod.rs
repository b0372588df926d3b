//! The sky chart: the selected pass drawn on a polar azimuth/elevation plot, as seen
//! lying on your back looking up (north at the top, east on the left), with the part
//! in Earth's shadow dashed, time ticks, and the satellite's live position, among the
//! stars, constellations, planets and the Moon of the moment it is highest while seen
//! (see [`super::sky_scene`]). Without a selected pass, or with "Sky now", it shows the
//! whole sky at the clock's time with the chosen satellites and every bright sunlit one,
//! with their trails. Its Identify mode ("what was that?") takes clicks on the chart as a
//! sighting and draws the candidates' paths (see [`identify`]).
//!
//! In the side panel the chart sits under the directions in words; "Enlarge" (or a double
//! click on it) opens it over the whole window, as large as it fits, with the directions
//! beside it; in presentation mode that is the whole screen.
//!
//! Its parts: [`draw`] draws the chart at a size, [`path`] the selected pass (sunlit and
//! shadowed runs, time ticks, where it appears, peaks and vanishes), [`sky`] the stars,
//! constellations, planets, Moon and Sun behind it ([`backdrop`] lays its fixed part
//! into an image), [`now`] the satellites with their
//! trails in the "now" view, [`identify`] the Identify mode, and [`labels`] places every
//! word of the chart clear of the others.

mod backdrop;
mod draw;
mod identify;
mod labels;
mod now;
mod path;
mod sky;

pub use sky::star_radius_points;

use backdrop::SkyBackdrop;
use draw::ChartContent;
use identify::IdentifyMode;
use path::PassPath;

use eframe::egui;

use serde::{Deserialize, Serialize};

use super::sky_now::{NowSatellite, NowSkyCache, TRAIL_S};
use super::sky_scene::SceneCache;
use super::view::{Action, PassKey, ViewCtx, find_record};
use crate::orbit::{observe, sky_path};
use crate::report::{MoonNearPass, PassRecord, plain_description_estimated};

/// Half the width of the chart, chart units (degrees of zenith angle): the horizon at 90
/// and room for the compass points outside it.
const CHART_HALF_WIDTH: f32 = 106.0;

/// Size of the chart's words at the normal scale, points (egui's small text; presentation
/// mode's larger text styles do not change it: its own scale does).
const CHART_LABEL_POINTS: f32 = 9.0;

/// Radius of the binocular field circle, degrees (a 7° field of 7×50 or 10×50 glasses).
const BINOCULAR_RADIUS_DEG: f64 = 3.5;

/// The polar sky chart of the selected pass.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SkyChart {
    /// Faintest star drawn, visual magnitude.
    pub max_magnitude: f64,
    /// Draw the constellation figures and names.
    pub show_constellations: bool,
    /// Draw the Milky Way (worth it only far from city lights).
    pub dark_site: bool,
    /// Show the whole sky at the clock's time even when a pass is selected.
    pub show_now: bool,
    /// Centre of the binocular field circle, chart coordinates; a click places it.
    #[serde(skip)]
    binocular_xy: Option<[f64; 2]>,
    /// The circle before the last click (a double click takes its first click back).
    #[serde(skip)]
    binocular_before_click: Option<[f64; 2]>,
    /// The chart fills the window ("Enlarge", a double click; Esc or "Close" ends it).
    #[serde(skip)]
    pub enlarged: bool,
    #[serde(skip)]
    path: Option<PassPath>,
    /// The sky behind the chart, kept a minute (the stars move 0.25° a minute).
    #[serde(skip)]
    scene: SceneCache,
    /// The satellites of the "now" view, kept for the clock's second.
    #[serde(skip)]
    now_sky: NowSkyCache,
    /// The Identify mode ("what was that?").
    #[serde(skip)]
    identify: IdentifyMode,
    /// The Milky Way, constellation figures and stars as one image, laid once a minute.
    #[serde(skip)]
    backdrop: SkyBackdrop,
}

impl Default for SkyChart {
    fn default() -> Self {
        Self {
            max_magnitude: 4.5,
            show_constellations: true,
            dark_site: false,
            show_now: false,
            binocular_xy: None,
            binocular_before_click: None,
            enlarged: false,
            path: None,
            scene: SceneCache::default(),
            now_sky: NowSkyCache::default(),
            identify: IdentifyMode::default(),
            backdrop: SkyBackdrop::default(),
        }
    }
}

impl SkyChart {
    /// How many times the chart's fixed sky (the Milky Way, constellation figures and
    /// stars) was laid into its image so far: once per simulated minute, size, theme or
    /// switch, not once per frame.
    pub fn sky_images_laid(&self) -> u64 {
        self.backdrop.laid()
    }

    /// The chart in the side panel: its heading with "Enlarge", the directions in words
    /// (or what is up now), the chart as large as the panel allows, its switches and what
    /// its lines mean. Presenting, the directions are beside it (see
    /// [`Self::description_ui`]). In the Identify mode, the chart's clicks are a
    /// sighting, sent as [`Action::Identify`], and the candidates are listed under it.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, actions: &mut Vec<Action>) {
        let (record, content) = self.content(view);
        let content = ChartContent {
            record,
            satellites: &content.0,
            live: content.1,
        };
        self.heading_ui(ui, view, record);
        if self.identify.on {
            // The candidates and the hint go under the chart.
        } else if record.is_none() {
            up_now_ui(ui, view, content.satellites);
        } else if !view.presentation {
            self.description_ui(ui, view);
        }
        // Leave room under the chart for its switches and caption.
        let below = if view.presentation { 70.0 } else { 60.0 };
        let side = ui
            .available_width()
            .min(ui.available_height() - below)
            .max(160.0);
        self.chart_ui(ui, view, &content, side, view.label_scale, actions);
        self.options_ui(ui, view);
        self.below_chart_ui(ui, view, record, actions);
    }

    /// The chart over the whole window (the whole screen when presenting): as large as it
    /// fits, with its heading, the directions in words, its switches and "Close" beside it
    /// (under it in a tall window). Esc closes it too.
    pub fn enlarged_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        actions: &mut Vec<Action>,
    ) {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.enlarged = false;
        }
        let (record, content) = self.content(view);
        let content = ChartContent {
            record,
            satellites: &content.0,
            live: content.1,
        };
        let available = ui.available_size();
        let wide = available.x >= available.y * 1.2;
        // The words take a column of their own beside the chart, or a band under it.
        let text_width = (available.x * 0.32).clamp(280.0, 520.0);
        let side = if wide {
            (available.x - text_width - 16.0).min(available.y)
        } else {
            available.x.min(available.y - 240.0)
        }
        .max(200.0);
        // The chart's words grow with it, up to the presentation's size.
        let scale = view.label_scale.max(side / 500.0).min(2.2);
        let text_ui = |chart: &mut Self, ui: &mut egui::Ui, actions: &mut Vec<Action>| {
            chart.heading_ui(ui, view, record);
            if chart.identify.on {
                // The candidates and the hint go under the switches.
            } else if record.is_none() {
                up_now_ui(ui, view, content.satellites);
            } else {
                chart.description_ui(ui, view);
            }
            ui.add_space(8.0);
            chart.options_ui(ui, view);
            chart.below_chart_ui(ui, view, record, actions);
        };
        let layout = if wide {
            egui::Layout::left_to_right(egui::Align::Min)
        } else {
            egui::Layout::top_down(egui::Align::Center)
        };
        ui.with_layout(layout, |ui| {
            self.chart_ui(ui, view, &content, side, scale, actions);
            ui.vertical(|ui| {
                ui.set_max_width(if wide { text_width } else { available.x });
                text_ui(self, ui, actions);
            });
        });
    }

    /// The selected pass (none in the "now" view and in the Identify mode), the
    /// satellites up now (in the "now" view, and identifying until a sighting is clicked),
    /// and where the followed satellite is now.
    #[allow(clippy::type_complexity)]
    fn content<'a>(
        &mut self,
        view: &ViewCtx<'a>,
    ) -> (
        Option<&'a PassRecord>,
        (Vec<NowSatellite>, Option<(f64, f64)>),
    ) {
        let record = view
            .selected_pass
            .and_then(|k| find_record(view, k))
            .filter(|_| !self.identify.on);
        if let Some(r) = record {
            self.ensure_path(r, view);
        }
        let live = self.live_position(view, record);
        match record.filter(|_| !self.show_now) {
            Some(r) => (Some(r), (Vec::new(), live)),
            None => {
                // Identifying, the sky is the sighting's (once clicked), with its
                // candidates instead of the clock's satellites.
                let satellites = match view.catalog {
                    Some(_) if self.identify.on && self.identify.has_sighting() => Vec::new(),
                    Some(catalog) => self
                        .now_sky
                        .get(
                            catalog,
                            view.frame,
                            self.sky_now_time(view),
                            view.limiting_magnitude,
                            view.chosen,
                        )
                        .to_vec(),
                    None => Vec::new(),
                };
                (None, (satellites, live))
            }
        }
    }

    /// The instant the chart's sky shows without a pass: the clock's, or identifying, the
    /// sighting's once clicked.
    fn sky_now_time(&self, view: &ViewCtx<'_>) -> chrono::DateTime<chrono::Utc> {
        if self.identify.on {
            self.identify.sky_time(view.t)
        } else {
            view.t
        }
    }

    /// Under the chart: what its lines mean, or identifying, the hint and the candidates.
    fn below_chart_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        record: Option<&PassRecord>,
        actions: &mut Vec<Action>,
    ) {
        if self.identify.on {
            self.identify.options_ui(ui);
            self.identify.list_ui(ui, view, actions);
        } else {
            caption_ui(ui, view, record);
        }
    }

    /// The chart's heading, with "Enlarge" (or "Close" once enlarged) after it.
    fn heading_ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, record: Option<&PassRecord>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(match record {
                Some(r) => crate::t!("panels-chart-heading", sat = r.name()),
                None if self.identify.on => crate::t!("panels-identify-heading"),
                None => crate::t!("panels-sky-now"),
            });
            let (text, hover) = if self.enlarged {
                (
                    crate::t!("panels-chart-close"),
                    crate::t!("panels-chart-close-hover"),
                )
            } else {
                (
                    crate::t!("panels-chart-enlarge"),
                    crate::t!("panels-chart-enlarge-hover"),
                )
            };
            let size = egui::TextStyle::Button.resolve(ui.style()).size
                * if view.presentation { 1.0 } else { 0.9 };
            if ui
                .button(egui::RichText::new(text).size(size))
                .on_hover_text(hover)
                .clicked()
            {
                self.enlarged = !self.enlarged;
            }
        });
    }

    /// The chart's switches: how faint the stars go, constellations, the Milky Way, the
    /// "now" view, the Identify mode and the binocular circle.
    fn options_ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let has_pass = view.selected_pass.is_some() && !self.identify.on;
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::Slider::new(&mut self.max_magnitude, 1.0..=6.0)
                    .step_by(0.5)
                    .text(crate::t!("panels-stars-to-mag")),
            );
            ui.checkbox(
                &mut self.show_constellations,
                crate::t!("panels-constellations"),
            );
            ui.checkbox(&mut self.dark_site, crate::t!("panels-dark-site"));
            if has_pass {
                ui.checkbox(&mut self.show_now, crate::t!("panels-sky-now"));
            }
            ui.toggle_value(&mut self.identify.on, crate::t!("panels-identify-mode"))
                .on_hover_text(crate::t!("panels-identify-mode-hover"));
            if self.identify.on {
                // The chart's clicks are the sighting's in this mode.
            } else if self.binocular_xy.is_some() {
                if ui.button(crate::t!("panels-remove-binocular")).clicked() {
                    self.binocular_xy = None;
                }
            } else if !view.presentation {
                ui.label(
                    egui::RichText::new(crate::t!("panels-binocular-hint"))
                        .small()
                        .weak(),
                );
            }
        });
    }

    /// The plain-language description of the selected pass (where to look, when, how high
    /// and how bright), and the Moon when it is near.
    pub fn description_ui(&self, ui: &mut egui::Ui, view: &ViewCtx<'_>) {
        let record = view
            .selected_pass
            .and_then(|k| find_record(view, k))
            .filter(|_| !self.identify.on);
        match record {
            Some(r) => {
                let fmt = view.fmt.for_pass(&r.pass);
                let mut text =
                    plain_description_estimated(&r.pass, r.standard_magnitude(), |t| fmt.clock(t));
                if let Some(moon) =
                    MoonNearPass::of(&r.pass, view.frame).filter(MoonNearPass::is_worth_noting)
                {
                    text.push(' ');
                    text.push_str(&moon.words());
                }
                let size = if view.presentation || self.enlarged {
                    18.0
                } else {
                    15.0
                };
                ui.label(egui::RichText::new(text).size(size));
            }
            None => {
                ui.label(crate::t!("panels-click-a-pass"));
            }
        }
    }

    fn ensure_path(&mut self, record: &PassRecord, view: &ViewCtx<'_>) {
        let key = PassKey {
            norad_id: record.pass.norad_id,
            rise: record.pass.rise.time,
        };
        if self.path.as_ref().is_some_and(|p| p.key == key) {
            return;
        }
        let Some(sat) = view.catalog.and_then(|c| c.get(key.norad_id)) else {
            return;
        };
        let std_magnitude = view.catalog.and_then(|c| c.std_magnitude(key.norad_id));
        let p = &record.pass;
        // About 400 samples whatever the length of the pass, never closer than a second.
        let samples = sky_path(
            sat,
            view.frame,
            p.rise.time,
            p.set.time,
            std_magnitude,
            400,
            1,
        );
        self.path = Some(PassPath { key, samples });
    }

    /// Where the followed satellite is now, if above the horizon.
    fn live_position(&self, view: &ViewCtx<'_>, record: Option<&PassRecord>) -> Option<(f64, f64)> {
        let id = record.map(|r| r.pass.norad_id).or(view.selected)?;
        let sat = view.catalog?.get(id)?;
        let o = observe(sat, view.frame, view.t, None).ok()?;
        (o.look.elevation_deg >= 0.0).then_some((o.look.azimuth_deg, o.look.elevation_deg))
    }
}

/// Font sizes of the chart's labels, points: egui's small text, scaled for presentation
/// and for a large chart.
#[derive(Debug, Clone, Copy)]
struct LabelSizes {
    /// Compass points, ring heights, times, marks, names.
    small: f32,
}

impl LabelSizes {
    /// The sizes for a chart `side_points` wide, `scale` times larger than normal; a chart
    /// over 400 points wide gets a little more, so that its words do not look lost on it.
    fn new(scale: f32, side_points: f32) -> Self {
        let small = CHART_LABEL_POINTS * scale;
        Self {
            small: small.max(side_points / 45.0).min(small * 2.0),
        }
    }
}

/// What the chart's lines mean and the zone of its times, or in the "now" view, the time
/// it shows and how far back the trails reach.
fn caption_ui(ui: &mut egui::Ui, view: &ViewCtx<'_>, record: Option<&PassRecord>) {
    let text = match record {
        Some(r) => crate::t!(
            "panels-chart-caption",
            zone = view.fmt.zone_label(r.pass.rise.time)
        ),
        None => crate::t!(
            "panels-now-caption",
            time = view.fmt.hm(view.t),
            zone = view.fmt.zone_label(view.t),
            minutes = TRAIL_S / 60,
            limit = crate::text::number(view.limiting_magnitude)
        ),
    };
    ui.label(egui::RichText::new(text).small().weak());
}

/// What the dots of the "now" view are, in words (also for screen readers and tests).
fn up_now_ui(ui: &mut egui::Ui, view: &ViewCtx<'_>, satellites: &[NowSatellite]) {
    let size = egui::TextStyle::Body.resolve(ui.style()).size * view.label_scale.min(1.5);
    let up: Vec<&str> = satellites.iter().map(|s| s.name.as_str()).collect();
    let text = if up.is_empty() {
        crate::t!(
            "panels-none-up",
            limit = crate::text::number(view.limiting_magnitude)
        )
    } else {
        crate::t!("panels-up-now", names = up.join(", "))
    };
    ui.label(egui::RichText::new(text).size(size));
}
