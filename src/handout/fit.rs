//! Fitting outside text onto the page (issue 25): a place name of 58 characters or of
//! 100 kB, or the long sentence said at the pole where the sky never darkens, must wrap
//! or be cut with "…" inside the margins, never run off the page. The head of the page
//! keeps the room it always had: text that does not fit on one line at its size is set
//! smaller, then on two lines, then cut.

use super::page::{MARGIN_MM, PAGE_W_MM, Page, grey, ink, text_width_mm, wrap};
use super::{HandoutInput, title};

/// Characters of the title kept in the PDF's metadata (a viewer's window title).
const METADATA_TITLE_CHARS: usize = 120;

/// Characters of outside text considered at all: a 100 kB name is cut long before it
/// would be measured.
const MAX_CONSIDERED_CHARS: usize = 400;

/// Width available between the margins, millimetres, with a little room kept for the
/// error of the width estimate ([`text_width_mm`]).
fn line_width_mm() -> f32 {
    (PAGE_W_MM - 2.0 * MARGIN_MM) * 0.96
}

/// Lines of text at one size.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fitted {
    /// The size chosen, points.
    pub(super) size_pt: f32,
    /// The lines (at most the number allowed; the last ends in "…" when text was cut).
    pub(super) lines: Vec<String>,
}

/// `text` on one line at the first of `sizes_pt` (largest first) at which it fits in
/// `width_mm`; else at the last size, wrapped into at most `max_lines` lines, the last cut
/// with "…" if text is left over.
pub(super) fn fit(text: &str, width_mm: f32, sizes_pt: &[f32], max_lines: usize) -> Fitted {
    let text = crate::text::clean(text, MAX_CONSIDERED_CHARS);
    for &size_pt in sizes_pt {
        if text_width_mm(&text, size_pt) <= width_mm {
            return Fitted {
                size_pt,
                lines: vec![text],
            };
        }
    }
    let size_pt = sizes_pt.last().copied().unwrap_or(10.0);
    let mut lines = wrap_breaking_words(&text, width_mm, size_pt);
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            *last = cut_to_width(&format!("{last}…"), width_mm, size_pt);
        }
    }
    Fitted { size_pt, lines }
}

/// `text` cut at the end, with "…", to fit `width_mm` at `size_pt` (unchanged if it fits).
pub(super) fn cut_to_width(text: &str, width_mm: f32, size_pt: f32) -> String {
    if text_width_mm(text, size_pt) <= width_mm {
        return text.to_owned();
    }
    let mut kept: String = text.trim_end_matches('…').to_owned();
    while !kept.is_empty() && text_width_mm(&format!("{kept}…"), size_pt) > width_mm {
        kept.pop();
    }
    format!("{}…", kept.trim_end())
}

/// `text` in lines of at most `width_mm` at `size_pt`, broken at spaces ([`wrap`]), and
/// inside a word that is wider than a line by itself.
fn wrap_breaking_words(text: &str, width_mm: f32, size_pt: f32) -> Vec<String> {
    let fits = |s: &str| text_width_mm(s, size_pt) <= width_mm;
    let mut lines = Vec::new();
    for line in wrap(text, width_mm, size_pt) {
        if fits(&line) {
            lines.push(line);
            continue;
        }
        // A word too wide for a line of its own is broken where the line is full.
        let mut part = String::new();
        for c in line.chars() {
            part.push(c);
            if !fits(&part) {
                part.pop();
                lines.push(std::mem::replace(&mut part, c.to_string()));
            }
        }
        lines.push(part);
    }
    lines
}

/// The title for the PDF's metadata: one printable line, cut with "…".
pub(super) fn document_title(place_name: &str) -> String {
    crate::text::clean(&title(place_name), METADATA_TITLE_CHARS)
}

/// Draws the head of the page (the title, what the window is, where the place is) in the
/// room it has always had above the table, each fitted to the margins.
pub(super) fn draw_head(page: &mut Page, input: &HandoutInput<'_>) {
    let width_mm = line_width_mm();
    // The title: one line at 20 pt, or smaller, or two lines at 12 pt (baselines 18.5 and
    // 23.6 mm instead of one at 22 mm).
    let head = fit(&title(input.place_name), width_mm, &[20.0, 16.0, 13.0], 2);
    let title_y = if head.lines.len() > 1 { 17.6 } else { 22.0 };
    let title_step = head.size_pt * 0.3528 * 1.2;
    for (i, line) in head.lines.iter().enumerate() {
        let y = title_y + i as f32 * title_step;
        page.text(MARGIN_MM, y, head.size_pt, false, ink(), line);
    }
    // The window (or the sentence where the sky never darkens): one line at 10 pt, or
    // smaller, or two lines at 7.5 pt.
    let window = fit(&input.window_line, width_mm, &[10.0, 8.5, 7.5], 2);
    let window_y = if window.lines.len() > 1 { 26.9 } else { 29.0 };
    for (i, line) in window.lines.iter().enumerate() {
        let y = window_y + i as f32 * 3.2;
        page.text(MARGIN_MM, y, window.size_pt, false, grey(), line);
    }
    let place = cut_to_width(
        &crate::text::clean(&input.place_line, MAX_CONSIDERED_CHARS),
        width_mm,
        9.0,
    );
    page.text(MARGIN_MM, 34.4, 9.0, false, grey(), &place);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_wraps_and_a_huge_one_is_cut_inside_the_margins() {
        let width = line_width_mm();
        let name = "Observatorio Astronómico Nacional de San Pedro Mártir, B.C.";
        assert_eq!(name.chars().count(), 59);
        let fitted = fit(&title(name), width, &[20.0, 16.0, 13.0], 2);
        assert!(
            fitted
                .lines
                .iter()
                .all(|l| text_width_mm(l, fitted.size_pt) <= width)
        );
        assert!(fitted.lines.join(" ").contains("Mártir"), "{fitted:?}");
        let huge = "x".repeat(100_000);
        let fitted = fit(&huge, width, &[20.0, 13.0], 2);
        assert_eq!(fitted.lines.len(), 2);
        assert!(fitted.lines[1].ends_with('…'), "{fitted:?}");
        assert!(fitted.lines.iter().all(|l| text_width_mm(l, 13.0) <= width));
        assert!(document_title(&huge).chars().count() <= METADATA_TITLE_CHARS);
    }
}
