//! A window that rests (issue 21): the pass searches the app starts over a simulated night,
//! counted, and the frames it asks for with the clock live, fast or paused.
//!
//! Driven headless with egui_kittest like `ui`, on the same nine-satellite fixture.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use overhead::settings::Settings;
use overhead::ui::{AppOptions, NowSource, OverheadApp};

use crate::ui::{app_at, build, fixture_catalog, fixture_options, iss_settings, settled_settings};
use crate::util::settle;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Opens the window menu and picks `label` ("Tonight", "next 24 h").
fn choose_window(harness: &mut Harness<'static, OverheadApp>, label: &str) {
    harness.get_by_label("Window").click();
    harness.step();
    harness.step();
    harness.get_by_label(label).click();
    harness.step();
    settle(harness);
}

/// Runs the clock from the app's real `from` for `real_s` seconds of real time in frames
/// `frame_s` apart, letting each search finish (as a worker does between frames).
fn run_clock(
    harness: &mut Harness<'static, OverheadApp>,
    from: DateTime<Utc>,
    real_s: f64,
    frame_s: f64,
) -> DateTime<Utc> {
    let frames = (real_s / frame_s).ceil() as i64;
    let mut real = from;
    for _ in 0..frames {
        real += Duration::milliseconds((frame_s * 1000.0) as i64);
        harness.state_mut().set_fixed_now(real);
        harness.step();
        settle_searches(harness);
    }
    real
}

/// Steps frames until no search runs, without moving the clock.
fn settle_searches(harness: &mut Harness<'static, OverheadApp>) {
    for _ in 0..1000 {
        if !harness.state().is_busy() {
            return;
        }
        std::thread::sleep(StdDuration::from_millis(5));
        harness.step();
    }
    panic!("a search ran for 5 s");
}

#[test]
fn tonight_is_searched_once_per_night_whatever_the_clock_speed() {
    // Issue 21: the Tonight view started a new search every frame ("Searching… 0/58"), as
    // its window began at "now − 15 min" and dusk wobbled by a second between frames.
    // Seoul, from 17:00 KST (08:00 UTC), before civil dusk (19:45 KST).
    for (rate, frame_s) in [("x60", 2.0), ("x1000", 0.1)] {
        let start = at("2026-08-22T08:00:00Z");
        let mut harness = app_at(start, Some(iss_settings()), None, None);
        let before = harness.state().searches_started();
        choose_window(&mut harness, "Tonight");
        assert_eq!(harness.state().searches_started(), before + 1, "{rate}");
        let evening = harness.state().passes().unwrap().request.clone();
        harness.get_by_label(rate).click();
        harness.step();
        // Through dusk, midnight and dawn (05:27 KST) to 08:00 KST: 15 simulated hours.
        let speed = if rate == "x60" { 60.0 } else { 1000.0 };
        let real_s = 15.0 * 3600.0 / speed;
        run_clock(&mut harness, start, real_s, frame_s);
        let t = harness.state().sim_time();
        assert!(t > at("2026-08-22T22:59:00Z"), "{rate}: clock at {t}");
        // One search for the night asked in the evening, one for the next night after dawn.
        assert_eq!(
            harness.state().searches_started(),
            before + 2,
            "{rate}: searches started"
        );
        // The evening's search served from dusk (19:45 KST) to dawn (05:27 KST); the
        // next one is the following night.
        assert!(
            evening.start > at("2026-08-22T10:30:00Z"),
            "{}",
            evening.start
        );
        assert!(evening.end > at("2026-08-22T20:20:00Z"), "{}", evening.end);
        assert!(evening.end < at("2026-08-22T20:40:00Z"), "{}", evening.end);
        let next = &harness.state().passes().unwrap().request;
        assert!(next.start > evening.end + Duration::hours(12), "{rate}");
    }
}

