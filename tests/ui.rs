//! The desktop window, driven headless with egui_kittest: what the user clicks, and what
//! the screen (its accessibility tree) then says.
//!
//! The clock is pinned (`NowSource::Fixed`) and the catalog is the nine-satellite fixture
//! `tests/data/fixture_elements.tle`, so that nothing depends on when or where the tests run.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use overhead::settings::Settings;
use overhead::ui::catalog_data::CatalogData;
use overhead::ui::{AppOptions, NowSource, OverheadApp};

use crate::util::data_path;

/// 2026-08-22 12:00 UTC: hours after the fixture's ISS epoch.
const NOW: &str = "2026-08-22T12:00:00Z";
/// The ISS's catalog number.
const ISS: u64 = 25_544;

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

fn fixture_catalog(_now: DateTime<Utc>) -> anyhow::Result<CatalogData> {
    let text = std::fs::read_to_string(data_path("fixture_elements.tle"))?;
    let parsed = overhead::orbit::parse_elements(&text, "fixture")?;
    Ok(CatalogData::from_sets(
        parsed.sets,
        overhead::catalog::bundled_std_magnitudes(),
        "test fixture".to_owned(),
        Vec::new(),
    ))
}

/// Settings of a user who has answered the first-run prompt and chose nothing yet.
fn settled_settings() -> Settings {
    Settings {
        satellites: Vec::new(),
        first_run_done: true,
        ..Settings::default()
    }
}

fn app(
    settings: Option<Settings>,
    settings_path: Option<std::path::PathBuf>,
) -> Harness<'static, OverheadApp> {
    app_exporting_to(settings, settings_path, None)
}

fn app_exporting_to(
    settings: Option<Settings>,
    settings_path: Option<std::path::PathBuf>,
    export_dir: Option<std::path::PathBuf>,
) -> Harness<'static, OverheadApp> {
    app_with(AppOptions {
        now: NowSource::Fixed(now()),
        settings_path,
        initial_settings: settings,
        load_catalog: Some(Box::new(fixture_catalog)),
        export_dir,
        cache_dir: None,
        // No network, no desktop notifications from the tests.
        auto_refresh: false,
        notifications: false,
    })
}

/// The app, once loaded and searched.
fn app_with(options: AppOptions) -> Harness<'static, OverheadApp> {
    let mut harness = build(options);
    settle(&mut harness);
    harness
}

/// The app, before its first frame.
fn build(options: AppOptions) -> Harness<'static, OverheadApp> {
    let mut options = Some(options);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| OverheadApp::new(&cc.egui_ctx, options.take().expect("built once")))
}

/// Steps frames until the catalog is loaded and no search runs (worker threads).
fn settle(harness: &mut Harness<'static, OverheadApp>) {
    for _ in 0..1000 {
        harness.step();
        if !harness.state().is_busy() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(StdDuration::from_millis(10));
    }
    panic!("the app stayed busy for 10 s");
}

fn label_containing(harness: &Harness<'static, OverheadApp>, text: &str) -> String {
    harness
        .get_by_label_contains(text)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn type_into(harness: &mut Harness<'static, OverheadApp>, placeholder: &'static str, text: &str) {
    harness
        .get_by(move |n| n.placeholder() == Some(placeholder))
        .focus();
    harness.step();
    harness
        .get_by(move |n| n.placeholder() == Some(placeholder))
        .type_text(text);
    harness.step();
    harness.step();
}

#[test]
fn first_start_asks_where_you_are_and_a_city_sets_the_observer() {
    let mut harness = app(None, None);
    harness.get_by_label("Where are you?");
    type_into(&mut harness, "Search a town or city", "paris");
    harness.get_by_label_contains("Paris, France").click();
    harness.step();
    settle(&mut harness);

    let place = harness.state().state().settings.observer();
    assert_eq!(place.name, "Paris, France");
    assert!((place.latitude_deg - 48.85).abs() < 0.05);
    assert_eq!(place.time_zone.as_deref(), Some("Europe/Paris"));
    // On screen: the title bar names the place, times are labelled with its zone, and
    // the prompt is gone.
    harness.get_by_label("Location: Paris, France");
    assert_eq!(
        harness
            .get_by_label("Times")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("Europe/Paris (CEST)")
    );
    assert!(harness.query_by_label("Where are you?").is_none());
}

#[test]
fn choosing_a_satellite_fills_the_pass_table() {
    let mut harness = app(Some(settled_settings()), None);
    harness.get_by_label("Choose satellites on the left to see their passes.");

    type_into(&mut harness, "Search name or NORAD number", "iss");
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "ISS (ZARYA)")
        .click();
    harness.step();
    settle(&mut harness);

    let app = harness.state();
    assert_eq!(app.state().settings.satellites, vec![ISS]);
    let iss_passes = app
        .passes()
        .unwrap()
        .records
        .iter()
        .filter(|r| r.pass.norad_id == ISS)
        .count();
    assert!(
        iss_passes >= 4,
        "ISS passes over Seoul in two days: {iss_passes}"
    );
    // On screen: the count line, and table rows naming the satellite (plus the picker's
    // checkbox); the table draws only the rows that fit.
    let summary = label_containing(&harness, " passes from ");
    assert!(
        summary.starts_with(&format!("{iss_passes} passes")),
        "{summary}"
    );
    let rows = harness.query_all_by_label("ISS (ZARYA)").count();
    assert!(rows >= 3, "{rows} labels");
    assert!(
        harness
            .query_by_label("Choose satellites on the left to see their passes.")
            .is_none()
    );
}

