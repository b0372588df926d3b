//! The close-up: the Sun's or the Moon's disc with the satellite's path across it seen
//! from one point, and the satellite's silhouette to scale where it comes nearest the
//! centre (the ISS end to end, Tiangong across its solar wings; a dot for a satellite of
//! unknown size). Right and up are as for someone facing the body with the zenith up.
//!
//! The path is computed once per event and point ([`crate::orbit::transit::disc_view`],
//! sixty SGP4 calls) and kept until the shown event or the point changes.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Align2, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use super::logic::TransitKey;
use crate::orbit::transit::{DiscView, Transit, disc_view};
use crate::orbit::{Observer, Satellite, TransitBody};
use crate::t;
use crate::ui::view::ViewCtx;

/// Points of the path.
const PATH_STEPS: usize = 60;
/// The disc's radius as a share of the close-up's side.
const DISC_SHARE: f32 = 0.36;
/// The enlarged outline in the corner is this long, points.
const INSET_LENGTH_PX: f32 = 44.0;

/// The close-up's path for one event and point.
#[derive(Debug, Default)]
pub(super) struct DiscCache {
    key: Option<(TransitKey, u64, u64)>,
    view: Option<DiscView>,
}

impl DiscCache {
    /// Draws the close-up of `event` seen from `point` around `around`, `side` points wide.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        sat: &Satellite,
        event: &Transit,
        point: Observer,
        around: DateTime<Utc>,
        side: f32,
    ) {
        let key = (
            TransitKey::of(event),
            point.latitude_deg.to_bits(),
            point.longitude_deg.to_bits(),
        );
        if self.key != Some(key) {
            // The path spans the disc and as much again: the nearest point's duration is
            // the time to cross the disc's diameter.
            let half_span_s = (event.nearest.duration_s * 0.8).max(0.2);
            self.view = disc_view(sat, event.body, point, around, half_span_s, PATH_STEPS).ok();
            self.key = Some(key);
        }
        let side = side.max(120.0);
        let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, t!("panels-transits-disc-label"))
        });
        let Some(disc) = &self.view else { return };
        draw(ui, view, rect, disc);
    }
}

/// The disc, the path and the silhouette in `rect`.
fn draw(ui: &egui::Ui, view: &ViewCtx<'_>, rect: Rect, disc: &DiscView) {
    let palette = view.palette;
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, palette.night);
    let centre = rect.center();
    let radius_px = rect.width() * DISC_SHARE;
    let px_per_deg = radius_px / disc.body_radius_deg.max(1e-6) as f32;
    let fill = match disc.body {
        TransitBody::Sun => palette.sun,
        TransitBody::Moon => palette.moon_lit,
    };
    painter.circle_filled(centre, radius_px, fill);
    let to_screen = |x: f64, y: f64| {
        Pos2::new(
            centre.x + x as f32 * px_per_deg,
            centre.y - y as f32 * px_per_deg,
        )
    };
    let points: Vec<Pos2> = disc
        .path
        .iter()
        .map(|p| to_screen(p.x_deg, p.y_deg))
        .collect();
    painter.add(Shape::dashed_line(
        &points,
        Stroke::new(1.0, palette.text.gamma_multiply(0.7)),
        4.0,
        3.0,
    ));
    let font = FontId::proportional(11.0 * view.label_scale);
    let inner = rect.shrink(4.0);
    for first in [true, false] {
        let Some(p) = (if first {
            disc.path.first()
        } else {
            disc.path.last()
        }) else {
            break;
        };
        // chrono has no one-decimal seconds (`%.1f` fails to format): tenths by hand.
        let text = format!(
            "{}.{}",
            view.fmt.hms(p.time),
            p.time.timestamp_subsec_millis() / 100
        );
        let galley = painter.layout_no_wrap(text, font.clone(), palette.weak_text);
        let at = end_label_rect(&points, first, galley.size(), inner);
        painter.galley(at.min, galley, palette.weak_text);
    }
    // The silhouette where the path comes nearest the centre, across the direction of
    // motion (the ISS and Tiangong fly with their solar wings across their track).
    let nearest = (0..disc.path.len()).min_by(|&a, &b| {
        let r = |i: usize| disc.path[i].x_deg.hypot(disc.path[i].y_deg);
        r(a).total_cmp(&r(b))
    });
    let Some(i) = nearest else { return };
    let here = to_screen(disc.path[i].x_deg, disc.path[i].y_deg);
    let next = points
        .get(i + 1)
        .copied()
        .or_else(|| {
            i.checked_sub(1)
                .and_then(|j| points.get(j).map(|p| here + (here - *p)))
        })
        .unwrap_or(here + Vec2::X);
    let along = (next - here).normalized();
    let across = Vec2::new(-along.y, along.x);
    let silhouette = palette.night;
    match disc.satellite_size_deg {
        Some(size_deg) => {
            let length = (size_deg as f32 * px_per_deg).max(2.0);
            silhouette_shapes(&painter, here, along, across, length, disc, silhouette);
            if length < INSET_LENGTH_PX / 2.0 {
                // Too small to make out at this scale: the same outline enlarged in a
                // corner, with its enlargement.
                let inset = Rect::from_min_size(
                    rect.left_top() + Vec2::splat(4.0),
                    Vec2::splat(INSET_LENGTH_PX + 16.0),
                );
                painter.rect_filled(inset, 3.0, fill);
                silhouette_shapes(
                    &painter,
                    inset.center(),
                    along,
                    across,
                    INSET_LENGTH_PX,
                    disc,
                    silhouette,
                );
                painter.text(
                    inset.right_bottom() + Vec2::new(4.0, 0.0),
                    Align2::LEFT_BOTTOM,
                    format!("×{:.0}", INSET_LENGTH_PX / length),
                    FontId::proportional(11.0 * view.label_scale),
                    palette.weak_text,
                );
            }
        }
        None => {
            painter.circle_filled(here, 2.5, silhouette);
            painter.text(
                rect.center_bottom() + Vec2::new(0.0, -4.0),
                Align2::CENTER_BOTTOM,
                t!("panels-transits-size-unknown"),
                FontId::proportional(11.0 * view.label_scale),
                palette.weak_text,
            );
        }
    }
}

