//! The words about a transit (a satellite across the Sun or the Moon): the sentence that
//! says when, where to stand and what the observer's own place sees, the details, the
//! elements' age, and the solar-filter warning. Shared by the command line's table, the
//! calendar file and the window.

use chrono::{DateTime, Utc};

use super::words::compass_point;
use crate::orbit::TransitBody;
use crate::orbit::transit::{Transit, ground_distance_km};
use crate::t;
use crate::timefmt::TimeFormatter;

/// The centre line passing within this distance of the place is "right where you are", km.
pub const HERE_KM: f64 = 0.5;
/// A least separation under this (and no transit) is a near miss, degrees: the satellite
/// then crosses the same telescope field as the body.
pub const NEAR_MISS_DEG: f64 = 1.0;
/// A town this close to the centre line's nearest point names it, km.
pub const TOWN_KM: f64 = 20.0;

/// The body's tag for messages: "sun" or "moon".
pub fn body_tag(body: TransitBody) -> &'static str {
    match body {
        TransitBody::Sun => "sun",
        TransitBody::Moon => "moon",
    }
}

/// The body's name in the thread's language ("Sun", "태양").
pub fn body_name(body: TransitBody) -> String {
    t!("words-transit-body", body = body_tag(body))
}

/// A satellite's everyday name: "the ISS", "Tiangong", else the name as published.
pub fn satellite_words(norad_id: u64, name: &str) -> String {
    t!(
        "words-transit-sat",
        id = norad_id as i64,
        name = crate::text::clean(name, crate::text::NAME_CHARS)
    )
}

/// "51.77° N, 0.22° W".
pub fn lat_lon_words(latitude_deg: f64, longitude_deg: f64) -> String {
    t!(
        "words-transit-coordinates",
        lat = format!("{:.2}", latitude_deg.abs()),
        ns = if latitude_deg >= 0.0 { "n" } else { "s" },
        lon = format!("{:.2}", longitude_deg.abs()),
        ew = if longitude_deg >= 0.0 { "e" } else { "w" }
    )
}

/// Where a point is, for people: the nearest bundled town within [`TOWN_KM`] (in the
/// thread's language), else its coordinates.
pub fn point_words(latitude_deg: f64, longitude_deg: f64) -> String {
    let lang = crate::i18n::language();
    let cities = crate::atlas::cities();
    // Only the towns within 0.3° of latitude, found in the towns sorted by latitude: the
    // window words every transit to come on each frame (its alerts), and a scan of every
    // bundled town was a few per cent of a live frame.
    let by_latitude = cities_by_latitude();
    let from = by_latitude.partition_point(|&i| cities[i].latitude_deg <= latitude_deg - 0.3);
    by_latitude[from..]
        .iter()
        .map(|&i| &cities[i])
        .take_while(|c| c.latitude_deg < latitude_deg + 0.3)
        .map(|c| {
            let d =
                ground_distance_km(latitude_deg, longitude_deg, c.latitude_deg, c.longitude_deg);
            (d, c)
        })
        .filter(|(d, _)| *d < TOWN_KM)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or_else(
            || lat_lon_words(latitude_deg, longitude_deg),
            |(_, c)| c.name_in(lang).to_owned(),
        )
}

/// Indices of the bundled towns ([`crate::atlas::cities`]), by latitude.
fn cities_by_latitude() -> &'static [usize] {
    static ORDER: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let cities = crate::atlas::cities();
        let mut order: Vec<usize> = (0..cities.len()).collect();
        order.sort_by(|&a, &b| cities[a].latitude_deg.total_cmp(&cities[b].latitude_deg));
        order
    })
}

/// A distance along the ground: "21" km, "2.4" under 10 km.
pub fn km_words(km: f64) -> String {
    if km < 10.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    }
}

/// A duration of a second or so: "0.52", "1.8", "14".
pub fn seconds_words(s: f64) -> String {
    if s < 1.0 {
        format!("{s:.2}")
    } else if s < 10.0 {
        format!("{s:.1}")
    } else {
        format!("{s:.0}")
    }
}

