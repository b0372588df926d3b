//! Places on the ground: a satellite's sub-point, its ground track about one orbit each
//! way, the footprint from which it is above the horizon, and a clicked point as a place.

use chrono::{DateTime, Duration, Utc};

use super::projection::wrap_lon;
use super::{TRACK_SAMPLES, Track};
use crate::atlas::{self, LonLat};
use crate::orbit::Satellite;
use crate::orbit::constants::{DAY_S, EARTH_EQUATORIAL_RADIUS_WGS84_KM};
use crate::ui::view::Place;

/// Latitude, longitude (degrees) and height (km) of a satellite's sub-point at `t`.
pub fn subpoint(sat: &Satellite, t: DateTime<Utc>) -> Option<(f64, f64, f64)> {
    let g = crate::orbit::subsatellite_point(sat, t).ok()?;
    Some((g.latitude_deg, g.longitude_deg, g.altitude_km))
}

/// About one orbit behind and one ahead, split where it crosses the date line.
pub(super) fn ground_track(sat: &Satellite, t: DateTime<Utc>) -> Track {
    let period_s = (sat.set.period_minutes() * 60.0).clamp(600.0, 2.0 * DAY_S);
    const SAMPLES: i64 = TRACK_SAMPLES as i64;
    let step_ms = (period_s * 1000.0 / SAMPLES as f64) as i64;
    let leg = |sign: i64| {
        let points: Vec<Option<LonLat>> = (0..=SAMPLES)
            .map(|i| {
                let ti = t + Duration::milliseconds(sign * i * step_ms);
                subpoint(sat, ti).map(|(lat, lon, _)| [lon, lat])
            })
            .collect();
        split_at_date_line(points)
    };
    Track {
        t: Some(t),
        past: leg(-1),
        future: leg(1),
    }
}

/// The first `n` points of a split polyline.
pub(super) fn first_points(parts: &[Vec<LonLat>], n: usize) -> Vec<Vec<LonLat>> {
    let mut left = n;
    let mut out = Vec::new();
    for part in parts {
        if left < 2 {
            break;
        }
        let take = part.len().min(left);
        out.push(part.iter().take(take).copied().collect());
        left -= take;
    }
    out
}

/// Splits a polyline wherever it jumps across the ±180° meridian (or has a gap).
fn split_at_date_line(points: Vec<Option<LonLat>>) -> Vec<Vec<LonLat>> {
    let mut out: Vec<Vec<LonLat>> = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for p in points {
        match p {
            Some(p) => {
                if let Some(last) = current.last()
                    && (p[0] - last[0]).abs() > 180.0
                {
                    // Close the segment at the edge and open the next one on the other side,
                    // interpolating the latitude at the crossing.
                    let (lon_a, lon_b) = if last[0] > 0.0 {
                        (180.0, p[0] + 360.0)
                    } else {
                        (-180.0, p[0] - 360.0)
                    };
                    let f = (lon_a - last[0]) / (lon_b - last[0]);
                    let lat = last[1] + f * (p[1] - last[1]);
                    current.push([lon_a, lat]);
                    out.push(std::mem::take(&mut current));
                    current.push([-lon_a, lat]);
                }
                current.push(p);
            }
            None => {
                if current.len() > 1 {
                    out.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        out.push(current);
    }
    out
}

/// The circle on the ground from which the satellite is above the horizon.
pub(super) fn footprint(lat_deg: f64, lon_deg: f64, altitude_km: f64) -> Vec<Vec<LonLat>> {
    let r = EARTH_EQUATORIAL_RADIUS_WGS84_KM;
    let psi = (r / (r + altitude_km.max(1.0))).acos();
    let (sin_lat, cos_lat) = lat_deg.to_radians().sin_cos();
    let points = (0..=72)
        .map(|i| {
            let bearing = f64::from(i) * 5.0_f64.to_radians();
            let lat2 = (sin_lat * psi.cos() + cos_lat * psi.sin() * bearing.cos()).asin();
            let dlon =
                (bearing.sin() * psi.sin() * cos_lat).atan2(psi.cos() - sin_lat * lat2.sin());
            Some([wrap_lon(lon_deg + dlon.to_degrees()), lat2.to_degrees()])
        })
        .collect();
    split_at_date_line(points)
}

/// A place at a clicked point, named after and in the time zone of the nearest city.
pub(crate) fn place_at(lat_deg: f64, lon_deg: f64) -> Place {
    let nearest = atlas::cities().iter().min_by(|a, b| {
        let d = |c: &atlas::City| {
            let dlon = wrap_lon(c.longitude_deg - lon_deg) * lat_deg.to_radians().cos();
            let dlat = c.latitude_deg - lat_deg;
            dlon * dlon + dlat * dlat
        };
        d(a).total_cmp(&d(b))
    });
    let coords = format!("{}, {}", latitude_words(lat_deg), longitude_words(lon_deg));
    Place {
        name: match nearest {
            Some(c) => crate::t!(
                "app-map-place-near",
                coordinates = coords,
                city = c.name_in(crate::i18n::language())
            ),
            None => coords,
        },
        latitude_deg: lat_deg,
        longitude_deg: lon_deg,
        altitude_m: 0.0,
        time_zone: nearest.map(|c| c.time_zone.clone()),
    }
}

/// "37.58° N" ("북위 37.58°"): a latitude to two decimals, in words of the language.
pub(super) fn latitude_words(lat_deg: f64) -> String {
    let deg = format!("{:.2}", lat_deg.abs());
    if lat_deg >= 0.0 {
        crate::t!("app-lat-north", deg = deg)
    } else {
        crate::t!("app-lat-south", deg = deg)
    }
}

/// "126.98° E" ("동경 126.98°"): a longitude to two decimals, in words of the language.
pub(super) fn longitude_words(lon_deg: f64) -> String {
    let deg = format!("{:.2}", lon_deg.abs());
    if lon_deg >= 0.0 {
        crate::t!("app-lon-east", deg = deg)
    } else {
        crate::t!("app-lon-west", deg = deg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clicked_place_is_named_after_the_nearest_city_in_the_language() {
        use crate::i18n::{Lang, with_language};
        let ko = with_language(Lang::Ko, || place_at(37.58, 126.98));
        assert_eq!(ko.name, "북위 37.58°, 동경 126.98° (서울 근처)");
        let en = with_language(Lang::En, || place_at(37.58, 126.98));
        assert!(en.name.ends_with("(near Seoul)"), "{}", en.name);
    }

    #[test]
    fn track_is_split_at_the_date_line_with_matching_ends() {
        let parts = split_at_date_line(vec![
            Some([170.0, 10.0]),
            Some([178.0, 12.0]),
            Some([-176.0, 14.0]),
            Some([-170.0, 16.0]),
        ]);
        assert_eq!(parts.len(), 2);
        let end = parts[0].last().unwrap();
        let start = parts[1].first().unwrap();
        assert_eq!(end[0], 180.0);
        assert_eq!(start[0], -180.0);
        assert!((end[1] - start[1]).abs() < 1e-9);
        assert!((end[1] - 12.666_666).abs() < 1e-3);
    }

    #[test]
    fn footprint_of_a_low_satellite_is_about_20_degrees_wide() {
        let parts = footprint(0.0, 0.0, 420.0);
        let max_lat = parts
            .iter()
            .flatten()
            .map(|p| p[1])
            .fold(f64::MIN, f64::max);
        // ψ = acos(R / (R + h)) ≈ 20.1° for the ISS.
        assert!((max_lat - 20.1).abs() < 0.3, "{max_lat}");
    }
}
