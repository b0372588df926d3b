//! The map's backdrop (sea, land, the night and every catalog satellite as a dot) laid by
//! the CPU into one opaque image the size of the map.
//!
//! Drawn as egui layers, the backdrop covered the map four times over (a sea rectangle, a
//! land texture sampled down from 2048 pixels, a night mesh, an image of the dots), and a
//! software renderer (Mesa's llvmpipe, what Xvfb and a laptop without a GPU driver run)
//! pays for every pixel of every layer: with the clock live at x1 the four were about 3 %
//! of a core, half of the window's cost (issue 21). Before that, 16,400 dots drawn as small
//! squares were 33,000 triangles a frame, each tiny triangle costing its setup. Laid here
//! when the view, the Sun or the dots' time moves (a few milliseconds), they are one
//! image drawn pixel for pixel. The land mask is kept as one byte a pixel (2 MB) instead
//! of a 2048 x 1024 texture (8 MB in the renderer).
//!
//! Colours are egui's premultiplied sRGB and are blended as egui blends them
//! (source + destination x (1 - source alpha)), so the image is the layers' picture. Each
//! dot is a square whose coverage of each pixel is its alpha, so a dot between pixels is
//! shared between them (anti-aliased) and overlapping dots add up. No crate does this
//! small compositing; it is a few loops over the pixels.

use eframe::egui;

use egui::{Color32, ColorImage};

use super::projection::Projection;
use super::{NIGHT_COLS, NIGHT_ROWS, NIGHT_STEP_DEG};

/// Levels of night shading between day and full night (a level is under 1 % of the
/// night's shade: no banding shows).
const DARK_LEVELS: usize = 128;

/// The backdrop's colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct BackdropColors {
    /// Outside the world (past a pole).
    pub(super) outside: Color32,
    pub(super) ocean: Color32,
    pub(super) land: Color32,
    /// The full night's shade (premultiplied, laid over the day's colours).
    pub(super) night: Color32,
}

/// Every colour a backdrop pixel can take, by darkness level and land coverage (0–255):
/// the blending is done once per colour, not once per pixel (a dragged map lays a million
/// pixels a frame), and once per set of colours, not once per image (33,000 colours are a
/// millisecond).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ColourTable {
    pub(super) colors: BackdropColors,
    table: Vec<Color32>,
}

impl ColourTable {
    pub(super) fn new(colors: BackdropColors) -> Self {
        let table = (0..=DARK_LEVELS)
            .flat_map(|level| {
                (0..=255_u8).map(move |a| {
                    let day = over(
                        colors.land.gamma_multiply(f32::from(a) / 255.0),
                        colors.ocean,
                    );
                    if level == 0 {
                        day
                    } else {
                        over(
                            colors
                                .night
                                .gamma_multiply(level as f32 / DARK_LEVELS as f32),
                            day,
                        )
                    }
                })
            })
            .collect();
        Self { colors, table }
    }
}

/// A land mask: coverage 0–255 per pixel, rows from 90° N to 90° S, columns from 180° W
/// eastwards.
#[derive(Debug, Clone, Copy)]
pub(super) struct LandMask<'a> {
    pub(super) alpha: &'a [u8],
    pub(super) size: [usize; 2],
}

