//! Two-line and three-line element sets, read line by line.

use super::Collector;
use super::lines::Lines;

/// The TLE mod-10 checksum of the first 68 characters: digits count their value, `-` counts 1.
fn tle_checksum(line: &[u8]) -> u32 {
    line.iter()
        .take(68)
        .map(|&c| match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'-' => 1,
            _ => 0,
        })
        .sum::<u32>()
        % 10
}

/// Checks one element line's length, characters and checksum before handing it to `sgp4`.
fn check_tle_line(line: &str, which: u8) -> Result<(), String> {
    let bytes = line.as_bytes();
    if !line.is_ascii() {
        return Err(format!("line {which} has non-ASCII characters"));
    }
    if bytes.len() != 69 {
        return Err(format!(
            "line {which} is {} characters long, not 69",
            bytes.len()
        ));
    }
    let expected = match bytes.get(68) {
        Some(c @ b'0'..=b'9') => u32::from(c - b'0'),
        _ => return Err(format!("line {which} has no checksum digit in column 69")),
    };
    let actual = tle_checksum(bytes);
    if actual != expected {
        return Err(format!(
            "bad checksum on line {which} (column 69 says {expected}, the line sums to {actual})"
        ));
    }
    Ok(())
}

/// Checks the epoch's day of the year (columns 21–32 of line 1): from 1 to the year's
/// last day (366 in a leap year), fraction included. The `sgp4` crate calls any other day
/// "an error in the year".
fn check_day_of_year(line1: &str) -> Result<(), String> {
    let (Some(year_text), Some(day_text)) = (line1.get(18..20), line1.get(20..32)) else {
        return Ok(());
    };
    // A malformed year or day is left to the `sgp4` crate's own message.
    let (Ok(year), Ok(day)) = (
        year_text.trim().parse::<i32>(),
        day_text.trim().parse::<f64>(),
    ) else {
        return Ok(());
    };
    // Two-digit years: 57–99 are 1957–1999, 00–56 are 2000–2056.
    let year = if year < 57 { 2000 + year } else { 1900 + year };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_year = if leap { 366.0 } else { 365.0 };
    if (1.0..days_in_year + 1.0).contains(&day) {
        Ok(())
    } else {
        Err(format!(
            "bad day of year {} in the epoch (columns 21–32 of line 1): {year} has days 1 to {days_in_year}",
            day_text.trim()
        ))
    }
}

/// Cuts an element line to its 69 columns. Some files (e.g. Vallado's test set) append
/// extra columns after a space; trailing blanks are also dropped.
fn element_line(raw: &str) -> &str {
    let line = raw.trim_end();
    match line.get(..69) {
        Some(head) if line.len() > 69 && line[69..].starts_with(char::is_whitespace) => head,
        _ => line,
    }
}

/// Older element sets leave the classification (column 8) and ephemeris type (column 63)
/// blank; they mean "U" and "0". Neither change alters the checksum (letters and blanks
/// count zero, and so does the digit 0).
fn fill_blank_line1_fields(line1: &str) -> Vec<u8> {
    let mut bytes = line1.as_bytes().to_vec();
    if let Some(c @ b' ') = bytes.get_mut(7) {
        *c = b'U';
    }
    if let Some(c @ b' ') = bytes.get_mut(62) {
        *c = b'0';
    }
    bytes
}

fn looks_like_line(line: &str, digit: char) -> bool {
    let mut chars = line.chars();
    chars.next() == Some(digit) && chars.next() == Some(' ')
}

/// The catalog number of an element line (columns 3–7), for messages.
fn line_id(line: &str) -> Option<&str> {
    line.get(2..7).map(str::trim)
}

/// Reads the element sets of a TLE text into `out`, one line at a time.
pub(super) fn read(text: &str, out: &mut Collector<'_>) {
    let mut lines = Lines::new(text)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .peekable();
    // A name line waiting for its element lines: its number and text.
    let mut pending_name: Option<(usize, &str)> = None;
    let orphan_name = |out: &mut Collector<'_>, (n, name): (usize, &str)| {
        out.skip(
            || format!("line {n}"),
            Some(name),
            || "a name with no element lines after it".to_owned(),
        );
    };
    while let Some((number, raw)) = lines.next() {
        if out.should_stop() {
            return;
        }
        let line = element_line(raw);
        if looks_like_line(line, '1') {
            let name = pending_name.take();
            let object = name.map(|(_, n)| n).or_else(|| line_id(line));
            let location_number = name.map_or(number, |(n, _)| n);
            let location = move || format!("line {location_number}");
            let Some(&(_, raw2)) = lines
                .peek()
                .filter(|(_, raw2)| looks_like_line(element_line(raw2), '2'))
            else {
                out.skip(location, object, || {
                    "line 1 is not followed by line 2".to_owned()
                });
                continue;
            };
            lines.next();
            let line2 = element_line(raw2);
            let checked = check_tle_line(line, 1)
                .and_then(|()| check_tle_line(line2, 2))
                .and_then(|()| check_day_of_year(line));
            if let Err(reason) = checked {
                out.skip(location, object, || reason);
                continue;
            }
            let name = name.map(|(_, n)| n.trim().to_owned());
            let line1 = fill_blank_line1_fields(line);
            match sgp4::Elements::from_tle(name, &line1, line2.as_bytes()) {
                Ok(elements) => out.candidate(location, elements),
                Err(e) => out.skip(location, object, || e.to_string()),
            }
        } else if looks_like_line(line, '2') {
            out.skip(
                || format!("line {number}"),
                line_id(line),
                || "line 2 without a line 1 before it".to_owned(),
            );
            pending_name = None;
        } else {
            if let Some(waiting) = pending_name.take() {
                orphan_name(out, waiting);
            }
            // Three-line sets sometimes prefix the name with "0 ".
            let name = raw.strip_prefix("0 ").unwrap_or(raw).trim();
            pending_name = Some((number, name));
        }
    }
    if let Some(waiting) = pending_name
        && !out.should_stop()
    {
        orphan_name(out, waiting);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_of_year_zero_or_past_the_year_is_named() {
        let line1 =
            |day: &str| format!("1 25544U 98067A   26{day}  .00009133  00000+0  17025-3 0  9997");
        assert!(check_day_of_year(&line1("234.50053383")).is_ok());
        assert!(check_day_of_year(&line1("365.99999999")).is_ok());
        for bad in [
            "000.50053383",
            "366.50053383",
            "367.00000000",
            "999.00000000",
        ] {
            let e = check_day_of_year(&line1(bad)).unwrap_err();
            assert!(e.starts_with("bad day of year"), "{e}");
            assert!(!e.contains("error in the year"), "{e}");
        }
        // 2024 is a leap year: day 366 exists.
        let leap = "1 25544U 98067A   24366.50053383  .00009133  00000+0  17025-3 0  9997";
        assert!(check_day_of_year(leap).is_ok());
    }
}
