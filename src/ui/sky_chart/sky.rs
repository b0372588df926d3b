//! The sky behind the chart: how its stars look (size and colour by magnitude and colour
//! index), and as screen shapes the constellation and star names, the planets, the Moon with
//! its phase, the Sun, and the binocular circle; labels that would overlap a more important
//! one are left out. The Milky Way, the constellation figures and the stars' dots are an
//! image under these ([`super::backdrop`]).

use eframe::egui;

use egui_plot::{PlotPoint, PlotTransform};

use super::{BINOCULAR_RADIUS_DEG, LabelSizes};
use crate::i18n::Lang;
use crate::orbit::planets::Planet;
use crate::ui::sky_scene::{SkyScene, chart_xy, moon_lit_strip};
use crate::ui::theme::Palette;

/// What of the sky to draw.
#[derive(Debug, Clone, Copy)]
pub(super) struct SkyOptions {
    pub(super) max_magnitude: f64,
    pub(super) show_constellations: bool,
    pub(super) dark_site: bool,
    pub(super) binocular_xy: Option<[f64; 2]>,
}

/// Radius of a star's dot, points, for a chart whose degree is `points_per_deg` wide:
/// a step per magnitude, never under a pixel.
pub fn star_radius_points(magnitude: f64, points_per_deg: f32) -> f32 {
    let scale = (points_per_deg / 1.6).clamp(0.7, 2.5);
    ((3.3 - 0.5 * magnitude as f32).max(0.6)) * scale
}

/// A star's colour: tinted by its B−V colour index (blue-white, white, orange) and dimmer
/// the fainter it is.
pub(super) fn star_color(
    palette: Palette,
    magnitude: f64,
    b_minus_v: Option<f64>,
) -> egui::Color32 {
    let base = match b_minus_v {
        Some(bv) if bv < 0.3 => palette.star_hot,
        Some(bv) if bv > 0.8 => palette.star_cool,
        _ => palette.star,
    };
    let brightness = (1.0 - 0.1 * (magnitude as f32 - 1.0).max(0.0)).clamp(0.45, 1.0);
    base.gamma_multiply(brightness)
}

