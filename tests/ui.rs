//! The desktop window, driven headless with egui_kittest: what the user clicks, and what
//! the screen (its accessibility tree) then says.
//!
//! The clock is pinned (`NowSource::Fixed`) and the catalog is the ten-satellite fixture
//! `tests/data/fixture_elements.tle`, so that nothing depends on when or where the tests run.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use overhead::i18n::Lang;
use overhead::settings::Settings;
use overhead::ui::catalog_data::CatalogData;
use overhead::ui::{AppOptions, NowSource, OverheadApp};

use crate::util::{data_path, settle};

/// 2026-08-22 12:00 UTC: hours after the fixture's ISS epoch.
const NOW: &str = "2026-08-22T12:00:00Z";
/// The ISS's catalog number.
const ISS: u64 = 25_544;

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

pub(crate) fn fixture_catalog(_now: DateTime<Utc>) -> anyhow::Result<CatalogData> {
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
pub(crate) fn settled_settings() -> Settings {
    Settings {
        satellites: Vec::new(),
        first_run_done: true,
        ..Settings::default()
    }
}

/// The app with its clock starting at `now` (manual) on the fixture, whose data's date is
/// its ISS epoch, 2026-08-22.
fn app_dated_at(now: DateTime<Utc>, settings: Settings) -> Harness<'static, OverheadApp> {
    app_with(AppOptions {
        now: NowSource::Fixed(now),
        settings_path: None,
        initial_settings: Some(settings),
        load_catalog: Some(Box::new(|t| {
            let mut data = fixture_catalog(t)?;
            data.data_epoch = data.get(ISS).map(|s| s.set.epoch);
            Ok(data)
        })),
        export_dir: None,
        cache_dir: None,
        auto_refresh: false,
        notifications: false,
    })
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
    app_at(now(), settings, settings_path, export_dir)
}

pub(crate) fn app_at(
    now: DateTime<Utc>,
    settings: Option<Settings>,
    settings_path: Option<std::path::PathBuf>,
    export_dir: Option<std::path::PathBuf>,
) -> Harness<'static, OverheadApp> {
    app_with(AppOptions {
        now: NowSource::Fixed(now),
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

/// The app, before its first frame, in English whatever the machine's locale (the test
/// thread's own language; the app runs on the test thread).
pub(crate) fn build(options: AppOptions) -> Harness<'static, OverheadApp> {
    overhead::i18n::set_thread_language(Some(Lang::En));
    let mut options = Some(options);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| OverheadApp::new(&cc.egui_ctx, options.take().expect("built once")))
}

