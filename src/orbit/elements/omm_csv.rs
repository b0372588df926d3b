//! OMM CSV: a header row of OMM keywords, then one record per row, read row by row.
//!
//! The header must say unambiguously where each keyword is: a keyword named twice (two
//! `NORAD_CAT_ID` columns would collapse every satellite into one), a required keyword
//! missing, or an absurd number of columns refuses the whole file, naming the problem.

use std::borrow::Cow;

use super::lines::Lines;
use super::omm::{self, Key, Values};
use super::{Collector, ElementsError};

/// Most columns a header may have (CelesTrak's has 17; OMM defines about 40 keywords).
const MAX_COLUMNS: usize = 200;

/// The fields of one CSV row, honouring double quotes (`""` inside quotes is a quote),
/// at most `max_fields` of them: `Err(())` when the row has more.
fn split_row(row: &str, max_fields: usize) -> Result<Vec<Cow<'_, str>>, ()> {
    let mut fields = Vec::new();
    let mut rest = row;
    loop {
        if fields.len() == max_fields {
            return Err(());
        }
        let (field, after) = next_field(rest);
        fields.push(field);
        match after {
            Some(after) => rest = after,
            None => return Ok(fields),
        }
    }
}

/// The first field of `text` and what follows its comma (`None` at the end of the row).
fn next_field(text: &str) -> (Cow<'_, str>, Option<&str>) {
    let trimmed = text.trim_start();
    let Some(quoted) = trimmed.strip_prefix('"') else {
        return match text.find(',') {
            Some(comma) => (Cow::Borrowed(&text[..comma]), Some(&text[comma + 1..])),
            None => (Cow::Borrowed(text), None),
        };
    };
    // Inside quotes: up to the closing quote, `""` being one quote.
    let mut value = String::new();
    let mut rest = quoted;
    loop {
        match rest.find('"') {
            Some(q) if rest[q + 1..].starts_with('"') => {
                value.push_str(&rest[..=q]);
                rest = &rest[q + 2..];
            }
            Some(q) => {
                value.push_str(&rest[..q]);
                rest = &rest[q + 1..];
                break;
            }
            None => {
                // An unclosed quote: the rest of the row is the field.
                value.push_str(rest);
                return (Cow::Owned(value), None);
            }
        }
    }
    // Anything between the closing quote and the comma belongs to the field too.
    match rest.find(',') {
        Some(comma) => {
            value.push_str(&rest[..comma]);
            (Cow::Owned(value), Some(&rest[comma + 1..]))
        }
        None => {
            value.push_str(rest);
            (Cow::Owned(value), None)
        }
    }
}

/// Where each keyword's column is, from the header row.
fn columns(header: &str, source_name: &str) -> Result<(Vec<Option<Key>>, usize), ElementsError> {
    let refuse = |problem: String| ElementsError::BadCsvHeader {
        source_name: source_name.to_owned(),
        problem,
    };
    let names = split_row(header.trim_start_matches('\u{feff}'), MAX_COLUMNS)
        .map_err(|()| refuse(format!("the header has more than {MAX_COLUMNS} columns")))?;
    let keys: Vec<Option<Key>> = names.iter().map(|n| Key::find(n)).collect();
    let mut seen: [Option<usize>; 17] = [None; 17];
    for (column, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if let Some(first) = seen[key.index()] {
            return Err(refuse(format!(
                "the header names {} twice (columns {} and {}), so which one is meant is ambiguous",
                key.name(),
                first + 1,
                column + 1
            )));
        }
        seen[key.index()] = Some(column);
    }
    if let Some(missing) = Key::ALL
        .into_iter()
        .find(|k| k.is_required() && seen[k.index()].is_none())
    {
        return Err(refuse(format!(
            "the header has no {} column",
            missing.name()
        )));
    }
    let count = keys.len();
    Ok((keys, count))
}

/// Reads the records of an OMM CSV text into `out`, one row at a time.
pub(super) fn read(text: &str, out: &mut Collector<'_>) -> Result<(), ElementsError> {
    let mut lines = Lines::new(text);
    let Some((_, header)) = lines.next() else {
        return Ok(());
    };
    let (keys, count) = columns(header, out.source_name)?;
    for (number, line) in lines {
        if out.should_stop() {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let location = move || format!("line {number}");
        let fields = match split_row(line, count) {
            Ok(fields) if fields.len() == count => fields,
            Ok(fields) => {
                let found = fields.len();
                out.skip(location, None, || {
                    format!("{found} fields where the header has {count}")
                });
                continue;
            }
            Err(()) => {
                out.skip(location, None, || {
                    format!("more fields than the header's {count}")
                });
                continue;
            }
        };
        let mut values: Values<'_> = Default::default();
        for (key, field) in keys.iter().zip(fields) {
            if let Some(key) = key
                && let Some(slot) = values.get_mut(key.index())
            {
                *slot = Some(field);
            }
        }
        match omm::elements(&values) {
            Ok(elements) => out.candidate(location, elements),
            Err(reason) => out.skip(location, omm::object_of(&values).as_deref(), || reason),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_commas_and_doubled_quotes() {
        let fields = split_row(r#"a,"b, ""c""",d"#, 10).unwrap();
        assert_eq!(fields, ["a", r#"b, "c""#, "d"]);
        assert_eq!(split_row("", 10).unwrap(), [""]);
        assert!(split_row(&",".repeat(1000), 17).is_err());
    }

    #[test]
    fn a_header_naming_a_keyword_twice_is_refused_by_name() {
        let e = columns("OBJECT_NAME,NORAD_CAT_ID,EPOCH,norad_cat_id", "x").unwrap_err();
        assert!(
            e.to_string()
                .contains("names NORAD_CAT_ID twice (columns 2 and 4)"),
            "{e}"
        );
    }
}
