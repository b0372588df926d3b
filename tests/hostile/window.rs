//! Issue 25, "the window and the sky outside their data": no positions a year from the
//! epoch, no planets outside their elements' years, typed coordinates judged, settings
//! with a byte-order mark, hostile observer names and unknown time zones.

use chrono::{DateTime, Duration, Utc};
use overhead::orbit::{
    Fleet, MAX_DAYS_FROM_EPOCH, Observer, ObserverFrame, PropagationError, Satellite, observe,
    parse_elements, sky_path, subsatellite_point,
};
use overhead::settings::Settings;

use super::stderr;
use crate::util::data_bytes;

fn iss() -> Satellite {
    let text = String::from_utf8(data_bytes("fixture_elements.tle")).unwrap();
    let set = parse_elements(&text, "t")
        .unwrap()
        .sets
        .into_iter()
        .find(|s| s.norad_id == 25544)
        .unwrap();
    Satellite::new(set)
}

#[test]
fn positions_are_hidden_more_than_a_year_from_the_epoch_in_every_view() {
    let sat = iss();
    let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
    let epoch = sat.set.epoch;
    let near = epoch + Duration::days(MAX_DAYS_FROM_EPOCH as i64 - 1);
    assert!(observe(&sat, &frame, near, None).is_ok());
    for t in [
        "1900-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap(),
        "2028-01-01T00:00:00Z".parse().unwrap(),
        "9999-12-31T00:00:00Z".parse().unwrap(),
    ] {
        // The live panel and the sky chart.
        let e = observe(&sat, &frame, t, None).unwrap_err();
        assert!(
            matches!(e, PropagationError::FarFromEpoch { .. }),
            "{t}: {e}"
        );
        assert!(sky_path(&sat, &frame, t, t + Duration::minutes(10), None, 20, 10).is_empty());
        // The map.
        assert!(subsatellite_point(&sat, t).is_err());
        let dots = Fleet::new().subpoints_deg(std::slice::from_ref(&sat), t);
        assert!(dots[0][0].is_nan(), "{t}: {:?}", dots[0]);
        // What the live panel says instead of "19,892,798,919 km up".
        overhead::i18n::set_thread_language(Some(overhead::i18n::Lang::En));
        let words = overhead::ui::live_panel::no_position_words(&e);
        assert!(
            words.starts_with("No position: the time shown is"),
            "{words}"
        );
        assert!(words.contains("more than 365 days away"), "{words}");
        assert!(!words.contains("km"), "{words}");
    }
    overhead::i18n::set_thread_language(None);
}

#[test]
fn the_sky_outside_1800_2050_leaves_the_planets_out_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let sky = |time: &str, format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_overhead"))
            .args([
                "sky", "--lat", "37.5665", "--lon", "126.978", "--time", time,
            ])
            .args(["--format", format])
            .env("OVERHEAD_CONFIG_DIR", dir.path())
            .env("LC_ALL", "C")
            .output()
            .unwrap()
    };
    for time in ["0500-06-01T12:00:00Z", "2100-01-01T00:00:00Z"] {
        let table = sky(time, "table");
        assert!(table.status.success(), "{table:?}");
        let text = String::from_utf8_lossy(&table.stdout);
        assert!(text.contains("valid from 1800 to 2050 only"), "{text}");
        assert!(!text.lines().any(|l| l.starts_with("Saturn ")), "{text}");
        let json = sky(time, "json");
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["planets"].as_array().unwrap().len(), 0);
        assert!(v["planets_omitted"].as_str().unwrap().contains("1800"));
        assert!(
            stderr(&json).contains("valid from 1800 to 2050"),
            "{}",
            stderr(&json)
        );
    }
    let now = sky("2026-08-22T12:37:00Z", "json");
    let v: serde_json::Value = serde_json::from_slice(&now.stdout).unwrap();
    assert_eq!(v["planets"].as_array().unwrap().len(), 5);
    assert!(v.get("planets_omitted").is_none());
}

#[test]
fn the_location_dialog_refuses_nan_and_out_of_range_numbers_with_a_message() {
    use overhead::ui::location_panel::read_typed_coordinates;
    overhead::i18n::set_thread_language(Some(overhead::i18n::Lang::En));
    assert_eq!(
        read_typed_coordinates("37.5665", "126.978", "38"),
        Ok((37.5665, 126.978, 38.0))
    );
    assert_eq!(
        read_typed_coordinates(" -33.87", "−151.2", "0"),
        Ok((-33.87, -151.2, 0.0))
    );
    for (lat, lon, alt, said) in [
        (
            "10",
            "NaN",
            "0",
            "The longitude \"NaN\" is not a number from -180 to 180°.",
        ),
        (
            "1e308",
            "0",
            "0",
            "The latitude \"1e308\" is not a number from -90 to 90°.",
        ),
        ("inf", "0", "0", "The latitude \"inf\""),
        (
            "0",
            "0",
            "20000",
            "The height \"20000\" is not a number from -500 to 10000 m.",
        ),
        ("north", "0", "0", "The latitude \"north\""),
        ("", "0", "0", "The latitude \"\""),
    ] {
        let e = read_typed_coordinates(lat, lon, alt).unwrap_err();
        assert!(e.starts_with(said), "{lat} {lon} {alt}: {e}");
    }
    overhead::i18n::set_thread_language(None);
}