fn label_containing(harness: &Harness<'static, OverheadApp>, text: &str) -> String {
    harness
        .get_by_label_contains(text)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn type_into(harness: &mut Harness<'static, OverheadApp>, placeholder: &str, text: &str) {
    harness
        .get_by(|n| n.placeholder() == Some(placeholder))
        .focus();
    harness.step();
    harness
        .get_by(|n| n.placeholder() == Some(placeholder))
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
fn choosing_a_saved_city_again_selects_it_instead_of_adding_it() {
    // The default place is Seoul (City Hall); the city list's Seoul is 65 m away.
    let mut harness = app(None, None);
    type_into(&mut harness, "Search a town or city", "seoul");
    harness.get_by_label_contains("Seoul, South Korea").click();
    harness.step();
    settle(&mut harness);
    let settings = &harness.state().state().settings;
    assert_eq!(settings.observers.len(), 1, "{:?}", settings.observers);
    assert_eq!(settings.observer().name, "Seoul");
    harness.get_by_label("Location: Seoul");
}

#[test]
fn typed_coordinates_of_a_saved_place_update_it_instead_of_adding_one() {
    // The prompt opens with the current place's coordinates: use them as they are.
    let mut harness = app(None, None);
    harness.get_by_label("Use these coordinates").click();
    harness.step();
    settle(&mut harness);
    let settings = &harness.state().state().settings;
    assert_eq!(settings.observers.len(), 1, "{:?}", settings.observers);
    assert_eq!(settings.observer().name, "Seoul");
    assert_eq!(settings.observer().time_zone.as_deref(), Some("Asia/Seoul"));
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
fn a_fake_start_time_runs_at_the_chosen_speed() {
    // `OVERHEAD_FAKE_NOW` starts the clock at an instant and lets real time run on from it.
    overhead::i18n::set_thread_language(Some(Lang::En));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            OverheadApp::new(
                &cc.egui_ctx,
                AppOptions {
                    now: NowSource::StartingAt(now()),
                    settings_path: None,
                    initial_settings: Some(settled_settings()),
                    load_catalog: Some(Box::new(fixture_catalog)),
                    export_dir: None,
                    cache_dir: None,
                    auto_refresh: false,
                    notifications: false,
                },
            )
        });
    settle(&mut harness);
    harness.get_by_label("x1000").click();
    harness.step();
    let before = harness.state().sim_time();
    std::thread::sleep(StdDuration::from_millis(100));
    harness.step();
    // At least 0.1 s of real time has passed: at x1000, at least 100 simulated seconds.
    let moved = harness.state().sim_time() - before;
    assert!(moved >= chrono::Duration::seconds(100), "moved {moved}");
    harness.get_by_label_contains("(simulated, x1000)");
}

#[test]
fn the_data_age_in_the_top_bar_is_judged_at_the_clock_the_views_show() {
    let december: DateTime<Utc> = "2026-12-01T12:00:00Z".parse().unwrap();
    let mut harness = app_dated_at(december, settled_settings());
    label_containing(&harness, "days old): passes today may be off");
    harness.get_by_label("Use the data's date").click();
    harness.step();
    settle(&mut harness);
    // The clock is at the data's date, where the elements are fresh: no warning, as in
    // the live panel.
    let epoch = harness.state().catalog().unwrap().data_epoch.unwrap();
    assert_eq!(harness.state().sim_time(), epoch);
    assert!(
        harness
            .query_by_label_contains("passes today may be off")
            .is_none()
    );
    assert!(harness.query_by_label("Use the data's date").is_none());
    assert!(harness.query_by_label_contains("may be off").is_none());
}

#[test]
fn an_offline_refresh_says_so_in_one_line_with_details_on_demand_and_a_dismiss() {
    // Three sources at an address where nothing listens (a closed loopback port): each
    // fails as an unreachable server does offline.
    let cache = tempfile::tempdir().unwrap();
    let settings = Settings {
        celestrak_base_url: Some("http://127.0.0.1:9".to_owned()),
        sources: overhead::settings::SourceSettings {
            enabled_groups: vec![
                "stations".to_owned(),
                "visual".to_owned(),
                "weather".to_owned(),
            ],
            custom: Vec::new(),
        },
        ..settled_settings()
    };
    let mut harness = build(AppOptions {
        now: NowSource::Fixed(now()),
        settings_path: None,
        initial_settings: Some(settings),
        load_catalog: Some(Box::new(fixture_catalog)),
        export_dir: None,
        cache_dir: Some(cache.path().to_path_buf()),
        auto_refresh: false,
        notifications: false,
    });
    settle(&mut harness);
    harness.get_by_label("Refresh elements").click();
    harness.step();
    settle(&mut harness);
    // One line a person reads (issue 20); the URLs only behind "Details".
    harness.get_by_label(
        "No internet connection: could not reach 127.0.0.1; using the data already here.",
    );
    assert!(harness.query_by_label_contains("127.0.0.1:9").is_none());
    harness.get_by_label("Details").click();
    harness.step();
    harness.step();
    let details = label_containing(&harness, "127.0.0.1:9");
    assert_eq!(details.lines().count(), 3, "{details}");
    harness.get_by_label("×").click();
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label_contains("No internet connection")
            .is_none()
    );
    assert!(harness.query_by_label_contains("127.0.0.1:9").is_none());
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
fn presenting_on_a_1280_by_720_projector_keeps_the_live_readout_and_one_clock_line() {
    overhead::i18n::set_thread_language(Some(Lang::En));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| {
            OverheadApp::new(
                &cc.egui_ctx,
                AppOptions {
                    now: NowSource::Fixed(now()),
                    settings_path: None,
                    initial_settings: Some(Settings {
                        satellites: vec![ISS],
                        presentation_mode: true,
                        ..settled_settings()
                    }),
                    load_catalog: Some(Box::new(fixture_catalog)),
                    export_dir: None,
                    cache_dir: None,
                    auto_refresh: false,
                    notifications: false,
                },
            )
        });
    settle(&mut harness);
    let screen = harness.ctx.content_rect();
    // The live readout of the followed ISS is on screen, above the clock bar.
    let azimuth = harness.get_by_label("Azimuth").rect();
    let live = harness.get_by_label("Live").rect();
    assert!(azimuth.bottom() < live.top(), "{azimuth:?} {live:?}");
    // The clock bar is one line: its first button and the time share a row.
    let time = harness.get_by_label_contains(" KST").rect();
    assert!(
        (time.center().y - live.center().y).abs() < live.height() / 2.0,
        "{time:?} {live:?}"
    );
    assert!(time.right() <= screen.right() + 1.0, "{time:?} {screen:?}");
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

/// Settings of a user in Seoul who follows the ISS.
pub(crate) fn iss_settings() -> Settings {
    Settings {
        satellites: vec![ISS],
        ..settled_settings()
    }
}

#[test]
fn pass_table_shows_where_and_when_a_pass_is_seen() {
    // Issue 10: the table showed horizon rise/max/set only. The ISS is seen over Seoul from
    // 18:28:03 UTC (03:28 KST) on 23 Aug, out of Earth's shadow, 24° up in the NNE (27°).
    let mut harness = app(Some(iss_settings()), None);
    for title in ["Appears", "Highest while seen", "Vanishes", "Mag", "Ends"] {
        harness.get_by_label(title);
    }
    // Seen for 95 s: its times are to the second (issue 20).
    assert!(harness.query_all_by_label("03:28:03").count() >= 1);
    assert!(harness.query_all_by_label("NNE 27°").count() >= 2);
    assert!(harness.query_all_by_label("24°").count() >= 2);
    // The ISS has a standard magnitude (measured: one number, not a range); none says "?".
    // 0.2 since issue 22 read qs.mag at full phase (-1.1 before).
    harness.get_by_label("0.2");
    // Radio users still have the horizon times, a click away.
    harness.get_by_label("Horizon times").click();
    harness.step();
    harness.step();
    for title in ["Rise", "Set", "Duration", "Visible?"] {
        harness.get_by_label(title);
    }
    harness.get_by_label("03:21:04");
    assert!(harness.query_by_label("Highest while seen").is_none());
}

#[test]
fn tonight_lists_the_passes_from_dusk_to_dawn() {
    let mut harness = app(Some(iss_settings()), None);
    harness.get_by_label("Window").click();
    harness.step();
    harness.step();
    harness.get_by_label("Tonight").click();
    harness.step();
    settle(&mut harness);
    // 21:00 KST: the night is under way; it ends at civil dawn, 05:27 KST.
    let note = label_containing(&harness, "Tonight: dark from");
    assert!(note.contains("to 05:27"), "{note}");
    let results = harness.state().passes().unwrap();
    let end = results.request.end;
    assert!(
        end > "2026-08-22T20:25:00Z".parse::<DateTime<Utc>>().unwrap()
            && end < "2026-08-22T20:40:00Z".parse::<DateTime<Utc>>().unwrap(),
        "{end}"
    );
    assert!(results.records.iter().all(|r| r.pass.rise.time <= end));
    assert!(!results.records.is_empty());
}

#[test]
fn tonight_where_the_sky_stays_light_says_so_instead_of_an_empty_list() {
    // Longyearbyen in August: the Sun never gets 6° below the horizon.
    let settings = Settings {
        observers: vec![overhead::settings::ObserverSite {
            name: "Longyearbyen".to_owned(),
            latitude_deg: 78.2232,
            longitude_deg: 15.6267,
            altitude_m: 10.0,
            time_zone: Some("Arctic/Longyearbyen".to_owned()),
        }],
        ..iss_settings()
    };
    let mut harness = app(Some(settings), None);
    harness.get_by_label("Window").click();
    harness.step();
    harness.step();
    harness.get_by_label("Tonight").click();
    harness.step();
    settle(&mut harness);
    harness.get_by_label_contains("The sky does not get dark tonight at Longyearbyen");
    assert!(harness.query_by_label_contains(" passes from ").is_none());
}

#[test]
fn alert_says_where_to_look_with_bearing_and_height_apart() {
    // Three minutes before the ISS comes out of Earth's shadow over Seoul.
    let at = "2026-08-22T18:25:00Z".parse().unwrap();
    let harness = app_at(at, Some(iss_settings()), None, None);
    let alert = label_containing(&harness, "ISS (ZARYA) in ");
    assert!(
        alert.contains(
            // Seen for 95 s: to the second (issue 20).
            "look NNE (bearing 27°, 24° up) at 03:28:03; highest 24° up in the NNE; sets at 03:29:38."
        ),
        "{alert}"
    );
    assert!(alert.contains("Magnitude 0.2, easy to see."), "{alert}");
}

#[test]
fn alerts_skip_passes_too_faint_for_the_sky() {
    // The same pass, for a city sky that shows nothing fainter than magnitude -2.
    let at = "2026-08-22T18:25:00Z".parse().unwrap();
    let settings = Settings {
        limiting_magnitude: -2.0,
        ..iss_settings()
    };
    let harness = app_at(at, Some(settings), None, None);
    assert!(harness.query_by_label_contains("ISS (ZARYA) in ").is_none());
}

#[test]
fn live_panel_says_where_the_moon_is() {
    // 22 Aug 2026 12:00 UTC, 21:00 in Seoul: a waxing Moon (about 75% lit) low in the
    // south-west.
    let harness = app(Some(iss_settings()), None);
    let moon = label_containing(&harness, "% lit");
    assert!(moon.contains("up, S"), "{moon}");
}

#[test]
fn visible_only_hides_passes_too_faint_for_the_sky() {
    // Issue 10: "Visible only" listed magnitude-12 satellites. With a sky that shows stars
    // to magnitude -0.5, the ISS's 0.2 pass is fainter by more than its sigma (0.6) and
    // goes; its -0.8 pass is within a sigma of the limit (issue 22: "maybe") and stays.
    let settings = Settings {
        limiting_magnitude: -0.5,
        ..iss_settings()
    };
    let mut harness = app(Some(settings), None);
    harness.get_by_label("0.2 faint");
    harness.get_by_label("Visible only").click();
    harness.step();
    harness.step();
    assert!(harness.query_by_label("0.2 faint").is_none());
    harness.get_by_label("-0.8 maybe");
    let summary = label_containing(&harness, " passes from ");
    assert!(
        summary.contains("hidden (not visible or too faint)"),
        "{summary}"
    );
}

#[test]
fn print_handout_writes_a_pdf_beside_the_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_exporting_to(Some(iss_settings()), None, Some(dir.path().to_path_buf()));
    harness.get_by_label("Print handout…").click();
    harness.step();
    harness.step();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().ends_with(".pdf"));
    let pdf = std::fs::read(&files[0]).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let status = label_containing(&harness, "Saved ");
    assert!(status.contains("overhead-handout-"), "{status}");
}

