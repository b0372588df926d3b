//! The Moon (src/orbit/moon.rs) and tonight's darkness (src/orbit/night.rs) against skyfield
//! 1.55 with the DE421 ephemeris, via `scripts/make_moon_fixtures`
//! (fixture `tests/data/skyfield_moon_night.json`; see `tests/data/README.md`).

use chrono::{DateTime, Utc};
use overhead::orbit::{
    Night, Observer, ObserverFrame, angular_separation_deg, moon_view, night_of,
};
use serde_json::Value;

use crate::util::data_path;

/// The Moon's topocentric direction agrees to 0.1° in azimuth (scaled by cos elevation) and
/// in elevation.
const MOON_DIRECTION_TOLERANCE_DEG: f64 = 0.1;
/// The Moon's distance from the observer agrees to 50 km (0.013 %): the truncated series is off
/// by up to 41 km in these cases, and by up to 46 km against DE421 every 37 days of 1950–2050.
const MOON_RANGE_TOLERANCE_KM: f64 = 50.0;
/// The lit fraction of the disc agrees to 0.01.
const ILLUMINATED_FRACTION_TOLERANCE: f64 = 0.01;
/// Within this many degrees of new or full Moon, waxing or waning is not compared.
const PHASE_AMBIGUITY_DEG: f64 = 1.0;
/// Dusk and dawn agree to a minute.
const TWILIGHT_TOLERANCE_S: f64 = 60.0;

