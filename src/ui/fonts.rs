//! Hangul in the window: installs the bundled Hangul font ([`crate::fonts::HANGUL_TTF`])
//! into egui as the last fallback of both font families, after egui's default fonts, so
//! Latin text keeps egui's look and Korean text gets glyphs instead of empty boxes.

use eframe::egui;
use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};

use crate::fonts::{HANGUL_NAME, HANGUL_TTF};

/// Adds the Hangul font to `ctx`'s proportional and monospace families, after the fonts
/// already there. Keeps the existing fonts; calling it again does nothing.
///
/// `OverheadApp::new` calls it, so the window and the UI tests (which build the app
/// through the same constructor) both get it.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        HANGUL_NAME,
        egui::FontData::from_static(HANGUL_TTF),
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect(),
    ));
}