/// The map's caption, "ISS (ZARYA) is over 12.34° N, 56.78° E, 420 km up", as (lat, lon).
fn iss_subpoint_on_screen(harness: &Harness<'static, OverheadApp>) -> (f64, f64) {
    let text = label_containing(harness, "ISS (ZARYA) is over ");
    let rest = text.trim_start_matches("ISS (ZARYA) is over ");
    let mut parts = rest.split(", ");
    let mut angle = |pos: char| {
        let p = parts.next().unwrap();
        let (value, hemisphere) = p.split_once("° ").unwrap();
        let v: f64 = value.parse().unwrap();
        if hemisphere.starts_with(pos) { v } else { -v }
    };
    (angle('N'), angle('E'))
}

#[test]
fn clock_controls_move_the_satellite_on_the_map() {
    let mut harness = app(
        Some(Settings {
            satellites: vec![ISS],
            ..settled_settings()
        }),
        None,
    );
    let start = iss_subpoint_on_screen(&harness);
    harness.get_by_label("Pause").click();
    harness.step();
    harness.get_by_label("+1 min").click();
    harness.step();
    harness.step();
    let later = iss_subpoint_on_screen(&harness);
    assert_eq!(
        harness.state().sim_time(),
        now() + chrono::Duration::minutes(1)
    );
    // The ISS covers about 3.6° of arc a minute (7.66 km/s over a 6,800 km radius).
    let dlat = later.0 - start.0;
    let dlon = ((later.1 - start.1 + 540.0) % 360.0 - 180.0) * start.0.to_radians().cos();
    let arc_deg = dlat.hypot(dlon);
    assert!(
        (2.5..5.0).contains(&arc_deg),
        "moved {arc_deg}° in a minute"
    );

    // Running at x1000, three real seconds are 50 simulated minutes: half an orbit.
    harness.get_by_label("x1000").click();
    harness.step();
    let t = now() + chrono::Duration::seconds(3);
    harness.state_mut().set_fixed_now(t);
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().sim_time(),
        now() + chrono::Duration::minutes(51)
    );
    let far = iss_subpoint_on_screen(&harness);
    assert!((far.0 - later.0).abs() > 10.0 || (far.1 - later.1).abs() > 30.0);
    harness.get_by_label_contains("(simulated, x1000)");

    harness.get_by_label("Live").click();
    harness.step();
    harness.step();
    assert_eq!(harness.state().sim_time(), t);
    harness.get_by_label("(live)");
}

