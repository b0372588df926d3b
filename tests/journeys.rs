//! The first evening (issue 20), played as newcomers play it, in the window driven headless
//! with egui_kittest at the four screen sizes people have: a first start in London
//! (English) and in Seoul (Korean), a teacher in Seoul preparing a lesson on the Korean
//! reconnaissance satellites, and a hobbyist in London after tonight's bright passes.
//!
//! The catalog is the bundled snapshot of 22 Aug 2026 (only the satellites the journeys
//! meet: the ready lists and those bright to the eye), the clock is pinned to that day,
//! and the first start is given the settings the computer's time zone and language
//! propose (`Settings::for_first_start`, as `AppOptions::from_env` does with `TZ` and
//! `LANG`).

use chrono::{DateTime, Utc};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use overhead::i18n::Lang;
use overhead::settings::Settings;
use overhead::ui::catalog_data::CatalogData;
use overhead::ui::{AppOptions, NowSource, OverheadApp};

use crate::util::settle;

/// The four screen sizes of the issue: an old projector, a small laptop, a common
/// laptop, a desktop monitor.
const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 720.0),
    (1400.0, 900.0),
    (1920.0, 1080.0),
];

/// 2026-08-22 12:00 UTC: 13:00 in London (BST), 21:00 in Seoul (KST); the bundled
/// elements are of that day.
const NOW: &str = "2026-08-22T12:00:00Z";

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

/// The faintest sky the journeys choose (a dark site); the bright group of a fainter limit
/// holds most of the catalog, more than these tests need.
const JOURNEY_FAINTEST_LIMIT: f64 = 6.5;

/// The bundled snapshot's satellites a first evening meets: the ready lists and every
/// satellite bright to the eye under the faintest sky the journeys choose.
fn journey_catalog(_now: DateTime<Utc>) -> anyhow::Result<CatalogData> {
    let snapshot = overhead::catalog::bundled_snapshot()?;
    let magnitudes = overhead::catalog::bundled_std_magnitudes();
    let mut wanted: std::collections::HashSet<u64> = overhead::catalog::SATELLITE_LISTS
        .iter()
        .flat_map(|l| l.norad_ids())
        .collect();
    wanted.extend(
        overhead::catalog::bright_to_the_eye(
            snapshot
                .sets
                .iter()
                .filter_map(|s| Some((s, overhead::catalog::standard_magnitude(s)?))),
            JOURNEY_FAINTEST_LIMIT,
        )
        .iter()
        .map(|b| b.0),
    );
    let sets = snapshot
        .sets
        .iter()
        .filter(|s| wanted.contains(&s.norad_id))
        .cloned()
        .collect();
    let mut data = CatalogData::from_sets(sets, magnitudes, "bundled".to_owned(), Vec::new());
    data.data_epoch = Some(snapshot.median_epoch);
    Ok(data)
}

