//! The chart's fixed sky (the Milky Way, the constellation figures and the stars' dots)
//! laid once into an image, which every frame draws as one picture.
//!
//! Drawn as shapes, a dark site's sky is some 2,500 dots and a few dozen wide translucent
//! bands, tessellated and filled again on every frame. Under software GL (Mesa's
//! llvmpipe: a laptop without a GPU driver, or the classroom's projector machine) that
//! was a third of the window's frame, 1.6 % of a core with the clock at x1 (issue 21). It
//! changes only with the scene (once a simulated minute), the chart's size, the theme or
//! the chart's switches, so it is painted on the CPU when one of those changes, by
//! tiny-skia (anti-aliased strokes and discs; egui has no CPU rasterizer), and uploaded as
//! a texture. The image is laid on whole pixels, so that it is drawn unfiltered.
//!
//! The words (star, constellation and planet names), the planets, the Moon and the Sun stay
//! shapes ([`super::sky::sky_shapes`]): they are few, and the words move out of each
//! other's way every frame.

use eframe::egui;

use egui_plot::{PlotPoint, PlotTransform};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::sky::{SkyOptions, star_color, star_radius_points};
use crate::ui::sky_scene::SkyScene;
use crate::ui::theme::Palette;
use crate::ui::view::upload_pixels;

/// What the image shows: it is laid again when any of this changes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    /// The scene's number in its cache ([`crate::ui::sky_scene::SceneCache::computed`]).
    scene: u64,
    /// The image's size, pixels.
    size_px: [u32; 2],
    /// Where the chart's frame starts within the image's first pixel, pixels.
    offset_px: [f32; 2],
    /// The chart's width, points (its scale).
    frame_size: [f32; 2],
    pixels_per_point: f32,
    palette: Palette,
    max_magnitude: f64,
    constellations: bool,
    dark_site: bool,
}

/// The image of the chart's fixed sky and what it shows.
#[derive(Clone, Default)]
pub(super) struct SkyBackdrop {
    key: Option<Key>,
    texture: Option<egui::TextureHandle>,
    /// How many times the image was laid (to check that it is kept).
    laid: u64,
}

impl std::fmt::Debug for SkyBackdrop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SkyBackdrop")
            .field("key", &self.key)
            .field("laid", &self.laid)
            .finish_non_exhaustive()
    }
}

/// Where a chart drawn by `transform` lands in pixels: the image's first pixel (whole
/// pixels, from the screen's corner) and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PixelFrame {
    /// The image's top left corner, whole pixels.
    pub(super) origin_px: [f32; 2],
    /// The image's size, pixels.
    pub(super) size_px: [u32; 2],
    pub(super) pixels_per_point: f32,
}

impl PixelFrame {
    /// The whole pixels that cover `frame` (points) at `pixels_per_point`.
    pub(super) fn covering(frame: egui::Rect, pixels_per_point: f32) -> Self {
        let min = (frame.min.to_vec2() * pixels_per_point).floor();
        let max = (frame.max.to_vec2() * pixels_per_point).ceil();
        let size = (max - min).max(egui::Vec2::ZERO);
        Self {
            origin_px: [min.x, min.y],
            size_px: [size.x as u32, size.y as u32],
            pixels_per_point,
        }
    }

    /// A screen position (points) in the image's pixels.
    pub(super) fn to_px(self, screen: egui::Pos2) -> (f32, f32) {
        (
            screen.x * self.pixels_per_point - self.origin_px[0],
            screen.y * self.pixels_per_point - self.origin_px[1],
        )
    }

    /// The image's rectangle on the screen, points.
    fn rect(self) -> egui::Rect {
        let ppp = self.pixels_per_point;
        egui::Rect::from_min_size(
            egui::pos2(self.origin_px[0] / ppp, self.origin_px[1] / ppp),
            egui::vec2(self.size_px[0] as f32 / ppp, self.size_px[1] as f32 / ppp),
        )
    }
}

