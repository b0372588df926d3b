//! The handout's fonts in printpdf: each family (text, or the aligned table's monospace)
//! is a list of embedded fonts in fallback order, and a line of text is written in runs,
//! each in the first font that has its characters — Latin in egui's Ubuntu Light or Hack,
//! Hangul in the bundled Hangul font.
//!
//! In the monospace family a wide character (Hangul, see [`super::is_wide`]) takes two
//! cells, as in a terminal: the run pads each glyph to that width, so a line padded with
//! [`crate::text::pad_end`] keeps its columns.

use std::collections::BTreeMap;

use printpdf::{FontId, Op, ParsedFont, PdfDocument, PdfFontHandle, Pt, TextItem};

use super::{BundledFont, is_wide};

/// A bundled font could not be read (a broken build, not a user error).
#[derive(Debug, thiserror::Error)]
#[error("the bundled font {0} could not be read")]
pub struct FontError(pub &'static str);

/// One embedded font: its id in the document, and what it takes to pick and measure it.
#[derive(Debug, Clone)]
struct EmbeddedFont {
    id: FontId,
    /// Unicode code point → glyph id.
    glyphs: BTreeMap<u32, u16>,
    /// Glyph id → advance width, font units.
    advances: BTreeMap<u16, u16>,
    units_per_em: f32,
}

impl EmbeddedFont {
    fn embed(doc: &mut PdfDocument, font: &BundledFont) -> Result<Self, FontError> {
        let mut warnings = Vec::new();
        let parsed =
            ParsedFont::from_bytes(font.ttf, 0, &mut warnings).ok_or(FontError(font.name))?;
        Ok(Self {
            id: doc.add_font(&parsed),
            glyphs: parsed.codepoint_to_glyph.clone(),
            advances: parsed.glyph_widths.clone(),
            units_per_em: f32::from(parsed.units_per_em.max(1)),
        })
    }

    fn has(&self, c: char) -> bool {
        self.glyphs.contains_key(&u32::from(c))
    }

    /// Advance of `c`, em (0 when the font lacks it).
    fn advance_em(&self, c: char) -> f32 {
        self.glyphs
            .get(&u32::from(c))
            .and_then(|gid| self.advances.get(gid))
            .map_or(0.0, |&w| f32::from(w) / self.units_per_em)
    }
}

/// The fonts embedded in one document so far, so that two families sharing a font (the
/// Hangul fallback of the text and of the table) embed it once.
#[derive(Debug, Default)]
pub struct PdfFontCache {
    embedded: Vec<(&'static str, EmbeddedFont)>,
}

impl PdfFontCache {
    /// A family of `fonts` (in fallback order), each embedded in `doc` unless this cache
    /// already did; `monospace` makes wide characters take two of the main font's cells.
    pub fn family(
        &mut self,
        doc: &mut PdfDocument,
        fonts: &[BundledFont],
        monospace: bool,
    ) -> Result<PdfFontFamily, FontError> {
        let mut family = Vec::with_capacity(fonts.len());
        for font in fonts {
            let known = self.embedded.iter().find(|(name, _)| *name == font.name);
            let embedded = match known {
                Some((_, e)) => e.clone(),
                None => {
                    let e = EmbeddedFont::embed(doc, font)?;
                    self.embedded.push((font.name, e.clone()));
                    e
                }
            };
            family.push(embedded);
        }
        let cell_em = if monospace {
            family.first().map(|f| f.advance_em('0'))
        } else {
            None
        };
        Ok(PdfFontFamily {
            fonts: family,
            cell_em,
        })
    }
}

/// A family of embedded fonts in fallback order (the first is the main one).
#[derive(Debug, Clone)]
pub struct PdfFontFamily {
    fonts: Vec<EmbeddedFont>,
    /// The width of one cell, em, for a monospace family (the main font's advance of `0`).
    cell_em: Option<f32>,
}

impl PdfFontFamily {
    /// Which font of the family draws `c`: the first that has it (0, the main font, when
    /// none has it; whitespace stays in `current`, so a space does not split a run).
    fn font_for(&self, c: char, current: usize) -> usize {
        if c.is_whitespace() && self.fonts.get(current).is_some_and(|f| f.has(c)) {
            return current;
        }
        self.fonts.iter().position(|f| f.has(c)).unwrap_or(0)
    }

    /// `text` cut into runs, each with the index of the font that draws it.
    pub fn runs(&self, text: &str) -> Vec<(usize, String)> {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for c in text.chars() {
            let current = runs.last().map_or(0, |(f, _)| *f);
            let font = self.font_for(c, current);
            match runs.last_mut() {
                Some((f, run)) if *f == font => run.push(c),
                _ => runs.push((font, c.to_string())),
            }
        }
        runs
    }

    /// The PDF operations that show `text` at `size_pt` from the current text position:
    /// a `SetFont` and a `ShowText` per run. Put them inside a text section, after the
    /// cursor and colour are set.
    pub fn show_text(&self, size_pt: f32, text: &str) -> Vec<Op> {
        let mut ops = Vec::new();
        for (index, run) in self.runs(text) {
            let Some(font) = self.fonts.get(index) else {
                continue;
            };
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.id.clone()),
                size: Pt(size_pt),
            });
            ops.push(Op::ShowText {
                items: self.items(font, &run),
            });
        }
        ops
    }

    /// The text items of one run: the run itself, or in a monospace family the glyphs
    /// with the space that fills their cells. A word of wide characters (Hangul) is set
    /// at its own spacing, with the space its cells leave over after its last character,
    /// so that it reads as a word (not letter-spaced) and what follows keeps its column.
    fn items(&self, font: &EmbeddedFont, run: &str) -> Vec<TextItem> {
        let Some(cell_em) = self.cell_em else {
            return vec![TextItem::Text(run.to_owned())];
        };
        let mut items = Vec::new();
        let mut plain = String::new();
        let mut pending_gap_em = 0.0_f32;
        let mut chars = run.chars().peekable();
        while let Some(c) = chars.next() {
            let cells = if is_wide(c) { 2.0 } else { 1.0 };
            pending_gap_em += cells * cell_em - font.advance_em(c);
            plain.push(c);
            // Inside a word of wide characters the space waits for the word's end.
            let word_goes_on = is_wide(c) && chars.peek().is_some_and(|&next| is_wide(next));
            if !word_goes_on && pending_gap_em.abs() > 0.001 {
                items.push(TextItem::Text(std::mem::take(&mut plain)));
                // TJ offsets are thousandths of an em, subtracted from the position.
                items.push(TextItem::Offset(-pending_gap_em * 1000.0));
                pending_gap_em = 0.0;
            }
        }
        if !plain.is_empty() {
            items.push(TextItem::Text(plain));
        }
        items
    }

    /// Width of `text` as [`Self::show_text`] draws it, em (multiply by the size).
    pub fn width_em(&self, text: &str) -> f32 {
        self.runs(text)
            .iter()
            .filter_map(|(index, run)| Some((self.fonts.get(*index)?, run)))
            .flat_map(|(font, run)| run.chars().map(move |c| (font, c)))
            .map(|(font, c)| match self.cell_em {
                Some(cell) => cell * if is_wide(c) { 2.0 } else { 1.0 },
                None => font.advance_em(c),
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts and offsets of `text` as the handout's monospaced family writes it.
    fn items(text: &str) -> Vec<TextItem> {
        let mut doc = PdfDocument::new("test");
        let family = PdfFontCache::default()
            .family(&mut doc, &crate::fonts::HANDOUT_MONO, true)
            .unwrap();
        family
            .runs(text)
            .into_iter()
            .flat_map(|(index, run)| family.items(&family.fonts[index], &run))
            .collect()
    }

    #[test]
    fn a_hangul_word_is_set_whole_and_keeps_its_columns() {
        // "북북동" is one text item (not three, letter-spaced), followed by the space its
        // six cells leave over; the Latin after it lines up with the cells.
        let items = items("북북동 17°");
        let TextItem::Text(word) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(word, "북북동");
        assert!(
            matches!(items[1], TextItem::Offset(gap) if gap < 0.0),
            "{items:?}"
        );
        let mut doc = PdfDocument::new("test");
        let family = PdfFontCache::default()
            .family(&mut doc, &crate::fonts::HANDOUT_MONO, true)
            .unwrap();
        let cell = family.width_em("0");
        assert!((family.width_em("북북동") - 6.0 * cell).abs() < 1e-4);
    }
}
