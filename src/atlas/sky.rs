//! The bundled star chart: stars to magnitude 6, constellation figures and names, and the
//! Milky Way's outline, from d3-celestial 0.7.35 (Olaf Frohn, BSD-3-Clause; upstream XHIP,
//! IAU constellation figures and Stellarium sky-culture names, J. R. Vieira's Milky Way
//! outlines).
//!
//! `assets/sky/` is made by `scripts/make_sky_data.py` (see that script for the columns).
//! Every position is J2000 (equator and equinox of J2000.0), in degrees: right ascension
//! 0..360, declination −90..90. Turn one into the observer's sky with
//! [`crate::orbit::stars::StarSky`], which precesses it to the date.

use std::io::Read as _;
use std::sync::OnceLock;

pub use crate::orbit::stars::RaDecJ2000;

/// The stars to V = 6, brightest first (`scripts/make_sky_data.py`).
const STARS_TSV_GZ: &[u8] = include_bytes!("../../assets/sky/stars.tsv.gz");
/// The 88 IAU constellations with label points and names.
const CONSTELLATIONS_TSV: &str = include_str!("../../assets/sky/constellations.tsv");
/// Constellation stick figures, one polyline a line.
const CONSTELLATION_LINES_TSV: &str = include_str!("../../assets/sky/constellation_lines.tsv");
/// The Milky Way's outlines, one closed ring a line.
const MILKY_WAY_TSV_GZ: &[u8] = include_bytes!("../../assets/sky/milky_way.tsv.gz");

/// One star of the bundled catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Star {
    /// Hipparcos catalogue number.
    pub hip: u32,
    /// Position at epoch J2000 (Hipparcos/XHIP, proper motion not applied).
    pub position: RaDecJ2000,
    /// Visual magnitude (Johnson V).
    pub magnitude: f64,
    /// B−V colour index, magnitudes (blue stars negative, red stars above 1), when known.
    pub b_minus_v: Option<f64>,
    /// Proper name ("Vega"), empty if none.
    pub name: String,
    /// Korean name ("베가"), empty if the data has none.
    pub name_ko: String,
    /// Bayer letter or Flamsteed number with the constellation ("α Lyr"), empty if none.
    pub designation: String,
}

/// One IAU constellation and where to write its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Constellation {
    /// IAU three-letter abbreviation, e.g. `"UMa"`.
    pub abbreviation: String,
    /// 1 for the large and bright, 3 for the small and faint (for choosing which to label).
    pub rank: u8,
    /// Latin IAU name, e.g. `"Ursa Major"`.
    pub name: String,
    /// English name, e.g. `"Great Bear"`.
    pub name_en: String,
    /// Korean name, e.g. `"큰곰자리"`.
    pub name_ko: String,
    /// Point for the label, J2000.
    pub label: RaDecJ2000,
}

/// One stroke of a constellation's stick figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ConstellationLine {
    /// Abbreviation of the constellation it belongs to.
    pub abbreviation: String,
    /// The polyline's vertices (stars), J2000.
    pub points: Vec<RaDecJ2000>,
}

/// One closed outline of the Milky Way.
#[derive(Debug, Clone, PartialEq)]
pub struct MilkyWayOutline {
    /// Brightness step, 1 (faint, widest) to 5 (brightest core).
    pub level: u8,
    /// The ring's vertices, J2000 (the last joins the first).
    pub points: Vec<RaDecJ2000>,
}

/// Why a bundled sky file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SkyDataError {
    /// The gzip stream is damaged.
    #[error("cannot decompress the {file}: {source}")]
    Gzip {
        /// Which file.
        file: &'static str,
        /// The decoder's error.
        source: std::io::Error,
    },
    /// A line does not have the expected columns or numbers.
    #[error("{file} line {line}: {reason}")]
    BadLine {
        /// Which file.
        file: &'static str,
        /// Line number, from 1.
        line: usize,
        /// What was wrong.
        reason: String,
    },
}

