//! Where satellite names go on the map: beside their dots, inside the map, clear of
//! the observer's marker and of each other; the followed satellite's always shows.

use eframe::egui;

use egui::{Pos2, Rect, Vec2};

/// Gap between a satellite's dot and its label, each way, points.
const LABEL_GAP: f32 = 9.0;
/// Space kept between two labels, points.
const LABEL_MARGIN: f32 = 2.0;

/// Where each label goes beside its dot: `labels` are (dot, label size), most important
/// first. Each takes the first of four places (right above, left above, right below,
/// left below the dot) that lies inside `bounds` and clear of `obstacles` and of the
/// labels already placed, and is dropped (`None`) when none does; the first label always
/// shows, inside `bounds`.
pub(super) fn place_labels(
    bounds: Rect,
    obstacles: &[Rect],
    labels: &[(Pos2, Vec2)],
) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = obstacles.to_vec();
    labels
        .iter()
        .enumerate()
        .map(|(i, &(dot, size))| {
            let g = LABEL_GAP;
            let candidates = [
                (egui::Align2::LEFT_BOTTOM, Vec2::new(g, -g)),
                (egui::Align2::RIGHT_BOTTOM, Vec2::new(-g, -g)),
                (egui::Align2::LEFT_TOP, Vec2::new(g, g)),
                (egui::Align2::RIGHT_TOP, Vec2::new(-g, g)),
                // Farther off, straight above or below, then beside: before the followed
                // satellite's name is squeezed in over something.
                (egui::Align2::CENTER_BOTTOM, Vec2::new(0.0, -g)),
                (egui::Align2::CENTER_TOP, Vec2::new(0.0, g)),
                (egui::Align2::LEFT_CENTER, Vec2::new(g, 0.0)),
                (egui::Align2::RIGHT_CENTER, Vec2::new(-g, 0.0)),
            ]
            .map(|(align, offset)| align.anchor_size(dot + offset, size));
            let clear = |r: &Rect| {
                bounds.contains_rect(*r)
                    && placed
                        .iter()
                        .all(|p| !p.expand(LABEL_MARGIN).intersects(*r))
            };
            let chosen = candidates.iter().copied().find(|r| clear(r)).or_else(|| {
                (i == 0).then(|| {
                    let inside = candidates
                        .iter()
                        .copied()
                        .find(|r| bounds.contains_rect(*r))
                        .unwrap_or(candidates[0]);
                    shift_inside(inside, bounds)
                })
            });
            if let Some(r) = chosen {
                placed.push(r);
            }
            chosen
        })
        .collect()
}

/// `r` moved the least that puts it inside `bounds` (its top left corner, if it is larger).
fn shift_inside(r: Rect, bounds: Rect) -> Rect {
    let dx = (bounds.left() - r.left()).max(0.0) + (bounds.right() - r.right()).min(0.0);
    let dy = (bounds.top() - r.top()).max(0.0) + (bounds.bottom() - r.bottom()).min(0.0);
    let moved = r.translate(Vec2::new(dx, dy));
    moved.translate(Vec2::new(
        (bounds.left() - moved.left()).max(0.0),
        (bounds.top() - moved.top()).max(0.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> Rect {
        Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 400.0))
    }

    #[test]
    fn a_label_that_would_clip_at_the_right_edge_goes_left_of_its_dot() {
        let size = Vec2::new(60.0, 14.0);
        let placed = place_labels(map(), &[], &[(Pos2::new(780.0, 200.0), size)]);
        let r = placed[0].unwrap();
        assert!(map().contains_rect(r), "{r:?}");
        assert!(r.right() < 780.0, "{r:?}");
    }

    #[test]
    fn a_label_that_would_clip_at_the_top_goes_below_its_dot() {
        let size = Vec2::new(60.0, 14.0);
        let placed = place_labels(map(), &[], &[(Pos2::new(100.0, 5.0), size)]);
        let r = placed[0].unwrap();
        assert!(map().contains_rect(r), "{r:?}");
        assert!(r.top() > 5.0, "{r:?}");
    }

    #[test]
    fn colliding_labels_move_aside_or_are_dropped_but_the_first_always_shows() {
        let size = Vec2::new(90.0, 14.0);
        let dot = Pos2::new(400.0, 200.0);
        // Five satellites on one spot: four places around it, so the fifth is dropped.
        let placed = place_labels(map(), &[], &[(dot, size); 5]);
        let shown: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert_eq!(shown.len(), 4);
        assert!(placed[0].is_some() && placed[4].is_none());
        for (i, a) in shown.iter().enumerate() {
            for b in shown.iter().skip(i + 1) {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
        // The first (followed) label shows even squeezed into a corner.
        let corner = place_labels(
            map(),
            &[],
            &[(Pos2::new(799.0, 1.0), Vec2::new(900.0, 14.0))],
        );
        assert!(corner[0].is_some());
    }

    #[test]
    fn labels_keep_clear_of_the_observer_marker() {
        let dot = Pos2::new(400.0, 200.0);
        let you = Rect::from_min_size(Pos2::new(405.0, 170.0), Vec2::new(40.0, 20.0));
        let placed = place_labels(map(), &[you], &[(dot, Vec2::new(60.0, 14.0)); 2]);
        for r in placed.iter().flatten() {
            assert!(!r.intersects(you), "{r:?}");
        }
        // Right above is taken by the marker: left above, then right below.
        assert!(placed[0].unwrap().right() < dot.x);
        assert!(placed[1].unwrap().top() > dot.y);
    }
}