impl SkyBackdrop {
    /// The image of `scene` (number `scene_number` in its cache) behind the chart drawn
    /// by `transform`, as a shape; laid again only when what it shows changed.
    pub(super) fn shape(
        &mut self,
        ctx: &egui::Context,
        (scene_number, scene): (u64, &SkyScene),
        transform: &PlotTransform,
        palette: Palette,
        options: SkyOptions,
    ) -> Option<egui::Shape> {
        let frame = *transform.frame();
        let pixels = PixelFrame::covering(frame, ctx.pixels_per_point());
        if pixels.size_px.contains(&0) {
            return None;
        }
        let key = Key {
            scene: scene_number,
            size_px: pixels.size_px,
            offset_px: pixels.to_px(frame.min).into(),
            frame_size: [frame.width(), frame.height()],
            pixels_per_point: pixels.pixels_per_point,
            palette,
            max_magnitude: options.max_magnitude,
            constellations: options.show_constellations,
            dark_site: options.dark_site,
        };
        // The key and the texture are set together.
        if self.key != Some(key) {
            let to_px =
                |xy: [f64; 2]| pixels.to_px(transform.position_from_point(&PlotPoint::from(xy)));
            let image = lay_sky(scene, &to_px, pixels, palette, options)?;
            upload_pixels(&mut self.texture, ctx, "sky-backdrop", image);
            self.key = Some(key);
            self.laid += 1;
        }
        let texture = self.texture.as_ref()?;
        Some(egui::Shape::image(
            texture.id(),
            pixels.rect(),
            egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0)),
            egui::Color32::WHITE,
        ))
    }

    /// How many times the image was laid so far.
    pub(super) fn laid(&self) -> u64 {
        self.laid
    }
}