/// What the observer's own place sees: "transit", "near", "miss" or "below".
pub fn place_state(t: &Transit) -> &'static str {
    let p = &t.at_place;
    if p.body_elevation_deg <= 0.0 {
        "below"
    } else if p.is_transit {
        "transit"
    } else if p.min_separation_deg < NEAR_MISS_DEG {
        "near"
    } else {
        "miss"
    }
}

/// The date and time of an event to the second: "Sat 5 Sep 14:02:13".
pub fn when_words(fmt: &TimeFormatter, time: DateTime<Utc>) -> String {
    format!("{} {}", fmt.date(time), fmt.hms(time))
}

/// The one sentence about a transit: "Sun transit by the ISS, Sat 5 Sep 14:02:13 at
/// Hatfield, 21 km N of you (0.52 s); from where you are it passes 0.31° from the Sun's
/// centre: a near miss here." `place` names the nearest point ([`point_words`]).
pub fn transit_sentence(t: &Transit, place: &str, fmt: &TimeFormatter) -> String {
    let n = &t.nearest;
    t!(
        "words-transit-sentence",
        body = body_tag(t.body),
        sat = satellite_words(t.norad_id, &t.name),
        when = when_words(fmt, n.time),
        here = if n.distance_km < HERE_KM { "yes" } else { "no" },
        place = place.to_owned(),
        km = km_words(n.distance_km),
        point = compass_point(n.bearing_deg),
        duration = seconds_words(n.duration_s),
        seen = place_words(t)
    )
}

/// What the place itself sees, as the sentence's second half.
pub fn place_words(t: &Transit) -> String {
    t!(
        "words-transit-place",
        state = place_state(t),
        body = body_tag(t.body),
        sep = format!("{:.2}", t.at_place.min_separation_deg),
        duration = seconds_words(t.at_place.duration_s)
    )
}

/// The details: the strip's width, where the body is, how far and how large the
/// satellite looks.
pub fn transit_details(t: &Transit) -> String {
    let p = &t.at_place;
    t!(
        "words-transit-details",
        body = body_tag(t.body),
        width = km_words(t.path_width_km),
        height = format!("{:.0}", p.body_elevation_deg),
        point = compass_point(p.body_azimuth_deg),
        bearing = format!("{:.0}", super::whole_bearing_deg(p.body_azimuth_deg)),
        sat = satellite_words(t.norad_id, &t.name),
        range = format!("{:.0}", p.range_km),
        sized = if p.satellite_size_arcsec.is_some() {
            "yes"
        } else {
            "no"
        },
        size = format!("{:.0}", p.satellite_size_arcsec.unwrap_or(0.0))
    )
}

/// The elements' age, what it means for the times, and the advice to check again.
/// The ± is the timing model's 90 % bound (issue 26), worded as for passes.
pub fn transit_elements_note(t: &Transit) -> String {
    let (when, age) = super::element_age(t.element_age_days);
    t!(
        "words-transit-elements",
        when = when,
        age = age,
        plus_minus = super::plus_minus_words(t.timing_uncertainty_s)
    )
}

/// The warning that goes with every Sun event.
pub fn solar_filter_warning() -> String {
    t!("words-transit-solar-filter")
}

/// A short title for a calendar event or an alert: "Sun transit by the ISS, 21 km N of
/// you, 14:02:13".
pub fn transit_summary(t: &Transit, fmt: &TimeFormatter) -> String {
    let n = &t.nearest;
    t!(
        "words-transit-summary",
        body = body_tag(t.body),
        sat = satellite_words(t.norad_id, &t.name),
        here = if n.distance_km < HERE_KM { "yes" } else { "no" },
        km = km_words(n.distance_km),
        point = compass_point(n.bearing_deg),
        time = fmt.hms(n.time)
    )
}

/// Every line about a transit, for a table or a calendar event: the sentence, the
/// details, the elements' note and, for the Sun, the solar-filter warning.
pub fn transit_lines(t: &Transit, fmt: &TimeFormatter) -> Vec<String> {
    let n = &t.nearest;
    let place = point_words(n.latitude_deg, n.longitude_deg);
    let mut lines = vec![
        transit_sentence(t, &place, fmt),
        transit_details(t),
        transit_elements_note(t),
    ];
    if t.body == TransitBody::Sun {
        lines.push(solar_filter_warning());
    }
    lines
}