/// The bundled stars to magnitude 6, brightest first. Decoded on first use and kept.
///
/// Empty if the bundled file were unreadable, which the tests rule out.
pub fn stars() -> &'static [Star] {
    static STARS: OnceLock<Vec<Star>> = OnceLock::new();
    STARS.get_or_init(|| {
        gunzip(STARS_TSV_GZ, "star list")
            .and_then(|text| parse_stars_tsv(&text))
            .unwrap_or_default()
    })
}

/// The bundled constellations (88, Serpens in two parts), in alphabetical order.
pub fn constellations() -> &'static [Constellation] {
    static CELLS: OnceLock<Vec<Constellation>> = OnceLock::new();
    CELLS.get_or_init(|| parse_constellations_tsv(CONSTELLATIONS_TSV).unwrap_or_default())
}

/// The bundled constellation stick figures.
pub fn constellation_lines() -> &'static [ConstellationLine] {
    static LINES: OnceLock<Vec<ConstellationLine>> = OnceLock::new();
    LINES.get_or_init(|| parse_constellation_lines_tsv(CONSTELLATION_LINES_TSV).unwrap_or_default())
}

/// The bundled Milky Way outlines, faintest level first.
pub fn milky_way() -> &'static [MilkyWayOutline] {
    static RINGS: OnceLock<Vec<MilkyWayOutline>> = OnceLock::new();
    RINGS.get_or_init(|| {
        gunzip(MILKY_WAY_TSV_GZ, "Milky Way outline")
            .and_then(|text| parse_milky_way_tsv(&text))
            .unwrap_or_default()
    })
}

/// The bundled star with Hipparcos number `hip`, if it is brighter than magnitude 6.
pub fn star_by_hip(hip: u32) -> Option<&'static Star> {
    stars().iter().find(|s| s.hip == hip)
}

fn gunzip(bytes: &[u8], file: &'static str) -> Result<String, SkyDataError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|source| SkyDataError::Gzip { file, source })?;
    Ok(text)
}

fn number(file: &'static str, line: usize, what: &str, text: &str) -> Result<f64, SkyDataError> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| SkyDataError::BadLine {
            file,
            line,
            reason: format!("{what} {text:?} is not a number"),
        })
}

fn ra_dec(
    file: &'static str,
    line: usize,
    ra: &str,
    dec: &str,
) -> Result<RaDecJ2000, SkyDataError> {
    let ra_deg = number(file, line, "right ascension", ra)?;
    let dec_deg = number(file, line, "declination", dec)?;
    if !(0.0..=360.0).contains(&ra_deg) || !(-90.0..=90.0).contains(&dec_deg) {
        return Err(SkyDataError::BadLine {
            file,
            line,
            reason: format!("position {ra_deg}, {dec_deg} is off the sky"),
        });
    }
    Ok(RaDecJ2000 { ra_deg, dec_deg })
}

/// Reads a polyline field list `ra,dec ra,dec ...` (tab-separated).
fn points<'a>(
    file: &'static str,
    line: usize,
    fields: impl Iterator<Item = &'a str>,
) -> Result<Vec<RaDecJ2000>, SkyDataError> {
    fields
        .map(|field| {
            let (ra, dec) = field.split_once(',').ok_or_else(|| SkyDataError::BadLine {
                file,
                line,
                reason: format!("point {field:?} is not \"ra,dec\""),
            })?;
            ra_dec(file, line, ra, dec)
        })
        .collect()
}

