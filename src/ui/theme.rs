//! Light, dark and night-vision themes, and the colours the map and chart draw with.
//!
//! The night theme is for dark sites: everything is a dim red on black, including the
//! map and the sky chart, so that it does not spoil the observer's dark adaptation.

use eframe::egui;

use egui::{Color32, Stroke, Visuals};

/// The theme choice is part of the saved settings.
pub use crate::settings::Theme as ThemeChoice;

/// Every theme, in menu order.
pub const ALL_THEMES: [ThemeChoice; 3] =
    [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::NightRed];

/// The name shown in the theme menu, in the user's language.
pub fn theme_label(choice: ThemeChoice) -> String {
    match choice {
        ThemeChoice::Light => crate::t!("panels-theme-light"),
        ThemeChoice::Dark => crate::t!("panels-theme-dark"),
        ThemeChoice::NightRed => crate::t!("panels-theme-night"),
    }
}

/// Colours for what the views paint themselves (map, sky chart, alerts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Sea and empty sky.
    pub ocean: Color32,
    /// Land fill.
    pub land: Color32,
    /// Coastlines.
    pub coast: Color32,
    /// Country borders.
    pub border: Color32,
    /// Graticule and chart grid lines.
    pub grid: Color32,
    /// Night shading at full darkness (premultiplied alpha).
    pub night: Color32,
    /// The observer's marker.
    pub observer: Color32,
    /// Every catalog satellite as a dot.
    pub dot: Color32,
    /// Chosen satellites.
    pub chosen: Color32,
    /// The selected satellite, its track and its footprint.
    pub selected: Color32,
    /// Ground track behind the satellite.
    pub track_past: Color32,
    /// Ground track ahead of the satellite.
    pub track_future: Color32,
    /// The part of a pass in sunlight (visible when the sky is dark).
    pub sunlit: Color32,
    /// The part of a pass in Earth's shadow.
    pub shadow: Color32,
    /// The Sun's marker.
    pub sun: Color32,
    /// Ordinary text painted on the map or chart.
    pub text: Color32,
    /// Secondary text.
    pub weak_text: Color32,
    /// Highlight for "visible" in tables.
    pub good: Color32,
    /// Background of an alert banner.
    pub alert_fill: Color32,
    /// A white star on the sky chart (B−V about 0.3 to 0.8), at full brightness.
    pub star: Color32,
    /// A hot, blue-white star (B−V under 0.3).
    pub star_hot: Color32,
    /// A cool, orange star (B−V over 0.8).
    pub star_cool: Color32,
    /// Constellation stick figures.
    pub constellation: Color32,
    /// Constellation names.
    pub constellation_text: Color32,
    /// The Milky Way's outlines (translucent).
    pub milky_way: Color32,
    /// The lit part of the Moon.
    pub moon_lit: Color32,
    /// The dark part of the Moon's disc.
    pub moon_dark: Color32,
    /// Planets on the sky chart.
    pub planet: Color32,
}

