//! The printable handout: one A4 page for a place and a night, for a class or an
//! observing evening. The place and the night, the visible passes of the chosen satellites
//! in the observer's columns (appears / highest while seen / vanishes, magnitude), and for
//! the best pass (or the one chosen) a star chart with its path and the plain-language
//! directions; the data's age and source at the foot.
//!
//! Written with `printpdf` (no layout engine: every mark is placed here, in millimetres
//! from the page's top left, and turned into PDF points from the bottom left). The fonts
//! are egui's own (Ubuntu Light for text, Hack for the aligned table) with the bundled
//! Hangul font as their fallback ([`crate::fonts`]), embedded whole (printpdf subsets only
//! with its `text_layout` feature, which is off; the Hangul font only when used), so the page
//! prints the same everywhere; [`PdfFontFamily`] writes each run of a line in the first
//! font that has its characters.

use chrono::{DateTime, Duration, Utc};
use printpdf::{
    Color, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, WindingOrder,
};

use crate::fonts::pdf::{FontError, PdfFontCache, PdfFontFamily};
use crate::i18n::Lang;
use crate::orbit::{ObserverFrame, PassPoint, PathPoint, Satellite, Vanishes, sky_path};
use crate::report::{self, PassRecord, SeenPart, compass_point, plain_description};
use crate::t;
use crate::text::{display_width, pad_end, pad_start};
use crate::timefmt::TimeFormatter;

/// Why a handout could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HandoutError {
    /// A bundled font could not be read (a broken build, not a user error).
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
}

impl From<FontError> for HandoutError {
    fn from(e: FontError) -> Self {
        HandoutError::Font(e.0)
    }
}

/// A star (or planet) on the chart: where it is and how bright.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStar {
    /// Azimuth from north through east, degrees.
    pub azimuth_deg: f64,
    /// Elevation, degrees.
    pub elevation_deg: f64,
    /// Visual magnitude.
    pub magnitude: f64,
    /// Name to print beside it (bright named stars only), if any.
    pub name: Option<String>,
}

/// Everything the page shows.
pub struct HandoutInput<'a> {
    /// The place's name ("Seoul").
    pub place_name: &'a str,
    /// Latitude and longitude line ("37.5665° N, 126.9780° E, 38 m").
    pub place_line: String,
    /// What the window is ("Night of Sat 22 Aug 2026: dark from 19:43 to 05:27").
    pub window_line: String,
    /// The visible passes to list, in time order.
    pub records: &'a [&'a PassRecord],
    /// The pass drawn on the chart, with its path.
    pub chart: Option<(&'a PassRecord, Vec<PathPoint>)>,
    /// Stars and planets above the horizon at the chart's moment.
    pub stars: Vec<ChartStar>,
    /// How times are shown.
    pub fmt: TimeFormatter,
    /// The faintest magnitude the sky shows, for the brightness column.
    pub limiting_magnitude: f64,
    /// Where the elements come from and how old they are, for the foot of the page.
    pub data_line: String,
    /// When the page was made, UTC.
    pub made_at: DateTime<Utc>,
}

/// The path of `record`'s pass from rise to set, every 10 s (at most 400 points), for
/// the chart.
pub fn path_samples(sat: &Satellite, frame: &ObserverFrame, record: &PassRecord) -> Vec<PathPoint> {
    let p = &record.pass;
    sky_path(sat, frame, p.rise.time, p.set.time, None, 400, 10)
}

/// The stars (to `max_magnitude`, the brightest named) and the planets above the horizon
/// at `t`, for the chart, named in the thread's language.
pub fn chart_stars(frame: &ObserverFrame, t: DateTime<Utc>, max_magnitude: f64) -> Vec<ChartStar> {
    const NAMED_BRIGHTER_THAN: f64 = 1.6;
    let lang = crate::i18n::language();
    let sky = crate::orbit::stars::StarSky::new(frame, t);
    let mut out: Vec<ChartStar> = crate::atlas::sky::stars()
        .iter()
        .take_while(|s| s.magnitude <= max_magnitude)
        .filter_map(|s| {
            let d = sky.look(s.position);
            (d.elevation_deg > 0.0).then(|| ChartStar {
                azimuth_deg: d.azimuth_deg,
                elevation_deg: d.elevation_deg,
                magnitude: s.magnitude,
                name: (s.magnitude < NAMED_BRIGHTER_THAN && !s.name.is_empty()).then(
                    || match lang {
                        Lang::Ko if !s.name_ko.is_empty() => s.name_ko.clone(),
                        _ => s.name.clone(),
                    },
                ),
            })
        })
        .collect();
    for p in crate::orbit::planets::planet_views(frame, t) {
        if p.direction.elevation_deg > 0.0 {
            out.push(ChartStar {
                azimuth_deg: p.direction.azimuth_deg,
                elevation_deg: p.direction.elevation_deg,
                magnitude: p.magnitude,
                name: Some(
                    match lang {
                        Lang::Ko => p.planet.name_ko(),
                        Lang::En => p.planet.name(),
                    }
                    .to_owned(),
                ),
            });
        }
    }
    out
}