/// Reads the star list (columns: hip, ra_deg, dec_deg, v_mag, b_minus_v, name, name_ko,
/// designation).
pub fn parse_stars_tsv(text: &str) -> Result<Vec<Star>, SkyDataError> {
    const FILE: &str = "star list";
    let mut out = Vec::with_capacity(5100);
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let n = i + 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [hip, ra, dec, mag, bv, name, name_ko, designation] = cols[..] else {
            return Err(SkyDataError::BadLine {
                file: FILE,
                line: n,
                reason: format!("expected 8 columns, found {}", cols.len()),
            });
        };
        let hip = hip.parse().map_err(|_| SkyDataError::BadLine {
            file: FILE,
            line: n,
            reason: format!("Hipparcos number {hip:?} is not a whole number"),
        })?;
        out.push(Star {
            hip,
            position: ra_dec(FILE, n, ra, dec)?,
            magnitude: number(FILE, n, "magnitude", mag)?,
            b_minus_v: if bv.is_empty() {
                None
            } else {
                Some(number(FILE, n, "B-V", bv)?)
            },
            name: name.to_owned(),
            name_ko: name_ko.to_owned(),
            designation: designation.to_owned(),
        });
    }
    Ok(out)
}

/// Reads the constellation list (columns: abbr, rank, name, name_en, name_ko, label_ra_deg,
/// label_dec_deg).
pub fn parse_constellations_tsv(text: &str) -> Result<Vec<Constellation>, SkyDataError> {
    const FILE: &str = "constellation list";
    let mut out = Vec::with_capacity(89);
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let n = i + 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [abbr, rank, name, name_en, name_ko, ra, dec] = cols[..] else {
            return Err(SkyDataError::BadLine {
                file: FILE,
                line: n,
                reason: format!("expected 7 columns, found {}", cols.len()),
            });
        };
        out.push(Constellation {
            abbreviation: abbr.to_owned(),
            rank: rank.parse().map_err(|_| SkyDataError::BadLine {
                file: FILE,
                line: n,
                reason: format!("rank {rank:?} is not a whole number"),
            })?,
            name: name.to_owned(),
            name_en: name_en.to_owned(),
            name_ko: name_ko.to_owned(),
            label: ra_dec(FILE, n, ra, dec)?,
        });
    }
    Ok(out)
}

/// Reads the stick figures (columns: abbr, then `ra,dec` per vertex).
pub fn parse_constellation_lines_tsv(text: &str) -> Result<Vec<ConstellationLine>, SkyDataError> {
    const FILE: &str = "constellation figures";
    let mut out = Vec::with_capacity(160);
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let abbreviation = cols.next().unwrap_or_default().to_owned();
        out.push(ConstellationLine {
            abbreviation,
            points: points(FILE, i + 1, cols)?,
        });
    }
    Ok(out)
}

/// Reads the Milky Way outlines (columns: level, then `ra,dec` per vertex).
pub fn parse_milky_way_tsv(text: &str) -> Result<Vec<MilkyWayOutline>, SkyDataError> {
    const FILE: &str = "Milky Way outline";
    let mut out = Vec::with_capacity(500);
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let level_text = cols.next().unwrap_or_default();
        let level = level_text.parse().map_err(|_| SkyDataError::BadLine {
            file: FILE,
            line: i + 1,
            reason: format!("level {level_text:?} is not a whole number"),
        })?;
        out.push(MilkyWayOutline {
            level,
            points: points(FILE, i + 1, cols)?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_sky_files_all_load() {
        assert_eq!(stars().len(), 5044);
        assert_eq!(constellations().len(), 89);
        assert!(constellation_lines().len() > 100);
        assert!(milky_way().iter().any(|r| r.level == 5));
    }

    #[test]
    fn vega_carries_its_names_and_colour() {
        let vega = star_by_hip(91262).unwrap();
        assert_eq!(vega.name, "Vega");
        assert_eq!(vega.name_ko, "베가");
        assert_eq!(vega.designation, "α Lyr");
        assert!((vega.position.ra_deg - 279.2347).abs() < 1e-9);
        assert!(vega.b_minus_v.unwrap().abs() < 0.01);
    }

    #[test]
    fn stars_are_brightest_first() {
        assert_eq!(stars()[0].name, "Sirius");
        assert!(stars().windows(2).all(|w| w[0].magnitude <= w[1].magnitude));
    }

    #[test]
    fn bad_star_line_names_its_line() {
        let err = parse_stars_tsv("1\t2\t3\t4\t\t\t\t\n5\tx\t3\t4\t\t\t\t\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