/// Sea, land and night of the map's rectangle in physical pixels (`pixels_per_point` of
/// them per screen point). `night` holds the darkness (0 day, 1 night) on a grid every
/// [`NIGHT_STEP_DEG`] from 90° N and 180° W, row by row, as the map's shading grid.
pub(super) fn sea_land_night(
    proj: &Projection,
    pixels_per_point: f32,
    land: LandMask<'_>,
    night: &[f32],
    table: &ColourTable,
) -> ColorImage {
    let colors = &table.colors;
    let colour_table = &table.table;
    let [width, height] = image_size(proj, pixels_per_point);
    let [land_w, land_h] = land.size;
    let night_at = |r: usize, c: usize| night.get(r * NIGHT_COLS + c).copied().unwrap_or(0.0);
    // Where each column of pixels falls on the land mask and on the night grid: (first
    // index, second index, weight of the second: of 256 for the mask), a bilinear lookup.
    let columns: Vec<([usize; 2], u32, usize, f32)> = (0..width)
        .map(|x| {
            let lon = proj
                .to_lon_lat(egui::pos2(
                    proj.rect.min.x + (x as f32 + 0.5) / pixels_per_point,
                    proj.rect.center().y,
                ))
                .0;
            let lon = (lon + 180.0).rem_euclid(360.0);
            // The mask's texel centres sit half a texel in; it wraps round the world.
            let u = lon / 360.0 * land_w as f64 - 0.5;
            let u0 = u.floor();
            let lu = [
                (u0 as i64).rem_euclid(land_w as i64) as usize,
                (u0 as i64 + 1).rem_euclid(land_w as i64) as usize,
            ];
            let n = lon / NIGHT_STEP_DEG;
            let n0 = (n.floor() as usize).min(NIGHT_COLS - 2);
            (
                lu,
                ((u - u0) * 256.0) as u32,
                n0,
                (n - n0 as f64).clamp(0.0, 1.0) as f32,
            )
        })
        .collect();
    let mut pixels = Vec::with_capacity(width * height);
    let mut night_row = [0.0_f32; NIGHT_COLS];
    for y in 0..height {
        let lat = proj
            .to_lon_lat(egui::pos2(
                proj.rect.center().x,
                proj.rect.min.y + (y as f32 + 0.5) / pixels_per_point,
            ))
            .1;
        if !(-90.0..=90.0).contains(&lat) {
            pixels.extend(std::iter::repeat_n(colors.outside, width));
            continue;
        }
        let v = (90.0 - lat) / 180.0 * land_h as f64 - 0.5;
        let v0 = v.floor();
        let row = |v: f64| (v.max(0.0) as usize).min(land_h - 1) * land_w;
        let (top_row, bottom_row) = (row(v0), row(v0 + 1.0));
        let fv = ((v - v0) * 256.0) as u32;
        // The night grid's two rows about this latitude, blended once for the row.
        let n = (90.0 - lat) / NIGHT_STEP_DEG;
        let r0 = (n.floor() as usize).min(NIGHT_ROWS - 2);
        let fr = (n - r0 as f64).clamp(0.0, 1.0) as f32;
        for (c, dark) in night_row.iter_mut().enumerate() {
            *dark = night_at(r0, c) * (1.0 - fr) + night_at(r0 + 1, c) * fr;
        }
        for &(lu, fu, nc, fc) in &columns {
            let texel = |at: usize| u32::from(land.alpha.get(at).copied().unwrap_or(0));
            let top = texel(top_row + lu[0]) * (256 - fu) + texel(top_row + lu[1]) * fu;
            let bottom = texel(bottom_row + lu[0]) * (256 - fu) + texel(bottom_row + lu[1]) * fu;
            let land_alpha = ((top * (256 - fv) + bottom * fv) >> 16).min(255) as usize;
            let (west, east) = (night_row[nc], night_row[nc + 1]);
            let level = if west == 0.0 && east == 0.0 {
                0
            } else {
                let darkness = west + (east - west) * fc;
                ((darkness * DARK_LEVELS as f32 + 0.5) as usize).min(DARK_LEVELS)
            };
            pixels.push(colour_table[level * 256 + land_alpha]);
        }
    }
    ColorImage::new([width, height], pixels)
}

/// Lays every dot (longitude, latitude in degrees; NaN positions skipped) on every world
/// copy that shows over `image` (the map's rectangle, as [`sea_land_night`] made it), in
/// `color`.
pub(super) fn lay_dots(
    image: &mut ColorImage,
    dots: &[[f32; 2]],
    proj: &Projection,
    pixels_per_point: f32,
    color: Color32,
) {
    let alpha = dots_alpha(dots, proj, pixels_per_point);
    // One colour per level of coverage.
    let shades: Vec<Color32> = (0..=255_u8)
        .map(|a| color.gamma_multiply(f32::from(a) / 255.0))
        .collect();
    for (pixel, a) in image.pixels.iter_mut().zip(alpha) {
        if a > 0 {
            *pixel = over(shades[usize::from(a)], *pixel);
        }
    }
}

/// `top` laid over `bottom`, both premultiplied, as egui's renderer blends them.
fn over(top: Color32, bottom: Color32) -> Color32 {
    let keep = 255 - u16::from(top.a());
    let mix = |t: u8, b: u8| (u16::from(t) + (u16::from(b) * keep + 127) / 255).min(255) as u8;
    Color32::from_rgba_premultiplied(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
        mix(top.a(), bottom.a()),
    )
}

/// The size of the map's rectangle in physical pixels.
fn image_size(proj: &Projection, pixels_per_point: f32) -> [usize; 2] {
    let rect = proj.rect;
    [
        (rect.width() * pixels_per_point).round().max(1.0) as usize,
        (rect.height() * pixels_per_point).round().max(1.0) as usize,
    ]
}

/// Half the side of a dot, screen points: larger when zoomed in.
fn dot_half_side(proj: &Projection) -> f32 {
    if proj.px_per_deg > 8.0 { 1.4 } else { 0.9 }
}

