//! The lines of a text, whatever ends them: LF (Unix), CR LF (Windows, CelesTrak) or a
//! lone CR (old Mac files), numbered from 1, one at a time (a 64 MiB file is never split
//! into a list of its lines).

/// Iterator over `(line number, line)` of a text, without the line ends. A text ending
/// with a line end has no empty last line.
pub(super) struct Lines<'a> {
    rest: &'a str,
    number: usize,
}

impl<'a> Lines<'a> {
    /// The lines of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            rest: text,
            number: 0,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        self.number += 1;
        // A byte search: CR and LF are ASCII, so never inside a multi-byte character.
        let bytes = self.rest.as_bytes();
        let (line, after) = match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(end) => {
                let ending = if bytes.get(end..end + 2) == Some(b"\r\n") {
                    2
                } else {
                    1
                };
                (&self.rest[..end], end + ending)
            }
            None => (self.rest, self.rest.len()),
        };
        self.rest = &self.rest[after..];
        Some((self.number, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_end_splits_lines() {
        let lines: Vec<_> = Lines::new("a\r\nb\rc\nd").collect();
        assert_eq!(lines, [(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let lines: Vec<_> = Lines::new("a\n\nb\n").collect();
        assert_eq!(lines, [(1, "a"), (2, ""), (3, "b")]);
        assert_eq!(Lines::new("").count(), 0);
        assert_eq!(Lines::new("\r\r").count(), 2);
    }
}