/// Lays the Milky Way (on a dark site), the constellation figures (when shown) and the
/// stars to `options.max_magnitude` into an image of `pixels`' size, transparent where
/// there is nothing; `to_px` takes chart coordinates to the image's pixels. The widths and
/// colours are those the chart's shapes had: a Milky Way contour of level L is a band
/// (1 + L)° wide, a constellation line one point, a star a dot of
/// [`star_radius_points`]. None if the image would be empty of pixels.
pub(super) fn lay_sky(
    scene: &SkyScene,
    to_px: &dyn Fn([f64; 2]) -> (f32, f32),
    pixels: PixelFrame,
    palette: Palette,
    options: SkyOptions,
) -> Option<egui::ColorImage> {
    let [width, height] = pixels.size_px;
    let mut pixmap = Pixmap::new(width, height)?;
    let ppp = pixels.pixels_per_point;
    let (x0, _) = to_px([0.0, 0.0]);
    let (x1, _) = to_px([1.0, 0.0]);
    let px_per_deg = (x1 - x0).abs();
    let points_per_deg = px_per_deg / ppp;
    let paint_of = |color: egui::Color32| {
        let [r, g, b, a] = color.to_srgba_unmultiplied();
        let mut paint = Paint::default();
        paint.set_color_rgba8(r, g, b, a);
        paint.anti_alias = true;
        paint
    };
    let polyline = |points: &[[f64; 2]]| {
        let mut path = PathBuilder::new();
        let mut xy = points.iter().map(|&p| to_px(p));
        let (x, y) = xy.next()?;
        path.move_to(x, y);
        for (x, y) in xy {
            path.line_to(x, y);
        }
        path.finish()
    };
    if options.dark_site {
        let paint = paint_of(palette.milky_way);
        for (level, ring) in &scene.milky_way {
            let stroke = Stroke {
                width: px_per_deg * (1.0 + f32::from(*level)),
                ..Stroke::default()
            };
            if let Some(path) = polyline(ring) {
                pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
            }
        }
    }
    if options.show_constellations {
        let paint = paint_of(palette.constellation);
        let stroke = Stroke {
            width: ppp,
            ..Stroke::default()
        };
        for line in &scene.lines {
            if let Some(path) = polyline(line) {
                pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
            }
        }
    }
    for star in scene
        .stars
        .iter()
        .take_while(|s| s.magnitude <= options.max_magnitude)
    {
        let (x, y) = to_px(star.xy);
        let radius = star_radius_points(star.magnitude, points_per_deg) * ppp;
        if let Some(disc) = PathBuilder::from_circle(x, y, radius) {
            let paint = paint_of(star_color(palette, star.magnitude, star.b_minus_v));
            pixmap.fill_path(
                &disc,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
    Some(egui::ColorImage::from_rgba_premultiplied(
        [width as usize, height as usize],
        pixmap.data(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::{Observer, ObserverFrame};
    use crate::ui::sky_scene::SceneStar;
    use crate::ui::theme::ThemeChoice;

    fn options(dark_site: bool) -> SkyOptions {
        SkyOptions {
            max_magnitude: 4.5,
            show_constellations: true,
            dark_site,
            binocular_xy: None,
        }
    }

    /// Seoul's sky of 22 Aug 2026 with only these stars and Milky Way contours.
    fn scene(stars: Vec<SceneStar>, milky_way: Vec<(u8, Vec<[f64; 2]>)>) -> SkyScene {
        let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let mut scene = SkyScene::compute(&frame, "2026-08-22T13:00:00Z".parse().unwrap());
        scene.stars = stars;
        scene.lines.clear();
        scene.milky_way = milky_way;
        scene
    }

    /// Colours equal but for rounding (the image stores them premultiplied).
    fn close(a: egui::Color32, b: egui::Color32) -> bool {
        a.to_array()
            .iter()
            .zip(b.to_array())
            .all(|(&x, y)| x.abs_diff(y) <= 2)
    }

    fn star(xy: [f64; 2], magnitude: f64) -> SceneStar {
        SceneStar {
            xy,
            magnitude,
            b_minus_v: None,
            name: "",
            name_ko: "",
        }
    }

    /// A 212-pixel image, two pixels a degree, the zenith in its middle.
    fn lay(scene: &SkyScene, options: SkyOptions) -> egui::ColorImage {
        let pixels = PixelFrame {
            origin_px: [0.0, 0.0],
            size_px: [212, 212],
            pixels_per_point: 2.0,
        };
        let to_px = |xy: [f64; 2]| (106.0 + xy[0] as f32, 106.0 - xy[1] as f32);
        lay_sky(
            scene,
            &to_px,
            pixels,
            Palette::of(ThemeChoice::Dark),
            options,
        )
        .unwrap()
    }

    #[test]
    fn a_star_is_a_dot_of_its_colour_where_it_is_and_nothing_elsewhere() {
        let image = lay(&scene(vec![star([0.0, 0.0], 1.0)], vec![]), options(false));
        let palette = Palette::of(ThemeChoice::Dark);
        let color = star_color(palette, 1.0, None);
        assert!(close(image[(106, 106)], color), "{:?}", image[(106, 106)]);
        assert_eq!(image[(150, 106)], egui::Color32::TRANSPARENT);
        // Radius 2.8 points at this scale (1 point a degree): 5.6 pixels.
        assert!(close(image[(103, 106)], color), "{:?}", image[(103, 106)]);
        assert_eq!(image[(99, 106)], egui::Color32::TRANSPARENT);
    }

    #[test]
    fn stars_fainter_than_the_limit_are_left_out() {
        let image = lay(&scene(vec![star([0.0, 0.0], 5.0)], vec![]), options(false));
        assert_eq!(image[(106, 106)], egui::Color32::TRANSPARENT);
    }

    #[test]
    fn the_milky_way_is_a_band_on_a_dark_site_only() {
        // A level-1 contour along the chart's x axis: a band 2° (4 pixels) wide.
        let band = vec![(1, vec![[-50.0, 0.0], [50.0, 0.0]])];
        let dark = lay(&scene(vec![], band.clone()), options(true));
        let milky_way = Palette::of(ThemeChoice::Dark).milky_way;
        assert!(close(dark[(106, 106)], milky_way), "{:?}", dark[(106, 106)]);
        assert!(close(dark[(106, 105)], milky_way), "{:?}", dark[(106, 105)]);
        assert_eq!(dark[(106, 110)], egui::Color32::TRANSPARENT);
        let city = lay(&scene(vec![], band), options(false));
        assert_eq!(city[(106, 106)], egui::Color32::TRANSPARENT);
    }

    #[test]
    fn the_pixels_cover_the_frame_on_whole_pixels() {
        let frame = egui::Rect::from_min_size(egui::pos2(10.3, 20.6), egui::vec2(100.0, 100.0));
        let pixels = PixelFrame::covering(frame, 1.25);
        assert_eq!(pixels.origin_px, [12.0, 25.0]);
        assert_eq!(pixels.size_px, [126, 126]);
        let (x, y) = pixels.to_px(frame.min);
        assert!(
            (x - 0.875).abs() < 1e-4 && (y - 0.75).abs() < 1e-4,
            "{x} {y}"
        );
        assert!(pixels.rect().contains_rect(frame));
    }
}
