//! The second stage of reading the command line: judging what clap read.
//!
//! clap turns each argument into a value of the right type (stage one, the `*Args`
//! structs): any `f64`, including `NaN`, `inf` and `-20000`, so that a negative number is
//! read as a number and not as an unknown option. The functions here (stage two) accept a
//! value only when it is finite and inside its documented range, and otherwise say which
//! argument, what was given and what range it must lie in. Nothing here panics on any
//! input (see the property tests in `tests/cli.rs`).

use crate::text::number;

/// A closed range of numbers (or half-open at the bottom), with its unit, for messages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// When true, `min` itself is not allowed ("more than 0").
    pub min_excluded: bool,
    /// Unit in words, e.g. `"degrees"`.
    pub unit: &'static str,
}

impl Range {
    const fn closed(min: f64, max: f64, unit: &'static str) -> Self {
        Self {
            min,
            max,
            min_excluded: false,
            unit,
        }
    }

    /// True when `value` is finite and inside the range.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && value <= self.max
            && (value > self.min || (!self.min_excluded && value == self.min))
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // In the thread's language: "from -90 to 90 degrees", "-90부터 90까지(도)".
        f.write_str(&crate::t!(
            "cli-range",
            kind = if self.min_excluded { "open" } else { "closed" },
            min = number(self.min),
            max = number(self.max),
            unit = crate::t!("cli-unit", unit = self.unit)
        ))
    }
}

/// `--lat`: geodetic latitude, north positive.
pub const LATITUDE_DEG: Range = Range::closed(-90.0, 90.0, "degrees");
/// `--lon`: longitude, east positive.
pub const LONGITUDE_DEG: Range = Range::closed(-180.0, 180.0, "degrees");
/// `--alt-m`: height above the WGS-84 ellipsoid (the same range as a saved observer:
/// below the Dead Sea shore to above any mountain).
pub const ALTITUDE_M: Range = Range::closed(
    crate::settings::ALTITUDE_MIN_M,
    crate::settings::ALTITUDE_MAX_M,
    "metres",
);
/// `--days`: length of the search window.
pub const DAYS: Range = Range {
    min: 0.0,
    max: 366.0,
    min_excluded: true,
    unit: "days",
};
/// `--horizon-deg`, `--min-elevation-deg`, `--visible-elevation-deg`,
/// `--max-sun-elevation-deg`: elevations.
pub const ELEVATION_DEG: Range = Range::closed(
    crate::settings::ELEVATION_MIN_DEG,
    crate::settings::ELEVATION_MAX_DEG,
    "degrees",
);
/// `passes --max-magnitude`: a limiting magnitude, from the brightest planets' (a sky that
/// shows nothing fainter than Venus) to a large telescope's.
pub const LIMITING_MAGNITUDE: Range = Range::closed(-5.0, 20.0, "(visual magnitude)");
/// `transits --radius-km`: how far from the place a transit's centre line may pass.
pub const RADIUS_KM: Range = Range::closed(0.0, crate::orbit::transit::MAX_RADIUS_KM, "km");
/// `overhead fetch --catnr`: CelesTrak catalog numbers have at most nine digits.
pub const CATALOG_NUMBER: (u64, u64) = (1, 999_999_999);

/// An argument that cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ArgError {
    /// A number that is not finite or lies outside its range.
    #[error("{}", crate::t!(
        "cli-arg-out-of-range",
        arg = *arg,
        value = number(*value),
        finite = if value.is_finite() { "yes" } else { "no" },
        range = range.to_string()
    ))]
    OutOfRange {
        /// The argument, e.g. `"--lon"`.
        arg: &'static str,
        /// What was given.
        value: f64,
        /// What is allowed.
        range: Range,
    },
    /// A whole number outside its range.
    #[error("{}", crate::t!(
        "cli-arg-whole-out-of-range",
        arg = *arg,
        value = value.to_string(),
        min = min.to_string(),
        max = max.to_string()
    ))]
    WholeOutOfRange {
        /// The argument.
        arg: &'static str,
        /// What was given.
        value: u64,
        /// Lowest allowed.
        min: u64,
        /// Highest allowed.
        max: u64,
    },
    /// Text that is empty (or only blanks) where some is needed.
    #[error("{}", crate::t!("cli-arg-empty", arg = *arg))]
    Empty {
        /// The argument.
        arg: &'static str,
    },
    /// `--city` names no bundled place.
    #[error("{}", crate::t!("cli-unknown-city", name = format!("{name:?}")))]
    UnknownCity {
        /// What was given.
        name: String,
    },
}

/// `value` when it is finite and inside `range`, else an error naming `arg`.
pub fn check_number(arg: &'static str, value: f64, range: Range) -> Result<f64, ArgError> {
    if range.contains(value) {
        Ok(value)
    } else {
        Err(ArgError::OutOfRange { arg, value, range })
    }
}

/// `value` when it lies in `min..=max`, else an error naming `arg`.
pub fn check_whole(arg: &'static str, value: u64, (min, max): (u64, u64)) -> Result<u64, ArgError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ArgError::WholeOutOfRange {
            arg,
            value,
            min,
            max,
        })
    }
}