/// The sky behind the plot as screen shapes: the constellations' and stars' names, the
/// planets, the Moon with its phase, the Sun, and the binocular circle. `taken` are the
/// screen rectangles of the plot's own labels (the pass's times and marks, the compass
/// points): a name of the sky keeps clear of them and of the more important names, a line
/// up or down if it must, and is left out if it still cannot (or if it would stick out of
/// the chart's `bounds`).
#[allow(clippy::too_many_arguments)]
pub(super) fn sky_shapes(
    ui: &egui::Ui,
    scene: &SkyScene,
    transform: &PlotTransform,
    palette: Palette,
    sizes: LabelSizes,
    options: SkyOptions,
    taken: Vec<egui::Rect>,
    bounds: egui::Rect,
) -> Vec<egui::Shape> {
    use egui::{Shape, Stroke};
    let to_screen = |xy: [f64; 2]| transform.position_from_point(&PlotPoint::from(xy));
    let points_per_deg = (to_screen([1.0, 0.0]).x - to_screen([0.0, 0.0]).x).abs();
    let font = egui::FontId::proportional(sizes.small);
    let label = |text: String, at: egui::Pos2, color: egui::Color32, anchor: egui::Align2| {
        let galley = ui.painter().layout_no_wrap(text, font.clone(), color);
        let rect = anchor.anchor_size(at, galley.size());
        (rect, Shape::galley(rect.min, galley, color))
    };
    let lang = crate::i18n::language();
    let korean = lang == Lang::Ko;
    let mut shapes = Vec::new();
    // Labels with their rank (0 first): the Sun and Moon, planets, stars, constellations.
    // They are placed last, in that order, and one that would overlap is left out.
    let mut labels: Vec<(u8, (egui::Rect, Shape))> = Vec::new();
    // The Milky Way, the constellation figures and the stars' dots are an image laid once
    // a minute ([`super::backdrop`]); here only their words.
    if options.show_constellations {
        // On a small chart only the large constellations are named.
        let max_rank = if points_per_deg < 2.5 { 1 } else { 2 };
        for c in scene.labels.iter().filter(|c| c.rank <= max_rank) {
            // Latin names in capitals, as on star maps; Korean ones as they are.
            let name = if korean && !c.name_ko.is_empty() {
                c.name_ko.to_owned()
            } else {
                c.name.to_uppercase()
            };
            labels.push((
                3,
                label(
                    name,
                    to_screen(c.xy),
                    palette.constellation_text,
                    egui::Align2::CENTER_CENTER,
                ),
            ));
        }
    }
    for star in scene
        .stars
        .iter()
        .take_while(|s| s.magnitude <= options.max_magnitude)
    {
        if star.magnitude < 1.5 && !star.name.is_empty() {
            let at = to_screen(star.xy) + egui::vec2(4.0, 2.0);
            labels.push((
                2,
                label(
                    crate::i18n::name_in(lang, star.name, star.name_ko).to_owned(),
                    at,
                    palette.weak_text,
                    egui::Align2::LEFT_TOP,
                ),
            ));
        }
    }
    for p in scene
        .planets
        .iter()
        .filter(|p| p.direction.elevation_deg > 0.0)
    {
        let at = to_screen(chart_xy(p.direction.azimuth_deg, p.direction.elevation_deg));
        let r = star_radius_points(p.magnitude.max(-1.0), points_per_deg);
        shapes.push(Shape::circle_filled(at, r, palette.planet));
        labels.push((
            1,
            label(
                planet_name(p.planet),
                at + egui::vec2(r + 3.0, 0.0),
                palette.planet,
                egui::Align2::LEFT_CENTER,
            ),
        ));
    }
    let moon = &scene.moon;
    if moon.elevation_deg > 0.0 {
        let centre_xy = chart_xy(moon.azimuth_deg, moon.elevation_deg);
        let centre = to_screen(centre_xy);
        let radius = (2.2 * points_per_deg).max(7.0);
        shapes.push(Shape::circle_filled(centre, radius, palette.moon_dark));
        // The bright limb faces the Sun: its direction on the chart, as seen from the Moon.
        let sun_xy = chart_xy(scene.sun.azimuth_deg, scene.sun.elevation_deg.max(-90.0));
        let toward_sun = to_screen(sun_xy) - centre;
        let u = if toward_sun.length() > 1e-3 {
            toward_sun.normalized()
        } else {
            egui::vec2(1.0, 0.0)
        };
        let v = egui::vec2(-u.y, u.x);
        let mut mesh = egui::Mesh::default();
        for [limb, terminator] in moon_lit_strip(moon.illuminated_fraction, f64::from(radius), 24) {
            for [a, b] in [limb, terminator] {
                mesh.colored_vertex(centre + u * a as f32 + v * b as f32, palette.moon_lit);
            }
        }
        let quads = (mesh.vertices.len() / 2).saturating_sub(1) as u32;
        for i in 0..quads {
            let k = 2 * i;
            mesh.add_triangle(k, k + 1, k + 2);
            mesh.add_triangle(k + 1, k + 3, k + 2);
        }
        shapes.push(Shape::mesh(mesh));
        shapes.push(Shape::circle_stroke(
            centre,
            radius,
            Stroke::new(1.0, palette.moon_lit.gamma_multiply(0.6)),
        ));
        labels.push((
            0,
            label(
                crate::t!(
                    "panels-moon-percent",
                    percent = format!("{:.0}", moon.illuminated_fraction * 100.0)
                ),
                centre + egui::vec2(0.0, radius + 2.0),
                palette.text,
                egui::Align2::CENTER_TOP,
            ),
        ));
    }
    if scene.sun.elevation_deg > 0.0 {
        let at = to_screen(chart_xy(scene.sun.azimuth_deg, scene.sun.elevation_deg));
        let radius = (2.2 * points_per_deg).max(7.0);
        shapes.push(Shape::circle_filled(at, radius, palette.sun));
        labels.push((
            0,
            label(
                crate::t!("panels-sun"),
                at + egui::vec2(0.0, radius + 2.0),
                palette.text,
                egui::Align2::CENTER_TOP,
            ),
        ));
    }
    labels.sort_by_key(|(rank, _)| *rank);
    let mut placed = taken;
    for (rank, (rect, mut shape)) in labels {
        // A star's or constellation's name that would cover another label moves a line up
        // or down before it gives way: "CYGNUS" beside the pass through it, not hidden.
        let shifts: &[f32] = if rank >= 2 { &[0.0, -1.0, 1.0] } else { &[0.0] };
        let free = shifts
            .iter()
            .map(|&k| egui::vec2(0.0, k * rect.height()))
            .find(|&delta| {
                // A space's room from the words beside it (the text's height stands
                // for its font size).
                let core = rect.translate(delta).shrink(0.5).expand2(egui::vec2(
                    super::labels::WORD_SPACE_EM * rect.height(),
                    0.0,
                ));
                bounds.contains_rect(rect.translate(delta))
                    && placed.iter().all(|p| !p.intersects(core))
            });
        if let Some(delta) = free {
            placed.push(rect.translate(delta));
            shape.translate(delta);
            shapes.push(shape);
        }
    }
    if let Some(xy) = options.binocular_xy {
        shapes.push(Shape::circle_stroke(
            to_screen(xy),
            BINOCULAR_RADIUS_DEG as f32 * points_per_deg,
            Stroke::new(1.5, palette.selected),
        ));
    }
    shapes
}

/// A planet's name in the user's language.
fn planet_name(planet: Planet) -> String {
    match planet {
        Planet::Mercury => crate::t!("panels-planet-mercury"),
        Planet::Venus => crate::t!("panels-planet-venus"),
        Planet::Mars => crate::t!("panels-planet-mars"),
        Planet::Jupiter => crate::t!("panels-planet-jupiter"),
        Planet::Saturn => crate::t!("panels-planet-saturn"),
    }
}
