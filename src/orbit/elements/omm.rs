//! The CCSDS OMM keywords CelesTrak publishes, and one record's text values turned into
//! `sgp4` elements: the same rules for the CSV and the JSON form (numbers may be given as
//! text, an epoch may end in `Z`, a number out of range names its keyword).

use std::borrow::Cow;

use chrono::NaiveDateTime;

/// The OMM keywords read from a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    ObjectName,
    ObjectId,
    NoradCatId,
    ClassificationType,
    Epoch,
    MeanMotion,
    Eccentricity,
    Inclination,
    RaOfAscNode,
    ArgOfPericenter,
    MeanAnomaly,
    Bstar,
    MeanMotionDot,
    MeanMotionDdot,
    ElementSetNo,
    RevAtEpoch,
    EphemerisType,
}

impl Key {
    /// Every keyword, in [`Key::index`] order.
    pub(super) const ALL: [Key; 17] = [
        Key::ObjectName,
        Key::ObjectId,
        Key::NoradCatId,
        Key::ClassificationType,
        Key::Epoch,
        Key::MeanMotion,
        Key::Eccentricity,
        Key::Inclination,
        Key::RaOfAscNode,
        Key::ArgOfPericenter,
        Key::MeanAnomaly,
        Key::Bstar,
        Key::MeanMotionDot,
        Key::MeanMotionDdot,
        Key::ElementSetNo,
        Key::RevAtEpoch,
        Key::EphemerisType,
    ];

    /// The keyword as written in OMM.
    pub(super) fn name(self) -> &'static str {
        match self {
            Key::ObjectName => "OBJECT_NAME",
            Key::ObjectId => "OBJECT_ID",
            Key::NoradCatId => "NORAD_CAT_ID",
            Key::ClassificationType => "CLASSIFICATION_TYPE",
            Key::Epoch => "EPOCH",
            Key::MeanMotion => "MEAN_MOTION",
            Key::Eccentricity => "ECCENTRICITY",
            Key::Inclination => "INCLINATION",
            Key::RaOfAscNode => "RA_OF_ASC_NODE",
            Key::ArgOfPericenter => "ARG_OF_PERICENTER",
            Key::MeanAnomaly => "MEAN_ANOMALY",
            Key::Bstar => "BSTAR",
            Key::MeanMotionDot => "MEAN_MOTION_DOT",
            Key::MeanMotionDdot => "MEAN_MOTION_DDOT",
            Key::ElementSetNo => "ELEMENT_SET_NO",
            Key::RevAtEpoch => "REV_AT_EPOCH",
            Key::EphemerisType => "EPHEMERIS_TYPE",
        }
    }

    /// Position in [`Key::ALL`].
    pub(super) fn index(self) -> usize {
        self as usize
    }

    /// The keyword named `text` (any case, blanks around it ignored).
    pub(super) fn find(text: &str) -> Option<Key> {
        let text = text.trim();
        Key::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(text))
    }

    /// Keywords without which a record cannot be propagated; the others default.
    pub(super) fn is_required(self) -> bool {
        matches!(
            self,
            Key::NoradCatId
                | Key::Epoch
                | Key::MeanMotion
                | Key::Eccentricity
                | Key::Inclination
                | Key::RaOfAscNode
                | Key::ArgOfPericenter
                | Key::MeanAnomaly
                | Key::Bstar
        )
    }
}

/// One record's values by keyword (index [`Key::index`]), as text; `None` where absent.
pub(super) type Values<'a> = [Option<Cow<'a, str>>; 17];

/// The value of `key`, trimmed, when present and not empty.
fn get<'v>(values: &'v Values<'_>, key: Key) -> Option<&'v str> {
    values
        .get(key.index())
        .and_then(Option::as_deref)
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The name or catalog number of a record, for messages about it.
pub(super) fn object_of(values: &Values<'_>) -> Option<String> {
    get(values, Key::ObjectName)
        .or_else(|| get(values, Key::NoradCatId))
        .map(str::to_owned)
}

/// A short quote of a value for a message.
fn quote(text: &str) -> String {
    crate::text::clean(text, 40)
}

fn required<'v>(values: &'v Values<'_>, key: Key) -> Result<&'v str, String> {
    get(values, key).ok_or_else(|| format!("no {} value", key.name()))
}

fn float(values: &Values<'_>, key: Key) -> Result<f64, String> {
    let text = match get(values, key) {
        Some(text) => text,
        None if key.is_required() => return Err(format!("no {} value", key.name())),
        None => return Ok(0.0),
    };
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!(
            "{} {} is not a finite number (out of range)",
            key.name(),
            quote(text)
        )),
        Err(_) => Err(format!("{} {:?} is not a number", key.name(), quote(text))),
    }
}