#[test]
fn sky_chart_switches_exist_and_switch() {
    // Issue 12: stars to a chosen limit, constellations, the Milky Way and the "now" view.
    let mut harness = app(Some(iss_settings()), None);
    harness.get_by_label_contains("Sky chart: ISS");
    assert!((harness.state().state().sky.max_magnitude - 4.5).abs() < 1e-9);
    assert!(harness.state().state().sky.show_constellations);
    harness.get_by_label("Constellations").click();
    harness.get_by_label("Dark site (Milky Way)").click();
    harness.step();
    harness.step();
    assert!(!harness.state().state().sky.show_constellations);
    assert!(harness.state().state().sky.dark_site);
    harness.get_by_label("Sky now").click();
    harness.step();
    harness.step();
    assert!(harness.state().state().sky.show_now);
    // The heading and the switch.
    assert_eq!(harness.query_all_by_label("Sky now").count(), 2);
    assert!(harness.query_by_label_contains("Sky chart: ISS").is_none());
}

#[test]
fn sky_now_names_the_chosen_satellite_that_is_up() {
    // The fixture's ISS rises over Seoul at 19:10:51 UTC on 23 Aug 2026; two minutes
    // later it is up, and the "now" view (a switch while a pass is selected) names it.
    let mut harness = app_dated_at("2026-08-23T19:13:00Z".parse().unwrap(), iss_settings());
    if harness.query_all_by_label("Sky now").count() == 1 {
        harness.get_by_label("Sky now").click();
        harness.step();
        harness.step();
    }
    harness.get_by_label_contains("Up now: ISS (ZARYA)");
}

