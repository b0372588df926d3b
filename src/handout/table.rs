//! The handout's pass table: its words, the rows each page lists, and long names
//! wrapped in their column.

use super::page::*;
use super::{HandoutInput, PassPoint, PassRecord, SeenPart, TimeFormatter, compass_point, report};
use crate::orbit::BrightVerdict;
use crate::t;
use crate::text::{display_width, pad_end, pad_start};

/// One row of the pass table: its line, the rest of a long name on the lines under it,
/// and the note under them ("Sat 22 Aug: rises, then sets").
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The row itself, padded into its columns.
    pub line: String,
    /// The rest of a satellite name too long for its column, a line each (wrapped, never
    /// cut).
    pub name_rest: Vec<String>,
    /// The note under the row.
    pub note: String,
}

/// The words of the pass table, one string per line of monospaced text.
#[derive(Debug, Clone, PartialEq)]
pub struct TableLines {
    /// The headings ("Satellite  Appears ...").
    pub header: String,
    /// Under the headings, what a point's cell holds ("time  dir bear. up").
    pub subheader: String,
    /// The passes the first page lists, in time order: all of them when they fit, else
    /// the brightest (the charted one always among them).
    pub rows: Vec<TableRow>,
    /// Every pass, in time order, for the pages after the first when the first cannot
    /// hold them all (empty when it can).
    pub all_rows: Vec<TableRow>,
    /// The line when there is nothing to list.
    pub empty: Option<String>,
    /// Under the first page's table when it lists only the brightest passes: how many of
    /// how many, and that the next page lists them all.
    pub more: Option<String>,
    /// The lines for satellites with nothing to see on the first page (all of them, or as
    /// many as fit with a last line saying how many more the end of the handout lists).
    pub unseen: Vec<String>,
    /// Every such line, at the end of the handout, when the first page cannot hold them
    /// (empty when it can).
    pub unseen_later: Vec<String>,
}

/// Height of a table row on the page, millimetres: the row, a line for each more line of
/// its name, and its note.
pub(super) fn row_height_mm(row: &TableRow) -> f32 {
    ROW_MM + NAME_LINE_MM * row.name_rest.len() as f32
}

/// `name` in lines of at most `width` display columns, broken after a space, a hyphen or
/// a slash where one falls in the line, else within the word: never cut short.
pub fn name_lines(name: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest: Vec<char> = name.trim().chars().collect();
    while display_width(&rest.iter().collect::<String>()) > width {
        // The longest head that fits.
        let mut fit = 0;
        let mut used = 0;
        for (i, c) in rest.iter().enumerate() {
            let w = display_width(&c.to_string());
            if used + w > width {
                break;
            }
            used += w;
            fit = i + 1;
        }
        let fit = fit.max(1);
        // After a space, hyphen or slash within the line (or before a space just after it).
        let cut = if rest.get(fit) == Some(&' ') {
            fit
        } else {
            (1..=fit)
                .rev()
                .find(|&i| matches!(rest[i - 1], ' ' | '-' | '/'))
                .unwrap_or(fit)
        };
        let head: String = rest[..cut].iter().collect();
        lines.push(head.trim_end().to_owned());
        rest = rest[cut..]
            .iter()
            .copied()
            .skip_while(|c| *c == ' ')
            .collect();
    }
    lines.push(rest.iter().collect());
    lines
}

