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

use chrono::{DateTime, Utc};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use crate::fonts::pdf::{FontError, PdfFontCache};
use crate::i18n::Lang;
use crate::orbit::{BrightVerdict, ObserverFrame, PassPoint, PathPoint, Satellite, sky_path};
use crate::report::{self, PassRecord, SeenPart, compass_point};
use crate::t;
use crate::timefmt::TimeFormatter;

mod chart;
mod fit;
mod labels;
mod page;
mod table;

use chart::{Chart, chart};
use page::*;
pub use table::{TableLines, TableRow, name_lines, table_lines};
use table::{row_height_mm, unseen_line_height_mm};

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
    /// A line for each satellite asked for with no pass to see in the window, with its
    /// next one ([`crate::report::SatelliteNote::unseen_words`]).
    pub unseen: Vec<String>,
    /// The constellation figures above the horizon at the chart's moment, as polylines of
    /// (azimuth, elevation) in degrees ([`chart_constellation_lines`]).
    pub constellation_lines: Vec<Vec<(f64, f64)>>,
    /// A moment of the night the page is about: the time zone is named as it is then
    /// ("Europe/London (BST)" for a summer night, whenever the page is made).
    pub zone_at: DateTime<Utc>,
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
                name: (s.magnitude < NAMED_BRIGHTER_THAN && !s.name.is_empty())
                    .then(|| crate::i18n::name_in(lang, &s.name, &s.name_ko).to_owned()),
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

/// The constellation figures above the horizon at `t`, as polylines of (azimuth,
/// elevation) in degrees: each figure's line is cut where it dips below the horizon.
pub fn chart_constellation_lines(frame: &ObserverFrame, t: DateTime<Utc>) -> Vec<Vec<(f64, f64)>> {
    let sky = crate::orbit::stars::StarSky::new(frame, t);
    let mut out = Vec::new();
    for line in crate::atlas::sky::constellation_lines() {
        let mut run: Vec<(f64, f64)> = Vec::new();
        for &point in &line.points {
            let d = sky.look(point);
            if d.elevation_deg > 0.0 {
                run.push((d.azimuth_deg, d.elevation_deg));
            } else if run.len() > 1 {
                out.push(std::mem::take(&mut run));
            } else {
                run.clear();
            }
        }
        if run.len() > 1 {
            out.push(run);
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
            // Never a negative age (elements newer than the clock that made the page).
            days = format!(
                "{:.0}",
                ((made_at - epoch).num_hours() as f64 / 24.0).max(0.0)
            )
        ),
        None => t!("words-handout-data-plain", source = source),
    }
}

/// The page's title: "Satellites over Seoul".
pub fn title(place_name: &str) -> String {
    t!("words-handout-title", place = place_name)
}