#[test]
fn a_click_on_the_sky_chart_places_a_binocular_circle_that_can_be_removed() {
    let mut harness = app(Some(iss_settings()), None);
    harness.get_by_label_contains("Click the chart for a 7° binocular field");
    // The chart's centre (the zenith) is halfway between its N and its S.
    let painted = painted_text_rects(&harness);
    let at = |point: &str| {
        painted
            .iter()
            .find(|(t, _)| t == point)
            .unwrap_or_else(|| panic!("no {point} on the chart"))
            .1
            .center()
    };
    let zenith = egui::pos2(at("N").x, (at("N").y + at("S").y) / 2.0);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: zenith,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.step();
    harness.get_by_label("Remove binocular circle").click();
    harness.step();
    harness.step();
    assert!(harness.query_by_label("Remove binocular circle").is_none());
}

/// Every text the last frame painted (labels, and what the sky chart draws itself), in
/// paint order.
fn painted_texts(harness: &Harness<'static, OverheadApp>) -> Vec<String> {
    painted_text_rects(harness)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// The options of the app on the fixture with `settings` and its clock from `now`: no
/// settings file, no network, no desktop notifications.
pub(crate) fn fixture_options(now: NowSource, settings: Settings) -> AppOptions {
    AppOptions {
        now,
        settings_path: None,
        initial_settings: Some(settings),
        load_catalog: Some(Box::new(fixture_catalog)),
        export_dir: None,
        cache_dir: None,
        auto_refresh: false,
        notifications: false,
    }
}

/// The fixture app in `lang`, loaded and searched.
fn app_in(lang: Lang, settings: Settings) -> Harness<'static, OverheadApp> {
    app_sized(lang, (1400.0, 900.0), now(), settings)
}

/// The fixture app at `at`, `size` points, in `lang`, loaded and searched.
fn app_sized(
    lang: Lang,
    size: (f32, f32),
    at: DateTime<Utc>,
    settings: Settings,
) -> Harness<'static, OverheadApp> {
    app_sized_with(lang, size, fixture_options(NowSource::Fixed(at), settings))
}

/// The app with `options`, `size` points, in `lang` (the test thread's), loaded and
/// searched; its frames are 50 ms apart, so that two clicks in a row are a double click.
fn app_sized_with(
    lang: Lang,
    size: (f32, f32),
    options: AppOptions,
) -> Harness<'static, OverheadApp> {
    overhead::i18n::set_thread_language(Some(lang));
    let mut options = Some(options);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_step_dt(0.05)
        .build_eframe(move |cc| {
            OverheadApp::new(&cc.egui_ctx, options.take().expect("built once"))
        });
    settle(&mut harness);
    harness
}

/// Clicks the pass-table row showing `text` (the first such), as a mouse would: the row,
/// not its label, takes the click.
fn click_row_showing(harness: &mut Harness<'static, OverheadApp>, text: &str) {
    let at = harness
        .query_all_by_label(text)
        .next()
        .unwrap_or_else(|| panic!("no row shows {text}"))
        .rect()
        .center();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.step();
}

