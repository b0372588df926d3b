//! Making outside text safe to show or write: the one helper every output point uses.
//!
//! Satellite names, server answers, the lines of a bad file and the messages built from
//! them can hold anything: terminal escape sequences (ESC, BEL) that recolour or retitle
//! the user's terminal, line breaks that split a table row, a CSV record or an iCalendar
//! property, NUL bytes (a UTF-16 file read as UTF-8), bidirectional overrides that make
//! text read backwards, or a megabyte on one line. [`clean`] turns any of it into one
//! short, printable line. [`number`] writes a number as a reader expects it, so that
//! `1e308` is not spelt out in 309 digits.
//!
//! This module depends on nothing else in the crate, so [`crate::orbit`] may use it too.

/// Characters of outside text quoted in a message (a server's error page, a file's line).
pub const EXCERPT_CHARS: usize = 120;

/// Characters kept of a satellite name (CelesTrak's longest are under 30).
pub const NAME_CHARS: usize = 80;

/// Characters kept of a whole message line (an error with its causes).
pub const MESSAGE_CHARS: usize = 2000;

/// `text` as one printable line of at most `max_chars` characters.
///
/// - Every run of whitespace (line breaks, tabs, any Unicode space) becomes one space, and
///   the ends are trimmed.
/// - Every other control character (C0, DEL, C1, such as ESC and BEL) and every
///   bidirectional-formatting character becomes `�` (U+FFFD), so it can neither act on the
///   terminal nor hide: the reader sees that something was there.
/// - Text longer than `max_chars` is cut, ending in `…` (so the result has at most
///   `max_chars` characters).
///
/// ```
/// use overhead::text::clean;
/// assert_eq!(clean("ISS\r\n(ZARYA)\t ", 80), "ISS (ZARYA)");
/// assert_eq!(clean("RED\u{1b}[31m", 80), "RED�[31m");
/// assert_eq!(clean("abcdef", 4), "abc…");
/// ```
pub fn clean(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)));
    let mut chars = 0_usize;
    let mut pending_space = false;
    let mut cut = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = chars > 0;
            continue;
        }
        let shown = if c.is_control() || is_bidi_control(c) {
            char::REPLACEMENT_CHARACTER
        } else {
            c
        };
        let needed = usize::from(pending_space) + 1;
        if chars + needed > max_chars {
            cut = true;
            break;
        }
        if pending_space {
            out.push(' ');
            chars += 1;
            pending_space = false;
        }
        out.push(shown);
        chars += 1;
    }
    if cut {
        // Make room for the ellipsis within the limit.
        while chars + 1 > max_chars {
            if out.pop().is_none() {
                break;
            }
            chars -= 1;
        }
        let trimmed_len = out.trim_end().len();
        out.truncate(trimmed_len);
        if max_chars > 0 {
            out.push('…');
        }
    }
    out
}

/// The bidirectional embedding, override and isolate characters (Unicode's "Trojan Source"
/// set) and the marks that reorder text around them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// `x` as a reader expects it: plain decimals for everyday sizes, scientific notation for
/// the very large and the very small (`1e308`, not 309 digits).
///
/// ```
/// use overhead::text::number;
/// assert_eq!(number(51.6416), "51.6416");
/// assert_eq!(number(1e308), "1e308");
/// assert_eq!(number(-2.5e-9), "-2.5e-9");
/// assert_eq!(number(f64::NAN), "NaN");
/// ```
pub fn number(x: f64) -> String {
    let magnitude = x.abs();
    if !x.is_finite() || x == 0.0 || (1e-4..1e6).contains(&magnitude) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// How many terminal columns `text` takes (Hangul and other wide characters take two;
/// a column of a monospaced font likewise).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `width` terminal columns (left-aligned).
pub fn pad_end(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// Spaces then `text`, up to `width` terminal columns (right-aligned).
pub fn pad_start(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{}{text}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_escapes_cannot_reach_the_terminal() {
        let hostile = "A\u{1b}]0;pwned\u{7}B\r\nC\u{0}D\u{202e}E\u{9b}";
        let shown = clean(hostile, 80);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(!shown.contains('\u{202e}'));
        assert_eq!(shown, "A�]0;pwned�B C�D�E�");
    }

    #[test]
    fn long_text_is_cut_to_the_limit_with_an_ellipsis() {
        let long = "x".repeat(1_000_000);
        let shown = clean(&long, EXCERPT_CHARS);
        assert_eq!(shown.chars().count(), EXCERPT_CHARS);
        assert!(shown.ends_with('…'));
        assert_eq!(clean("", 10), "");
        assert_eq!(clean("abc", 0), "");
        assert_eq!(clean("ab cd", 3), "ab…");
    }
}
