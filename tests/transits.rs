//! Transits across the Sun and the Moon (src/orbit/transit) against skyfield:
//! `tests/data/skyfield_transits.json`, made by `scripts/make_transit_fixtures` from the
//! ISS and Tiangong elements of the bundled snapshot (22 Aug 2026), seven places, both
//! bodies, 14 days, radii 50 to 500 km. See tests/data/README.md for the method.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use overhead::orbit::transit::{Transit, TransitSearch, find_transits};
use overhead::orbit::{Observer, ObserverFrame, Satellite, TransitBody, parse_elements};

use crate::util::data_path;

/// From the centre line's nearest point at its time, the satellite must be this close to
/// the body's centre as skyfield sees it, degrees.
const LINE_TOLERANCE_DEG: f64 = 0.005;
/// The least separation seen from the place, degrees.
const SEPARATION_TOLERANCE_DEG: f64 = 0.003;
/// Its time, seconds.
const SEPARATION_TIME_TOLERANCE_S: f64 = 0.3;
/// How far from the nearest point's time skyfield's fixture looks for the place's least
/// separation, seconds (scripts/make_transit_fixtures.py: 90 s, then a 2 s golden-section
/// step); a minimum found there is the edge of its search.
const SKYFIELD_PLACE_REACH_S: f64 = 91.9;
/// The two programs' nearest distances, km, where the body is well up; see
/// [`distance_tolerance_km`].
const DISTANCE_TOLERANCE_KM: f64 = 0.1;
/// How well the two programs' directions agree, for the distance tolerance, degrees.
const DIRECTION_AGREEMENT_DEG: f64 = 0.0005;
/// Durations and the strip's width, as a share, plus an absolute allowance in seconds.
const DURATION_SHARE: f64 = 0.02;
const DURATION_TOLERANCE_S: f64 = 0.01;
const WIDTH_SHARE: f64 = 0.03;

