//! The page of the handout: its size and margins, the ink, and [`Page`], which places
//! text, lines and shapes in millimetres from the top left (PDF counts points from the
//! bottom left).

use printpdf::{
    Color, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, Point, Polygon, PolygonRing, Pt,
    Rgb, WindingOrder,
};

use crate::fonts::pdf::PdfFontFamily;

/// Page size, millimetres (A4 portrait).
pub(super) const PAGE_W_MM: f32 = 210.0;
pub(super) const PAGE_H_MM: f32 = 297.0;
/// Left and right margins, millimetres.
pub(super) const MARGIN_MM: f32 = 15.0;
/// Height the first page's table (its rows, the line under them, and the lines for
/// satellites with nothing to see) may take above the chart, millimetres: twelve rows.
pub(super) const TABLE_BUDGET_MM: f32 = 12.0 * ROW_MM;
/// Height of a table row with its note, millimetres.
pub(super) const ROW_MM: f32 = 7.6;
/// Height of each further line of a long satellite name, millimetres.
pub(super) const NAME_LINE_MM: f32 = 3.6;
/// Height of the line under a table that lists only the brightest passes, millimetres.
pub(super) const MORE_MM: f32 = ROW_MM;
/// Size of the lines for satellites with nothing to see, points, and their spacing, mm.
pub(super) const UNSEEN_PT: f32 = 8.0;
pub(super) const UNSEEN_LINE_MM: f32 = 3.9;
/// Most of the first page's table room the lines for satellites with nothing to see may
/// take, millimetres (about seven lines); more go to the end of the handout.
pub(super) const UNSEEN_FIRST_PAGE_MM: f32 = 28.0;
/// Width of the satellite's column of the table, in monospaced cells.
pub(super) const NAME_COLUMNS: usize = 20;
/// Height the table may take on a page after the first (no chart there), millimetres:
/// from below its headings (47.6 mm from the top) to above the foot.
pub(super) const LATER_PAGE_TABLE_MM: f32 = 225.0;
/// The chart's centre (across) and radius (the horizon), millimetres; it sits below the
/// table, at most this low.
pub(super) const CHART_X_MM: f32 = 72.0;
pub(super) const CHART_LOWEST_Y_MM: f32 = 212.0;
pub(super) const CHART_R_MM: f32 = 55.0;

/// Colours of the page: dark ink on white paper.
pub(super) fn ink() -> Color {
    Color::Rgb(Rgb::new(0.08, 0.08, 0.1, None))
}
pub(super) fn grey() -> Color {
    Color::Rgb(Rgb::new(0.45, 0.45, 0.5, None))
}
pub(super) fn light() -> Color {
    Color::Rgb(Rgb::new(0.78, 0.78, 0.82, None))
}
pub(super) fn path_colour() -> Color {
    Color::Rgb(Rgb::new(0.75, 0.2, 0.05, None))
}

/// Marks on one page, in millimetres from the top left.
pub(super) struct Page {
    pub(super) ops: Vec<Op>,
    pub(super) text_fonts: PdfFontFamily,
    pub(super) mono_fonts: PdfFontFamily,
}

impl Page {
    pub(super) fn point(x_mm: f32, y_mm: f32) -> Point {
        Point::new(Mm(x_mm), Mm(PAGE_H_MM - y_mm))
    }

    /// Straight-edged PDF points of a path given in millimetres from the top left.
    fn line_points(points: &[(f32, f32)]) -> Vec<LinePoint> {
        points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: Self::point(x, y),
                bezier: false,
            })
            .collect()
    }

    /// Text with its baseline at (x, y), in the proportional (or monospaced) fonts: each
    /// run in the first font that has its characters (Hangul in the Hangul font).
    pub(super) fn text(
        &mut self,
        x_mm: f32,
        y_mm: f32,
        size_pt: f32,
        mono: bool,
        colour: Color,
        text: &str,
    ) {
        let fonts = if mono {
            &self.mono_fonts
        } else {
            &self.text_fonts
        };
        let runs = fonts.show_text(size_pt, text);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: colour },
            Op::SetTextCursor {
                pos: Self::point(x_mm, y_mm),
            },
        ]);
        self.ops.extend(runs);
        self.ops.push(Op::EndTextSection);
    }

    /// Width of `text` at `size_pt` in the text fonts, millimetres, from the fonts' own
    /// advances (what [`Self::text`] prints).
    pub(super) fn text_width_mm(&self, text: &str, size_pt: f32) -> f32 {
        self.text_fonts.width_em(text) * size_pt * 0.3528
    }

    /// A paragraph wrapped to `width_mm`; returns the y below its last line.
    pub(super) fn paragraph(
        &mut self,
        x_mm: f32,
        y_mm: f32,
        width_mm: f32,
        size_pt: f32,
        colour: &Color,
        text: &str,
    ) -> f32 {
        let line_mm = size_pt * 0.3528 * 1.35;
        let mut y = y_mm;
        for line in wrap(text, width_mm, size_pt) {
            self.text(x_mm, y, size_pt, false, colour.clone(), &line);
            y += line_mm;
        }
        y
    }

    /// A polyline, solid or dashed.
    pub(super) fn line(
        &mut self,
        points: &[(f32, f32)],
        width_pt: f32,
        colour: Color,
        dashed: bool,
    ) {
        if points.len() < 2 {
            return;
        }
        self.ops.extend([
            Op::SetOutlineColor { col: colour },
            Op::SetOutlineThickness { pt: Pt(width_pt) },
            Op::SetLineDashPattern {
                dash: if dashed {
                    LineDashPattern::new(0.0, &[3.0, 2.5])
                } else {
                    LineDashPattern::solid()
                },
            },
            Op::DrawLine {
                line: Line {
                    points: Self::line_points(points),
                    is_closed: false,
                },
            },
        ]);
    }

    /// A circle of radius `r_mm`, filled or outlined.
    pub(super) fn circle(
        &mut self,
        x_mm: f32,
        y_mm: f32,
        r_mm: f32,
        colour: Color,
        filled: bool,
        width_pt: f32,
    ) {
        let n = (r_mm * 6.0).clamp(12.0, 180.0) as usize;
        let points: Vec<(f32, f32)> = (0..=n)
            .map(|i| {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                (x_mm + r_mm * a.cos(), y_mm + r_mm * a.sin())
            })
            .collect();
        if filled {
            self.ops.extend([
                Op::SetFillColor { col: colour },
                Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: Self::line_points(&points),
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                },
            ]);
        } else {
            self.line(&points, width_pt, colour, false);
        }
    }
}

/// Width of `text` at `size_pt` in the text font, millimetres: an estimate from the
/// average advance of Ubuntu Light (about 0.5 em) and of a Hangul syllable
/// ([`crate::fonts::estimated_width_em`]), enough to centre and wrap.
pub(super) fn text_width_mm(text: &str, size_pt: f32) -> f32 {
    crate::fonts::estimated_width_em(text) * size_pt * 0.3528
}

/// `text` cut into lines of at most `width_mm` at `size_pt`, at spaces.
pub(super) fn wrap(text: &str, width_mm: f32, size_pt: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width_mm(&candidate, size_pt) > width_mm && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