#[test]
fn presentation_and_night_modes_switch() {
    let mut harness = app(Some(settled_settings()), None);
    let normal_zoom = harness.ctx.zoom_factor();
    harness.key_press(egui::Key::F11);
    harness.step();
    harness.step();
    assert!(harness.state().state().settings.presentation_mode);
    assert!(harness.ctx.zoom_factor() > normal_zoom * 1.3);
    assert_eq!(
        harness
            .get_by_label("Presentation")
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.step();
    assert!(!harness.state().state().settings.presentation_mode);
    assert!((harness.ctx.zoom_factor() - normal_zoom).abs() < 1e-3);

    harness.get_by_label("Theme").click();
    harness.step();
    harness.step();
    harness.get_by_label("Night (red)").click();
    harness.step();
    harness.step();
    assert_eq!(
        harness
            .get_by_label("Theme")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("Night (red)")
    );
    let text = harness.ctx.global_style().visuals.text_color();
    assert!(
        text.r() > 100 && text.g() < 40 && text.b() < 40,
        "night text is red: {text:?}"
    );
    assert_eq!(
        harness.state().state().settings.theme,
        overhead::settings::Theme::NightRed
    );
}

#[test]
fn settings_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    {
        let mut harness = app(None, Some(path.clone()));
        type_into(&mut harness, "Search a town or city", "zurich");
        harness
            .get_by_label_contains("Zürich (ZH), Switzerland")
            .click();
        harness.step();
        // The default choice has the "in the news" satellites; add a weather satellite.
        type_into(&mut harness, "Search name or NORAD number", "noaa");
        harness
            .get_by_role_and_label(egui::accesskit::Role::CheckBox, "NOAA 20 (JPSS-1)")
            .click();
        harness.step();
        settle(&mut harness);
        harness.state_mut().save_now();
    }
    let harness = app(None, Some(path));
    let settings = &harness.state().state().settings;
    assert_eq!(settings.observer().name, "Zürich (ZH), Switzerland");
    assert!(settings.satellites.contains(&43_013));
    assert!(settings.first_run_done);
    // No first-run prompt the second time; the place is on screen.
    assert!(harness.query_by_label("Where are you?").is_none());
    harness.get_by_label("Location: Zürich (ZH), Switzerland");
}

#[test]
fn clicking_the_map_sets_the_observer_there() {
    let mut harness = app(Some(settled_settings()), None);
    harness.get_by_label("Set location on map").click();
    harness.step();
    harness.step();
    harness.get_by_label("Click the map to set your location");
    // The whole-world view is centred on the equator below the observer (Seoul, 126.98° E):
    // click the centre of the map.
    let centre = harness.get_by_label("World map").rect().center();
    harness.hover_at(centre);
    harness.step();
    harness.get_by_label("World map").click();
    harness.step();
    harness.step();
    let place = harness.state().state().settings.observer();
    assert!(place.latitude_deg.abs() < 1.0, "{place:?}");
    assert!((place.longitude_deg - 126.98).abs() < 1.0, "{place:?}");
    // Named after the nearest town, in its time zone (eastern Indonesia, UTC+9).
    assert!(place.name.contains("near "), "{}", place.name);
    assert_eq!(place.time_zone.as_deref(), Some("Asia/Jayapura"));
    harness.get_by_label(&format!("Location: {}", place.name));
}

#[test]
fn the_pass_table_exports_as_csv_and_ics() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_exporting_to(
        Some(Settings {
            satellites: vec![ISS],
            ..settled_settings()
        }),
        None,
        Some(dir.path().to_path_buf()),
    );
    let passes = harness.state().passes().unwrap().records.len();
    assert!(passes > 0);
    harness.get_by_label("Export CSV").click();
    harness.step();
    harness.get_by_label("Export .ics").click();
    harness.step();
    harness.step();
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(csv.starts_with("norad_id,name,rise_time"));
    assert_eq!(csv.lines().count(), passes + 1);
    let ics = std::fs::read_to_string(&files[1]).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), passes);
    // The status line says where the file went.
    let status = label_containing(&harness, "Saved ");
    assert!(status.contains(&format!("{passes} passes")), "{status}");
    // With its full path, and a button to open the folder.
    assert!(status.contains(&files[1].display().to_string()), "{status}");
    harness.get_by_label("Open folder");
}

// ---- Fresh data by itself: the refresh at start (issue 13) ----

/// Options of an app whose automatic refresh talks to `server` and writes into `cache`, at `t`.
fn auto_refresh_options(
    server: &crate::util::TestServer,
    cache: &std::path::Path,
    t: DateTime<Utc>,
    auto_refresh_hours: u32,
) -> AppOptions {
    AppOptions {
        now: NowSource::Fixed(t),
        settings_path: None,
        initial_settings: Some(Settings {
            celestrak_base_url: Some(server.base_url()),
            sources: overhead::settings::SourceSettings {
                enabled_groups: vec!["stations".to_owned()],
                custom: Vec::new(),
            },
            auto_refresh_hours,
            ..settled_settings()
        }),
        load_catalog: Some(Box::new(fixture_catalog)),
        export_dir: None,
        cache_dir: Some(cache.to_path_buf()),
        auto_refresh: true,
        notifications: false,
    }
}

