//! Where the computer is, from its time zone: the place a first start proposes.
//!
//! The zone's name comes from `TZ`, else from where `/etc/localtime` points, else from
//! `/etc/timezone` ([`system_zone_name`]). The place is the most populous bundled city in
//! that zone, else the place the zone is named after, from the tz database's
//! `zone1970.tab` ([`place_for_zone`]). `assets/zones.tsv` holds that table's coordinates and
//! the database's old names (`US/Eastern`, `Asia/Calcutta`), made by
//! `scripts/make_zone_table.py` from tzdata 2025b (public domain).

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use super::cities::City;

/// `Z zone lat lon` and `L link zone` lines (see `scripts/make_zone_table.py`).
const ZONES_TSV: &str = include_str!("../../assets/zones.tsv");

/// A place proposed for a time zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ZonePlace {
    /// The place's name in English ("London"; a city's GeoNames name, or the zone's own
    /// last part, "Port of Spain").
    pub name: String,
    /// Geodetic latitude, degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east.
    pub longitude_deg: f64,
    /// The IANA zone of the place ("Europe/London").
    pub time_zone: String,
}

/// The tz database's principal places and old names, read once.
struct ZoneTable {
    /// Zone → (latitude, longitude), degrees.
    places: HashMap<&'static str, (f64, f64)>,
    /// Old or alternative name → zone.
    links: HashMap<&'static str, &'static str>,
}

fn zone_table() -> &'static ZoneTable {
    static TABLE: OnceLock<ZoneTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut places = HashMap::new();
        let mut links = HashMap::new();
        for line in ZONES_TSV.lines() {
            match line.split('\t').collect::<Vec<_>>()[..] {
                ["Z", zone, lat, lon] => {
                    if let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) {
                        places.insert(zone, (lat, lon));
                    }
                }
                ["L", link, zone] => {
                    links.insert(link, zone);
                }
                _ => {}
            }
        }
        ZoneTable { places, links }
    })
}

/// The computer's IANA zone name, if it can be told: `TZ`, else `/etc/localtime`'s target,
/// else `/etc/timezone`. See [`zone_name_from`].
pub fn system_zone_name() -> Option<String> {
    let link = std::fs::read_link("/etc/localtime").ok();
    let etc_timezone = std::fs::read_to_string("/etc/timezone").ok();
    zone_name_from(
        std::env::var("TZ").ok().as_deref(),
        link.as_deref(),
        etc_timezone.as_deref(),
    )
}

/// The zone name from the `TZ` variable's value, the target of `/etc/localtime` and the
/// text of `/etc/timezone`, the first that names a zone chrono-tz knows.
///
/// `TZ` may start with `:` (POSIX) and may be a path into the zone files
/// (`/usr/share/zoneinfo/Europe/London`); a POSIX rule such as `CET-1CEST` names no place
/// and is passed over, as is an empty value.
///
/// ```
/// use std::path::Path;
/// use overhead::atlas::zones::zone_name_from;
/// assert_eq!(zone_name_from(Some(":Europe/London"), None, None).as_deref(), Some("Europe/London"));
/// let link = Path::new("/usr/share/zoneinfo/Asia/Seoul");
/// assert_eq!(zone_name_from(Some(""), Some(link), None).as_deref(), Some("Asia/Seoul"));
/// ```
pub fn zone_name_from(
    tz_env: Option<&str>,
    localtime_target: Option<&Path>,
    etc_timezone: Option<&str>,
) -> Option<String> {
    let from_path = |text: &str| -> Option<String> {
        let text = text.trim().trim_start_matches(':');
        let name = match text.find("zoneinfo/") {
            Some(at) => &text[at + "zoneinfo/".len()..],
            None => text,
        };
        // Debian's "posix/" and "right/" trees hold the same zones.
        let name = name
            .strip_prefix("posix/")
            .or_else(|| name.strip_prefix("right/"))
            .unwrap_or(name);
        name.parse::<chrono_tz::Tz>()
            .ok()
            .map(|tz| tz.name().to_owned())
    };
    tz_env
        .and_then(from_path)
        .or_else(|| localtime_target.and_then(|p| from_path(&p.to_string_lossy())))
        .or_else(|| etc_timezone.and_then(from_path))
}

/// The place a first start proposes in the zone `zone`: the most populous of `cities` in
/// it, else the zone's principal place from `zone1970.tab`; an old name (`US/Eastern`) is
/// first followed to its zone if the name itself finds nothing. None for zones without a
/// place (`Etc/UTC`, `UTC`) and unknown names.
pub fn place_for_zone(cities: &[City], zone: &str) -> Option<ZonePlace> {
    let table = zone_table();
    let lookup = |zone: &str| {
        // The list is sorted by population, so the first is the most populous.
        let city = cities
            .iter()
            .find(|c| c.time_zone == zone)
            .map(|c| ZonePlace {
                name: c.name.clone(),
                latitude_deg: c.latitude_deg,
                longitude_deg: c.longitude_deg,
                time_zone: c.time_zone.clone(),
            });
        city.or_else(|| {
            table.places.get(zone).map(|&(lat, lon)| ZonePlace {
                name: zone.rsplit('/').next().unwrap_or(zone).replace('_', " "),
                latitude_deg: lat,
                longitude_deg: lon,
                time_zone: zone.to_owned(),
            })
        })
    };
    lookup(zone).or_else(|| table.links.get(zone).and_then(|target| lookup(target)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_file_path_and_a_posix_rule() {
        let link = Path::new("../usr/share/zoneinfo/posix/America/Sao_Paulo");
        assert_eq!(
            zone_name_from(None, Some(link), None).as_deref(),
            Some("America/Sao_Paulo")
        );
        // A rule is no place: the next source speaks.
        assert_eq!(
            zone_name_from(Some("CET-1CEST"), None, Some("Europe/Paris\n")).as_deref(),
            Some("Europe/Paris")
        );
        assert_eq!(zone_name_from(Some("Mars/Olympus"), None, None), None);
    }

    #[test]
    fn every_table_line_reads_and_links_end_at_zones() {
        let table = zone_table();
        assert!(table.places.len() > 300, "{}", table.places.len());
        assert!(
            table
                .links
                .values()
                .all(|zone| table.places.contains_key(zone))
        );
        assert_eq!(table.links.get("US/Eastern"), Some(&"America/New_York"));
    }

    #[test]
    fn a_zone_without_a_bundled_city_gets_its_principal_place() {
        // No bundled city: the zone's own place from zone1970.tab.
        let place = place_for_zone(&[], "Atlantic/South_Georgia").unwrap();
        assert_eq!(place.name, "South Georgia");
        assert!((place.latitude_deg + 54.27).abs() < 0.01, "{place:?}");
        // An old name goes to its zone.
        let place = place_for_zone(&[], "US/Eastern").unwrap();
        assert_eq!(place.time_zone, "America/New_York");
        assert_eq!(place_for_zone(&[], "Etc/UTC"), None);
    }
}