/// The pass worth drawing: among the visible passes not fainter than the sky by a sigma,
/// one bright enough before a maybe, a maybe before one of unknown brightness, then the one
/// that gets highest while seen (the brighter of equals).
pub fn best_pass<'a>(
    records: &[&'a PassRecord],
    limiting_magnitude: f64,
) -> Option<&'a PassRecord> {
    records
        .iter()
        .copied()
        .filter(|r| r.is_visible_to_eye(limiting_magnitude))
        .max_by(|a, b| {
            let key = |r: &PassRecord| {
                let verdict = match r.bright_verdict(limiting_magnitude) {
                    Some(BrightVerdict::Yes) => 2.0,
                    Some(BrightVerdict::Maybe) => 1.0,
                    _ => 0.0,
                };
                (
                    verdict,
                    r.pass.visible_peak().map_or(0.0, |p| p.elevation_deg),
                    -r.pass.magnitude.unwrap_or(10.0),
                )
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// The handout as PDF bytes: the first page (the table, the lines for satellites with
/// nothing to see, the chart), and when the first page lists only the brightest passes,
/// more pages with all of them in time order.
pub fn handout_pdf(input: &HandoutInput<'_>) -> Result<Vec<u8>, HandoutError> {
    let mut doc = PdfDocument::new(&fit::document_title(input.place_name));
    let mut fonts = PdfFontCache::default();
    let mut page = Page {
        ops: Vec::new(),
        text_fonts: fonts.family(&mut doc, &crate::fonts::HANDOUT_TEXT, false)?,
        mono_fonts: fonts.family(&mut doc, &crate::fonts::HANDOUT_MONO, true)?,
    };
    // Title, the night and the place, fitted to the margins.
    fit::draw_head(&mut page, input);
    // The passes.
    let lines = table_lines(input);
    let mut y = table_head(&mut page, &lines, 44.0);
    if let Some(empty) = &lines.empty {
        page.text(MARGIN_MM, y, 10.0, false, ink(), empty);
        y += 5.0;
    }
    for row in &lines.rows {
        y = table_row(&mut page, row, y);
    }
    if let Some(more) = &lines.more {
        page.text(MARGIN_MM, y, 8.5, false, grey(), more);
        y += MORE_MM;
    }
    // Every satellite asked for is accounted for: those with nothing to see say when
    // they are next seen.
    if !lines.unseen.is_empty() {
        // Clear of the last row's note, and as tall as `unseen_height_mm` says.
        y = unseen_lines(&mut page, &lines.unseen, y + 1.0) + 3.0;
    }
    // The chart of the best pass, below the table.
    let geometry = Chart {
        y_mm: (y + 22.0 + CHART_R_MM).min(CHART_LOWEST_Y_MM),
    };
    chart(&mut page, input, geometry);
    let later = later_pages(&lines.all_rows, &lines.unseen_later);
    let pages_after = later.len();
    foot(&mut page, input, 1, 1 + pages_after);
    let mut pages = vec![PdfPage::new(Mm(PAGE_W_MM), Mm(PAGE_H_MM), page.ops)];
    // Every pass in time order, then every satellite with nothing to see, on the pages
    // after.
    for (i, later_page) in later.into_iter().enumerate() {
        let mut page = Page {
            ops: Vec::new(),
            text_fonts: page.text_fonts.clone(),
            mono_fonts: page.mono_fonts.clone(),
        };
        let heading = if later_page.rows.is_empty() {
            t!("words-handout-unseen-heading")
        } else {
            t!(
                "words-handout-all-passes",
                place = input.place_name,
                count = lines.all_rows.len()
            )
        };
        page.text(MARGIN_MM, 22.0, 14.0, false, ink(), &heading);
        page.text(MARGIN_MM, 29.0, 10.0, false, grey(), &input.window_line);
        let mut y = 38.0;
        if let Some(rows) = lines.all_rows.get(later_page.rows.clone())
            && !rows.is_empty()
        {
            y = table_head(&mut page, &lines, y);
            for row in rows {
                y = table_row(&mut page, row, y);
            }
        }
        if let Some(unseen) = lines.unseen_later.get(later_page.unseen) {
            unseen_lines(&mut page, unseen, y + 2.0);
        }
        foot(&mut page, input, i + 2, 1 + pages_after);
        pages.push(PdfPage::new(Mm(PAGE_W_MM), Mm(PAGE_H_MM), page.ops));
    }
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut save_warnings = Vec::new();
    Ok(doc.with_pages(pages).save(&options, &mut save_warnings))
}

/// The words of the foot of page `number` of `pages` (see [`foot`]).
fn foot_text(input: &HandoutInput<'_>, number: usize, pages: usize) -> String {
    let mut foot = t!(
        "words-handout-foot",
        data = input.data_line.clone(),
        version = env!("CARGO_PKG_VERSION"),
        made = input.made_at.format("%Y-%m-%d %H:%M").to_string(),
        zone = input.fmt.zone_label(input.zone_at),
    );
    if pages > 1 {
        foot.push(' ');
        foot.push_str(&t!("words-handout-page", page = number, pages = pages));
    }
    foot
}

/// What a page after the first holds: table rows and lines for satellites with nothing to
/// see, by their positions in [`TableLines::all_rows`] and [`TableLines::unseen_later`].
#[derive(Debug, Clone, PartialEq)]
struct LaterPage {
    rows: std::ops::Range<usize>,
    unseen: std::ops::Range<usize>,
}

/// The pages after the first: every row, then every line, as many as fit above the foot.
fn later_pages(rows: &[TableRow], unseen: &[String]) -> Vec<LaterPage> {
    let heights = rows
        .iter()
        .map(row_height_mm)
        .chain(unseen.iter().map(|l| unseen_line_height_mm(l)));
    let mut pages = Vec::new();
    let mut first = 0;
    let mut used_mm = 0.0;
    let cut = |from: usize, to: usize| LaterPage {
        rows: from.min(rows.len())..to.min(rows.len()),
        unseen: from.max(rows.len()) - rows.len()..to.max(rows.len()) - rows.len(),
    };
    for (i, h) in heights.enumerate() {
        if used_mm + h > LATER_PAGE_TABLE_MM && i > first {
            pages.push(cut(first, i));
            first = i;
            used_mm = 0.0;
        }
        used_mm += h;
    }
    if first < rows.len() + unseen.len() {
        pages.push(cut(first, rows.len() + unseen.len()));
    }
    pages
}

/// Lines for satellites with nothing to see from `y_mm`, wrapped; returns the y under them.
fn unseen_lines(page: &mut Page, lines: &[String], y_mm: f32) -> f32 {
    let mut y = y_mm;
    for line in lines {
        for part in wrap(line, PAGE_W_MM - 2.0 * MARGIN_MM, UNSEEN_PT) {
            page.text(MARGIN_MM, y, UNSEEN_PT, false, grey(), &part);
            y += UNSEEN_LINE_MM;
        }
    }
    y
}

/// The table's headings with their rule, from `y_mm`; returns where the first row goes.
fn table_head(page: &mut Page, lines: &TableLines, y_mm: f32) -> f32 {
    page.text(MARGIN_MM, y_mm, 8.5, true, ink(), &lines.header);
    page.text(MARGIN_MM, y_mm + 3.8, 8.5, true, grey(), &lines.subheader);
    let y = y_mm + 5.0;
    page.line(
        &[(MARGIN_MM, y), (PAGE_W_MM - MARGIN_MM, y)],
        0.5,
        light(),
        false,
    );
    y + 4.6
}

/// One table row at `y_mm` (its name's further lines under it, then its note); returns
/// where the next row goes.
fn table_row(page: &mut Page, row: &TableRow, y_mm: f32) -> f32 {
    page.text(MARGIN_MM, y_mm, 8.5, true, ink(), &row.line);
    let mut y = y_mm;
    for rest in &row.name_rest {
        y += NAME_LINE_MM;
        page.text(MARGIN_MM, y, 8.5, true, ink(), rest);
    }
    page.text(MARGIN_MM, y + 3.3, 6.5, false, grey(), &row.note);
    y_mm + row_height_mm(row)
}

/// The foot of page `number` of `pages`: the data, the program, when it was made, and the
/// time zone as it is on the night the page is about.
fn foot(page: &mut Page, input: &HandoutInput<'_>, number: usize, pages: usize) {
    let foot = foot_text(input, number, pages);
    page.paragraph(
        MARGIN_MM,
        282.0,
        PAGE_W_MM - 2.0 * MARGIN_MM,
        7.0,
        &grey(),
        &foot,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;

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
            unseen: Vec::new(),
            constellation_lines: Vec::new(),
            zone_at: "2026-08-22T12:00:00Z".parse().unwrap(),
        }
    }

    /// `record` moved `minutes` later, with magnitude `magnitude`.
    fn moved(record: &PassRecord, minutes: i64, magnitude: f64) -> PassRecord {
        let mut r = record.clone();
        let d = chrono::Duration::minutes(minutes);
        r.pass.rise.time += d;
        r.pass.culmination.time += d;
        r.pass.set.time += d;
        if let Some(seen) = r.pass.seen_points.as_mut() {
            seen.start.time += d;
            seen.peak.time += d;
            seen.end.time += d;
        }
        r.pass.magnitude = Some(magnitude);
        r
    }

    #[test]
    fn a_week_lists_the_brightest_first_with_the_charted_one_and_all_on_the_next_page() {
        let record = korsat_record();
        // Twelve passes fit on the first page, in time order.
        let twelve: Vec<PassRecord> = (0..12).map(|i| moved(&record, i * 100, 3.0)).collect();
        let refs: Vec<&PassRecord> = twelve.iter().collect();
        let lines = table_lines(&input(&refs));
        assert_eq!((lines.rows.len(), lines.all_rows.len()), (12, 0));
        assert_eq!(lines.more, None);
        // A week of 93: the first page holds the brightest eleven (magnitude 1.0 at passes
        // 50..61), with the charted one (pass 90, magnitude 3.5) among them, and a line
        // saying the next page lists all 93 in time order.
        let week: Vec<PassRecord> = (0..93)
            .map(|i| {
                let magnitude = if (50..60).contains(&i) { 1.0 } else { 3.5 };
                moved(&record, i * 100, magnitude)
            })
            .collect();
        let refs: Vec<&PassRecord> = week.iter().collect();
        let mut week_input = input(&refs);
        week_input.chart = Some((refs[90], Vec::new()));
        let lines = crate::i18n::with_language(crate::i18n::Lang::En, || table_lines(&week_input));
        assert_eq!(lines.rows.len(), 11);
        assert_eq!(lines.all_rows.len(), 93);
        let charted = table_lines(&input(&refs[90..91])).rows.remove(0);
        assert!(lines.rows.contains(&charted), "the charted pass is listed");
        assert_eq!(
            lines.more.as_deref(),
            Some(
                "The 11 brightest of 93 visible passes, in time order; the next page lists all \
                 of them."
            )
        );
        // The first page's rows keep time order.
        let position = |row: &TableRow| lines.all_rows.iter().position(|r| r == row).unwrap();
        assert!(
            lines
                .rows
                .windows(2)
                .all(|w| position(&w[0]) < position(&w[1]))
        );
        // Each later page holds what fits above its foot.
        let pages = later_pages(&lines.all_rows, &[]);
        assert_eq!(pages.iter().map(|p| p.rows.len()).sum::<usize>(), 93);
        assert!(pages.len() >= 4, "{pages:?}");
        let pdf = crate::i18n::with_language(crate::i18n::Lang::En, || handout_pdf(&week_input));
        assert!(pdf.unwrap().len() > 10_000);
    }

    #[test]
    fn many_satellites_with_nothing_to_see_leave_the_first_page_to_the_passes() {
        let record = korsat_record();
        let records = [&record];
        let mut many = input(&records);
        many.unseen = (0..40)
            .map(|i| format!("R/B {i}: no visible pass in these 7 days"))
            .collect();
        let lines = crate::i18n::with_language(crate::i18n::Lang::En, || table_lines(&many));
        // The pass keeps its row; a few lines, then how many more the end lists.
        assert_eq!(lines.rows.len(), 1);
        assert!((2..=8).contains(&lines.unseen.len()), "{:?}", lines.unseen);
        let last = lines.unseen.last().unwrap();
        assert!(
            last.starts_with("… and 3") && last.contains("listed at the end"),
            "{last}"
        );
        assert_eq!(lines.unseen_later.len(), 40);
        let pages = later_pages(&lines.all_rows, &lines.unseen_later);
        assert_eq!(pages.len(), 1);
        assert_eq!((pages[0].rows.len(), pages[0].unseen.len()), (0, 40));
        // A few fit on the first page, with nothing at the end.
        many.unseen.truncate(3);
        let lines = table_lines(&many);
        assert_eq!((lines.unseen.len(), lines.unseen_later.len()), (3, 0));
    }

    #[test]
    fn long_names_wrap_in_their_column_instead_of_being_cut() {
        assert_eq!(
            name_lines("STARLINK-1234 [DTC] OBJECT A", 20),
            ["STARLINK-1234 [DTC]", "OBJECT A"]
        );
        assert_eq!(
            name_lines("ABCDEFGHIJKLMNOPQRSTUVWXY", 20),
            ["ABCDEFGHIJKLMNOPQRST", "UVWXY"]
        );
        assert_eq!(name_lines("KORSAT-7", 20), ["KORSAT-7"]);
        // Hangul takes two columns a syllable.
        assert!(
            name_lines("국제우주정거장국제우주정거장", 20)
                .iter()
                .all(|l| display_width(l) <= 20)
        );
    }

    #[test]
    fn the_foot_names_the_zone_as_it_is_on_the_night_not_when_the_page_is_made() {
        let mut page_input = input(&[]);
        page_input.fmt = TimeFormatter::named(chrono_tz::Europe::London);
        // Made in December (GMT) for a night in August (BST).
        page_input.made_at = "2026-12-01T10:00:00Z".parse().unwrap();
        page_input.zone_at = "2026-08-22T21:00:00Z".parse().unwrap();
        let foot =
            crate::i18n::with_language(crate::i18n::Lang::En, || foot_text(&page_input, 2, 3));
        assert!(foot.contains("Times in Europe/London (BST)."), "{foot}");
        assert!(foot.ends_with("Page 2 of 3."), "{foot}");
    }

    #[test]
    fn constellation_lines_are_drawn_above_the_horizon_only() {
        let frame = ObserverFrame::new(crate::orbit::Observer::new(51.5, -0.13, 11.0));
        let t: DateTime<Utc> = "2026-08-22T21:00:00Z".parse().unwrap();
        let lines = chart_constellation_lines(&frame, t);
        assert!(lines.len() > 50, "{}", lines.len());
        assert!(lines.iter().flatten().all(|&(_, el)| el > 0.0));
        assert!(lines.iter().all(|l| l.len() >= 2));
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
            lines.rows[0].line,
            "KORSAT-7             06:39 NNE  17° 32°   06:39 NNE  17° 32°   06:41   N 359° 10°   5.6 faint"
        );
        // The elements are 108 days older than the pass: its times are good to ±12 min.
        assert_eq!(
            lines.rows[0].note,
            "Sun 23 Aug: from shadow, then sets; times ±12 min"
        );
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
            let (row, note) = (&lines.rows[0].line, &lines.rows[0].note);
            assert!(row.contains("06:39 북북동  17° 32°"), "{row}");
            assert!(row.ends_with("5.6 희미함"), "{row}");
            assert_eq!(note, "8월 23일 (일): 그림자 밖 → 짐 · 시각 오차 ±12분");
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
