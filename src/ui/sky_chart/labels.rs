//! The chart's own words (compass points, the pass's marks and times, the satellites of
//! the "now" view, the height rings) placed so that no two cover each other: the most
//! important first, each at the first of its candidate spots that is free and inside the
//! chart, and a label that finds no free spot is left out. The names of the sky (stars,
//! constellations, planets) are placed after these, around what they took
//! ([`super::sky::sky_shapes`]).

use eframe::egui;

use egui::{Align2, Color32, Pos2, Rect, Shape, Vec2};
use egui_plot::{PlotPoint, PlotTransform};

/// Gap between a point and a label placed around it, points.
const GAP_POINTS: f32 = 4.0;

/// The least room left between two words side by side, in font sizes (about a space):
/// "N" and "vanishes" touching read as one word ("북사라짐").
pub(super) const WORD_SPACE_EM: f32 = 0.3;

/// How important a label is: lower is placed first and never gives way to a higher one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Rank {
    /// N, NE, E…: always where they are.
    Compass,
    /// Where the pass appears, is highest and vanishes; the satellites of the "now" view.
    Mark,
    /// Where the pass rises and sets.
    RiseSet,
    /// The minute ticks' times.
    Time,
    /// The 30° and 60° rings.
    Ring,
}

/// Where a label may go relative to its point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Spot {
    /// Exactly there, with this corner at the point.
    At(Align2),
    /// Beside the point, at the first free one of eight spots around it (after, above,
    /// before or below), a few points away.
    Around,
}

/// A text to place on the chart.
#[derive(Debug, Clone)]
pub(super) struct ChartLabel {
    /// The point it labels, chart units ([`crate::ui::sky_scene::chart_xy`]).
    pub(super) xy: [f64; 2],
    /// What it says.
    pub(super) text: String,
    /// Its colour.
    pub(super) color: Color32,
    /// How important it is.
    pub(super) rank: Rank,
    /// Where it may go.
    pub(super) spot: Spot,
    /// Bold (the compass points).
    pub(super) strong: bool,
}

impl ChartLabel {
    /// A label of `rank` in `color`, beside its point.
    pub(super) fn around(xy: [f64; 2], text: String, color: Color32, rank: Rank) -> Self {
        Self {
            xy,
            text,
            color,
            rank,
            spot: Spot::Around,
            strong: false,
        }
    }

    /// A label of `rank` in `color` with its `anchor` corner at its point.
    pub(super) fn at(
        xy: [f64; 2],
        text: String,
        color: Color32,
        rank: Rank,
        anchor: Align2,
    ) -> Self {
        Self {
            xy,
            text,
            color,
            rank,
            spot: Spot::At(anchor),
            strong: false,
        }
    }
}

/// The spots around a point, in the order they are tried: after it and a little above
/// (where a reader looks first), after and below, before and above, before and below,
/// then straight above, below, after and before; `g` points away.
fn around(at: Pos2, size: Vec2, g: f32) -> [Rect; 8] {
    [
        Align2::LEFT_BOTTOM.anchor_size(at + egui::vec2(g, -g * 0.5), size),
        Align2::LEFT_TOP.anchor_size(at + egui::vec2(g, g * 0.5), size),
        Align2::RIGHT_BOTTOM.anchor_size(at + egui::vec2(-g, -g * 0.5), size),
        Align2::RIGHT_TOP.anchor_size(at + egui::vec2(-g, g * 0.5), size),
        Align2::CENTER_BOTTOM.anchor_size(at + egui::vec2(0.0, -g), size),
        Align2::CENTER_TOP.anchor_size(at + egui::vec2(0.0, g), size),
        Align2::LEFT_CENTER.anchor_size(at + egui::vec2(g * 1.5, 0.0), size),
        Align2::RIGHT_CENTER.anchor_size(at + egui::vec2(-g * 1.5, 0.0), size),
    ]
}

/// Places `labels` on the chart drawn with `transform` inside `bounds` (screen): the most
/// important first, each where it covers no label placed before it nor any of `obstacles`
/// (the marks' symbols) and, below the marks, none of `lines` (the path), inside `bounds`;
/// labels of the compass are always placed. Returns the shapes to paint and the
/// rectangles taken (for the sky's names to keep clear of).
pub(super) fn place_labels(
    ui: &egui::Ui,
    transform: &PlotTransform,
    bounds: Rect,
    font_size: f32,
    mut labels: Vec<ChartLabel>,
    obstacles: &[Rect],
    lines: &[Rect],
) -> (Vec<Shape>, Vec<Rect>) {
    // A stable sort: labels of one rank keep their order (earlier times first).
    labels.sort_by_key(|l| l.rank);
    let mut placed: Vec<Rect> = Vec::new();
    let mut shapes = Vec::new();
    for label in labels {
        let mut text = egui::RichText::new(label.text)
            .size(font_size)
            .color(label.color);
        if label.strong {
            text = text.strong();
        }
        let galley = egui::WidgetText::from(text).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        let size = galley.size();
        let at = transform.position_from_point(&PlotPoint::from(label.xy));
        // Close to the point first, then three times as far.
        let candidates: Vec<Rect> = match label.spot {
            Spot::At(anchor) => vec![anchor.anchor_size(at, size)],
            Spot::Around => around(at, size, GAP_POINTS)
                .into_iter()
                .chain(around(at, size, 3.0 * GAP_POINTS))
                .collect(),
        };
        // The marks' own words may lie on the path (they name a point of it); the others
        // keep off it.
        let lines: &[Rect] = if label.rank > Rank::Mark { lines } else { &[] };
        let free = |rect: &Rect| {
            let core = rect.shrink(0.5);
            let spaced = core.expand2(egui::vec2(WORD_SPACE_EM * font_size, 0.0));
            placed.iter().all(|p| !p.intersects(spaced))
                && obstacles.iter().chain(lines).all(|p| !p.intersects(core))
        };
        let chosen = if label.rank == Rank::Compass {
            candidates.first().copied()
        } else {
            candidates
                .into_iter()
                .find(|r| bounds.contains_rect(*r) && free(r))
        };
        if let Some(rect) = chosen {
            placed.push(rect);
            shapes.push(Shape::galley(rect.min, galley, label.color));
        }
    }
    (shapes, placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_spot_tried_is_after_the_point_and_above_it() {
        let spots = around(Pos2::new(100.0, 100.0), egui::vec2(30.0, 10.0), GAP_POINTS);
        assert!(spots[0].left() > 100.0 && spots[0].bottom() < 100.0);
        // No two spots are the same, and none covers the point itself.
        for (i, a) in spots.iter().enumerate() {
            assert!(!a.contains(Pos2::new(100.0, 100.0)), "{i}: {a:?}");
            for b in &spots[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
