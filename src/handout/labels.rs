//! The words of the handout's chart (compass points, height rings, times, the appears /
//! highest / vanishes marks, star names) placed so that none covers another: the most
//! important first, each at the first of its spots that is free and inside the chart's
//! box, measured with the font's own advances ([`Page::text_width_mm`]); a word that finds
//! no free spot is left out (a star's name, a time), never printed over another.

use printpdf::Color;

use super::page::Page;

/// A rectangle on the page, millimetres from the top left: (left, top, right, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct BoxMm {
    pub(super) left: f32,
    pub(super) top: f32,
    pub(super) right: f32,
    pub(super) bottom: f32,
}

impl BoxMm {
    /// The square of half-side `half` around (x, y).
    pub(super) fn around(x: f32, y: f32, half: f32) -> Self {
        Self {
            left: x - half,
            top: y - half,
            right: x + half,
            bottom: y + half,
        }
    }

    fn overlaps(&self, other: &Self) -> bool {
        // A hair of slack: boxes that only touch do not cover each other.
        const SLACK_MM: f32 = 0.05;
        self.left < other.right - SLACK_MM
            && other.left < self.right - SLACK_MM
            && self.top < other.bottom - SLACK_MM
            && other.top < self.bottom - SLACK_MM
    }

    fn inside(&self, bounds: &Self) -> bool {
        self.left >= bounds.left
            && self.right <= bounds.right
            && self.top >= bounds.top
            && self.bottom <= bounds.bottom
    }
}

/// Where a word may go relative to its point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Spot {
    /// Centred on the point (the compass points).
    Centred,
    /// With its baseline's left end this far from the point, (dx, dy) millimetres.
    At(f32, f32),
    /// Beside the point, at the first free one of its spots around it.
    Around,
}

/// A word to place, most important first when sorted by `rank`.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) x_mm: f32,
    pub(super) y_mm: f32,
    pub(super) text: String,
    pub(super) size_pt: f32,
    pub(super) colour: Color,
    /// Lower is placed first; rank 0 is always placed.
    pub(super) rank: u8,
    pub(super) spot: Spot,
}

/// Millimetres per point.
const MM_PER_PT: f32 = 0.3528;

/// The box a word takes with its baseline's left end at (x, y): from the ascent of its
/// font (about 0.8 em above the baseline) to its descent (0.25 em below).
fn text_box(page: &Page, text: &str, size_pt: f32, x: f32, y: f32) -> BoxMm {
    let em = size_pt * MM_PER_PT;
    BoxMm {
        left: x,
        top: y - 0.8 * em,
        right: x + page.text_width_mm(text, size_pt),
        bottom: y + 0.25 * em,
    }
}

/// The baseline-left points a word may start at, in the order they are tried.
fn spots(page: &Page, word: &Word) -> Vec<(f32, f32)> {
    let (x, y) = (word.x_mm, word.y_mm);
    let em = word.size_pt * MM_PER_PT;
    let w = page.text_width_mm(&word.text, word.size_pt);
    match word.spot {
        Spot::Centred => vec![(x - w / 2.0, y + 0.3 * em)],
        Spot::At(dx, dy) => vec![(x + dx, y + dy)],
        Spot::Around => [1.0_f32, 3.0]
            .into_iter()
            .flat_map(|k| {
                let g = 1.2 * k;
                [
                    (x + g, y - g * 0.4),                // after, above
                    (x + g, y + g * 0.4 + 0.8 * em),     // after, below
                    (x - g - w, y - g * 0.4),            // before, above
                    (x - g - w, y + g * 0.4 + 0.8 * em), // before, below
                    (x - w / 2.0, y - g),                // above
                    (x - w / 2.0, y + g + 0.8 * em),     // below
                ]
            })
            .collect(),
    }
}

/// Places `words` inside `bounds` clear of each other and of `obstacles` (the marks'
/// symbols, the path), prints them, and returns the boxes they took.
pub(super) fn place_words(
    page: &mut Page,
    bounds: BoxMm,
    mut words: Vec<Word>,
    obstacles: &[BoxMm],
) -> Vec<BoxMm> {
    words.sort_by_key(|w| w.rank);
    let mut placed: Vec<BoxMm> = Vec::new();
    for word in words {
        let chosen = spots(page, &word).into_iter().find_map(|(x, y)| {
            let b = text_box(page, &word.text, word.size_pt, x, y);
            let free = word.rank == 0
                || (b.inside(&bounds) && placed.iter().chain(obstacles).all(|p| !p.overlaps(&b)));
            free.then_some((x, y, b))
        });
        if let Some((x, y, b)) = chosen {
            page.text(x, y, word.size_pt, false, word.colour.clone(), &word.text);
            placed.push(b);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_that_touch_do_not_overlap_and_inner_ones_are_inside() {
        let a = BoxMm::around(10.0, 10.0, 1.0);
        let b = BoxMm::around(12.0, 10.0, 1.0);
        assert!(!a.overlaps(&b));
        let c = BoxMm::around(11.5, 10.5, 1.0);
        assert!(a.overlaps(&c) && c.overlaps(&a));
        assert!(a.inside(&BoxMm::around(10.0, 10.0, 5.0)));
        assert!(!c.inside(&BoxMm::around(10.0, 10.0, 1.2)));
    }
}
