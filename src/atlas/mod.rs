//! Bundled geography for the window: cities to choose a location from, and world outlines.
//!
//! - [`cities`](mod@cities): GeoNames places with population over 15,000 (CC BY 4.0, credit
//!   "GeoNames"), each with its IANA time zone, and a forgiving name search.
//! - [`topojson`]: a small TopoJSON reader, and [`land_outlines`] / [`borders`] from
//!   the Natural Earth 4.1.0 files packaged by `world-atlas` (public domain; ISC).
//! - [`sky`]: the star chart's stars, constellations and Milky Way, from d3-celestial
//!   (BSD-3-Clause, credit "d3-celestial, Olaf Frohn").
//! - [`zones`]: the place a time zone stands for (the tz database's `zone1970.tab`, public
//!   domain), for the first start.
//!
//! Nothing here reads files at run time: the data is compiled into the binary.

pub mod cities;
pub mod sky;
pub mod topojson;
pub mod zones;

use std::sync::OnceLock;

pub use cities::{City, cities, country_name_in, search_cities};
pub use topojson::{LonLat, TopoJsonError, Topology};

/// Natural Earth 1:110m land, as TopoJSON (world-atlas 2.0.2 `land-110m.json`).
const LAND_110M_JSON: &str = include_str!("../../assets/land-110m.json");
/// Natural Earth 1:50m land, as TopoJSON (world-atlas 2.0.2 `land-50m.json`).
const LAND_50M_JSON: &str = include_str!("../../assets/land-50m.json");
/// Natural Earth 1:110m countries, as TopoJSON (world-atlas 2.0.2 `countries-110m.json`).
const COUNTRIES_110M_JSON: &str = include_str!("../../assets/countries-110m.json");

/// How much detail an outline has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Natural Earth 1:110m: a few thousand points, for the whole world.
    Coarse,
    /// Natural Earth 1:50m: about 60,000 points, for zoomed-in views.
    Fine,
}

/// Coastlines (every land arc once) as `[lon, lat]` polylines in degrees.
///
/// Decoded on first use and kept. Empty if the bundled file were unreadable, which the
/// tests rule out.
pub fn land_outlines(detail: Detail) -> &'static [Vec<LonLat>] {
    static COARSE: OnceLock<Vec<Vec<LonLat>>> = OnceLock::new();
    static FINE: OnceLock<Vec<Vec<LonLat>>> = OnceLock::new();
    let (cell, json) = match detail {
        Detail::Coarse => (&COARSE, LAND_110M_JSON),
        Detail::Fine => (&FINE, LAND_50M_JSON),
    };
    cell.get_or_init(|| {
        Topology::parse(json)
            .and_then(|t| t.mesh("land", false))
            .unwrap_or_default()
    })
}

/// Land borders between countries (arcs shared by two countries), 1:110m.
pub fn borders() -> &'static [Vec<LonLat>] {
    static BORDERS: OnceLock<Vec<Vec<LonLat>>> = OnceLock::new();
    BORDERS.get_or_init(|| {
        Topology::parse(COUNTRIES_110M_JSON)
            .and_then(|t| t.mesh("countries", true))
            .unwrap_or_default()
    })
}

/// Land as a raster mask in the equirectangular projection: `width × height` bytes, row
/// by row from latitude +90° down to −90°, columns from longitude −180° east to +180°;
/// 255 on land and 0 at sea. Filled from the 1:110m land rings, sampled at pixel centres.
///
/// Each ring is filled on its own by the even-odd rule and combined by exclusive or (so a
/// lake ring cuts a hole), in unwrapped longitudes: a ring across the date line (Fiji,
/// Chukotka) runs past ±180° and wraps round the raster, and a ring round a pole
/// (Antarctica) is closed through that pole.
pub fn land_mask(width: usize, height: usize) -> Vec<u8> {
    static RINGS: OnceLock<Vec<Vec<LonLat>>> = OnceLock::new();
    let rings = RINGS.get_or_init(|| {
        Topology::parse(LAND_110M_JSON)
            .and_then(|t| t.polylines("land"))
            .unwrap_or_default()
            .iter()
            .map(|r| unwrap_ring(r))
            .collect()
    });
    let mut mask = vec![0_u8; width * height];
    if width == 0 {
        return mask;
    }
    let mut crossings: Vec<f64> = Vec::new();
    for (row, line) in mask.chunks_mut(width).enumerate() {
        let lat = 90.0 - (row as f64 + 0.5) * 180.0 / height as f64;
        for ring in rings {
            crossings.clear();
            for pair in ring.windows(2) {
                let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else {
                    continue;
                };
                // Half-open test so that a vertex on the scan line counts once.
                if (a[1] <= lat) != (b[1] <= lat) {
                    let f = (lat - a[1]) / (b[1] - a[1]);
                    crossings.push(a[0] + f * (b[0] - a[0]));
                }
            }
            crossings.sort_by(f64::total_cmp);
            for pair in crossings.chunks(2) {
                let [west, east] = pair else { continue };
                let to_px = |lon: f64| (lon + 180.0) / 360.0 * width as f64 - 0.5;
                let (first, last) = (to_px(*west).ceil() as i64, to_px(*east).floor() as i64);
                for px in first..=last {
                    if let Some(cell) = line.get_mut(px.rem_euclid(width as i64) as usize) {
                        *cell ^= 255;
                    }
                }
            }
        }
    }
    mask
}

/// A ring with longitudes made continuous (no jumps of more than 180°), closed through
/// the nearer pole when it goes once round the globe.
fn unwrap_ring(ring: &[LonLat]) -> Vec<LonLat> {
    let mut out: Vec<LonLat> = Vec::with_capacity(ring.len() + 3);
    let mut offset = 0.0;
    for p in ring {
        let mut lon = p[0] + offset;
        if let Some(prev) = out.last() {
            while lon - prev[0] > 180.0 {
                offset -= 360.0;
                lon -= 360.0;
            }
            while lon - prev[0] < -180.0 {
                offset += 360.0;
                lon += 360.0;
            }
        }
        out.push([lon, p[1]]);
    }
    if let (Some(&first), Some(&last)) = (out.first(), out.last())
        && (last[0] - first[0]).abs() > 180.0
    {
        let mean_lat = out.iter().map(|p| p[1]).sum::<f64>() / out.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        out.extend([[last[0], pole], [first[0], pole], first]);
    }
    out
}

/// The bundled TopoJSON documents, by file name, for tests and tools.
pub fn bundled_topojson() -> [(&'static str, &'static str); 3] {
    [
        ("land-110m.json", LAND_110M_JSON),
        ("land-50m.json", LAND_50M_JSON),
        ("countries-110m.json", COUNTRIES_110M_JSON),
    ]
}