fn auto_refreshing_app(
    server: &crate::util::TestServer,
    cache: &std::path::Path,
    t: DateTime<Utc>,
    auto_refresh_hours: u32,
) -> Harness<'static, OverheadApp> {
    app_with(auto_refresh_options(server, cache, t, auto_refresh_hours))
}

const STATIONS_PATH: &str = "/NORAD/elements/gp.php?GROUP=stations&FORMAT=json";

#[test]
fn old_elements_are_refreshed_at_start_without_the_window_waiting() {
    let server = crate::util::TestServer::start();
    // The answer takes a second: the window must go on drawing meanwhile.
    server.set(
        STATIONS_PATH,
        crate::util::Reply::Slow {
            body: crate::util::data_bytes("catalog/stations-2025-06-28.json"),
            first: 10,
            pause_ms: 1000,
        },
    );
    let cache = tempfile::tempdir().unwrap();
    let mut harness = build(auto_refresh_options(&server, cache.path(), now(), 24));
    let started = std::time::Instant::now();
    let mut frames_while_refreshing = 0;
    let mut saw_refreshing = false;
    while started.elapsed() < StdDuration::from_secs(20) {
        harness.step();
        if server.requests() > 0 && harness.state().is_busy() {
            frames_while_refreshing += 1;
            saw_refreshing |= harness.query_by_label_contains("Refreshing").is_some();
        }
        if server.requests() > 0 && !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(StdDuration::from_millis(10));
    }
    assert!(
        frames_while_refreshing > 10 && saw_refreshing,
        "{frames_while_refreshing} frames while the refresh ran; spinner seen: {saw_refreshing}"
    );
    settle(&mut harness);
    assert_eq!(server.requests(), 1);
    harness_says(&mut harness, "updated just now");
    // The data went into the cache the test chose, not the real one.
    assert_eq!(overhead::catalog::cached_entries(cache.path()).len(), 1);
}

fn harness_says(harness: &mut Harness<'static, OverheadApp>, text: &str) {
    harness.step();
    harness.get_by_label_contains(text);
}

#[test]
fn elements_checked_within_the_auto_refresh_age_are_not_fetched_again() {
    let server = crate::util::TestServer::start();
    server.set(
        STATIONS_PATH,
        crate::util::Reply::Data(crate::util::data_bytes("catalog/stations-2025-06-28.json")),
    );
    let cache = tempfile::tempdir().unwrap();
    let first = now();
    let mut harness = auto_refreshing_app(&server, cache.path(), first, 24);
    assert_eq!(server.requests(), 1);
    harness_says(&mut harness, "updated just now");
    drop(harness);
    // Five hours later, under the 24-hour age: no request, and the bar says how old.
    let mut harness = auto_refreshing_app(
        &server,
        cache.path(),
        first + chrono::Duration::hours(5),
        24,
    );
    assert_eq!(server.requests(), 1);
    harness_says(&mut harness, "updated 5 h ago");
    drop(harness);
    // A day and a half later: fetched again.
    let mut harness = auto_refreshing_app(
        &server,
        cache.path(),
        first + chrono::Duration::hours(36),
        24,
    );
    assert_eq!(server.requests(), 2);
    harness_says(&mut harness, "updated just now");
}

#[test]
fn switched_off_auto_refresh_asks_nothing_and_says_so() {
    let server = crate::util::TestServer::start();
    let cache = tempfile::tempdir().unwrap();
    let mut harness = auto_refreshing_app(&server, cache.path(), now(), 0);
    assert_eq!(server.requests(), 0);
    harness_says(&mut harness, "auto-refresh off");
}

#[test]
fn a_failed_refresh_at_start_says_why_in_the_top_bar_and_backs_off() {
    let server = crate::util::TestServer::start();
    server.set(
        STATIONS_PATH,
        crate::util::Reply::Status(503, "text/plain", "down for maintenance".to_owned()),
    );
    let cache = tempfile::tempdir().unwrap();
    let mut harness = auto_refreshing_app(&server, cache.path(), now(), 24);
    assert_eq!(server.requests(), 1);
    harness_says(&mut harness, "not updated: ");
    drop(harness);
    // Started again an hour later: the back-off holds, no request.
    let mut harness = auto_refreshing_app(
        &server,
        cache.path(),
        now() + chrono::Duration::hours(1),
        24,
    );
    assert_eq!(server.requests(), 1);
    harness_says(&mut harness, "not updated: waiting after an error");
}