/// Every dot's coverage of each pixel of the map's rectangle (0 to 255, summed and
/// saturated), row by row.
fn dots_alpha(dots: &[[f32; 2]], proj: &Projection, pixels_per_point: f32) -> Vec<u8> {
    let rect = proj.rect;
    let [width, height] = image_size(proj, pixels_per_point);
    let half = dot_half_side(proj) * pixels_per_point;
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
    alpha
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
        let alpha = dots_alpha(&[[10.5, -0.5]], &proj, 1.0);
        assert_eq!(alpha.len(), 360 * 180);
        let lit: Vec<(usize, usize, u8)> = alpha
            .iter()
            .enumerate()
            .filter(|(_, a)| **a > 0)
            .map(|(i, a)| (i % 360, i / 360, *a))
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
        let alpha = dots_alpha(
            &[[f32::NAN, 0.0], [0.0, 95.0], [179.9, 0.0], [179.9, 0.0]],
            &proj,
            2.0,
        );
        // Twice the pixels at two pixels per point.
        assert_eq!(alpha.len(), 720 * 360);
        // The dot past the pole is off the image; the two at the date line add up to full,
        // on the right edge and on the left edge, where the next world copy begins.
        let lit: Vec<usize> = (0..alpha.len())
            .filter(|&i| alpha[i] > 0)
            .map(|i| i % 720)
            .collect();
        assert!(lit.iter().all(|x| [0, 1, 718, 719].contains(x)), "{lit:?}");
        assert!(lit.contains(&0) && lit.contains(&719), "{lit:?}");
        assert!(alpha.contains(&255));
    }

    const COLORS: BackdropColors = BackdropColors {
        outside: Color32::from_rgb(1, 2, 3),
        ocean: Color32::from_rgb(10, 20, 200),
        land: Color32::from_rgb(40, 160, 40),
        night: Color32::from_black_alpha(128),
    };

    /// A 36 x 18 mask: land (255) west of the prime meridian, sea east of it.
    fn west_land() -> Vec<u8> {
        (0..18 * 36)
            .map(|i| if i % 36 < 18 { 255 } else { 0 })
            .collect()
    }

    #[test]
    fn land_sea_and_night_are_the_layers_colours_blended_as_egui_blends() {
        let proj = whole_world(360.0, 180.0);
        let mask = west_land();
        let land = LandMask {
            alpha: &mask,
            size: [36, 18],
        };
        // Night on the grid's eastern half (from 0° eastwards), day on the western.
        let night: Vec<f32> = (0..NIGHT_ROWS * NIGHT_COLS)
            .map(|k| {
                if k % NIGHT_COLS >= NIGHT_COLS / 2 {
                    1.0
                } else {
                    0.0
                }
            })
            .collect();
        let image = sea_land_night(&proj, 1.0, land, &night, &ColourTable::new(COLORS));
        assert_eq!(image.size, [360, 180]);
        let at = |lon: usize, lat_row: usize| image.pixels[lat_row * 360 + lon];
        // 90° W, in daylight on land; 90° E, at night on the sea.
        assert_eq!(at(90, 90), COLORS.land);
        assert_eq!(at(270, 90), over(COLORS.night, COLORS.ocean));
        assert!(at(270, 90).r() < COLORS.ocean.r() && at(270, 90).b() < COLORS.ocean.b());
        // Every pixel is opaque: nothing under it shows or needs drawing.
        assert!(image.pixels.iter().all(|c| c.a() == 255));
        // A dot laid on the day's land takes its colour where it covers a pixel whole.
        let mut with_dot = image.clone();
        lay_dots(&mut with_dot, &[[-89.5, 0.5]], &proj, 1.0, Color32::WHITE);
        assert_eq!(with_dot.pixels[89 * 360 + 90], Color32::WHITE);
        assert_eq!(
            with_dot.pixels[89 * 360 + 200],
            image.pixels[89 * 360 + 200]
        );
    }

    #[test]
    fn past_the_poles_is_outside_the_world() {
        // Zoomed out so that the view is taller than the world: rows beyond the poles.
        let proj = Projection {
            rect: Rect::from_min_size(Pos2::ZERO, egui::vec2(360.0, 360.0)),
            lon0: 0.0,
            lat0: 0.0,
            px_per_deg: 1.0,
        };
        let mask = west_land();
        let land = LandMask {
            alpha: &mask,
            size: [36, 18],
        };
        let image = sea_land_night(&proj, 1.0, land, &[], &ColourTable::new(COLORS));
        assert_eq!(image.pixels[10 * 360 + 5], COLORS.outside);
        assert_eq!(image.pixels[350 * 360 + 5], COLORS.outside);
        assert_eq!(image.pixels[180 * 360 + 270], COLORS.ocean);
    }

    #[test]
    fn over_keeps_an_opaque_top_and_a_bare_bottom() {
        let c = Color32::from_rgb(12, 34, 56);
        assert_eq!(over(Color32::TRANSPARENT, c), c);
        assert_eq!(over(c, Color32::WHITE), c);
        assert_eq!(
            over(Color32::from_black_alpha(255), Color32::WHITE),
            Color32::BLACK
        );
    }
}