/// How far the two programs' nearest points may lie apart, km: 0.1 km, plus what a
/// direction differing by [`DIRECTION_AGREEMENT_DEG`] moves the point where the line meets
/// the ground at a slant (`range · angle / sin(elevation)`). Where the body grazes the
/// horizon, at the end of a centre line, that is kilometres; at 30° up, 20 m. A centre line
/// this close to the radius may fall either side of it.
fn distance_tolerance_km(reference: &Value) -> f64 {
    let near = &reference["nearest"];
    let sin_el = f(&near["body_elevation_deg"]).to_radians().sin().max(1e-4);
    DISTANCE_TOLERANCE_KM + f(&near["range_km"]) * DIRECTION_AGREEMENT_DEG.to_radians() / sin_el
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(data_path("skyfield_transits.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn satellites(fixture: &Value) -> Vec<Satellite> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(fixture["elements"].as_str().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    parse_elements(&text, "fixture")
        .unwrap()
        .sets
        .into_iter()
        .map(Satellite::new)
        .collect()
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

fn body_of(v: &Value) -> TransitBody {
    match v.as_str().unwrap() {
        "sun" => TransitBody::Sun,
        _ => TransitBody::Moon,
    }
}

/// Seconds from `a` to `b`.
fn seconds(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_microseconds().unwrap() as f64 / 1e6
}

/// Skyfield's centre point at `t_s` seconds after the start, by quadratic interpolation of
/// its samples a quarter second apart (at least three): (latitude, longitude), degrees.
fn skyfield_line_at(line: &[Value], t_s: f64) -> Option<(f64, f64)> {
    let samples: Vec<(f64, f64, f64)> = line
        .iter()
        .map(|p| (f(&p["t_s"]), f(&p["lat"]), f(&p["lon"])))
        .collect();
    // Where the line ends at the horizon (a body rising or setting) the nearest point is
    // its end: a few milliseconds beyond the samples is extrapolated.
    const EDGE_S: f64 = 0.05;
    let last = samples.len().checked_sub(3)?;
    let i = samples
        .windows(3)
        .position(|w| t_s >= w[0].0 && t_s <= w[2].0)
        .or_else(|| (t_s < samples[0].0 && t_s >= samples[0].0 - EDGE_S).then_some(0))
        .or_else(|| {
            (t_s > samples[last + 2].0 && t_s <= samples[last + 2].0 + EDGE_S).then_some(last)
        })?;
    let w = &samples[i..i + 3];
    let lagrange = |k: usize| {
        (0..3)
            .filter(|&j| j != k)
            .map(|j| (t_s - w[j].0) / (w[k].0 - w[j].0))
            .product::<f64>()
    };
    let weights = [lagrange(0), lagrange(1), lagrange(2)];
    let lat = (0..3).map(|k| weights[k] * w[k].1).sum();
    let lon = (0..3).map(|k| weights[k] * w[k].2).sum();
    Some((lat, lon))
}

/// The angle at which the satellite misses the body's centre seen from our nearest point,
/// in skyfield's geometry: our point's offset from skyfield's centre point at the same
/// moment, across skyfield's line of sight, over the satellite's range. Degrees.
fn line_miss_deg(ours: &Transit, reference: &Value, start: DateTime<Utc>, alt_m: f64) -> f64 {
    let near = &reference["nearest"];
    let t_s = seconds(start, ours.nearest.time);
    let (lat, lon) = skyfield_line_at(reference["line"].as_array().unwrap(), t_s)
        .unwrap_or_else(|| panic!("our nearest time {t_s} s is outside skyfield's samples"));
    let theirs = ObserverFrame::new(Observer::new(lat, lon, alt_m));
    let ours_ecef = ObserverFrame::new(Observer::new(
        ours.nearest.latitude_deg,
        ours.nearest.longitude_deg,
        alt_m,
    ))
    .r_ecef_km;
    let [east, north, up] = theirs.enu_axes_ecef();
    let (az, el) = (
        f(&near["body_azimuth_deg"]).to_radians(),
        f(&near["body_elevation_deg"]).to_radians(),
    );
    let u: Vec<f64> = (0..3)
        .map(|i| el.cos() * az.sin() * east[i] + el.cos() * az.cos() * north[i] + el.sin() * up[i])
        .collect();
    let d: Vec<f64> = (0..3).map(|i| ours_ecef[i] - theirs.r_ecef_km[i]).collect();
    let along: f64 = (0..3).map(|i| d[i] * u[i]).sum();
    let across: f64 = (0..3)
        .map(|i| (d[i] - along * u[i]).powi(2))
        .sum::<f64>()
        .sqrt();
    (across / f(&near["range_km"])).to_degrees()
}

#[derive(Default, Debug)]
struct Worst {
    line_deg: f64,
    separation_deg: f64,
    separation_time_s: f64,
    /// Where the body is 5° up or more.
    distance_km_body_up: f64,
    duration_share: f64,
    width_share: f64,
    matched: usize,
    /// Events whose place minimum skyfield's fixture does not reach.
    place_beyond_skyfield: usize,
}

#[test]
fn transits_match_skyfield_none_missed_none_outside() {
    let fx = fixture();
    let sats = satellites(&fx);
    let start = time(&fx["start"]);
    let end = start + Duration::milliseconds((f(&fx["days"]) * 86_400_000.0) as i64);
    let mut worst = Worst::default();
    let mut failures: Vec<String> = Vec::new();
    for case in fx["cases"].as_array().unwrap() {
        let key = case["key"].as_str().unwrap();
        let alt_m = f(&case["altitude_m"]);
        let radius_km = f(&case["radius_km"]);
        let observer = Observer::new(f(&case["latitude_deg"]), f(&case["longitude_deg"]), alt_m);
        let frame = ObserverFrame::new(observer);
        let search = TransitSearch {
            radius_km,
            sun: true,
            moon: true,
        };
        let ours: Vec<Transit> = sats
            .iter()
            .flat_map(|sat| {
                let list = find_transits(sat, &frame, start, end, &search);
                assert!(list.stopped_early.is_none(), "{key}: {list:?}");
                list.transits
            })
            .collect();
        let refs = case["events"].as_array().unwrap();
        let same = |o: &Transit, r: &Value| {
            r["norad_id"].as_u64() == Some(o.norad_id)
                && body_of(&r["body"]) == o.body
                && seconds(time(&r["nearest"]["time"]), o.nearest.time).abs() < 10.0
        };
        // Nothing within the radius is missed.
        for r in refs {
            let d = f(&r["nearest"]["distance_km"]);
            if d <= radius_km - distance_tolerance_km(r) && !ours.iter().any(|o| same(o, r)) {
                failures.push(format!(
                    "{key}: missed {} {} at {} ({d} km)",
                    r["norad_id"], r["body"], r["nearest"]["time"]
                ));
            }
        }
        for o in &ours {
            let Some(r) = refs.iter().find(|r| same(o, r)) else {
                failures.push(format!(
                    "{key}: {} {:?} at {} is not in skyfield's list",
                    o.norad_id, o.body, o.nearest.time
                ));
                continue;
            };
            let their_km = f(&r["nearest"]["distance_km"]);
            // Nothing is listed whose line passes outside the radius (unless the place
            // itself sees the transit, which lists it whatever the radius).
            let mut check = |ok: bool, what: String| {
                if !ok {
                    failures.push(format!(
                        "{key}: {} {:?} {}: {what}",
                        o.norad_id, o.body, o.nearest.time
                    ));
                }
            };
            check(
                their_km <= radius_km + distance_tolerance_km(r)
                    || r["at_place"]["transit"] == true,
                format!("passes {their_km} km away, outside {radius_km} km"),
            );
            let distance = (o.nearest.distance_km - their_km).abs();
            check(
                distance <= distance_tolerance_km(r),
                format!("distance {distance} km"),
            );
            let miss = line_miss_deg(o, r, start, alt_m);
            check(
                miss <= LINE_TOLERANCE_DEG,
                format!("centre line off by {miss}°"),
            );
            let place = &r["at_place"];
            // Skyfield looks for the place's least separation within 90 s (and a 2 s step)
            // of the nearest point; at that edge, its least is not the pass's.
            let reference_reach_s = seconds(time(&r["nearest"]["time"]), time(&place["time"]));
            let (sep, dt) = if reference_reach_s.abs() < SKYFIELD_PLACE_REACH_S {
                let sep = (o.at_place.min_separation_deg - f(&place["min_separation_deg"])).abs();
                check(
                    sep <= SEPARATION_TOLERANCE_DEG,
                    format!("separation {sep}°"),
                );
                let dt = seconds(time(&place["time"]), o.at_place.time).abs();
                check(
                    dt <= SEPARATION_TIME_TOLERANCE_S,
                    format!("separation time {dt} s"),
                );
                (sep, dt)
            } else {
                worst.place_beyond_skyfield += 1;
                (0.0, 0.0)
            };
            let radius_deg = f(&place["body_radius_deg"]);
            if (f(&place["min_separation_deg"]) - radius_deg).abs() > SEPARATION_TOLERANCE_DEG {
                check(
                    o.at_place.is_transit == (place["transit"] == true),
                    format!("transit here: {}", o.at_place.is_transit),
                );
            }
            let mut durations = vec![(o.nearest.duration_s, f(&r["nearest"]["duration_s"]))];
            if o.at_place.is_transit && place["transit"] == true {
                durations.push((o.at_place.duration_s, f(&place["duration_s"])));
            }
            for (a, b) in durations {
                let off = (a - b).abs();
                check(
                    off <= DURATION_SHARE * b + DURATION_TOLERANCE_S,
                    format!("duration {a} s, skyfield {b} s"),
                );
                worst.duration_share = worst.duration_share.max(off / b.max(0.01));
            }
            if let Some(width) = r["path_width_km"].as_f64() {
                let share = (o.path_width_km - width).abs() / width;
                check(
                    share <= WIDTH_SHARE,
                    format!("width {} vs {width} km", o.path_width_km),
                );
                worst.width_share = worst.width_share.max(share);
            }
            worst.line_deg = worst.line_deg.max(miss);
            worst.separation_deg = worst.separation_deg.max(sep);
            worst.separation_time_s = worst.separation_time_s.max(dt);
            if f(&r["nearest"]["body_elevation_deg"]) >= 5.0 {
                worst.distance_km_body_up = worst.distance_km_body_up.max(distance);
            }
            worst.matched += 1;
        }
    }
    eprintln!("worst against skyfield: {worst:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(worst.matched >= 30, "too few events to judge: {worst:?}");
}

/// The Sun's and the Moon's apparent places seen from the place (orbit::apparent), against
/// skyfield's azimuth and elevation at each fixture event's moment of least separation:
/// the directions the centre lines hang from. Arcseconds.
const SUN_DIRECTION_TOLERANCE_ARCSEC: f64 = 1.0;
const MOON_DIRECTION_TOLERANCE_ARCSEC: f64 = 10.0;

#[test]
fn the_apparent_sun_and_moon_match_skyfield_seen_from_the_places() {
    use overhead::orbit::apparent::{moon_apparent_teme_km, sun_apparent_teme_km};
    use overhead::orbit::frames::{ecef_from_teme, gmst_rad, julian_date_utc};
    let fx = fixture();
    let unit = |az_deg: f64, el_deg: f64| {
        let (az, el) = (az_deg.to_radians(), el_deg.to_radians());
        [el.cos() * az.sin(), el.cos() * az.cos(), el.sin()]
    };
    let mut worst = [0.0_f64; 2];
    let mut count = [0_usize; 2];
    for case in fx["cases"].as_array().unwrap() {
        let frame = ObserverFrame::new(Observer::new(
            f(&case["latitude_deg"]),
            f(&case["longitude_deg"]),
            f(&case["altitude_m"]),
        ));
        for e in case["events"].as_array().unwrap() {
            let place = &e["at_place"];
            let t = time(&place["time"]);
            let jd = julian_date_utc(t);
            let (teme, i) = match body_of(&e["body"]) {
                TransitBody::Sun => (sun_apparent_teme_km(jd), 0),
                TransitBody::Moon => (moon_apparent_teme_km(jd), 1),
            };
            let look = frame.look_at(ecef_from_teme(gmst_rad(jd), teme), [0.0; 3]);
            let ours = unit(look.azimuth_deg, look.elevation_deg);
            let theirs = unit(
                f(&place["body_azimuth_deg"]),
                f(&place["body_elevation_deg"]),
            );
            let cos: f64 = (0..3).map(|k| ours[k] * theirs[k]).sum();
            let off_arcsec = cos.clamp(-1.0, 1.0).acos().to_degrees() * 3600.0;
            worst[i] = worst[i].max(off_arcsec);
            count[i] += 1;
        }
    }
    eprintln!("{count:?} events, worst {worst:?} arcsec (Sun, Moon)");
    assert!(count[0] >= 20 && count[1] >= 20, "{count:?}");
    assert!(
        worst[0] <= SUN_DIRECTION_TOLERANCE_ARCSEC,
        "Sun off by {}″",
        worst[0]
    );
    assert!(
        worst[1] <= MOON_DIRECTION_TOLERANCE_ARCSEC,
        "Moon off by {}″",
        worst[1]
    );
}

// ---- `overhead transits` ---------------------------------------------------------------

/// `overhead transits` from Cape Town (10 m up) on the bundled snapshot's ISS and
/// Tiangong elements, 14 days from 22 Aug 2026, in the locale `lang`.
fn cape_town(lang: &str, extra: &[&str]) -> std::process::Output {
    let elements = data_path("elements/bundled-stations-2026-08-22.csv");
    let mut args = vec![
        "transits",
        "--elements",
        elements.to_str().unwrap(),
        "--lat",
        "-33.9249",
        "--lon",
        "18.4241",
        "--alt-m",
        "10",
        "--start",
        "2026-08-22T00:00:00Z",
        "--tz",
        "Africa/Johannesburg",
    ];
    args.extend_from_slice(extra);
    std::process::Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(&args)
        .env(
            "OVERHEAD_CACHE_DIR",
            std::env::temp_dir().join("overhead-transits-test-no-cache"),
        )
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn transits_json_has_the_documented_shape_and_the_skyfield_events() {
    let json: Value =
        serde_json::from_str(&stdout(&cape_town("C.UTF-8", &["--format", "json"]))).unwrap();
    for key in ["observer", "start", "end", "radius_km", "events"] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    assert_eq!(json["radius_km"], 50.0);
    let events = json["events"].as_array().unwrap();
    // Skyfield finds three centre lines within 50 km (tests/data/skyfield_transits.json,
    // case cape_town), two by Tiangong and one by the ISS that passes over the place.
    assert_eq!(events.len(), 3, "{events:#?}");
    for e in events {
        for key in [
            "norad_id",
            "name",
            "body",
            "at_observer",
            "nearest_centre_point",
            "centre_line",
            "path_width_km",
            "body_azimuth_deg",
            "body_elevation_deg",
            "body_radius_deg",
            "range_km",
            "satellite_size_arcsec",
            "element_age_days",
            "timing_uncertainty_s",
        ] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
        for key in ["time", "min_separation_deg", "transit", "duration_s"] {
            assert!(e["at_observer"].get(key).is_some(), "at_observer.{key}");
        }
        for key in [
            "lat",
            "lon",
            "distance_km",
            "bearing_deg",
            "time",
            "duration_s",
        ] {
            assert!(
                e["nearest_centre_point"].get(key).is_some(),
                "nearest.{key}"
            );
        }
        let line = e["centre_line"].as_array().unwrap();
        assert!(line.len() > 10);
        let times: Vec<DateTime<Utc>> = line.iter().map(|p| time(&p["time"])).collect();
        assert!(
            times.windows(2).all(|w| w[0] < w[1]),
            "centre line in time order"
        );
        assert!(f(&e["nearest_centre_point"]["distance_km"]) <= 50.0);
    }
    let iss = events.iter().find(|e| e["norad_id"] == 25544).unwrap();
    assert_eq!(iss["body"], "sun");
    assert_eq!(iss["at_observer"]["transit"], true);
    assert!(f(&iss["nearest_centre_point"]["distance_km"]) < 1.0);
    assert!(
        iss["nearest_centre_point"]["time"]
            .as_str()
            .unwrap()
            .starts_with("2026-08-31T08:59:39")
    );
}

#[test]
fn transits_table_says_when_where_to_stand_and_warns_about_the_sun() {
    let text = stdout(&cape_town("C.UTF-8", &[]));
    assert!(
        text.contains("Sun transit by the ISS, Mon 31 Aug 10:59:39 right where you are"),
        "{text}"
    );
    assert!(
        text.contains("Sun transit by Tiangong, Sat 29 Aug 07:34:34 at Muizenberg, 25 km S of you"),
        "{text}"
    );
    assert!(text.contains("it crosses the Sun's disc"), "{text}");
    assert!(text.contains("2.12° from the Sun's centre."), "{text}");
    // Every Sun event carries the warning and the advice to check again.
    assert_eq!(text.matches("certified solar filter").count(), 3, "{text}");
    assert_eq!(text.matches("again the day before").count(), 3, "{text}");
    let ko = stdout(&cape_town("ko_KR.UTF-8", &[]));
    assert!(ko.contains("국제우주정거장(ISS)의 태양 통과"), "{ko}");
    assert!(ko.contains("태양 필터"), "{ko}");
}

#[test]
fn transits_csv_and_calendar_have_one_entry_per_event() {
    let csv = stdout(&cape_town("C.UTF-8", &["--format", "csv"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[0].starts_with("norad_id,name,body,time,nearest_lat,nearest_lon,distance_km"));
    let ics = stdout(&cape_town("C.UTF-8", &["--format", "ics"])).replace("\r\n ", "");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    assert_eq!(ics.matches("\r\nGEO:").count(), 3);
    assert!(ics.contains("LOCATION:Muizenberg"), "{ics}");
    assert!(ics.contains("solar filter"));
}

#[test]
fn transit_arguments_are_checked_like_passes_ones() {
    for (args, message) in [
        (
            vec!["--radius-km", "600"],
            "--radius-km 600 is out of range; it must be from 0 to 500 km",
        ),
        (
            vec!["--radius-km", "-1"],
            "--radius-km -1 is out of range; it must be from 0 to 500 km",
        ),
        (
            vec!["--radius-km", "NaN"],
            "--radius-km NaN is not a finite number",
        ),
        (vec!["--days", "0"], "--days 0 is out of range"),
    ] {
        let output = cape_town("C.UTF-8", &args);
        assert!(!output.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}