/// A rectangle centred at `c`, `a` long along `u` and `b` wide along `v`.
fn bar(c: Pos2, u: Vec2, v: Vec2, a: f32, b: f32) -> Vec<Pos2> {
    let (hu, hv) = (u * (a / 2.0), v * (b / 2.0));
    vec![c - hu - hv, c + hu - hv, c + hu + hv, c - hu + hv]
}

/// The satellite's outline, `length` points across its largest dimension: the ISS as its
/// truss with eight solar wings and the modules along the track, Tiangong as its solar
/// wings across the track and its modules in a T.
fn silhouette_shapes(
    painter: &egui::Painter,
    at: Pos2,
    along: Vec2,
    across: Vec2,
    length: f32,
    disc: &DiscView,
    colour: egui::Color32,
) {
    let fill = |points: Vec<Pos2>| {
        painter.add(Shape::convex_polygon(points, colour, Stroke::NONE));
    };
    if length < 6.0 {
        painter.circle_filled(at, (length / 2.0).max(1.5), colour);
        return;
    }
    if disc.norad_id == 25544 {
        // Truss 109 m; wings 35 m by 12 m in four pairs; modules about 50 m along the track.
        fill(bar(at, across, along, length, length * 0.03));
        for offset in [-0.42, -0.30, 0.30, 0.42] {
            for side in [-1.0, 1.0] {
                let c = at + across * (length * offset) + along * (side * length * 0.18);
                fill(bar(c, along, across, length * 0.32, length * 0.10));
            }
        }
        fill(bar(at, along, across, length * 0.46, length * 0.05));
    } else if disc.norad_id == 48274 {
        // Tiangong: wings about 55 m across the track, modules about 37 m in a T.
        fill(bar(at, across, along, length, length * 0.07));
        fill(bar(at, along, across, length * 0.55, length * 0.08));
        fill(bar(
            at + along * (length * 0.24),
            across,
            along,
            length * 0.6,
            length * 0.08,
        ));
    } else {
        fill(bar(at, across, along, length, length * 0.3));
    }
}

/// Where the time at one end of the path goes (`first`: its start, else its end), for a
/// label of `size`: beside the path where it is still inside `inner` with room for the
/// label, the start's above the path and the end's below it (left and right of a steep
/// path), far enough off it that the path does not cross the text.
fn end_label_rect(points: &[Pos2], first: bool, size: Vec2, inner: Rect) -> Rect {
    const GAP_PX: f32 = 4.0;
    let room = Rect::from_min_max(inner.min + size, inner.max - size);
    let mut order: Vec<Pos2> = points.to_vec();
    if !first {
        order.reverse();
    }
    let at = order
        .iter()
        .copied()
        .find(|p| room.contains(*p))
        // (`max` then `min`, not `clamp`: a small close-up leaves no room, and clamp panics.)
        .or_else(|| {
            order.first().map(|p| {
                Pos2::new(
                    p.x.max(room.left()).min(room.right()),
                    p.y.max(room.top()).min(room.bottom()),
                )
            })
        })
        .unwrap_or(inner.center());
    let (from, to) = match (points.first(), points.last()) {
        (Some(a), Some(b)) if a != b => (*a, *b),
        _ => (at, at + Vec2::X),
    };
    let d = to - from;
    let rect = if d.x.abs() >= d.y.abs() {
        // Across the label's half-width a sloping path rises this much.
        let off = GAP_PX + (d.y / d.x).abs() * size.x / 2.0;
        if first {
            Align2::CENTER_BOTTOM.anchor_size(at - Vec2::new(0.0, off), size)
        } else {
            Align2::CENTER_TOP.anchor_size(at + Vec2::new(0.0, off), size)
        }
    } else {
        let off = GAP_PX + (d.x / d.y).abs() * size.y / 2.0;
        if first {
            Align2::RIGHT_CENTER.anchor_size(at - Vec2::new(off, 0.0), size)
        } else {
            Align2::LEFT_CENTER.anchor_size(at + Vec2::new(off, 0.0), size)
        }
    };
    // Kept inside, whatever the path.
    rect.translate(Vec2::new(
        (inner.left() - rect.left()).max(0.0) - (rect.right() - inner.right()).max(0.0),
        (inner.top() - rect.top()).max(0.0) - (rect.bottom() - inner.bottom()).max(0.0),
    ))
}