#[test]
fn korean_pass_table_has_korean_column_heads() {
    let mut harness = app_in(Lang::Ko, iss_settings());
    harness.get_by_label("통과 목록");
    // "위성" heads both the table's first column and the picker.
    assert!(harness.query_all_by_label("위성").count() >= 2);
    for title in [
        "날짜",
        "나타남",
        "최고점 (보이는 동안)",
        "사라짐",
        "밝기",
        "끝남",
    ] {
        harness.get_by_label(title);
    }
    // Under each of the three groups (the live panel has a "고도" of its own).
    for sub in ["시각", "고도", "방향"] {
        assert!(harness.query_all_by_label(sub).count() >= 3, "{sub}");
    }
    harness.get_by_label("보이는 것만");
    harness.get_by_label("CSV 저장");
    harness.get_by_label("수업 자료 인쇄…");
    harness.get_by_label("기간");
    harness.get_by_value("앞으로 2일");
    let summary = label_containing(&harness, " 통과 ");
    assert!(summary.ends_with('번'), "{summary}");
    assert!(harness.query_by_label("Appears").is_none());
    // The horizon columns, a click away.
    harness.get_by_label("지평선 기준").click();
    harness.step();
    harness.step();
    for title in ["뜸", "최고점", "짐", "걸린 시간", "맨눈으로?"] {
        harness.get_by_label(title);
    }
    assert!(harness.query_by_label("나타남").is_none());
}

#[test]
fn korean_sky_chart_marks_the_pass_and_names_the_sky_in_korean() {
    let mut harness = app_in(Lang::Ko, iss_settings());
    // The visible pass seen from 03:28 KST on 23 Aug (the first one listed is not seen).
    click_row_showing(&mut harness, "03:28:03");
    harness.get_by_label_contains("하늘 지도: ISS");
    harness.get_by_label("별자리");
    harness.get_by_label("어두운 곳 (은하수)");
    harness.get_by_label("지금 하늘");
    harness.get_by_label("지도를 누르면 쌍안경 시야(7°)가 그려져요.");
    harness.get_by_label_contains("실선: 햇빛을 받는 구간, 점선: 지구 그림자 속.");
    harness.step();
    let painted = painted_texts(&harness);
    // The path's marks: where it rises and sets, where it is first seen and where it is
    // lost (its highest point is where it appears: that label gives way).
    for mark in ["뜸", "짐", "나타남", "사라짐"] {
        assert!(painted.iter().any(|t| t == mark), "{mark} in {painted:?}");
    }
    for english in [
        "appears",
        "rise",
        "set",
        "vanishes",
        "fades into shadow",
        "Sun",
    ] {
        assert!(!painted.iter().any(|t| t == english), "{english}");
    }
    // Stars, constellations and planets by their Korean names.
    for name in ["베가", "고니자리", "화성"] {
        assert!(painted.iter().any(|t| t == name), "{name} in {painted:?}");
    }
    assert!(
        !painted
            .iter()
            .any(|t| t == "Vega" || t == "CYGNUS" || t == "Mars")
    );
}

#[test]
fn korean_clock_bar_labels() {
    let mut harness = app_in(Lang::Ko, iss_settings());
    for label in [
        "실시간",
        "-1시간",
        "-1분",
        "+1분",
        "+1시간",
        "이 통과로 가기",
    ] {
        harness.get_by_label(label);
    }
    harness.get_by_label("멈춤").click();
    harness.step();
    harness.step();
    harness.get_by_label("재생");
    harness.get_by_label("(멈춤)");
    harness.get_by_label("x1000").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("(모의 시각, x1000)");
}

#[test]
fn english_pass_table_and_sky_chart_marks() {
    overhead::i18n::set_thread_language(Some(Lang::En));
    let mut harness = app(Some(iss_settings()), None);
    for title in ["Satellite", "Date", "Appears", "Mag", "Ends", "Export CSV"] {
        harness.get_by_label(title);
    }
    for label in ["Live", "-1 h", "+1 min", "Jump to this pass", "Window"] {
        harness.get_by_label(label);
    }
    harness.get_by_value("next 2 days");
    click_row_showing(&mut harness, "03:28:03");
    let painted = painted_texts(&harness);
    for mark in ["rise", "set", "appears", "vanishes", "CYGNUS"] {
        assert!(painted.iter().any(|t| t == mark), "{mark} in {painted:?}");
    }
    // Star names give way to the pass's own labels (which one depends on the chart's
    // size), but the brightest of the summer sky are named.
    let stars = ["Vega", "Deneb", "Capella", "Altair"];
    assert!(
        painted
            .iter()
            .filter(|t| stars.contains(&t.as_str()))
            .count()
            >= 2,
        "{painted:?}"
    );
}

/// Every painted text with the screen rectangle it covers.
fn painted_text_rects(harness: &Harness<'static, OverheadApp>) -> Vec<(String, egui::Rect)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => out.push((
                text.galley.text().to_owned(),
                text.galley.rect.translate(text.pos.to_vec2()),
            )),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn the_names_of_the_sky_keep_clear_of_the_pass_labels() {
    overhead::i18n::set_thread_language(Some(Lang::En));
    let mut harness = app(Some(iss_settings()), None);
    click_row_showing(&mut harness, "03:28:03");
    let painted = painted_text_rects(&harness);
    let sky_names: Vec<String> = overhead::atlas::sky::stars()
        .iter()
        .map(|s| s.name.clone())
        .chain(
            overhead::atlas::sky::constellations()
                .iter()
                .map(|c| c.name.to_uppercase()),
        )
        .filter(|name| !name.is_empty())
        .collect();
    let is_time = |t: &str| t.len() == 5 && t.as_bytes()[2] == b':';
    let pass_labels: Vec<&(String, egui::Rect)> = painted
        .iter()
        .filter(|(t, _)| ["rise", "set", "appears", "vanishes"].contains(&t.as_str()) || is_time(t))
        .collect();
    let sky_labels: Vec<&(String, egui::Rect)> = painted
        .iter()
        .filter(|(t, _)| sky_names.contains(t))
        .collect();
    assert!(pass_labels.len() >= 4, "{pass_labels:?}");
    assert!(sky_labels.len() >= 3, "{sky_labels:?}");
    for (name, rect) in &sky_labels {
        for (label, taken) in &pass_labels {
            assert!(
                !rect.shrink(1.0).intersects(*taken),
                "{name} at {rect:?} covers {label} at {taken:?}"
            );
        }
    }
}