/// The foot of the page on the data: "Orbital elements: CelesTrak active (bundled), oldest
/// epoch 2026-08-22 12:00 UTC (99 days before this page was made)." `source` says where
/// the elements came from.
pub fn data_line(records: &[&PassRecord], source: &str, made_at: DateTime<Utc>) -> String {
    match records.iter().map(|r| r.element_epoch()).min() {
        Some(epoch) => t!(
            "words-handout-data",
            source = source,
            epoch = epoch.format("%Y-%m-%d %H:%M UTC").to_string(),
            days = format!("{:.0}", (made_at - epoch).num_hours() as f64 / 24.0)
        ),
        None => t!("words-handout-data-plain", source = source),
    }
}

/// The page's title: "Satellites over Seoul".
pub fn title(place_name: &str) -> String {
    t!("words-handout-title", place = place_name)
}

/// The words of the pass table, one string per line of monospaced text.
#[derive(Debug, Clone, PartialEq)]
pub struct TableLines {
    /// The headings ("Satellite  Appears ...").
    pub header: String,
    /// Under the headings, what a point's cell holds ("time  dir bear. up").
    pub subheader: String,
    /// Each listed pass: its row and the note under it ("Sat 22 Aug: rises, then sets").
    pub rows: Vec<(String, String)>,
    /// The line when there is nothing to list.
    pub empty: Option<String>,
    /// The line when more passes were found than the table holds.
    pub more: Option<String>,
}

/// The pass table's words in the thread's language, padded by display width (a Hangul
/// syllable takes two columns of the monospaced font).
pub fn table_lines(input: &HandoutInput<'_>) -> TableLines {
    let fmt = &input.fmt;
    let dir_w = (0..16)
        .map(|i| display_width(compass_point(f64::from(i) * 22.5)))
        .max()
        .unwrap_or(3);
    // The point cells: 20 columns in English, wider where the compass points are.
    let cell = 20 + dir_w - 3;
    let header = format!(
        "{} {} {} {} {}",
        pad_end(&t!("words-handout-col-satellite"), 20),
        pad_end(&t!("words-handout-col-appears"), cell),
        pad_end(&t!("words-handout-col-highest"), cell),
        pad_end(&t!("words-handout-col-vanishes"), cell),
        pad_start(&t!("words-handout-col-mag"), 5),
    );
    let subheader = format!(
        "{} {} {} {}",
        pad_end("", 20),
        pad_end(&t!("words-handout-col-point"), cell),
        pad_end("", cell),
        pad_end("", cell),
    );
    let point = |q: &PassPoint| table_point(fmt, q, dir_w);
    // With a line of "… and 3 more" under it, the table holds a row less, so that the
    // line stays clear of the chart's heading.
    let shown = if input.records.len() > TABLE_ROWS {
        TABLE_ROWS - 1
    } else {
        TABLE_ROWS
    };
    let mut rows = Vec::new();
    for r in input.records.iter().take(shown) {
        let Some(seen) = SeenPart::of(&r.pass) else {
            continue;
        };
        let name: String = r.name().chars().take(20).collect();
        let mag = match r.pass.magnitude {
            Some(m) if m > input.limiting_magnitude => {
                t!("words-handout-faint", mag = format!("{m:.1}"))
            }
            Some(m) => format!("{m:.1}"),
            None => "?".to_owned(),
        };
        let row = format!(
            "{} {} {} {} {}",
            pad_end(&name, 20),
            pad_end(&point(&seen.start), cell),
            pad_end(&point(&seen.peak), cell),
            pad_end(&point(&seen.end), cell),
            pad_start(&mag, 5),
        );
        let note = t!(
            "words-handout-row-note",
            date = fmt.date(seen.start.time),
            appears = report::appears_short(seen.appears),
            vanishes = report::vanishes_short(seen.vanishes)
        );
        rows.push((row, note));
    }
    TableLines {
        header,
        subheader,
        rows,
        empty: input.records.is_empty().then(|| t!("words-handout-none")),
        more: (input.records.len() > shown)
            .then(|| t!("words-handout-more", count = input.records.len() - shown)),
    }
}