#[test]
fn changes_of_satellites_place_or_settings_each_search_once() {
    // 22:00 KST, in the night: the window runs from 21:45 KST to dawn.
    let start = at("2026-08-22T13:00:00Z");
    let mut harness = app_at(start, Some(iss_settings()), None, None);
    choose_window(&mut harness, "Tonight");
    let base = harness.state().searches_started();
    assert_eq!(
        harness.state().passes().unwrap().request.start,
        at("2026-08-22T12:45:00Z")
    );
    harness.get_by_label("x60").click();
    harness.step();
    let mut real = run_clock(&mut harness, start, 60.0, 2.0);
    assert_eq!(harness.state().searches_started(), base, "the clock alone");

    // Satellites: every bright one instead of the chosen.
    harness.get_by_label("All bright ones").click();
    harness.step();
    settle_searches(&mut harness);
    real = run_clock(&mut harness, real, 20.0, 2.0);
    assert_eq!(harness.state().searches_started(), base + 1, "satellites");
    // The night is the one first asked: the new rows start where the old ones did.
    assert_eq!(
        harness.state().passes().unwrap().request.start,
        at("2026-08-22T12:45:00Z")
    );

    // Settings: the next 24 hours, then tonight again.
    choose_window(&mut harness, "next 24 h");
    choose_window(&mut harness, "Tonight");
    real = run_clock(&mut harness, real, 20.0, 2.0);
    assert_eq!(harness.state().searches_started(), base + 3, "window");

    // Place: a click on the map.
    harness.get_by_label("Set location on map").click();
    harness.step();
    harness.step();
    let centre = harness.get_by_label("World map").rect().center();
    harness.hover_at(centre);
    harness.step();
    harness.get_by_label("World map").click();
    harness.step();
    settle_searches(&mut harness);
    run_clock(&mut harness, real, 20.0, 2.0);
    assert_eq!(harness.state().searches_started(), base + 4, "place");
}

/// The app on the fixture with a clock that runs with real time, as the real window's
/// does (from 2026-08-22 12:00 UTC), loaded and searched.
fn live_app(settings: Settings) -> Harness<'static, OverheadApp> {
    let mut harness = build(fixture_options(
        NowSource::StartingAt(at("2026-08-22T12:00:00Z")),
        settings,
    ));
    settle(&mut harness);
    harness
}

/// How long egui was asked to wait before the next frame (`Duration::MAX`: not at all),
/// once the input of the last steps has been handled (input asks for a frame at once).
fn repaint_delay(harness: &mut Harness<'static, OverheadApp>) -> StdDuration {
    let delay = |harness: &Harness<'static, OverheadApp>| {
        harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .expect("the root viewport")
            .repaint_delay
    };
    for _ in 0..5 {
        if delay(harness) > StdDuration::ZERO {
            break;
        }
        harness.step();
    }
    let d = delay(harness);
    assert!(
        d > StdDuration::ZERO,
        "asks for frames at once: {:?}",
        harness.ctx.repaint_causes()
    );
    d
}

#[test]
fn the_window_asks_for_a_frame_a_second_when_live_and_none_when_paused() {
    let mut harness = live_app(Settings {
        satellites: vec![25_544],
        ..settled_settings()
    });
    // The pointer rests outside the window: no tooltip is waiting to open.
    harness.remove_cursor();
    harness.step();
    harness.step();
    let live = repaint_delay(&mut harness);
    assert!(
        live > StdDuration::from_millis(30) && live <= StdDuration::from_millis(1010),
        "live x1: next frame in {live:?}"
    );
    harness.get_by_label("x10").click();
    harness.step();
    harness.remove_cursor();
    harness.step();
    let fast = repaint_delay(&mut harness);
    assert!(
        fast >= StdDuration::from_millis(33) && fast <= StdDuration::from_millis(110),
        "x10: next frame in {fast:?}"
    );
    harness.get_by_label("Pause").click();
    harness.step();
    harness.remove_cursor();
    harness.step();
    harness.step();
    assert_eq!(repaint_delay(&mut harness), StdDuration::MAX, "paused");
}

#[test]
fn a_focused_search_box_stops_asking_for_frames_once_the_cursor_rests() {
    let mut harness = live_app(settled_settings());
    // Space pauses the clock, "/" goes to the satellite search (and types no slash).
    harness.key_press(egui::Key::Space);
    harness.step();
    harness.step();
    harness.get_by_label("Play");
    harness.key_press(egui::Key::Slash);
    harness.step();
    harness.step();
    assert!(
        harness
            .ctx
            .memory(|m| m.has_focus(overhead::ui::picker::Picker::search_id()))
    );
    assert_eq!(harness.state().state().picker.query, "");
    harness.remove_cursor();
    harness.step();
    // Blinking: a frame within half a second.
    let blinking = repaint_delay(&mut harness);
    assert!(blinking <= StdDuration::from_millis(500), "{blinking:?}");
    // Ten seconds later (egui's input time), the cursor stays lit and the window rests.
    let time_s = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(time_s + 11.0);
    harness.step();
    harness.step();
    assert_eq!(repaint_delay(&mut harness), StdDuration::MAX);
}