fn whole(values: &Values<'_>, key: Key) -> Result<u64, String> {
    let text = match get(values, key) {
        Some(text) => text,
        None if key.is_required() => return Err(format!("no {} value", key.name())),
        None => return Ok(0),
    };
    text.parse::<u64>()
        .map_err(|_| format!("{} {:?} is not a whole number", key.name(), quote(text)))
}

/// An OMM epoch: `2026-08-22T12:30:24.433632` (UTC, as CelesTrak writes it), also with a
/// `Z` or a UTC offset (ISO 8601 as many tools write it) or a space for the `T`.
fn epoch(values: &Values<'_>) -> Result<NaiveDateTime, String> {
    let text = required(values, Key::Epoch)?;
    let plain = text.strip_suffix(['Z', 'z']).unwrap_or(text);
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(plain, format) {
            return Ok(t);
        }
    }
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.naive_utc())
        .map_err(|_| {
            format!(
                "EPOCH {:?} is not a date and time (expected e.g. 2026-08-22T12:30:24.433632, UTC)",
                quote(text)
            )
        })
}

/// The `sgp4` elements of one record, or why it cannot be used.
pub(super) fn elements(values: &Values<'_>) -> Result<sgp4::Elements, String> {
    let classification = match get(values, Key::ClassificationType) {
        Some("C") => sgp4::Classification::Classified,
        Some("S") => sgp4::Classification::Secret,
        _ => sgp4::Classification::Unclassified,
    };
    let ephemeris_type = whole(values, Key::EphemerisType)?;
    Ok(sgp4::Elements {
        object_name: get(values, Key::ObjectName).map(str::to_owned),
        international_designator: get(values, Key::ObjectId).map(str::to_owned),
        norad_id: whole(values, Key::NoradCatId)?,
        classification,
        datetime: epoch(values)?,
        mean_motion_dot: float(values, Key::MeanMotionDot)?,
        mean_motion_ddot: float(values, Key::MeanMotionDdot)?,
        drag_term: float(values, Key::Bstar)?,
        element_set_number: whole(values, Key::ElementSetNo)?,
        inclination: float(values, Key::Inclination)?,
        right_ascension: float(values, Key::RaOfAscNode)?,
        eccentricity: float(values, Key::Eccentricity)?,
        argument_of_perigee: float(values, Key::ArgOfPericenter)?,
        mean_anomaly: float(values, Key::MeanAnomaly)?,
        mean_motion: float(values, Key::MeanMotion)?,
        revolution_number: whole(values, Key::RevAtEpoch)?,
        ephemeris_type: u8::try_from(ephemeris_type).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(Key, &'static str)]) -> Values<'static> {
        let mut v: Values<'static> = Default::default();
        for &(k, text) in pairs {
            v[k.index()] = Some(Cow::Borrowed(text));
        }
        v
    }

    #[test]
    fn keys_are_in_index_order() {
        for (i, k) in Key::ALL.into_iter().enumerate() {
            assert_eq!(k.index(), i);
            assert_eq!(Key::find(&k.name().to_lowercase()), Some(k));
        }
    }

    #[test]
    fn epochs_with_z_offsets_and_spaces_are_read_as_utc() {
        let want =
            NaiveDateTime::parse_from_str("2026-08-22T12:30:24.5", "%Y-%m-%dT%H:%M:%S%.f").unwrap();
        for text in [
            "2026-08-22T12:30:24.5",
            "2026-08-22T12:30:24.5Z",
            "2026-08-22 12:30:24.5",
            "2026-08-22T14:30:24.5+02:00",
        ] {
            assert_eq!(epoch(&values(&[(Key::Epoch, text)])), Ok(want), "{text}");
        }
        let e = epoch(&values(&[(Key::Epoch, "yesterday")])).unwrap_err();
        assert!(e.starts_with("EPOCH \"yesterday\" is not a date"), "{e}");
    }

    #[test]
    fn a_number_out_of_range_names_its_keyword() {
        let e = float(&values(&[(Key::MeanMotion, "1e400")]), Key::MeanMotion).unwrap_err();
        assert_eq!(e, "MEAN_MOTION 1e400 is not a finite number (out of range)");
        let e = float(&values(&[]), Key::Bstar).unwrap_err();
        assert_eq!(e, "no BSTAR value");
        assert_eq!(float(&values(&[]), Key::MeanMotionDdot), Ok(0.0));
    }
}