/// The pass worth drawing: among the visible passes not known to be too faint, one known
/// to be bright enough before one of unknown brightness, then the one that gets highest
/// while seen (the brighter of equals).
pub fn best_pass<'a>(
    records: &[&'a PassRecord],
    limiting_magnitude: f64,
) -> Option<&'a PassRecord> {
    records
        .iter()
        .copied()
        .filter(|r| r.pass.is_visible_to_eye(limiting_magnitude))
        .max_by(|a, b| {
            let key = |r: &PassRecord| {
                (
                    f64::from(u8::from(r.pass.magnitude.is_some())),
                    r.pass.visible_peak.map_or(0.0, |p| p.elevation_deg),
                    -r.pass.magnitude.unwrap_or(10.0),
                )
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// Page size, millimetres (A4 portrait).
const PAGE_W_MM: f32 = 210.0;
const PAGE_H_MM: f32 = 297.0;
/// Left and right margins, millimetres.
const MARGIN_MM: f32 = 15.0;
/// Rows of the pass table that fit above the chart.
const TABLE_ROWS: usize = 12;
/// The chart's centre (across) and radius (the horizon), millimetres; it sits below the
/// table, at most this low.
const CHART_X_MM: f32 = 72.0;
const CHART_LOWEST_Y_MM: f32 = 212.0;
const CHART_R_MM: f32 = 55.0;

/// Colours of the page: dark ink on white paper.
fn ink() -> Color {
    Color::Rgb(Rgb::new(0.08, 0.08, 0.1, None))
}
fn grey() -> Color {
    Color::Rgb(Rgb::new(0.45, 0.45, 0.5, None))
}
fn light() -> Color {
    Color::Rgb(Rgb::new(0.78, 0.78, 0.82, None))
}
fn path_colour() -> Color {
    Color::Rgb(Rgb::new(0.75, 0.2, 0.05, None))
}

/// Marks on one page, in millimetres from the top left.
struct Page {
    ops: Vec<Op>,
    text_fonts: PdfFontFamily,
    mono_fonts: PdfFontFamily,
}

impl Page {
    fn point(x_mm: f32, y_mm: f32) -> Point {
        Point::new(Mm(x_mm), Mm(PAGE_H_MM - y_mm))
    }

    /// Text with its baseline at (x, y), in the proportional (or monospaced) fonts: each
    /// run in the first font that has its characters (Hangul in the Hangul font).
    fn text(&mut self, x_mm: f32, y_mm: f32, size_pt: f32, mono: bool, colour: Color, text: &str) {
        let fonts = if mono {
            &self.mono_fonts
        } else {
            &self.text_fonts
        };
        let runs = fonts.show_text(size_pt, text);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: colour },
            Op::SetTextCursor {
                pos: Self::point(x_mm, y_mm),
            },
        ]);
        self.ops.extend(runs);
        self.ops.push(Op::EndTextSection);
    }

    /// Text centred on x.
    fn text_centred(&mut self, x_mm: f32, y_mm: f32, size_pt: f32, colour: Color, text: &str) {
        let w = text_width_mm(text, size_pt);
        self.text(x_mm - w / 2.0, y_mm, size_pt, false, colour, text);
    }

    /// A paragraph wrapped to `width_mm`; returns the y below its last line.
    fn paragraph(
        &mut self,
        x_mm: f32,
        y_mm: f32,
        width_mm: f32,
        size_pt: f32,
        colour: &Color,
        text: &str,
    ) -> f32 {
        let line_mm = size_pt * 0.3528 * 1.35;
        let mut y = y_mm;
        for line in wrap(text, width_mm, size_pt) {
            self.text(x_mm, y, size_pt, false, colour.clone(), &line);
            y += line_mm;
        }
        y
    }

    /// A polyline, solid or dashed.
    fn line(&mut self, points: &[(f32, f32)], width_pt: f32, colour: Color, dashed: bool) {
        if points.len() < 2 {
            return;
        }
        self.ops.extend([
            Op::SetOutlineColor { col: colour },
            Op::SetOutlineThickness { pt: Pt(width_pt) },
            Op::SetLineDashPattern {
                dash: if dashed {
                    LineDashPattern::new(0.0, &[3.0, 2.5])
                } else {
                    LineDashPattern::solid()
                },
            },
            Op::DrawLine {
                line: Line {
                    points: points
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: Self::point(x, y),
                            bezier: false,
                        })
                        .collect(),
                    is_closed: false,
                },
            },
        ]);
    }

    /// A circle of radius `r_mm`, filled or outlined.
    fn circle(
        &mut self,
        x_mm: f32,
        y_mm: f32,
        r_mm: f32,
        colour: Color,
        filled: bool,
        width_pt: f32,
    ) {
        let n = (r_mm * 6.0).clamp(12.0, 180.0) as usize;
        let points: Vec<(f32, f32)> = (0..=n)
            .map(|i| {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                (x_mm + r_mm * a.cos(), y_mm + r_mm * a.sin())
            })
            .collect();
        if filled {
            self.ops.extend([
                Op::SetFillColor { col: colour },
                Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: points
                                .iter()
                                .map(|&(x, y)| LinePoint {
                                    p: Self::point(x, y),
                                    bezier: false,
                                })
                                .collect(),
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                },
            ]);
        } else {
            self.line(&points, width_pt, colour, false);
        }
    }
}