/// The pass table's words in the thread's language, padded by display width (a Hangul
/// syllable takes two columns of the monospaced font). `chart` is the charted pass, which
/// the first page always lists; `budget_mm` the height the first page's table may take.
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
        pad_end(&t!("words-handout-col-satellite"), NAME_COLUMNS),
        pad_end(&t!("words-handout-col-appears"), cell),
        pad_end(&t!("words-handout-col-highest"), cell),
        pad_end(&t!("words-handout-col-vanishes"), cell),
        pad_start(&t!("words-handout-col-mag"), 5),
    );
    let subheader = format!(
        "{} {} {} {}",
        pad_end("", NAME_COLUMNS),
        pad_end(&t!("words-handout-col-point"), cell),
        pad_end("", cell),
        pad_end("", cell),
    );
    let row_of = |r: &PassRecord| -> Option<TableRow> {
        let seen = SeenPart::of(&r.pass)?;
        let pass_fmt = fmt.for_pass(&r.pass);
        let point = |q: &PassPoint| table_point(&pass_fmt, q, dir_w);
        let mut names = name_lines(r.shown_name(), NAME_COLUMNS).into_iter();
        let name = names.next().unwrap_or_default();
        // Magnitudes measured for the satellite are one number, estimates their one-sigma
        // range; marked when fainter than the sky allows by a sigma ("faint") or within a
        // sigma ("?"). A longer cell (a range, "faint") runs past the column's right edge.
        let mag = match r.pass.magnitude {
            Some(m) => {
                let text = report::magnitude_cell(m, r.standard_magnitude());
                match r.bright_verdict(input.limiting_magnitude) {
                    Some(BrightVerdict::No) => t!("words-handout-faint", mag = text),
                    Some(BrightVerdict::Maybe) => t!("words-handout-maybe", mag = text),
                    _ => text,
                }
            }
            None => "?".to_owned(),
        };
        let line = format!(
            "{} {} {} {} {}",
            pad_end(&name, NAME_COLUMNS),
            pad_end(&point(&seen.start), cell),
            pad_end(&point(&seen.peak), cell),
            pad_end(&point(&seen.end), cell),
            pad_start(&mag, 5),
        );
        let mut note = t!(
            "words-handout-row-note",
            date = fmt.date(seen.start.time),
            appears = report::appears_short(seen.appears),
            vanishes = report::vanishes_short(seen.vanishes)
        );
        // Where an estimated magnitude comes from, and whether it may flare.
        if let (Some(m), Some(e)) = (r.pass.magnitude, r.standard_magnitude())
            && (!e.is_measured() || e.may_flare)
        {
            note = t!(
                "words-handout-row-note-magnitude",
                note = note,
                magnitude = report::magnitude_words(m, Some(e))
            );
        }
        // Once the row's ± passes a few seconds it follows.
        if let Some(plus_minus) = report::plus_minus_beside(r.timing_uncertainty_s()) {
            note = t!(
                "words-handout-row-note-timing",
                note = note,
                plus_minus = plus_minus
            );
        }
        Some(TableRow {
            line,
            name_rest: names.collect(),
            note,
        })
    };
    let listed: Vec<(&PassRecord, TableRow)> = input
        .records
        .iter()
        .filter_map(|r| Some((*r, row_of(r)?)))
        .collect();
    let (unseen, unseen_later) = split_unseen(&input.unseen);
    let budget_mm = TABLE_BUDGET_MM - unseen_height_mm(&unseen);
    let total_mm: f32 = listed.iter().map(|(_, row)| row_height_mm(row)).sum();
    let (rows, all_rows, more) = if total_mm <= budget_mm {
        (
            listed.into_iter().map(|(_, row)| row).collect(),
            Vec::new(),
            None,
        )
    } else {
        // The first page lists the brightest passes that fit (the charted one first), in
        // time order, and says the next page has them all.
        let charted = input.chart.as_ref().map(|(r, _)| *r);
        let mut order: Vec<usize> = (0..listed.len()).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| {
                let r = listed[i].0;
                (
                    !charted.is_some_and(|c| {
                        c.pass.norad_id == r.pass.norad_id && c.pass.rise.time == r.pass.rise.time
                    }),
                    r.pass.magnitude.is_none(),
                    r.pass.magnitude.unwrap_or(0.0),
                    -r.pass.visible_peak().map_or(0.0, |p| p.elevation_deg),
                )
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut room = budget_mm - MORE_MM;
        let mut chosen: Vec<usize> = Vec::new();
        for i in order {
            let h = row_height_mm(&listed[i].1);
            if h <= room {
                room -= h;
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        let more = t!(
            "words-handout-brightest-of",
            shown = chosen.len(),
            count = listed.len()
        );
        (
            chosen.iter().map(|&i| listed[i].1.clone()).collect(),
            listed.into_iter().map(|(_, row)| row).collect(),
            Some(more),
        )
    };
    TableLines {
        header,
        subheader,
        rows,
        all_rows,
        empty: input.records.is_empty().then(|| t!("words-handout-none")),
        more,
        unseen,
        unseen_later,
    }
}

/// The lines for satellites with nothing to see, split between the first page (at most
/// [`UNSEEN_FIRST_PAGE_MM`] of them, so that the passes keep their room) and the end of
/// the handout (all of them, when the first page cannot hold them).
fn split_unseen(unseen: &[String]) -> (Vec<String>, Vec<String>) {
    if unseen_height_mm(unseen) <= UNSEEN_FIRST_PAGE_MM {
        return (unseen.to_vec(), Vec::new());
    }
    let mut first = Vec::new();
    for line in unseen {
        let mut candidate = first.clone();
        candidate.push(line.clone());
        // A line is kept for the one saying how many more there are.
        if unseen_height_mm(&candidate) + UNSEEN_LINE_MM > UNSEEN_FIRST_PAGE_MM {
            break;
        }
        first = candidate;
    }
    first.push(t!(
        "words-handout-unseen-more",
        count = unseen.len() - first.len()
    ));
    (first, unseen.to_vec())
}

/// Height of the lines for satellites with nothing to see, millimetres (wrapped as
/// [`handout_pdf`] wraps them).
pub(super) fn unseen_height_mm(unseen: &[String]) -> f32 {
    unseen
        .iter()
        .map(|line| unseen_line_height_mm(line))
        .sum::<f32>()
        + if unseen.is_empty() { 0.0 } else { 4.0 }
}

/// Height of one line for a satellite with nothing to see, wrapped, millimetres.
pub(super) fn unseen_line_height_mm(line: &str) -> f32 {
    wrap(line, PAGE_W_MM - 2.0 * MARGIN_MM, UNSEEN_PT).len() as f32 * UNSEEN_LINE_MM
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
