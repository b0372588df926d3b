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
use crate::orbit::{ObserverFrame, PassPoint, PathPoint, Satellite, sky_path};
use crate::report::{self, PassRecord, SeenPart, compass_point};
use crate::t;
use crate::text::{display_width, pad_end, pad_start};
use crate::timefmt::TimeFormatter;

mod chart;
mod labels;
mod page;

use chart::{Chart, chart};
use page::*;

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
    // The point cells: 20 columns in English, wider where the compass points are, and
    // three more when a row's times show seconds (the setting, or a short pass).
    let seconds = input
        .records
        .iter()
        .any(|r| fmt.for_pass(&r.pass).shows_seconds());
    let cell = 20 + dir_w - 3 + if seconds { 3 } else { 0 };
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
    let point = |r: &PassRecord, q: &PassPoint| table_point(&fmt.for_pass(&r.pass), q, dir_w);
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
            pad_end(&point(r, &seen.start), cell),
            pad_end(&point(r, &seen.peak), cell),
            pad_end(&point(r, &seen.end), cell),
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
                    r.pass.visible_peak().map_or(0.0, |p| p.elevation_deg),
                    -r.pass.magnitude.unwrap_or(10.0),
                )
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// "21:39  NNE  17°  32°": a seen point for the table (time, to the second if `fmt` shows
/// seconds; compass point right-aligned in `dir_w` columns, bearing, height).
fn table_point(fmt: &TimeFormatter, q: &PassPoint, dir_w: usize) -> String {
    format!(
        "{} {} {:>3.0}° {:>2.0}°",
        fmt.clock(q.time),
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