#[test]
fn a_pasted_megabyte_is_cut_to_a_few_hundred_characters_in_both_search_boxes() {
    // Issue 21: a 1 MB paste into the satellite search grew the window to 1 GB (the text
    // laid out and searched every frame).
    let megabyte = "starlink ".repeat(120_000);
    // A first start: the town search is open too.
    let mut harness = app_at(at("2026-08-22T12:00:00Z"), None, None, None);
    for hint in ["Search name or NORAD number", "Search a town or city"] {
        harness.get_by(|n| n.placeholder() == Some(hint)).focus();
        harness.step();
        harness.event(egui::Event::Paste(megabyte.clone()));
        harness.step();
        harness.step();
    }
    let state = harness.state().state();
    assert_eq!(state.picker.query.chars().count(), 200);
    assert!(state.picker.query.starts_with("starlink starlink"));
    assert_eq!(state.location.query.chars().count(), 200);
}

#[test]
fn nothing_moves_down_when_the_catalog_arrives() {
    // Issue 21: the top bar wrapped to a second line a second after the start, when the
    // catalog's words (count, age, refresh, freshness) replaced "Loading satellites…", and
    // pushed every panel down. Old elements make that line its longest.
    let go = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let wait = go.clone();
    let mut harness = build(AppOptions {
        load_catalog: Some(Box::new(move |t| {
            while !wait.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(StdDuration::from_millis(5));
            }
            let mut data = fixture_catalog(t)?;
            data.data_epoch = data.get(25_544).map(|s| s.set.epoch);
            Ok(data)
        })),
        ..fixture_options(NowSource::Fixed(at("2026-12-01T12:00:00Z")), iss_settings())
    });
    harness.step();
    harness.step();
    assert!(harness.query_all_by_label("Loading satellites…").count() >= 1);
    let top = |harness: &Harness<'static, OverheadApp>| {
        (
            harness.get_by_label("Satellites").rect().top(),
            harness.get_by_label("Map").rect().top(),
        )
    };
    let loading = top(&harness);
    go.store(true, std::sync::atomic::Ordering::Relaxed);
    settle(&mut harness);
    harness.get_by_label("Use the data's date");
    assert_eq!(top(&harness), loading);
}

#[test]
fn the_sky_charts_stars_are_laid_once_a_minute_not_every_frame() {
    // The Milky Way, the constellation figures and some 2,500 stars of a dark site are an
    // image, laid again when the sky moves (a new simulated minute) or a switch changes.
    let start = at("2026-08-22T13:00:05Z");
    let mut harness = app_at(start, Some(iss_settings()), None, None);
    {
        let sky = &mut harness.state_mut().state_mut().sky;
        sky.show_now = true;
        sky.dark_site = true;
        sky.max_magnitude = 6.0;
    }
    harness.step();
    harness.step();
    let laid = |h: &Harness<'static, OverheadApp>| h.state().state().sky.sky_images_laid();
    let first = laid(&harness);
    assert!(first >= 1, "the chart drew no sky");
    // Frames within the same minute (one a second, as at x1): the image is kept.
    for s in 1..50 {
        harness
            .state_mut()
            .set_fixed_now(start + Duration::seconds(s));
        harness.step();
    }
    assert_eq!(laid(&harness), first, "laid again within the minute");
    // The next minute: the stars have moved 0.25°, laid once more.
    harness
        .state_mut()
        .set_fixed_now(at("2026-08-22T13:01:01Z"));
    harness.step();
    harness.step();
    assert_eq!(laid(&harness), first + 1, "the new minute");
    // A switch: the constellation figures off.
    harness.state_mut().state_mut().sky.show_constellations = false;
    harness.step();
    harness.step();
    assert_eq!(laid(&harness), first + 2, "the switch");
}
