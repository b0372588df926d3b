//! Where a sighting was, as people say it: "AZ,EL" in degrees, or the name of a star, a
//! planet or the Moon it was near ("Vega", "near Jupiter", "베가"). An unknown name is
//! answered with the nearest spellings the sky knows.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use super::super::checks::{ArgError, Range, check_number};
use crate::atlas::sky::stars;
use crate::orbit::stars::{SkyDirection, StarSky};
use crate::orbit::{ObserverFrame, Planet, moon_view, planet_views};
use crate::t;

/// An azimuth typed in `--at` or `--to`.
pub const AZIMUTH_DEG: Range = Range {
    min: 0.0,
    max: 360.0,
    min_excluded: false,
    unit: "degrees",
};
/// An elevation typed in `--at` or `--to`: the light was above the horizon.
pub const ELEVATION_DEG: Range = Range {
    min: 0.0,
    max: 90.0,
    min_excluded: false,
    unit: "degrees",
};

/// Most near spellings offered for an unknown name.
const NEAR_SPELLINGS: usize = 5;

/// A body of the sky a sighting can be placed by.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Body {
    /// A star of the bundled catalogue, by its index.
    Star(usize),
    /// A planet.
    Planet(Planet),
    /// The Moon.
    Moon,
}

/// A name the sky knows, with the body it names.
#[derive(Debug, Clone, PartialEq)]
struct Named {
    /// As written ("Vega", "베가").
    name: String,
    /// Lower case, for comparing.
    key: String,
    body: Body,
}

/// Why `--at` or `--to` cannot be placed on the sky.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PlaceError {
    /// A number out of range (azimuth 0–360, elevation 0–90).
    #[error(transparent)]
    Number(#[from] ArgError),
    /// Neither two numbers nor a name.
    #[error("{}", t!("cli-identify-bad-place", arg = *arg, text = crate::text::clean(text, crate::text::NAME_CHARS)))]
    Unreadable {
        /// `--at` or `--to`.
        arg: &'static str,
        /// What was given.
        text: String,
    },
    /// A name the sky does not know; `near` holds the closest spellings it does.
    #[error("{}", t!(
        "cli-identify-unknown-name",
        arg = *arg,
        name = crate::text::clean(name, crate::text::NAME_CHARS),
        near = near.join(", "),
        has_near = if near.is_empty() { "no" } else { "yes" }
    ))]
    UnknownName {
        /// `--at` or `--to`.
        arg: &'static str,
        /// What was given.
        name: String,
        /// Known names spelled most like it.
        near: Vec<String>,
    },
    /// The named body was below the horizon then.
    #[error("{}", t!(
        "cli-identify-below-horizon",
        arg = *arg,
        name = name.as_str(),
        deg = format!("{:.0}", -elevation_deg)
    ))]
    BelowHorizon {
        /// `--at` or `--to`.
        arg: &'static str,
        /// The body's name.
        name: String,
        /// Its elevation then, degrees.
        elevation_deg: f64,
    },
}

/// Every name the sky knows: named stars (English and Korean), the planets and the Moon
/// (in both languages).
fn known_names() -> &'static [Named] {
    static NAMES: OnceLock<Vec<Named>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        let mut add = |name: &str, body: Body| {
            if !name.is_empty() && !out.iter().any(|n: &Named| n.key == name.to_lowercase()) {
                out.push(Named {
                    name: name.to_owned(),
                    key: name.to_lowercase(),
                    body,
                });
            }
        };
        add("Moon", Body::Moon);
        add("달", Body::Moon);
        for planet in Planet::ALL {
            add(planet.name(), Body::Planet(planet));
            add(planet.name_ko(), Body::Planet(planet));
        }
        for (i, star) in stars().iter().enumerate() {
            add(&star.name, Body::Star(i));
            add(&star.name_ko, Body::Star(i));
        }
        out
    })
}