#[test]
fn korean_location_window_and_picker() {
    let mut harness = app_in(Lang::Ko, Settings::default());
    harness.get_by_label("어디에 있나요?");
    for label in ["위도", "경도", "높이", "이 좌표 쓰기", "지도에서 고르기"] {
        harness.get_by_label(label);
    }
    harness.get_by_label("또는 좌표를 넣으세요 (북위·동경은 +, 남위·서경은 −):");
    // Towns by their Korean names.
    type_into(&mut harness, "도시 이름 찾기", "부산");
    harness.get_by_label_contains("부산, 대한민국").click();
    harness.step();
    settle(&mut harness);
    assert!(harness.query_by_label("어디에 있나요?").is_none());
    assert_eq!(
        harness.state().state().settings.observer().name,
        "부산, 대한민국"
    );
    // The picker.
    type_into(&mut harness, "이름이나 NORAD 번호로 찾기", "iss");
    harness.get_by_label("따라가기");
    harness.get_by_label("카탈로그에 위성 10개");
}

#[test]
fn in_korean_the_top_bar_and_map_speak_korean() {
    let harness = app_in(Lang::Ko, iss_settings());
    // The default place "Seoul" reads as the city list's Korean name.
    harness.get_by_label("위치: 서울");
    for label in [
        "시간대",
        "화면 색",
        "알림",
        "발표 모드",
        "언어 · Language",
        "지도",
        "모든 위성",
        "국경",
        "확대",
        "축소",
        "세계 전체",
        "내 위치로",
        "지도에서 위치 정하기",
    ] {
        harness.get_by_label(label);
    }
    // The language menu shows its choice in its own name.
    assert_eq!(
        harness
            .get_by_label("언어 · Language")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("시스템 설정")
    );
    harness.get_by_label_contains("위성 10개, test fixture");
    harness.get_by_label_contains("ISS (ZARYA): 지금 ");
    harness.get_by_label("세계 지도");
    assert!(harness.query_by_label("Presentation").is_none());
    assert!(harness.query_by_label("Zoom in").is_none());
    overhead::i18n::set_thread_language(None);
}

#[test]
fn the_language_menu_switches_the_window_to_korean_and_back() {
    let mut harness = app_in(Lang::En, iss_settings());
    harness.get_by_label("Presentation");
    harness.get_by_label("Language").click();
    harness.step();
    harness.step();
    harness.get_by_label("한국어").click();
    harness.step();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().state().settings.language,
        Some(Lang::Ko),
        "the choice is a setting"
    );
    assert_eq!(overhead::i18n::language(), Lang::Ko);
    harness.get_by_label("발표 모드");
    harness.get_by_label("지도");
    assert!(harness.query_by_label("Presentation").is_none());
    assert_eq!(
        harness
            .get_by_label("언어 · Language")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("한국어")
    );
    // And back, by the language's own name.
    harness.get_by_label("언어 · Language").click();
    harness.step();
    harness.step();
    harness.get_by_label("English").click();
    harness.step();
    harness.step();
    harness.step();
    assert_eq!(harness.state().state().settings.language, Some(Lang::En));
    harness.get_by_label("Presentation");
    harness.get_by_label("Map");
    overhead::i18n::set_thread_language(None);
}

#[test]
fn a_saved_language_applies_at_start() {
    let settings = Settings {
        language: Some(Lang::Ko),
        ..iss_settings()
    };
    // The thread starts in English: the saved setting turns it Korean.
    let harness = app_in(Lang::En, settings);
    assert_eq!(overhead::i18n::language(), Lang::Ko);
    harness.get_by_label("발표 모드");
    harness.get_by_label("자동 새로 받기");
    overhead::i18n::set_thread_language(None);
}

#[test]
fn in_korean_the_first_run_location_window_names_the_default_place_in_korean() {
    // A first start: the location window opens over the default place, "Seoul".
    let mut harness = app_in(Lang::Ko, Settings::default());
    harness.get_by_label("어디에 있나요?");
    harness.get_by_label_contains("지금: 서울 (북위 37.5665°");
    // Only the time zone's IANA name is left in English.
    let english: Vec<String> = harness
        .query_all_by_label_contains("Seoul")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| !l.contains("Asia/Seoul"))
        .collect();
    assert!(english.is_empty(), "{english:?}");
    // Choosing Seoul from the Korean list keeps the saved place (and its English name in
    // the settings), and the top bar still reads it in Korean.
    type_into(&mut harness, "도시 이름 찾기", "서울");
    harness.get_by_label_contains("서울, 대한민국").click();
    harness.step();
    settle(&mut harness);
    let settings = &harness.state().state().settings;
    assert_eq!(settings.observers.len(), 1, "{:?}", settings.observers);
    assert_eq!(settings.observer().name, "Seoul");
    harness.get_by_label("위치: 서울");
}

