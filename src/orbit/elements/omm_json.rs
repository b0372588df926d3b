//! OMM JSON: an array of records (or one record), read as a stream.
//!
//! The array is walked by a visitor that takes each element as raw text (a borrowed
//! `RawValue`: no copy, no tree of values, numbers not even converted), and each record
//! is then read on its own into the OMM keywords. So a record with `"MEAN_MOTION": 1e400`,
//! a record that is not an object (`[1, 2, 3]`, `[{}, {}]`) or one missing a keyword is
//! skipped and counted like any other bad record, and memory stays that of one record.
//! Only text that is not JSON at all (or is cut off) refuses the whole file: there is no
//! telling where the next record would start.

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::omm::{self, Key, Values};
use super::{Collector, ElementsError};

/// Reads the records of an OMM JSON text into `out`.
pub(super) fn read(text: &str, out: &mut Collector<'_>) -> Result<(), ElementsError> {
    let bad_json = |e: serde_json::Error, source_name: &str| ElementsError::BadJson {
        source_name: source_name.to_owned(),
        message: crate::text::clean(&e.to_string(), 2 * crate::text::EXCERPT_CHARS),
    };
    if text.trim_start().starts_with('{') {
        // One record on its own; it must still be JSON throughout.
        if let Err(e) = serde_json::from_str::<IgnoredAny>(text) {
            return Err(bad_json(e, out.source_name));
        }
        record(text, 1, out);
        return Ok(());
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = de
        .deserialize_seq(Records { out: &mut *out })
        .and_then(|()| de.end());
    match walked {
        // Stopped on purpose (a million unusable records in a row): the rest is unread.
        Err(_) if out.should_stop() => Ok(()),
        other => other.map_err(|e| bad_json(e, out.source_name)),
    }
}

/// Walks the top-level array, handing each element's raw text to [`record`].
struct Records<'c, 'n> {
    out: &'c mut Collector<'n>,
}

impl<'de> Visitor<'de> for Records<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of OMM records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut number = 0_usize;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            number += 1;
            record(raw.get(), number, self.out);
            if self.out.should_stop() {
                // Leaves the array unfinished; `read` knows why.
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

/// Reads one record (the JSON text of one array element) into `out`.
fn record(json: &str, number: usize, out: &mut Collector<'_>) {
    let location = move || format!("record {number}");
    // Anything but an object is told by its first character, without parsing it again
    // (an array of 30 million numbers is 30 million skips, quickly).
    let not_object = match json.trim_start().as_bytes().first() {
        Some(b'{') => None,
        Some(b'[') => Some("an array"),
        Some(b'"') => Some("a string"),
        Some(b't' | b'f') => Some("true or false"),
        Some(b'n') => Some("null"),
        _ => Some("a number"),
    };
    if let Some(what) = not_object {
        out.skip(location, None, || not_an_object(what));
        return;
    }
    let mut de = serde_json::Deserializer::from_str(json);
    match de.deserialize_any(Fields) {
        Ok(Ok(values)) => match omm::elements(&values) {
            Ok(elements) => out.candidate(location, elements),
            Err(reason) => out.skip(location, omm::object_of(&values).as_deref(), || reason),
        },
        Ok(Err(reason)) => out.skip(location, None, || reason),
        Err(e) => out.skip(location, None, || format!("not a usable OMM record: {e}")),
    }
}

/// Reads a record's keywords as text: a string's contents, or a number's digits as
/// written (so `1e400` is judged later, by keyword). Anything but an object is a reason
/// to skip the record.
struct Fields;

impl<'de> Visitor<'de> for Fields {
    type Value = Result<Values<'de>, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OMM record (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values: Values<'de> = Default::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let Some(key) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let raw = map.next_value::<&'de RawValue>()?;
            let Some(slot) = values.get_mut(key.index()) else {
                continue;
            };
            if slot.is_some() {
                return Ok(Err(format!(
                    "the record names {} twice, so which value is meant is ambiguous",
                    key.name()
                )));
            }
            *slot = value_text(raw.get());
        }
        Ok(Ok(values))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Err(not_an_object("an array")))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("a string")))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("true or false")))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("a number")))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("a number")))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("a number")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(not_an_object("null")))
    }
}

fn not_an_object(what: &str) -> String {
    format!("{what}, not an OMM record (a JSON object)")
}

/// The text of one raw JSON value: a string's contents (unescaped), `None` for `null`,
/// anything else as written.
fn value_text(raw: &str) -> Option<Cow<'_, str>> {
    let raw = raw.trim();
    if raw == "null" {
        return None;
    }
    if raw.starts_with('"') {
        return serde_json::from_str::<Cow<'_, str>>(raw).ok();
    }
    Some(Cow::Borrowed(raw))
}

/// Reads an object key as the OMM keyword it names, `None` for any other key.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<Key>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Option<Key>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OMM keyword")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Key::ALL.into_iter().find(|k| k.name() == key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_numbers_as_written_and_unescape_strings() {
        assert_eq!(value_text("1e400").as_deref(), Some("1e400"));
        assert_eq!(value_text(r#""ISS \"Z\"""#).as_deref(), Some(r#"ISS "Z""#));
        assert_eq!(value_text("null"), None);
    }
}