/// `text` trimmed, when something is left, else an error naming `arg`.
pub fn check_text<'a>(arg: &'static str, text: &'a str) -> Result<&'a str, ArgError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(ArgError::Empty { arg })
    } else {
        Ok(trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_names_the_argument_the_value_and_the_range() {
        let e = check_number("--lon", 300.0, LONGITUDE_DEG).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--lon 300 is out of range; it must be from -180 to 180 degrees"
        );
        let e = check_number("--alt-m", f64::NAN, ALTITUDE_M).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("--alt-m NaN is not a finite number"),
            "{e}"
        );
        let e = check_number("--days", 0.0, DAYS).unwrap_err();
        let ko = crate::i18n::with_language(crate::i18n::Lang::Ko, || e.to_string());
        assert_eq!(
            ko,
            "--days 0: 범위를 벗어났어요. 0보다 크고 366 이하(일)여야 해요"
        );
        assert!(
            e.to_string().contains("more than 0 and at most 366 days"),
            "{e}"
        );
        assert_eq!(check_number("--days", 366.0, DAYS), Ok(366.0));
        assert_eq!(check_number("--lat", -90.0, LATITUDE_DEG), Ok(-90.0));
    }
}

/// Where the observer stands, as `passes`, `sky` and `handout` all take it: a bundled
/// place by name (`--city Seoul`) or coordinates.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct ObserverArgs {
    /// A place by name from the bundled GeoNames cities ("Seoul", "서울",
    /// "London, United Kingdom", "Springfield, IL"): its coordinates, and its time zone
    /// unless --tz is given. The most populous match is taken, as the window's place search
    /// ranks them.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["lat", "lon"])]
    pub city: Option<String>,
    /// Observer's geodetic latitude, degrees (north positive), from -90 to 90.
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "DEG",
        required_unless_present = "city"
    )]
    pub lat: Option<f64>,
    /// Observer's longitude, degrees (east positive), from -180 to 180.
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "DEG",
        required_unless_present = "city"
    )]
    pub lon: Option<f64>,
    /// Observer's height above the WGS-84 ellipsoid, metres, from -500 to 10000.
    #[arg(
        long = "alt-m",
        default_value_t = 0.0,
        allow_hyphen_values = true,
        value_name = "M"
    )]
    pub alt_m: f64,
}

impl ObserverArgs {
    /// The observer, each number finite and in its range, or an error naming the first
    /// that is not.
    pub fn checked(&self) -> Result<crate::orbit::Observer, ArgError> {
        let (lat, lon) = match self.city()? {
            Some(city) => (city.latitude_deg, city.longitude_deg),
            None => (
                check_number("--lat", self.lat.unwrap_or(f64::NAN), LATITUDE_DEG)?,
                check_number("--lon", self.lon.unwrap_or(f64::NAN), LONGITUDE_DEG)?,
            ),
        };
        let alt_m = check_number("--alt-m", self.alt_m, ALTITUDE_M)?;
        Ok(crate::orbit::Observer::new(lat, lon, alt_m))
    }

    /// The bundled place `--city` names (the best match of the window's place search), None
    /// without `--city`, or an error when nothing matches or the name is blank.
    pub fn city(&self) -> Result<Option<&'static crate::atlas::cities::City>, ArgError> {
        let Some(name) = &self.city else {
            return Ok(None);
        };
        let name = check_text("--city", name)?;
        let cities = crate::atlas::cities::cities();
        match crate::atlas::cities::search_cities(cities, name, 1).first() {
            Some(city) => Ok(Some(city)),
            None => Err(ArgError::UnknownCity {
                name: name.to_owned(),
            }),
        }
    }

    /// The time zone to show times in when `--tz` is not given: the `--city`'s, if any
    /// (a class in Seoul planned from a laptop in London reads Seoul's clock).
    pub fn city_zone(&self) -> Option<chrono_tz::Tz> {
        self.city().ok().flatten()?.time_zone.parse().ok()
    }
}

/// Which element sets and satellites, as `passes` and `handout` take them.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct SatelliteArgs {
    /// Element file (TLE, OMM JSON or OMM CSV; detected from the content). Without it,
    /// the cached CelesTrak data merged over the bundled snapshot (newest epoch wins).
    #[arg(long, value_name = "FILE")]
    pub elements: Option<std::path::PathBuf>,
    /// Catalog number of a satellite (repeatable).
    #[arg(long = "sat", value_name = "NORAD")]
    pub sats: Vec<u64>,
    /// Satellites by name, case-insensitive (repeatable): an exact name, catalog number or
    /// common name ("Hubble", "Tiangong", "space station") if the text is one, else every
    /// name that holds it ("R/B": every rocket body).
    #[arg(long = "name", value_name = "TEXT")]
    pub names: Vec<String>,
    /// A ready list of satellites (repeatable): `famous` (ISS, Tiangong, Hubble) or
    /// `korean-recon` (the Korean reconnaissance satellites: MALLIGYONG-1, KORSAT-7 and the
    /// other 425 Project satellites).
    #[arg(long = "list", value_name = "LIST", value_parser = ["famous", "korean-recon"])]
    pub lists: Vec<String>,
}