/// Width of `text` at `size_pt` in the text font, millimetres: an estimate from the
/// average advance of Ubuntu Light (about 0.5 em) and of a Hangul syllable
/// ([`crate::fonts::estimated_width_em`]), enough to centre and wrap.
fn text_width_mm(text: &str, size_pt: f32) -> f32 {
    crate::fonts::estimated_width_em(text) * size_pt * 0.3528
}

/// `text` cut into lines of at most `width_mm` at `size_pt`, at spaces.
fn wrap(text: &str, width_mm: f32, size_pt: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width_mm(&candidate, size_pt) > width_mm && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where the chart is on the page: its centre's distance from the top, millimetres.
#[derive(Debug, Clone, Copy)]
struct Chart {
    y_mm: f32,
}

impl Chart {
    /// Chart position of a direction: zenith at the centre, the horizon at the rim, north
    /// up and east on the left (the sky seen lying on your back, head to the north).
    /// Elevations below the horizon (down to −20°) are for labels outside the rim.
    fn at(&self, azimuth_deg: f64, elevation_deg: f64) -> (f32, f32) {
        let r = CHART_R_MM * (90.0 - elevation_deg.clamp(-20.0, 90.0)) as f32 / 90.0;
        let az = (azimuth_deg as f32).to_radians();
        (CHART_X_MM - r * az.sin(), self.y_mm - r * az.cos())
    }
}

/// "21:39  NNE  17°  32°": a seen point for the table (time, compass point right-aligned in
/// `dir_w` columns, bearing, height).
fn table_point(fmt: &TimeFormatter, q: &PassPoint, dir_w: usize) -> String {
    format!(
        "{} {} {:>3.0}° {:>2.0}°",
        fmt.hm(q.time),
        pad_start(compass_point(q.azimuth_deg), dir_w),
        report::whole_bearing_deg(q.azimuth_deg),
        q.elevation_deg.max(0.0)
    )
}

/// The handout as PDF bytes.
pub fn handout_pdf(input: &HandoutInput<'_>) -> Result<Vec<u8>, HandoutError> {
    let mut doc = PdfDocument::new(&title(input.place_name));
    let mut fonts = PdfFontCache::default();
    let mut page = Page {
        ops: Vec::new(),
        text_fonts: fonts.family(&mut doc, &crate::fonts::HANDOUT_TEXT, false)?,
        mono_fonts: fonts.family(&mut doc, &crate::fonts::HANDOUT_MONO, true)?,
    };
    let fmt = &input.fmt;
    // Title and the night.
    page.text(
        MARGIN_MM,
        22.0,
        20.0,
        false,
        ink(),
        &title(input.place_name),
    );
    page.text(MARGIN_MM, 29.0, 10.0, false, grey(), &input.window_line);
    page.text(MARGIN_MM, 34.0, 9.0, false, grey(), &input.place_line);
    // The passes.
    let mut y = 44.0;
    let lines = table_lines(input);
    page.text(MARGIN_MM, y, 8.5, true, ink(), &lines.header);
    page.text(MARGIN_MM, y + 3.8, 8.5, true, grey(), &lines.subheader);
    y += 5.0;
    page.line(
        &[(MARGIN_MM, y), (PAGE_W_MM - MARGIN_MM, y)],
        0.5,
        light(),
        false,
    );
    y += 4.6;
    if let Some(empty) = &lines.empty {
        page.text(MARGIN_MM, y, 10.0, false, ink(), empty);
        y += 5.0;
    }
    for (row, note) in &lines.rows {
        page.text(MARGIN_MM, y, 8.5, true, ink(), row);
        page.text(MARGIN_MM, y + 3.3, 6.5, false, grey(), note);
        y += 7.6;
    }
    if let Some(more) = &lines.more {
        page.text(MARGIN_MM, y, 8.5, false, grey(), more);
    }
    // The chart of the best pass, below the table.
    let geometry = Chart {
        y_mm: (y + 22.0 + CHART_R_MM).min(CHART_LOWEST_Y_MM),
    };
    chart(&mut page, input, geometry);
    // The foot of the page.
    let foot = t!(
        "words-handout-foot",
        data = input.data_line.clone(),
        version = env!("CARGO_PKG_VERSION"),
        made = input.made_at.format("%Y-%m-%d %H:%M").to_string(),
        zone = fmt.zone_label(input.made_at),
    );
    page.paragraph(
        MARGIN_MM,
        282.0,
        PAGE_W_MM - 2.0 * MARGIN_MM,
        7.0,
        &grey(),
        &foot,
    );
    let pdf_page = PdfPage::new(Mm(PAGE_W_MM), Mm(PAGE_H_MM), page.ops);
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut save_warnings = Vec::new();
    Ok(doc
        .with_pages(vec![pdf_page])
        .save(&options, &mut save_warnings))
}

/// The sky chart of the chosen pass, with its directions beside it.
fn chart(page: &mut Page, input: &HandoutInput<'_>, geometry: Chart) {
    let chart_mm = |az: f64, el: f64| geometry.at(az, el);
    let cy = geometry.y_mm;
    let top = cy - CHART_R_MM - 12.0;
    let Some((record, samples)) = &input.chart else {
        page.text(
            MARGIN_MM,
            top,
            11.0,
            false,
            grey(),
            &t!("words-handout-no-chart"),
        );
        return;
    };
    let fmt = &input.fmt;
    let seen = SeenPart::of(&record.pass);
    page.text(
        MARGIN_MM,
        top,
        13.0,
        false,
        ink(),
        &t!(
            "words-handout-best",
            sat = record.name(),
            date = fmt.date(seen.map_or(record.pass.rise.time, |s| s.start.time)),
            time = fmt.hm(seen.map_or(record.pass.rise.time, |s| s.start.time)),
        ),
    );
    // Horizon, 30° and 60° rings, and the compass.
    page.circle(CHART_X_MM, cy, CHART_R_MM, light(), true, 0.0);
    page.circle(
        CHART_X_MM,
        cy,
        CHART_R_MM - 0.4,
        Color::Rgb(Rgb::new(0.97, 0.97, 1.0, None)),
        true,
        0.0,
    );
    page.circle(CHART_X_MM, cy, CHART_R_MM, ink(), false, 1.2);
    for el in [30.0, 60.0] {
        let r = CHART_R_MM * (90.0 - el) / 90.0;
        page.circle(CHART_X_MM, cy, r, light(), false, 0.5);
        page.text(
            CHART_X_MM + 0.8,
            cy + r - 0.8,
            6.5,
            false,
            grey(),
            &format!("{el:.0}°"),
        );
    }
    for az in [0.0, 90.0, 180.0, 270.0] {
        let label = compass_point(az);
        let (x, y) = chart_mm(az, -8.0 * 90.0 / f64::from(CHART_R_MM));
        let (x0, y0) = chart_mm(az, 0.0);
        let (x1, y1) = chart_mm(az, 90.0);
        page.line(&[(x0, y0), (x1, y1)], 0.3, light(), false);
        page.text_centred(x, y + 1.5, 11.0, ink(), label);
    }
    for az in [45.0, 135.0, 225.0, 315.0] {
        let (x, y) = chart_mm(az, -6.0 * 90.0 / f64::from(CHART_R_MM));
        page.text_centred(x, y + 1.2, 7.5, grey(), compass_point(az));
    }
    // Stars, dots by brightness, the brightest named.
    for star in &input.stars {
        if star.elevation_deg <= 0.0 {
            continue;
        }
        let (x, y) = chart_mm(star.azimuth_deg, star.elevation_deg);
        let r = (0.95 - 0.16 * star.magnitude as f32).clamp(0.18, 1.3);
        page.circle(x, y, r, ink(), true, 0.0);
        if let Some(name) = &star.name {
            page.text(x + r + 0.6, y + 0.9, 6.0, false, grey(), name);
        }
    }
    // The path: bold where it is sunlit (seen against a dark sky), dashed in the shadow.
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut lit = samples.first().is_some_and(|s| s.is_sunlit);
    for s in samples.iter() {
        let p = chart_mm(s.azimuth_deg, s.elevation_deg);
        if s.is_sunlit != lit {
            run.push(p);
            draw_run(page, &run, lit);
            run.clear();
            lit = s.is_sunlit;
        }
        run.push(p);
    }
    draw_run(page, &run, lit);
    // Minute ticks, labelled every minute (or every few on a long pass).
    let minutes = (record.pass.set.time - record.pass.rise.time)
        .num_minutes()
        .max(1);
    let label_every = (minutes / 12).max(1);
    let rise_s = record.pass.rise.time.timestamp();
    let Some(mut t) = DateTime::from_timestamp((rise_s.div_euclid(60) + 1) * 60, 0) else {
        return;
    };
    let mut k = 0_i64;
    while t < record.pass.set.time {
        if let Some(s) = samples
            .iter()
            .min_by_key(|s| (s.t - t).num_milliseconds().abs())
            && s.elevation_deg > 0.5
        {
            let (x, y) = chart_mm(s.azimuth_deg, s.elevation_deg);
            page.circle(x, y, 0.6, ink(), true, 0.0);
            if k % label_every == 0 {
                page.text(x + 1.2, y - 1.0, 6.5, false, ink(), &fmt.hm(t));
            }
        }
        t += Duration::minutes(1);
        k += 1;
    }
    // Where it appears, where it is highest while seen, and where it vanishes.
    if let Some(seen) = seen {
        let (x, y) = chart_mm(seen.start.azimuth_deg, seen.start.elevation_deg);
        page.circle(x, y, 1.8, path_colour(), false, 1.2);
        page.text(
            x + 2.4,
            y + 3.2,
            7.5,
            false,
            path_colour(),
            &t!("words-handout-mark-appears"),
        );
        let (x, y) = chart_mm(seen.peak.azimuth_deg, seen.peak.elevation_deg);
        page.circle(x, y, 1.3, path_colour(), true, 0.0);
        page.text(
            x + 2.0,
            y - 1.6,
            7.5,
            false,
            path_colour(),
            &t!("words-handout-mark-highest"),
        );
        let (x, y) = chart_mm(seen.end.azimuth_deg, seen.end.elevation_deg);
        if seen.vanishes == Vanishes::EntersShadow {
            // Fading into the shadow: an open ring with a dark half.
            page.circle(x, y, 1.8, ink(), false, 1.0);
            page.circle(x, y, 0.9, ink(), true, 0.0);
            page.text(
                x + 2.4,
                y + 3.2,
                7.5,
                false,
                ink(),
                &t!("words-handout-mark-fades"),
            );
        } else {
            page.line(&[(x - 1.8, y - 1.8), (x + 1.8, y + 1.8)], 1.2, ink(), false);
            page.line(&[(x - 1.8, y + 1.8), (x + 1.8, y - 1.8)], 1.2, ink(), false);
            page.text(
                x + 2.4,
                y + 3.2,
                7.5,
                false,
                ink(),
                &t!("words-handout-mark-vanishes"),
            );
        }
        // An arrow half-way along the seen part, pointing the way it moves.
        if let Some(i) = samples.iter().position(|s| s.t >= seen.peak.time)
            && let (Some(a), Some(b)) = (samples.get(i.saturating_sub(1)), samples.get(i + 1))
        {
            arrow(
                page,
                chart_mm(a.azimuth_deg, a.elevation_deg),
                chart_mm(b.azimuth_deg, b.elevation_deg),
            );
        }
    }
    // Beside the chart: the directions in words, and how to read the chart.
    let x = CHART_X_MM + CHART_R_MM + 10.0;
    let width = PAGE_W_MM - MARGIN_MM - x;
    let mut y = cy - CHART_R_MM + 2.0;
    let words = plain_description(&record.pass, |t| fmt.hm(t));
    y = page.paragraph(x, y, width, 9.5, &ink(), &words);
    y += 3.0;
    let legend = t!("words-handout-legend");
    page.paragraph(x, y, width, 7.5, &grey(), &legend);
}

fn draw_run(page: &mut Page, run: &[(f32, f32)], lit: bool) {
    if lit {
        page.line(run, 2.2, path_colour(), false);
    } else {
        page.line(run, 0.8, grey(), true);
    }
}

/// A small arrowhead at `b`, pointing from `a` to `b`.
fn arrow(page: &mut Page, a: (f32, f32), b: (f32, f32)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-3 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let size = 3.0;
    let back = (b.0 - ux * size, b.1 - uy * size);
    let left = (back.0 - uy * size * 0.5, back.1 + ux * size * 0.5);
    let right = (back.0 + uy * size * 0.5, back.1 - ux * size * 0.5);
    page.line(&[left, b, right], 1.2, path_colour(), false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_inside_its_width() {
        let text = "Look NNE (bearing 17°, 32° up) at 21:39, where it comes out of Earth's shadow.";
        let lines = wrap(text, 40.0, 9.5);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| text_width_mm(l, 9.5) <= 40.0 || !l.contains(' '))
        );
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn east_is_on_the_left_of_the_chart_and_the_zenith_in_its_centre() {
        let chart = Chart { y_mm: 200.0 };
        let (x_east, _) = chart.at(90.0, 0.0);
        let (x_west, _) = chart.at(270.0, 0.0);
        assert!(x_east < CHART_X_MM && x_west > CHART_X_MM);
        let (_, y_north) = chart.at(0.0, 0.0);
        assert!(y_north < 200.0, "north is up (smaller y from the top)");
        assert_eq!(chart.at(123.0, 90.0), (CHART_X_MM, 200.0));
    }
    /// KORSAT-7's handout input with one crafted visible pass (21:39-21:41 UTC, Seoul).
    fn korsat_record() -> PassRecord {
        let tle = "KORSAT-7\n\
1 58463U 23185B   26127.78531509  .00001874  00000+0  14985-3 0  9990\n\
2 58463  97.6288 192.8213 0025536 101.4623 258.9471 15.01171877133227\n";
        let set = crate::orbit::parse_elements(tle, "test")
            .unwrap()
            .sets
            .remove(0);
        use crate::orbit::{Appears, Vanishes};
        use crate::report::fixtures::{at, crafted};
        let (start, end) = (at(9.0, 17.0, 32.0), at(11.3, 359.0, 10.0));
        let mut pass = crafted(Some((
            start,
            start,
            end,
            Appears::LeavesShadow,
            Vanishes::Sets,
        )));
        pass.magnitude = Some(5.6);
        PassRecord::new(&set, pass)
    }

    fn input<'a>(records: &'a [&'a PassRecord]) -> HandoutInput<'a> {
        HandoutInput {
            place_name: "서울",
            place_line: String::new(),
            window_line: String::new(),
            records,
            chart: None,
            stars: Vec::new(),
            fmt: TimeFormatter::named(chrono_tz::Asia::Seoul),
            limiting_magnitude: 4.0,
            data_line: String::new(),
            made_at: "2026-08-22T12:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_table_with_more_passes_than_rows_leaves_a_row_for_the_more_line() {
        let record = korsat_record();
        let twelve = [&record; TABLE_ROWS];
        let lines = table_lines(&input(&twelve));
        assert_eq!((lines.rows.len(), lines.more), (TABLE_ROWS, None));
        let fifteen = [&record; TABLE_ROWS + 3];
        crate::i18n::with_language(crate::i18n::Lang::Ko, || {
            let lines = table_lines(&input(&fifteen));
            assert_eq!(lines.rows.len(), TABLE_ROWS - 1);
            assert_eq!(
                lines.more.as_deref(),
                Some("… 보이는 통과가 4번 더 있어요(앱이나 `overhead passes`에서 보세요).")
            );
        });
    }

    #[test]
    fn the_chart_names_stars_and_planets_in_the_language() {
        let frame = ObserverFrame::new(crate::orbit::Observer::new(37.5665, 126.978, 38.0));
        let t: DateTime<Utc> = "2026-08-22T12:00:00Z".parse().unwrap();
        let names = |lang| {
            crate::i18n::with_language(lang, || {
                chart_stars(&frame, t, 2.0)
                    .into_iter()
                    .filter_map(|s| s.name)
                    .collect::<Vec<_>>()
            })
        };
        let ko = names(crate::i18n::Lang::Ko);
        assert!(ko.iter().any(|n| n == "베가"), "{ko:?}");
        assert!(!ko.iter().any(|n| n == "Vega"), "{ko:?}");
        let en = names(crate::i18n::Lang::En);
        assert!(en.iter().any(|n| n == "Vega"), "{en:?}");
    }

    #[test]
    fn table_words_in_english_keep_their_columns() {
        let record = korsat_record();
        let records = [&record];
        let lines =
            crate::i18n::with_language(crate::i18n::Lang::En, || table_lines(&input(&records)));
        assert_eq!(
            lines.header,
            "Satellite            Appears              Highest              Vanishes               Mag"
        );
        assert_eq!(
            lines.rows[0].0,
            "KORSAT-7             06:39 NNE  17° 32°   06:39 NNE  17° 32°   06:41   N 359° 10°   5.6 faint"
        );
        assert_eq!(lines.rows[0].1, "Sun 23 Aug: from shadow, then sets");
        assert_eq!(lines.empty, None);
    }

    #[test]
    fn table_words_in_korean_line_up_by_display_width() {
        let record = korsat_record();
        let records = [&record];
        crate::i18n::with_language(crate::i18n::Lang::Ko, || {
            let lines = table_lines(&input(&records));
            assert_eq!(title("서울"), "서울 하늘을 지나는 위성");
            assert!(lines.header.starts_with("위성"), "{}", lines.header);
            assert!(lines.header.contains("나타남") && lines.header.ends_with("밝기"));
            let (row, note) = &lines.rows[0];
            assert!(row.contains("06:39 북북동  17° 32°"), "{row}");
            assert!(row.ends_with("5.6 희미함"), "{row}");
            assert_eq!(note, "8월 23일 (일): 그림자 밖 → 짐");
            // Every column starts at the same display column in the heading and the row.
            let col = |line: &str, what: &str| display_width(&line[..line.find(what).unwrap()]);
            assert_eq!(col(&lines.header, "사라짐"), col(row, "06:41"));
            // The point's headings sit over their numbers: 방향 and 방위 end where the
            // compass point and the bearing end, 고도 starts at the height.
            let end = |line: &str, what: &str| col(line, what) + display_width(what);
            assert_eq!(end(&lines.subheader, "방향"), end(row, "북북동"));
            assert_eq!(end(&lines.subheader, "방위"), end(row, "17°"));
            assert_eq!(col(&lines.subheader, "고도"), col(row, "32°"));
            let empty = table_lines(&input(&[]));
            assert_eq!(
                empty.empty.as_deref(),
                Some("이 기간에는 고른 위성이 맨눈으로 보이는 통과가 없어요.")
            );
            assert_eq!(
                data_line(
                    &records,
                    &t!("words-handout-source"),
                    "2026-08-22T12:00:00Z".parse().unwrap()
                ),
                "궤도 자료: CelesTrak GP 자료(미국 우주군), 가장 오래된 기준 시각 2026-05-07 18:50 UTC (이 자료를 만들기 107일 전)."
            );
            assert!(t!("words-handout-legend").contains("주먹 하나가 약 10°"));
        });
    }
}