impl Palette {
    /// The palette of a theme.
    pub fn of(choice: ThemeChoice) -> Self {
        match choice {
            ThemeChoice::Light => Self {
                ocean: Color32::from_rgb(200, 220, 238),
                land: Color32::from_rgb(244, 241, 232),
                coast: Color32::from_rgb(70, 90, 110),
                border: Color32::from_rgb(150, 160, 175),
                grid: Color32::from_rgb(185, 195, 210),
                night: Color32::from_black_alpha(110),
                observer: Color32::from_rgb(200, 30, 30),
                dot: Color32::from_rgb(90, 100, 120),
                chosen: Color32::from_rgb(20, 110, 40),
                selected: Color32::from_rgb(200, 90, 0),
                track_past: Color32::from_rgb(150, 110, 60),
                track_future: Color32::from_rgb(200, 90, 0),
                sunlit: Color32::from_rgb(200, 120, 0),
                shadow: Color32::from_rgb(110, 110, 140),
                sun: Color32::from_rgb(230, 160, 0),
                text: Color32::from_rgb(20, 20, 30),
                weak_text: Color32::from_rgb(90, 95, 110),
                good: Color32::from_rgb(10, 120, 40),
                alert_fill: Color32::from_rgb(255, 236, 190),
                star: Color32::from_rgb(30, 35, 60),
                star_hot: Color32::from_rgb(20, 50, 130),
                star_cool: Color32::from_rgb(140, 60, 10),
                constellation: Color32::from_rgb(150, 170, 200),
                constellation_text: Color32::from_rgb(90, 110, 150),
                milky_way: Color32::from_rgba_unmultiplied(110, 130, 170, 40),
                moon_lit: Color32::from_rgb(230, 200, 90),
                moon_dark: Color32::from_rgb(170, 175, 190),
                planet: Color32::from_rgb(170, 60, 120),
            },
            ThemeChoice::Dark => Self {
                ocean: Color32::from_rgb(14, 24, 38),
                land: Color32::from_rgb(38, 48, 44),
                coast: Color32::from_rgb(120, 150, 170),
                border: Color32::from_rgb(60, 75, 90),
                grid: Color32::from_rgb(38, 50, 66),
                night: Color32::from_black_alpha(170),
                observer: Color32::from_rgb(255, 90, 90),
                dot: Color32::from_rgb(95, 110, 130),
                chosen: Color32::from_rgb(120, 220, 140),
                selected: Color32::from_rgb(255, 200, 60),
                track_past: Color32::from_rgb(150, 120, 60),
                track_future: Color32::from_rgb(255, 200, 60),
                sunlit: Color32::from_rgb(255, 210, 80),
                shadow: Color32::from_rgb(110, 120, 160),
                sun: Color32::from_rgb(255, 220, 90),
                text: Color32::from_rgb(225, 230, 235),
                weak_text: Color32::from_rgb(140, 150, 160),
                good: Color32::from_rgb(120, 220, 140),
                alert_fill: Color32::from_rgb(70, 55, 10),
                star: Color32::from_rgb(235, 235, 225),
                star_hot: Color32::from_rgb(200, 215, 255),
                star_cool: Color32::from_rgb(255, 215, 170),
                constellation: Color32::from_rgb(50, 75, 110),
                constellation_text: Color32::from_rgb(90, 120, 160),
                milky_way: Color32::from_rgba_unmultiplied(120, 140, 190, 28),
                moon_lit: Color32::from_rgb(245, 240, 215),
                moon_dark: Color32::from_rgb(45, 50, 60),
                planet: Color32::from_rgb(255, 170, 220),
            },
            ThemeChoice::NightRed => Self {
                ocean: Color32::from_rgb(0, 0, 0),
                land: Color32::from_rgb(24, 0, 0),
                coast: Color32::from_rgb(110, 0, 0),
                border: Color32::from_rgb(50, 0, 0),
                grid: Color32::from_rgb(38, 0, 0),
                night: Color32::from_black_alpha(90),
                observer: Color32::from_rgb(190, 20, 10),
                dot: Color32::from_rgb(80, 0, 0),
                chosen: Color32::from_rgb(150, 20, 10),
                selected: Color32::from_rgb(200, 30, 20),
                track_past: Color32::from_rgb(90, 10, 0),
                track_future: Color32::from_rgb(160, 20, 10),
                sunlit: Color32::from_rgb(190, 30, 20),
                shadow: Color32::from_rgb(90, 10, 5),
                sun: Color32::from_rgb(150, 40, 0),
                text: Color32::from_rgb(180, 30, 20),
                weak_text: Color32::from_rgb(120, 15, 10),
                good: Color32::from_rgb(200, 40, 25),
                alert_fill: Color32::from_rgb(45, 0, 0),
                star: Color32::from_rgb(200, 30, 20),
                star_hot: Color32::from_rgb(200, 30, 20),
                star_cool: Color32::from_rgb(200, 30, 20),
                constellation: Color32::from_rgb(70, 0, 0),
                constellation_text: Color32::from_rgb(100, 10, 5),
                milky_way: Color32::from_rgba_unmultiplied(120, 0, 0, 30),
                moon_lit: Color32::from_rgb(190, 35, 20),
                moon_dark: Color32::from_rgb(40, 0, 0),
                planet: Color32::from_rgb(210, 40, 25),
            },
        }
    }
}

/// Sets the egui visuals of `ctx` for `choice`.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_visuals(visuals(choice));
}

