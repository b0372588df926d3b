//! Every catalog satellite as a dot, laid into one image the size of the map.
//!
//! 16,400 dots drawn as small squares are 33,000 triangles a frame; under a software
//! renderer (Mesa's llvmpipe, what a laptop without a GPU driver runs, and Xvfb) each tiny
//! triangle costs its setup, about 0.5 µs, so the dots alone were a fifth of the window's
//! CPU with the clock live at x1. Laid by the CPU into one image (a few milliseconds, only
//! when the clock or the view moves) they are one textured rectangle to draw. Each dot is a
//! square whose coverage of each pixel is its alpha, so a dot between pixels is shared
//! between them (anti-aliased) and overlapping dots add up.

use eframe::egui;

use egui::{Color32, ColorImage};

use super::projection::Projection;

/// Half the side of a dot, screen points: larger when zoomed in.
fn dot_half_side(proj: &Projection) -> f32 {
    if proj.px_per_deg > 8.0 { 1.4 } else { 0.9 }
}

/// Every dot (longitude, latitude in degrees; NaN positions skipped) on every world copy
/// that shows, as an image of the map's rectangle in physical pixels (`pixels_per_point`
/// of them per screen point), in `color`.
pub(super) fn dots_image(
    dots: &[[f32; 2]],
    proj: &Projection,
    pixels_per_point: f32,
    color: Color32,
) -> ColorImage {
    let rect = proj.rect;
    let width = (rect.width() * pixels_per_point).round().max(1.0) as usize;
    let height = (rect.height() * pixels_per_point).round().max(1.0) as usize;
    let half = dot_half_side(proj) * pixels_per_point;
    // Coverage, 0 to 255, summed and saturated.
    let mut alpha = vec![0_u8; width * height];
    for o in proj.world_offsets() {
        for &[lon, lat] in dots {
            if !lon.is_finite() || !lat.is_finite() {
                continue;
            }
            let p = proj.to_screen(f64::from(lon) + o, f64::from(lat));
            let x = (p.x - rect.min.x) * pixels_per_point;
            let y = (p.y - rect.min.y) * pixels_per_point;
            splat(
                &mut alpha,
                [width, height],
                [x - half, y - half],
                [x + half, y + half],
            );
        }
    }
    // One colour per level of coverage.
    let shades: Vec<Color32> = (0..=255_u8)
        .map(|a| color.gamma_multiply(f32::from(a) / 255.0))
        .collect();
    ColorImage::new(
        [width, height],
        alpha.into_iter().map(|a| shades[usize::from(a)]).collect(),
    )
}

/// Adds the square from `min` to `max` (pixels) to `alpha`: each pixel gets the share of
/// its area the square covers. Parts outside the image are dropped.
fn splat(alpha: &mut [u8], [width, height]: [usize; 2], min: [f32; 2], max: [f32; 2]) {
    // The overlap of [a, b] with the pixel [i, i + 1].
    let overlap = |i: usize, a: f32, b: f32| (b.min(i as f32 + 1.0) - a.max(i as f32)).max(0.0);
    let columns = pixel_range(min[0], max[0], width);
    let rows = pixel_range(min[1], max[1], height);
    for row in rows {
        let cover_y = overlap(row, min[1], max[1]);
        for column in columns.clone() {
            let cover = overlap(column, min[0], max[0]) * cover_y;
            let cell = &mut alpha[row * width + column];
            *cell = cell.saturating_add((cover * 255.0).round() as u8);
        }
    }
}

/// The pixels (of `count` in a row) that the span from `a` to `b` touches.
fn pixel_range(a: f32, b: f32, count: usize) -> std::ops::Range<usize> {
    let first = a.floor().max(0.0);
    let end = b.ceil().min(count as f32);
    if first < end {
        first as usize..end as usize
    } else {
        0..0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Pos2, Rect};

    fn whole_world(width: f32, height: f32) -> Projection {
        Projection {
            rect: Rect::from_min_size(Pos2::ZERO, egui::vec2(width, height)),
            lon0: 0.0,
            lat0: 0.0,
            px_per_deg: width / 360.0,
        }
    }

    #[test]
    fn a_dot_covers_its_area_shared_between_the_pixels_it_straddles() {
        // 1 point per degree: the dot at (10.5° E, 0.5° S) is centred on the pixel (190,
        // 90), at x 190.5, y 90.5; its side is 1.8 px, so it covers 3.24 px² spread over
        // 3 x 3 pixels.
        let proj = whole_world(360.0, 180.0);
        let image = dots_image(&[[10.5, -0.5]], &proj, 1.0, Color32::WHITE);
        assert_eq!(image.size, [360, 180]);
        let lit: Vec<(usize, usize, u8)> = image
            .pixels
            .iter()
            .enumerate()
            .filter(|(_, c)| c.a() > 0)
            .map(|(i, c)| (i % 360, i / 360, c.a()))
            .collect();
        assert_eq!(lit.len(), 9, "{lit:?}");
        assert!(
            lit.iter()
                .all(|&(x, y, _)| (189..=191).contains(&x) && (89..=91).contains(&y))
        );
        // The pixel under the centre is covered whole; the total is the dot's area.
        assert!(lit.contains(&(190, 90, 255)), "{lit:?}");
        let total: f32 = lit.iter().map(|&(_, _, a)| f32::from(a) / 255.0).sum();
        assert!((total - 3.24).abs() < 0.05, "{total}");
    }

    #[test]
    fn dots_off_the_map_or_unknown_light_nothing_and_overlaps_saturate() {
        let proj = whole_world(360.0, 180.0);
        let image = dots_image(
            &[[f32::NAN, 0.0], [0.0, 95.0], [179.9, 0.0], [179.9, 0.0]],
            &proj,
            2.0,
            Color32::WHITE,
        );
        // Twice the pixels at two pixels per point.
        assert_eq!(image.size, [720, 360]);
        // The dot past the pole is off the image; the two at the date line add up to full,
        // on the right edge and on the left edge, where the next world copy begins.
        let lit: Vec<usize> = (0..image.pixels.len())
            .filter(|&i| image.pixels[i].a() > 0)
            .map(|i| i % 720)
            .collect();
        assert!(lit.iter().all(|x| [0, 1, 718, 719].contains(x)), "{lit:?}");
        assert!(lit.contains(&0) && lit.contains(&719), "{lit:?}");
        assert!(image.pixels.iter().any(|c| c.a() == 255));
    }
}
