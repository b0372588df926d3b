//! Issue 20, the window's side: times people trust (seconds, old elements on every row,
//! never a negative age), "Follow", rows that stay under the pointer, the language switched
//! live, the next pass's wording, a sky chart you can read and show (enlarged, labels
//! clear of each other), every column reachable at 1024×768, and presentation mode for a
//! projector. Each is checked at the four screen sizes the issue names, in both languages
//! where words matter, by what the screen says and where its painted text lies.

use super::*;

/// The four screens of issue 20: a small laptop, a projector, the window's default, full HD.
const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 720.0),
    (1400.0, 900.0),
    (1920.0, 1080.0),
];

/// 03:00 KST on 23 Aug 2026: the ISS's next pass over Seoul (rises 03:21) is seen from
/// 03:28:03, out of Earth's shadow.
const BEFORE_VISIBLE_PASS: &str = "2026-08-22T18:00:00Z";

/// The fixture app at `at`, `size` points, in `lang`, loaded and searched.
fn app_sized(
    lang: Lang,
    size: (f32, f32),
    at: DateTime<Utc>,
    settings: Settings,
) -> Harness<'static, OverheadApp> {
    overhead::i18n::set_thread_language(Some(lang));
    let mut options = Some(AppOptions {
        now: NowSource::Fixed(at),
        settings_path: None,
        initial_settings: Some(settings),
        load_catalog: Some(Box::new(fixture_catalog)),
        export_dir: None,
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

/// Every painted line of text with the part of the screen it shows on (its row's
/// rectangle within its clip rectangle; a wrapped label is several rows), leaving out empty
/// and fully clipped ones.
fn visible_text_rects(harness: &Harness<'static, OverheadApp>) -> Vec<(String, egui::Rect)> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => {
                for row in &text.galley.rows {
                    let words: String = row.row.glyphs.iter().map(|g| g.chr).collect();
                    let rect = row
                        .rect_without_leading_space()
                        .translate(text.pos.to_vec2())
                        .intersect(clip);
                    if !words.trim().is_empty() && rect.is_positive() {
                        out.push((words.trim().to_owned(), rect));
                    }
                }
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

/// The pairs of painted texts that cover each other (by more than half a point each way).
fn overlapping_texts(harness: &Harness<'static, OverheadApp>) -> Vec<String> {
    let texts = visible_text_rects(harness);
    let mut out = Vec::new();
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let both = ra.intersect(*rb);
            if both.width() > 0.5 && both.height() > 0.5 {
                out.push(format!("{a:?} at {ra:?} covers {b:?} at {rb:?}"));
            }
        }
    }
    out
}

/// Settings of a user in Seoul following the ISS, presenting or not.
fn iss_settings_presenting(presentation_mode: bool) -> Settings {
    Settings {
        satellites: vec![ISS],
        presentation_mode,
        ..settled_settings()
    }
}

fn steps(harness: &mut Harness<'static, OverheadApp>, n: usize) {
    for _ in 0..n {
        harness.step();
    }
}

#[test]
fn no_painted_text_covers_another_in_the_window_presenting_or_enlarged() {
    let at: DateTime<Utc> = BEFORE_VISIBLE_PASS.parse().unwrap();
    let mut problems = Vec::new();
    for lang in [Lang::En, Lang::Ko] {
        for size in SIZES {
            for presenting in [false, true] {
                let mut harness = app_sized(lang, size, at, iss_settings_presenting(presenting));
                steps(&mut harness, 2);
                let what = format!("{lang} {size:?} presenting {presenting}");
                // The chart shows the visible pass the ISS is about to make.
                let heading = if lang == Lang::En {
                    "Sky chart: ISS"
                } else {
                    "하늘 지도: ISS"
                };
                harness.get_by_label_contains(heading);
                problems.extend(
                    overlapping_texts(&harness)
                        .into_iter()
                        .map(|p| format!("{what}: {p}")),
                );
                let enlarge = if lang == Lang::En {
                    "Enlarge"
                } else {
                    "크게 보기"
                };
                harness.get_by_label(enlarge).click();
                steps(&mut harness, 3);
                problems.extend(
                    overlapping_texts(&harness)
                        .into_iter()
                        .map(|p| format!("{what} enlarged: {p}")),
                );
            }
        }
    }
    overhead::i18n::set_thread_language(None);
    assert!(
        problems.is_empty(),
        "{} overlaps:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