// ---- Issue 23: the clock's typed time, Sky now's bright satellites, the Identify mode ----

#[test]
fn a_typed_date_and_time_sets_the_clock() {
    let mut harness = app(Some(iss_settings()), None);
    // The empty field shows the clock's time in the observer's zone (Seoul, UTC+9), in the
    // form it reads; what is typed is in that zone too.
    type_into(&mut harness, "2026-08-22 21:00", "2026-08-23 03:28:10");
    harness.get_by_label("Set clock").click();
    harness.step();
    harness.step();
    let expected: DateTime<Utc> = "2026-08-22T18:28:10Z".parse().unwrap();
    assert_eq!(harness.state().sim_time(), expected);
    // Unreadable text says so and moves nothing.
    type_into(&mut harness, "2026-08-23 03:28", "tomorrow at nine");
    harness.get_by_label("Set clock").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Not a time");
    assert_eq!(harness.state().sim_time(), expected);
}

#[test]
fn sky_now_names_a_bright_satellite_nobody_chose() {
    // Nothing chosen; the ISS (standard magnitude known) is up and sunlit over Seoul at
    // 03:28 KST on 23 Aug, so the "now" view names it anyway.
    let mut harness = app_dated_at("2026-08-22T18:28:10Z".parse().unwrap(), settled_settings());
    // The followed ISS's pass is on the chart: switch to the "now" view.
    if harness.query_all_by_label("Sky now").count() == 1 {
        harness.get_by_label("Sky now").click();
        harness.step();
        harness.step();
    }
    harness.get_by_label_contains("Up now: ISS (ZARYA)");
}

/// The screen position of a direction on the sky chart whose compass is right of `min_x`,
/// from where the chart painted its compass points N and S (at 9° below the horizon, 99
/// chart units from the centre).
fn chart_position_right_of(
    harness: &Harness<'static, OverheadApp>,
    min_x: f32,
    azimuth_deg: f64,
    elevation_deg: f64,
) -> egui::Pos2 {
    let painted = painted_text_rects(harness);
    let side = |label: &str| {
        painted
            .iter()
            .filter(|(text, rect)| text == label && rect.center().x > min_x)
            .map(|(_, rect)| rect.center())
            .next()
            .unwrap_or_else(|| panic!("the chart's {label} is not painted"))
    };
    let (n, s) = (side("N"), side("S"));
    let centre = egui::pos2((n.x + s.x) / 2.0, (n.y + s.y) / 2.0);
    let points_per_degree = f64::from(s.y - n.y) / 198.0;
    let r = (90.0 - elevation_deg) * points_per_degree;
    let az = azimuth_deg.to_radians();
    egui::pos2(
        centre.x - (r * az.sin()) as f32,
        centre.y - (r * az.cos()) as f32,
    )
}

/// Turns the Identify mode on, clicks the ISS's sighting over Seoul on the chart (`min_x`
/// as in [`chart_position_right_of`]), waits for the candidates and checks that the ISS
/// is the first, in the list and as a labelled path.
fn identify_the_iss_by_clicks(harness: &mut Harness<'static, OverheadApp>, min_x: f32) {
    harness.get_by_label("What was that?").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Set the clock to when you saw it");
    for (az, el) in [(27.0, 24.0), (28.5, 22.5)] {
        let at = chart_position_right_of(harness, min_x, az, el);
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
            harness.step();
        }
        harness.step();
    }
    // The search runs on a worker thread.
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains("1. ISS (ZARYA)").is_some() {
            break;
        }
        std::thread::sleep(StdDuration::from_millis(20));
    }
    // The list's rows are buttons (a click follows the satellite): their text is a label.
    let row = harness
        .get_by_label_contains("1. ISS (ZARYA)")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(row.contains("same way"), "{row}");
    let verdict = label_containing(harness, "ISS (ZARYA): passed");
    assert!(verdict.contains("moving the same way"), "{verdict}");
    // Its path is drawn through the clicks, labelled.
    assert!(
        painted_texts(harness).iter().any(|t| t == "1. ISS (ZARYA)"),
        "no labelled path"
    );
}

#[test]
fn identify_mode_names_the_iss_from_two_clicks_on_the_chart() {
    // The ISS over Seoul at 03:28:10 KST on 23 Aug: NNE, 24° up, sinking towards the NE.
    let mut harness = app_dated_at("2026-08-22T18:28:10Z".parse().unwrap(), settled_settings());
    identify_the_iss_by_clicks(&mut harness, 900.0);
}

#[test]
fn identify_mode_works_on_the_enlarged_chart() {
    let mut harness = app_dated_at("2026-08-22T18:28:10Z".parse().unwrap(), settled_settings());
    harness.get_by_label("Enlarge").click();
    harness.step();
    harness.step();
    // The whole window is the chart: its compass is the only one.
    identify_the_iss_by_clicks(&mut harness, 0.0);
    harness.get_by_label("Close");
}