/// A first start at `size` on a computer in `zone` speaking `lang`, exporting to
/// `export_dir`: the app before its first frame.
fn first_start(
    size: (f32, f32),
    zone: &str,
    lang: Lang,
    export_dir: Option<std::path::PathBuf>,
) -> Harness<'static, OverheadApp> {
    overhead::i18n::set_thread_language(Some(lang));
    let mut options = Some(AppOptions {
        now: NowSource::Fixed(now()),
        settings_path: None,
        initial_settings: Some(Settings::for_first_start(Some(zone), lang)),
        load_catalog: Some(Box::new(journey_catalog)),
        export_dir,
        cache_dir: None,
        auto_refresh: false,
        notifications: false,
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .build_eframe(move |cc| {
            OverheadApp::new(&cc.egui_ctx, options.take().expect("built once"))
        });
    settle(&mut harness);
    harness
}

/// The screen rectangle of a widget whose label holds `text` and which lies wholly on the
/// screen (not scrolled or pushed out of the window at this size); fails when none does.
fn on_screen(harness: &Harness<'static, OverheadApp>, text: &str, size: (f32, f32)) -> egui::Rect {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
    let rects: Vec<egui::Rect> = harness
        .query_all_by_label_contains(text)
        .map(|n| n.rect())
        .collect();
    rects
        .iter()
        .copied()
        .find(|r| r.width() > 0.0 && screen.expand(1.0).contains_rect(*r))
        .unwrap_or_else(|| {
            panic!(
                "{text:?} is not on the {}x{} screen (found at {rects:?})",
                size.0, size.1
            )
        })
}

/// A widget labelled exactly `text` (a table row's satellite) lies wholly on the screen.
fn row_on_screen(harness: &Harness<'static, OverheadApp>, text: &str, size: (f32, f32)) {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
    let rects: Vec<egui::Rect> = harness.query_all_by_label(text).map(|n| n.rect()).collect();
    assert!(
        rects
            .iter()
            .any(|r| r.width() > 0.0 && screen.expand(1.0).contains_rect(*r)),
        "no row of {text:?} on the {}x{} screen (found at {rects:?})",
        size.0,
        size.1
    );
}

/// The label (or value) of the first widget whose label holds `text`.
fn label_of(harness: &Harness<'static, OverheadApp>, text: &str) -> String {
    let node = harness
        .query_all_by_label_contains(text)
        .next()
        .unwrap_or_else(|| panic!("nothing on screen says {text:?}"));
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

fn click(harness: &mut Harness<'static, OverheadApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.step();
    settle(harness);
}

/// The prompt of a first start names the proposed place; one click keeps it.
fn keep_the_proposed_place(
    harness: &mut Harness<'static, OverheadApp>,
    size: (f32, f32),
    prompt: &str,
    now_line: &str,
    keep: &str,
) {
    harness.get_by_label(prompt);
    on_screen(harness, now_line, size);
    on_screen(harness, keep, size);
    click(harness, keep);
    assert!(harness.query_by_label(prompt).is_none());
    assert!(harness.state().state().settings.first_run_done);
}

#[test]
fn a_first_start_in_london_speaks_english_and_tells_london_times() {
    for size in SIZES {
        let mut harness = first_start(size, "Europe/London", Lang::En, None);
        keep_the_proposed_place(
            &mut harness,
            size,
            "Where are you?",
            "Now: London (51.50",
            "Yes, use London",
        );
        let place = harness.state().state().settings.observer();
        assert_eq!(place.time_zone.as_deref(), Some("Europe/London"));
        on_screen(&harness, "Location: London", size);
        assert_eq!(
            harness
                .get_by_label("Times")
                .accesskit_node()
                .value()
                .as_deref(),
            Some("Europe/London (BST)")
        );
        // The famous ones, for everyone: the ISS, Tiangong and Hubble.
        assert_eq!(
            harness.state().state().settings.satellites,
            vec![25_544, 48_274, 20_580]
        );
        let summary = label_of(&harness, "passes from");
        assert!(summary.contains("Sat 22 Aug 2026 12:45"), "{summary}");
        assert!(summary.contains("Europe/London (BST)"), "{summary}");
        row_on_screen(&harness, "ISS (ZARYA)", size);
        // Tiangong is not seen from London in these two days: its line says when it is.
        let line = label_of(&harness, "CSS (TIANHE):");
        assert!(
            line.starts_with(
                "CSS (TIANHE): no visible pass in these 2 days; next visible Thu 03 Sep 21:11"
            ),
            "{line}"
        );
        on_screen(&harness, "CSS (TIANHE):", size);
        // Hubble's orbit (28.5°) never brings it above London's horizon: said as such.
        assert_eq!(
            label_of(&harness, "HST:"),
            "HST: never rises here (not in the next 30 days either)"
        );
        overhead::i18n::set_thread_language(None);
    }
}

#[test]
fn a_first_start_in_seoul_speaks_korean_with_the_korean_reconnaissance_satellites() {
    for size in SIZES {
        let mut harness = first_start(size, "Asia/Seoul", Lang::Ko, None);
        keep_the_proposed_place(
            &mut harness,
            size,
            "어디에 있나요?",
            "지금: 서울",
            "네, 서울에서 볼게요",
        );
        on_screen(&harness, "위치: 서울", size);
        assert_eq!(
            harness
                .get_by_label("시간대")
                .accesskit_node()
                .value()
                .as_deref(),
            Some("Asia/Seoul (KST)")
        );
        // The Korean reconnaissance satellites first, then the famous ones.
        let chosen = &harness.state().state().settings.satellites;
        assert_eq!(
            chosen[..6],
            [58_400, 58_463, 59_452, 62_377, 63_630, 66_293]
        );
        assert!(chosen.ends_with(&[25_544, 48_274, 20_580]));
        row_on_screen(&harness, "KORSAT-7", size);
        overhead::i18n::set_thread_language(None);
    }
}

#[test]
fn a_teacher_in_seoul_prepares_a_lesson_on_the_korean_reconnaissance_satellites() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = first_start(size, "Asia/Seoul", Lang::Ko, Some(dir.path().into()));
        click(&mut harness, "네, 서울에서 볼게요");
        // KORSAT-7 comes out of the shadow at 21:39 KST, 32° up in the north-north-east.
        let results = harness.state().passes().unwrap();
        assert!(results.records.iter().any(|r| {
            r.pass.norad_id == 58_463
                && r.pass.is_visible
                && r.pass
                    .visible_start()
                    .unwrap()
                    .time
                    .format("%H:%M")
                    .to_string()
                    == "12:39"
        }));
        on_screen(&harness, "21:39", size);
        // MALLIGYONG-1 has nothing to see in these two days: its line says so, and what
        // the search ahead found, never "never rises" (it rises every day).
        let line = label_of(&harness, "MALLIGYONG-1:");
        assert!(
            line.starts_with("MALLIGYONG-1: 2일 동안 맨눈으로 보이는 통과가 없"),
            "{line}"
        );
        assert!(!line.contains("뜨지 않아요"), "{line}");
        on_screen(&harness, "MALLIGYONG-1:", size);
        // KORSAT-2 is not seen in these two days either; its next pass to see is named,
        // with a button that takes the clock there.
        let line = label_of(&harness, "KORSAT-2:");
        assert!(line.contains("다음은 "), "{line}");
        // The handout for the class lists the passes and accounts for MALLIGYONG-1.
        print_and_check_handout(&mut harness, dir.path());
        // "Go to it" takes the clock to a minute before KORSAT-2 is seen, and the table and
        // the sky chart to that pass.
        harness.get_by_label("그때로 가기").click();
        harness.step();
        settle(&mut harness);
        let app = harness.state();
        let key = app.state().selected_pass.expect("the pass is selected");
        assert_eq!(key.norad_id, 62_377);
        let record = app
            .passes()
            .unwrap()
            .records
            .iter()
            .find(|r| key.matches(r.pass.norad_id, r.pass.rise.time))
            .expect("the pass is in the table");
        let seen = record.pass.visible_start().unwrap().time;
        assert_eq!((seen - app.sim_time()).num_seconds().div_euclid(60), 1);
        let left: Vec<String> = harness
            .query_all_by_label_contains("KORSAT-2:")
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(left.is_empty(), "{left:?}");
        overhead::i18n::set_thread_language(None);
    }
}