/// Smallest text size in presentation mode, points: at its zoom (×1.4) every text is at
/// least 18 px, readable from the back of a classroom on a 1280×720 projector.
pub const PRESENTATION_MIN_TEXT_POINTS: f32 = 13.0;

/// Sets the text sizes for presentation mode (`on`: none under
/// [`PRESENTATION_MIN_TEXT_POINTS`]) or back to egui's own.
pub fn apply_presentation_text(ctx: &egui::Context, on: bool) {
    let normal = egui::Style::default().text_styles;
    ctx.all_styles_mut(|style| {
        for (text_style, font) in &mut style.text_styles {
            let size = normal.get(text_style).map_or(font.size, |f| f.size);
            font.size = if on {
                size.max(PRESENTATION_MIN_TEXT_POINTS)
            } else {
                size
            };
        }
    });
}

/// The egui visuals of a theme.
pub fn visuals(choice: ThemeChoice) -> Visuals {
    match choice {
        ThemeChoice::Light => Visuals::light(),
        ThemeChoice::Dark => Visuals::dark(),
        ThemeChoice::NightRed => night_visuals(),
    }
}

/// All red on black. No colour channel but red is ever lit, and red stays dim.
fn night_visuals() -> Visuals {
    let red = |r: u8| Color32::from_rgb(r, 0, 0);
    let text = Color32::from_rgb(185, 25, 15);
    let mut v = Visuals::dark();
    v.override_text_color = Some(text);
    v.weak_text_color = Some(Color32::from_rgb(120, 12, 8));
    v.hyperlink_color = Color32::from_rgb(200, 40, 20);
    v.faint_bg_color = red(14);
    v.extreme_bg_color = Color32::BLACK;
    v.text_edit_bg_color = Some(red(10));
    v.code_bg_color = red(16);
    v.warn_fg_color = Color32::from_rgb(210, 60, 20);
    v.error_fg_color = Color32::from_rgb(220, 30, 20);
    v.window_fill = Color32::from_rgb(8, 0, 0);
    v.panel_fill = Color32::from_rgb(4, 0, 0);
    v.window_stroke = Stroke::new(1.0, red(60));
    v.window_shadow = egui::Shadow::NONE;
    v.popup_shadow = egui::Shadow::NONE;
    v.selection.bg_fill = red(70);
    v.selection.stroke = Stroke::new(1.0, Color32::from_rgb(200, 40, 20));
    let w = &mut v.widgets;
    for (state, bg, fg) in [
        (&mut w.noninteractive, 6, 150),
        (&mut w.inactive, 24, 170),
        (&mut w.hovered, 45, 200),
        (&mut w.active, 65, 215),
        (&mut w.open, 35, 190),
    ] {
        state.bg_fill = red(bg);
        state.weak_bg_fill = red(bg);
        state.bg_stroke = Stroke::new(1.0, red(bg.saturating_add(30)));
        state.fg_stroke = Stroke::new(
            state.fg_stroke.width,
            Color32::from_rgb(fg, fg / 8, fg / 12),
        );
    }
    w.noninteractive.bg_stroke = Stroke::new(1.0, red(40));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nothing in the night theme may be bright or non-red: green and blue stay dark.
    #[test]
    fn night_palette_is_dim_red() {
        let p = Palette::of(ThemeChoice::NightRed);
        for c in [
            p.ocean,
            p.land,
            p.coast,
            p.border,
            p.grid,
            p.observer,
            p.dot,
            p.chosen,
            p.selected,
            p.track_past,
            p.track_future,
            p.sunlit,
            p.shadow,
            p.sun,
            p.text,
            p.weak_text,
            p.good,
            p.alert_fill,
            p.star,
            p.star_hot,
            p.star_cool,
            p.constellation,
            p.constellation_text,
            p.milky_way,
            p.moon_lit,
            p.moon_dark,
            p.planet,
        ] {
            assert!(c.r() <= 210 && c.g() <= 40 && c.b() <= 25, "{c:?}");
        }
        let v = visuals(ThemeChoice::NightRed);
        let t = v.override_text_color.unwrap_or(Color32::WHITE);
        assert!(t.g() < 40 && t.b() < 40);
    }
}