/// Edit distance between two strings (insertions, deletions, substitutions and swaps of
/// neighbouring characters, each 1), by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0_usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The known names spelled most like `key` (lower case): within a third of its length
/// (at least 2) of edits, or beginning with it, closest first.
fn near_spellings(key: &str) -> Vec<String> {
    let limit = (key.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &Named)> = known_names()
        .iter()
        .filter_map(|n| {
            let d = edit_distance(key, &n.key);
            let starts = key.chars().count() >= 3 && n.key.starts_with(key);
            (d <= limit || starts).then_some((if starts { 0 } else { d }, n))
        })
        .collect();
    near.sort_by_key(|(d, n)| (*d, n.name.clone()));
    near.into_iter()
        .take(NEAR_SPELLINGS)
        .map(|(_, n)| n.name.clone())
        .collect()
}

/// `text` without a leading "near " and surrounding blanks.
fn bare_name(text: &str) -> &str {
    let t = text.trim();
    match t.get(..5) {
        Some(head) if head.eq_ignore_ascii_case("near ") => t[5..].trim(),
        _ => t,
    }
}

/// Two numbers "AZ,EL" (blanks allowed), if `text` is that.
fn numbers(text: &str) -> Option<(f64, f64)> {
    let (az, el) = text.split_once(',')?;
    Some((az.trim().parse().ok()?, el.trim().parse().ok()?))
}

/// Where `text` (`--at` or `--to`, named by `arg`) puts the light in the sky of `frame` at
/// `t`: two numbers in their ranges, or a known body above the horizon.
pub fn place(
    arg: &'static str,
    text: &str,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
) -> Result<SkyDirection, PlaceError> {
    if let Some((azimuth, elevation)) = numbers(text) {
        let (az_arg, el_arg) = match arg {
            "--to" => ("--to (azimuth)", "--to (elevation)"),
            _ => ("--at (azimuth)", "--at (elevation)"),
        };
        let azimuth_deg = check_number(az_arg, azimuth, AZIMUTH_DEG)?;
        let elevation_deg = check_number(el_arg, elevation, ELEVATION_DEG)?;
        return Ok(SkyDirection {
            azimuth_deg: azimuth_deg.rem_euclid(360.0),
            elevation_deg,
        });
    }
    let name = bare_name(text);
    if name.is_empty()
        || name.contains(',')
        || name
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(PlaceError::Unreadable {
            arg,
            text: text.to_owned(),
        });
    }
    let key = name.to_lowercase();
    let Some(known) = known_names().iter().find(|n| n.key == key) else {
        return Err(PlaceError::UnknownName {
            arg,
            name: name.to_owned(),
            near: near_spellings(&key),
        });
    };
    let direction = match known.body {
        Body::Star(i) => {
            let star = &stars()[i];
            StarSky::new(frame, t).look(star.position)
        }
        Body::Planet(p) => planet_views(frame, t)
            .into_iter()
            .find(|v| v.planet == p)
            .map_or(
                SkyDirection {
                    azimuth_deg: 0.0,
                    elevation_deg: -90.0,
                },
                |v| v.direction,
            ),
        Body::Moon => {
            let m = moon_view(frame, t);
            SkyDirection {
                azimuth_deg: m.azimuth_deg,
                elevation_deg: m.elevation_deg,
            }
        }
    };
    if direction.elevation_deg < 0.0 {
        return Err(PlaceError::BelowHorizon {
            arg,
            name: known.name.clone(),
            elevation_deg: direction.elevation_deg,
        });
    }
    Ok(direction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("vega", "vega"), 0);
        assert_eq!(edit_distance("vgea", "vega"), 1);
        assert_eq!(edit_distance("arcturs", "arcturus"), 1);
        assert_eq!(edit_distance("", "moon"), 4);
    }

    #[test]
    fn a_misspelt_star_lists_the_near_spellings() {
        let near = near_spellings("betelgeuze");
        assert_eq!(
            near.first().map(String::as_str),
            Some("Betelgeuse"),
            "{near:?}"
        );
        assert!(near_spellings("vgea").contains(&"Vega".to_owned()));
        assert!(near_spellings("jupitor").contains(&"Jupiter".to_owned()));
    }

    #[test]
    fn numbers_and_names_are_read() {
        assert_eq!(numbers(" 120.5 , 40"), Some((120.5, 40.0)));
        assert_eq!(numbers("Vega"), None);
        assert_eq!(bare_name("near Vega "), "Vega");
        assert_eq!(bare_name("NEAR jupiter"), "jupiter");
    }
}