/// Clicks "수업 자료 인쇄…" and reads the PDF back: the passes, MALLIGYONG-1's line, and
/// the time zone as it is on that night.
fn print_and_check_handout(harness: &mut Harness<'static, OverheadApp>, dir: &std::path::Path) {
    click(harness, "수업 자료 인쇄…");
    let pdf = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the handout was written");
    let text = crate::util::pdf_text(&pdf);
    for expected in ["KORSAT-7", "MALLIGYONG-1: 2일 동안", "Asia/Seoul (KST)"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn a_hobbyist_in_london_looks_for_tonight_s_bright_passes() {
    for size in SIZES {
        let mut harness = first_start(size, "Europe/London", Lang::En, None);
        click(&mut harness, "Yes, use London");
        harness.get_by_label("Window").click();
        harness.step();
        harness.step();
        click(&mut harness, "Tonight");
        click(&mut harness, "All bright ones");
        // Civil dusk in London on 22 Aug 2026 is about 20:45 BST, dawn about 05:40.
        let note = label_of(&harness, "Tonight: dark from");
        assert!(note.contains("from 20:4"), "{note}");
        let results = harness.state().passes().unwrap();
        let catalog = harness.state().catalog().unwrap();
        let bright = catalog.bright_ids(4.0);
        assert!(results.request.norad_ids.len() > 50);
        assert!(
            results
                .request
                .norad_ids
                .iter()
                .all(|id| bright.contains(id))
        );
        // Not a geostationary satellite nor Chandra, whatever their standard magnitudes.
        for far in [23_613, 25_867] {
            assert!(!results.request.norad_ids.contains(&far), "{far}");
        }
        // The ISS is seen tonight, in London's summer time.
        let iss = results
            .records
            .iter()
            .find(|r| r.pass.norad_id == 25_544 && r.pass.is_visible)
            .expect("a visible ISS pass tonight");
        let seen = iss.pass.visible_start().unwrap().time;
        assert!(seen > results.request.start && seen < results.request.end);
        row_on_screen(&harness, "ISS (ZARYA)", size);
        let summary = label_of(&harness, "passes from");
        assert!(summary.contains("Europe/London (BST)"), "{summary}");
        overhead::i18n::set_thread_language(None);
    }
}

#[test]
fn anyone_can_choose_the_korean_reconnaissance_satellites_in_the_picker() {
    let size = (1280.0, 720.0);
    let mut harness = first_start(size, "Europe/London", Lang::En, None);
    click(&mut harness, "Yes, use London");
    harness.get_by_label("List").click();
    harness.step();
    harness.step();
    harness
        .get_by_label_contains("Korean reconnaissance satellites (")
        .click();
    harness.step();
    harness.step();
    click(&mut harness, "Choose all 6");
    let chosen = &harness.state().state().settings.satellites;
    assert_eq!(chosen.len(), 9, "{chosen:?}");
    assert!(chosen.contains(&58_400) && chosen.contains(&66_293));
    // What people type finds what they mean: "Hubble" is HST, "Tiangong" is CSS (TIANHE).
    for (typed, found) in [("Hubble", "HST"), ("Tiangong", "CSS (TIANHE)")] {
        const HINT: &str = "Search name or NORAD number";
        harness.get_by(|n| n.placeholder() == Some(HINT)).focus();
        harness.step();
        harness
            .get_by(|n| n.placeholder() == Some(HINT))
            .type_text(typed);
        harness.step();
        harness.step();
        harness.get_by_label(found);
        for _ in typed.chars() {
            harness.key_press(egui::Key::Backspace);
        }
        harness.step();
    }
    overhead::i18n::set_thread_language(None);
}