#[test]
fn settings_saved_with_a_utf8_byte_order_mark_are_read_not_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(br#"{"version": 1, "theme": "Light", "limiting_magnitude": 5.5}"#);
    std::fs::write(&path, bytes).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(message, None);
    assert_eq!(settings.limiting_magnitude, 5.5);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup made"
    );
}

#[test]
fn observer_names_from_settings_are_cleaned_and_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let long = "A".repeat(100_000);
    let file = serde_json::json!({
        "version": 1,
        "observers": [
            {"name": long, "latitude_deg": 37.5, "longitude_deg": 127.0},
            {"name": "Home\u{1b}[31m\nGarden", "latitude_deg": 51.5, "longitude_deg": 0.0}
        ]
    });
    std::fs::write(&path, file.to_string()).unwrap();
    let (settings, message) = Settings::load(&path);
    let names: Vec<&str> = settings.observers.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names[0].chars().count(), overhead::text::NAME_CHARS);
    assert!(names[0].ends_with('…'));
    assert_eq!(names[1], "Home�[31m Garden");
    assert!(message.unwrap().contains("2 observers' names were cleaned"));
}

#[test]
fn an_unknown_time_zone_in_settings_is_reported_not_silently_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let file = r#"{"version": 1, "observers": [{"name": "Base", "latitude_deg": 18.4, "longitude_deg": 77.5, "time_zone": "Mars/Jezero"}]}"#;
    std::fs::write(&path, file).unwrap();
    let (settings, message) = Settings::load(&path);
    assert_eq!(settings.observer().time_zone, None);
    let message = message.unwrap();
    assert!(
        message.contains("the time zone \"Mars/Jezero\" of Base is unknown"),
        "{message}"
    );
}

/// The window, headless, on the nine-satellite fixture with its clock pinned at `now`.
fn window_at(
    now: &str,
    settings: Option<Settings>,
) -> egui_kittest::Harness<'static, overhead::ui::OverheadApp> {
    use overhead::ui::{AppOptions, NowSource, OverheadApp};
    overhead::i18n::set_thread_language(Some(overhead::i18n::Lang::En));
    let mut options = Some(AppOptions {
        now: NowSource::Fixed(now.parse().unwrap()),
        settings_path: None,
        initial_settings: settings,
        load_catalog: Some(Box::new(|_| {
            let text = String::from_utf8(data_bytes("fixture_elements.tle"))?;
            let parsed = parse_elements(&text, "fixture")?;
            Ok(overhead::ui::catalog_data::CatalogData::from_sets(
                parsed.sets,
                overhead::catalog::bundled_std_magnitudes(),
                "test fixture".to_owned(),
                Vec::new(),
            ))
        })),
        export_dir: None,
        cache_dir: None,
        auto_refresh: false,
        notifications: false,
    });
    let mut harness = egui_kittest::Harness::builder()
        .with_size(eframe::egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            OverheadApp::new(&cc.egui_ctx, options.take().expect("built once"))
        });
    for _ in 0..1000 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.step();
    harness.step();
    harness
}

#[test]
fn the_location_window_says_why_typed_coordinates_are_refused_and_keeps_the_place() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    // A first start: the location window is open over Seoul.
    let mut harness = window_at("2026-08-22T12:00:00Z", None);
    harness
        .get_by(|n| {
            n.role() == eframe::egui::accesskit::Role::TextInput
                && n.value().is_some_and(|v| v == "126.978")
        })
        .focus();
    harness.step();
    harness
        .get_by(|n| {
            n.role() == eframe::egui::accesskit::Role::TextInput
                && n.value().is_some_and(|v| v == "126.978")
        })
        .type_text("NaN");
    harness.step();
    harness.step();
    harness.get_by_label("The longitude \"126.978NaN\" is not a number from -180 to 180°.");
    let button = harness.get_by_label("Use these coordinates");
    assert!(
        button.accesskit_node().is_disabled(),
        "the button waits for a number"
    );
    button.click();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().state().settings.observer().longitude_deg,
        126.978
    );
    harness.get_by_label("Where are you?");
    overhead::i18n::set_thread_language(None);
}

#[test]
fn the_live_panel_shows_no_position_a_year_from_the_epoch() {
    use egui_kittest::kittest::Queryable as _;
    let settings = Settings {
        satellites: vec![25544],
        first_run_done: true,
        ..Settings::default()
    };
    let harness = window_at("2028-03-01T20:00:00Z", Some(settings));
    harness.get_by_label_contains("No position: the time shown is");
    assert!(harness.query_by_label_contains("km up").is_none());
    harness.get_by_label_contains("no position, the time shown is more than a year");
    overhead::i18n::set_thread_language(None);
}