// ---- The Transits view (issue 24) ----

/// The window at Cape Town on the morning the ISS crosses the Sun over it (31 Aug 2026,
/// 08:59:39 UTC), the clock fixed a minute and a half before.
fn cape_town_transits_app(export_dir: Option<std::path::PathBuf>) -> Harness<'static, OverheadApp> {
    let settings = Settings {
        observers: vec![overhead::settings::ObserverSite {
            name: "Cape Town".to_owned(),
            latitude_deg: -33.9249,
            longitude_deg: 18.4241,
            altitude_m: 10.0,
            time_zone: Some("Africa/Johannesburg".to_owned()),
        }],
        current_observer: 0,
        ..settled_settings()
    };
    app_at(
        "2026-08-31T08:58:00Z".parse().unwrap(),
        Some(settings),
        None,
        export_dir,
    )
}

/// Steps frames until no transit search runs.
fn settle_transits(harness: &mut Harness<'static, OverheadApp>) {
    for _ in 0..2000 {
        harness.step();
        let runtime = harness.state().transit_runtime();
        if !runtime.is_busy() && runtime.results.is_some() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(StdDuration::from_millis(10));
    }
    panic!("the transit search ran for 20 s");
}

#[test]
fn the_transits_view_lists_the_iss_across_the_sun_and_searches_once_per_change() {
    let mut harness = cape_town_transits_app(None);
    harness.get_by_label("Transits").click();
    harness.step();
    settle_transits(&mut harness);
    assert!(harness.state().state().transits.open);
    // The list, the sentence, the banner before it and the Sun's warning.
    harness.get_by_label_contains("Mon 31 Aug 10:59:39 · Sun · the ISS · here · a transit here");
    harness
        .get_by_label_contains("Sun transit by the ISS, Mon 31 Aug 10:59:39 right where you are");
    harness.get_by_label_contains(": Sun transit by the ISS right where you are, 10:59:39");
    assert!(
        harness
            .query_all_by_label_contains("certified solar filter")
            .count()
            >= 2
    );
    harness.get_by_label("Map of the centre lines around you");
    harness.get_by_label("Close-up of the disc with the satellite's path");
    // Frames with nothing changed search nothing.
    let searched = harness.state().transit_runtime().started;
    assert_eq!(searched, 1);
    for _ in 0..30 {
        harness.step();
    }
    assert_eq!(harness.state().transit_runtime().started, searched);
    // A wider radius searches once more, and so does the next day.
    harness.state_mut().state_mut().transits.radius_km = 100.0;
    settle_transits(&mut harness);
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().transit_runtime().started, searched + 1);
    harness
        .state_mut()
        .set_fixed_now("2026-09-01T08:58:00Z".parse().unwrap());
    settle_transits(&mut harness);
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().transit_runtime().started, searched + 2);
}

#[test]
fn the_transits_export_as_a_calendar_with_the_place_and_the_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = cape_town_transits_app(Some(dir.path().to_path_buf()));
    harness.get_by_label("Transits").click();
    harness.step();
    settle_transits(&mut harness);
    let count = harness
        .state()
        .transit_runtime()
        .results
        .as_ref()
        .unwrap()
        .transits
        .len();
    assert!(count >= 3, "{count}");
    harness.get_by_label("Export calendar…").click();
    harness.step();
    harness.step();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    // Unfolded (RFC 5545 folds lines at 75 octets).
    let ics = std::fs::read_to_string(&files[0])
        .unwrap()
        .replace("\r\n ", "");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), count);
    assert!(
        ics.contains("SUMMARY:Sun transit by the ISS right where you are"),
        "{ics}"
    );
    assert!(ics.contains("GEO:-33.9"), "{ics}");
    assert!(ics.contains("certified solar filter"), "{ics}");
}

// Issue 20's window side: times, the sky chart, columns at 1024×768, presentation mode.
mod chart_and_times;

#[test]
fn the_clock_bar_keeps_to_one_line_on_a_small_projector() {
    // At 1024 px (English) and 1280 px (Korean, whose date is longer) the speeds go into a
    // menu and the date and time stay on the bar's one line, whole.
    for (lang, size, live) in [
        (Lang::En, (1024.0, 768.0), "Live"),
        (Lang::Ko, (1280.0, 720.0), "실시간"),
        (Lang::En, (1400.0, 900.0), "Live"),
    ] {
        let harness = app_sized(lang, size, now(), iss_settings());
        let live_button = harness.get_by_label(live).rect();
        let clock = harness
            .query_all_by_label_contains("KST")
            .find(|n| {
                n.accesskit_node()
                    .value()
                    .is_some_and(|v| v.ends_with("  KST"))
            })
            .unwrap_or_else(|| panic!("{lang:?} {size:?}: no date and time"))
            .rect();
        assert!(
            (clock.center().y - live_button.center().y).abs() < 4.0,
            "{lang:?} {size:?}: the time {clock:?} is not beside {live} {live_button:?}"
        );
        assert!(clock.max.x <= size.0, "{lang:?} {size:?}: {clock:?}");
    }
}