fn fixture() -> Value {
    let text = std::fs::read_to_string(data_path("skyfield_moon_night.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn frame(case: &Value) -> ObserverFrame {
    ObserverFrame::new(Observer::new(
        case["latitude_deg"].as_f64().unwrap(),
        case["longitude_deg"].as_f64().unwrap(),
        case["altitude_m"].as_f64().unwrap(),
    ))
}

fn f(case: &Value, key: &str) -> f64 {
    case[key].as_f64().unwrap()
}

fn seconds_apart(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (a - b).num_milliseconds().abs() as f64 / 1000.0
}

#[test]
fn moon_direction_range_and_phase_agree_with_skyfield_from_2000_to_2040() {
    let fixture = fixture();
    let cases = fixture["moon"].as_array().unwrap();
    assert!(cases.len() >= 40);
    let (mut worst_az, mut worst_el, mut worst_sep, mut worst_range, mut worst_fraction) =
        (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for case in cases {
        let t = time(&case["time"]);
        let view = moon_view(&frame(case), t);
        let (az, el) = (f(case, "azimuth_deg"), f(case, "elevation_deg"));
        let d_az = ((view.azimuth_deg - az + 540.0).rem_euclid(360.0) - 180.0).abs()
            * el.to_radians().cos();
        let d_el = (view.elevation_deg - el).abs();
        let sep = angular_separation_deg(view.azimuth_deg, view.elevation_deg, az, el);
        let d_range = (view.range_km - f(case, "range_km")).abs();
        let d_fraction = (view.illuminated_fraction - f(case, "illuminated_fraction")).abs();
        let label = format!("{} {}: {view:?}", case["site"], case["time"]);
        assert!(
            d_az < MOON_DIRECTION_TOLERANCE_DEG,
            "azimuth off by {d_az}° at {label}"
        );
        assert!(
            d_el < MOON_DIRECTION_TOLERANCE_DEG,
            "elevation off by {d_el}° at {label}"
        );
        assert!(
            d_range < MOON_RANGE_TOLERANCE_KM,
            "range off by {d_range} km at {label}"
        );
        assert!(
            d_fraction < ILLUMINATED_FRACTION_TOLERANCE,
            "illuminated fraction off by {d_fraction} at {label}"
        );
        let phase_deg = f(case, "phase_deg");
        if phase_deg
            .min(360.0 - phase_deg)
            .min((phase_deg - 180.0).abs())
            > PHASE_AMBIGUITY_DEG
        {
            assert_eq!(
                view.is_waxing,
                case["is_waxing"].as_bool().unwrap(),
                "waxing at {label}"
            );
        }
        worst_az = worst_az.max(d_az);
        worst_el = worst_el.max(d_el);
        worst_sep = worst_sep.max(sep);
        worst_range = worst_range.max(d_range);
        worst_fraction = worst_fraction.max(d_fraction);
    }
    eprintln!(
        "Moon vs skyfield over {} cases: az·cos(el) {worst_az:.4}°, el {worst_el:.4}°, \
         separation {worst_sep:.4}°, range {worst_range:.2} km, fraction {worst_fraction:.5}",
        cases.len()
    );
}

#[test]
fn nights_agree_with_skyfield_at_civil_nautical_and_astronomical_twilight() {
    let fixture = fixture();
    let cases = fixture["nights"].as_array().unwrap();
    let mut worst_s = 0.0_f64;
    for case in cases {
        let t = time(&case["time"]);
        let limit = f(case, "max_sun_elevation_deg");
        let ours = night_of(&frame(case), t, limit);
        let expected = &case["night"];
        let label = format!("{}: {ours:?}", case["key"]);
        let (ours_times, expected_times) = match (ours, expected["kind"].as_str().unwrap()) {
            (Night::Dark { dusk, dawn }, "dark") => (
                [dusk, dawn],
                [time(&expected["dusk"]), time(&expected["dawn"])],
            ),
            (Night::AlwaysDark { from, until }, "always_dark") => (
                [from, until],
                [time(&expected["from"]), time(&expected["until"])],
            ),
            (Night::NeverDark { until }, "never_dark") => (
                [until, until],
                [time(&expected["until"]), time(&expected["until"])],
            ),
            (_, kind) => panic!("skyfield says {kind} for {label}"),
        };
        for (a, b) in ours_times.into_iter().zip(expected_times) {
            let d = seconds_apart(a, b);
            assert!(
                d < TWILIGHT_TOLERANCE_S,
                "{d} s off ({b} expected) for {label}"
            );
            worst_s = worst_s.max(d);
        }
    }
    eprintln!(
        "nights vs skyfield over {} cases: worst dusk/dawn {worst_s:.1} s",
        cases.len()
    );
}

fn night_case(key: &str) -> (ObserverFrame, DateTime<Utc>, f64) {
    let fixture = fixture();
    let case = fixture["nights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap()
        .clone();
    (
        frame(&case),
        time(&case["time"]),
        f(&case, "max_sun_elevation_deg"),
    )
}

#[test]
fn tromso_in_june_is_never_dark_even_at_civil_twilight() {
    let (frame, t, limit) = night_case("tromso_june_6");
    assert_eq!(
        night_of(&frame, t, limit),
        Night::NeverDark {
            until: t + chrono::Duration::hours(24)
        }
    );
}

#[test]
fn mcmurdo_in_june_is_always_dark_at_civil_twilight_but_has_a_nautical_day() {
    let (frame, t, limit) = night_case("mcmurdo_june_6");
    assert_eq!(
        night_of(&frame, t, limit),
        Night::AlwaysDark {
            from: t,
            until: t + chrono::Duration::hours(24)
        }
    );
    // The Sun climbs to about −11.3° at noon, so at −12° there are dusk and dawn.
    assert!(matches!(night_of(&frame, t, -12.0), Night::Dark { .. }));
}

#[test]
fn tromso_polar_night_at_the_horizon_still_has_a_civil_twilight_noon() {
    let (frame, t, limit) = night_case("tromso_december_0");
    assert_eq!(limit, 0.0);
    assert_eq!(
        night_of(&frame, t, limit),
        Night::AlwaysDark {
            from: t,
            until: t + chrono::Duration::hours(24)
        }
    );
    assert!(matches!(night_of(&frame, t, -6.0), Night::Dark { .. }));
}
