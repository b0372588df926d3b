//! The fonts Overhead draws text with, in the window and on the handout, and which
//! characters they cover.
//!
//! egui's own fonts ([`epaint_default_fonts`]: Ubuntu Light for text, Hack for aligned
//! columns, a few icons) cover Latin, Greek and Cyrillic but no Hangul. Overhead adds
//! [`HANGUL_TTF`], "Overhead Hangul": a subset of NanumGothic Regular (NAVER, SIL OFL 1.1;
//! `assets/fonts/`, made by `scripts/make_hangul_font.py`), last in each family, so a
//! character falls back to it only when egui's fonts lack it. The subset holds Latin, the
//! Hangul compatibility jamo, the 2,350 KS X 1001 syllables, and every character of the
//! message files and of the Korean town, star and constellation names; `tests/fonts.rs`
//! checks that every message and name has a glyph in [`WINDOW_PROPORTIONAL`],
//! [`WINDOW_MONOSPACE`] and the handout's [`HANDOUT_TEXT`] and [`HANDOUT_MONO`].
//!
//! The window installs them with `crate::ui::fonts::install`; the handout embeds them
//! through printpdf (`crate::handout`).

use skrifa::MetadataProvider as _;

pub mod pdf;

/// The Hangul fallback font (TrueType, 1000 units per em; "Overhead Hangul", a subset of
/// NanumGothic Regular). About 0.78 MB.
///
/// A `static`, so the binary holds it once: a `const` slice of `include_bytes!` is copied
/// into each codegen unit that uses it (the window's and the handout's: two copies).
pub static HANGUL_TTF: &[u8] = &HANGUL_TTF_BYTES;
static HANGUL_TTF_BYTES: [u8; HANGUL_TTF_LEN] =
    *include_bytes!("../assets/fonts/OverheadHangul-Regular.ttf");
const HANGUL_TTF_LEN: usize = include_bytes!("../assets/fonts/OverheadHangul-Regular.ttf").len();

/// The name the Hangul font goes by in egui's font list and in the PDF.
pub const HANGUL_NAME: &str = "Overhead Hangul";

/// One bundled font: the name egui knows it by and its TrueType bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledFont {
    /// egui's name for it (`"Ubuntu-Light"`, `"Hack"`, `"egui-icons"`, [`HANGUL_NAME`]).
    pub name: &'static str,
    /// The font file.
    pub ttf: &'static [u8],
}

const UBUNTU_LIGHT: BundledFont = BundledFont {
    name: "Ubuntu-Light",
    ttf: epaint_default_fonts::UBUNTU_LIGHT,
};
const HACK: BundledFont = BundledFont {
    name: "Hack",
    ttf: epaint_default_fonts::HACK_REGULAR,
};
const EGUI_ICONS: BundledFont = BundledFont {
    name: "egui-icons",
    ttf: epaint_default_fonts::EGUI_ICONS,
};
/// The Hangul fallback font as a [`BundledFont`].
pub const HANGUL: BundledFont = BundledFont {
    name: HANGUL_NAME,
    ttf: HANGUL_TTF,
};

/// The window's proportional family, in fallback order: egui's default
/// (`FontDefinitions::default()`, without the emoji fonts, which Overhead does not enable),
/// then Hangul.
pub const WINDOW_PROPORTIONAL: [BundledFont; 3] = [UBUNTU_LIGHT, EGUI_ICONS, HANGUL];

/// The window's monospace family, in fallback order (egui's default, then Hangul).
pub const WINDOW_MONOSPACE: [BundledFont; 4] = [HACK, UBUNTU_LIGHT, EGUI_ICONS, HANGUL];

/// The handout's text fonts, in fallback order: each run of text goes to the first that
/// has its characters.
pub const HANDOUT_TEXT: [BundledFont; 2] = [UBUNTU_LIGHT, HANGUL];

/// The handout's fonts for the aligned table, in fallback order.
pub const HANDOUT_MONO: [BundledFont; 2] = [HACK, HANGUL];

/// Whether `ttf` maps `c` to a glyph (its `cmap` has it). False for a font that cannot be
/// read.
pub fn has_glyph(ttf: &[u8], c: char) -> bool {
    skrifa::FontRef::new(ttf).is_ok_and(|font| font.charmap().map(c).is_some())
}

/// Whether `c` needs no glyph: whitespace and control characters (line breaks, tabs,
/// the Unicode isolates Fluent puts around arguments), which text layout handles itself.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}')
}

/// The characters of `text` that no font of `fonts` has a glyph for, each once, in order
/// of first appearance (characters that need no glyph are skipped).
pub fn missing_glyphs(fonts: &[BundledFont], text: &str) -> Vec<char> {
    let faces: Vec<skrifa::FontRef<'_>> = fonts
        .iter()
        .filter_map(|f| skrifa::FontRef::new(f.ttf).ok())
        .collect();
    let mut missing = Vec::new();
    for c in text.chars() {
        if needs_no_glyph(c) || missing.contains(&c) {
            continue;
        }
        if !faces.iter().any(|face| face.charmap().map(c).is_some()) {
            missing.push(c);
        }
    }
    missing
}

/// Whether `c` is Hangul: a syllable, a jamo (conjoining or compatibility) or a half-width
/// jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FFA0}'..='\u{FFDC}')
}

/// Whether `c` is wide: two cells in a monospaced line, as terminals draw it (East Asian
/// Width W and F: Hangul, CJK, full-width forms), by the same rule as
/// [`crate::text::display_width`], which pads the handout's and the terminal's columns.
pub fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// Advance of a Hangul syllable in [`HANGUL_TTF`], em.
const HANGUL_ADVANCE_EM: f32 = 0.94;

/// An estimate of the width of `text` in the handout's text font, em: half an em for each
/// Latin character (Ubuntu Light's average), a Hangul syllable's advance for each wide
/// one. Enough to centre and wrap.
pub fn estimated_width_em(text: &str) -> f32 {
    text.chars()
        .map(|c| if is_wide(c) { HANGUL_ADVANCE_EM } else { 0.5 })
        .sum()
}
