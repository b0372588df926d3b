//! Every character Overhead can show has a glyph: the messages of every language, the
//! Korean town, star and constellation names, in the window's fonts (egui's own plus the
//! bundled Hangul font) and in the handout's; the window really installs the Hangul font;
//! a Korean handout carries Hangul a reader can copy (src/fonts.rs, src/ui/fonts.rs).

use std::process::Command;

use eframe::egui;
use egui_kittest::Harness;
use overhead::fonts::{self, BundledFont};
use overhead::i18n::{Lang, sources};
use overhead::ui::{AppOptions, NowSource, OverheadApp};
use skrifa::MetadataProvider as _;

use crate::util::data_path;

/// The text of every message of `lang` (message files without their comment lines: keys,
/// values, attributes, variants; the `{ $name }` placeables are ASCII).
fn messages(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (file, source) in sources(lang) {
        for (n, line) in source.lines().enumerate() {
            if !line.trim_start().starts_with('#') {
                out.push((format!("{}/{file}:{}", lang.code(), n + 1), line.to_owned()));
            }
        }
    }
    out
}

/// Every Korean name the data bundles: towns, countries, stars, constellations.
fn korean_names() -> Vec<(String, String)> {
    let towns = overhead::atlas::cities().iter().flat_map(|c| {
        [
            (format!("town {}", c.name), c.name_ko.clone()),
            (
                format!("country {}", c.country),
                overhead::atlas::country_name_in(&c.country, Lang::Ko).to_owned(),
            ),
        ]
    });
    let stars = overhead::atlas::sky::stars()
        .iter()
        .map(|s| (format!("star {}", s.name), s.name_ko.clone()));
    let constellations = overhead::atlas::sky::constellations()
        .iter()
        .map(|c| (format!("constellation {}", c.name), c.name_ko.clone()));
    towns
        .chain(stars)
        .chain(constellations)
        .filter(|(_, name)| !name.is_empty())
        .collect()
}

/// Everything to check: (where it comes from, its text).
fn all_texts() -> Vec<(String, String)> {
    let mut all = messages(Lang::En);
    all.extend(messages(Lang::Ko));
    all.extend(korean_names());
    all
}

/// The places where `family` lacks a glyph, as "where: text (missing chars)".
fn gaps(family: &[BundledFont], texts: &[(String, String)]) -> Vec<String> {
    texts
        .iter()
        .filter_map(|(at, text)| {
            let missing = fonts::missing_glyphs(family, text);
            (!missing.is_empty()).then(|| format!("{at}: {text:?} lacks {missing:?}"))
        })
        .collect()
}

#[test]
fn every_message_and_korean_name_has_a_glyph_in_the_window_fonts() {
    let texts = all_texts();
    // The Korean messages are there to check (not an empty file list).
    assert!(
        messages(Lang::Ko)
            .iter()
            .any(|(_, l)| l.chars().any(fonts::is_hangul))
    );
    assert!(korean_names().len() > 6_000);
    for (family, name) in [
        (&fonts::WINDOW_PROPORTIONAL[..], "proportional"),
        (&fonts::WINDOW_MONOSPACE[..], "monospace"),
    ] {
        let gaps = gaps(family, &texts);
        assert!(
            gaps.is_empty(),
            "the window's {name} fonts lack glyphs (rerun scripts/make_hangul_font.py):\n{}",
            gaps.join("\n")
        );
    }
}

#[test]
fn every_message_and_korean_name_has_a_glyph_in_the_handout_fonts() {
    let texts = all_texts();
    for (family, name) in [
        (&fonts::HANDOUT_TEXT[..], "text"),
        (&fonts::HANDOUT_MONO[..], "table"),
    ] {
        let gaps = gaps(family, &texts);
        assert!(
            gaps.is_empty(),
            "the handout's {name} fonts lack glyphs (rerun scripts/make_hangul_font.py):\n{}",
            gaps.join("\n")
        );
    }
}

#[test]
fn the_hangul_font_holds_the_ks_x_1001_syllables_under_its_own_name() {
    let font = skrifa::FontRef::new(fonts::HANGUL_TTF).unwrap();
    let syllables = font
        .charmap()
        .mappings()
        .filter(|(c, _)| (0xAC00..=0xD7A3).contains(c))
        .count();
    // 2,350 of KS X 1001 and the few more the town names use; not all 11,172.
    assert!((2_350..3_000).contains(&syllables), "{syllables}");
    for c in "가각힝ㄱㅎㅏ서울부산평양북북동쪽출현°·–—…←→".chars() {
        assert!(fonts::has_glyph(fonts::HANGUL_TTF, c), "{c}");
    }
    // The OFL reserves "NanumGothic" for the original: the subset has its own family name.
    let family: String = font
        .localized_strings(skrifa::string::StringId::FAMILY_NAME)
        .english_or_first()
        .unwrap()
        .chars()
        .collect();
    assert_eq!(family, "Overhead Hangul");
    assert!(!fonts::has_glyph(epaint_default_fonts::UBUNTU_LIGHT, '서'));
}

#[test]
fn monospace_lines_count_hangul_as_two_cells() {
    assert_eq!(overhead::text::display_width("Mag"), 3);
    assert_eq!(overhead::text::display_width("밝기"), 4);
    assert_eq!(overhead::text::pad_end("밝기", 6), "밝기  ");
    assert_eq!(overhead::text::pad_end("toolong", 3), "toolong");
    let mut doc = printpdf::PdfDocument::new("t");
    let mut cache = fonts::pdf::PdfFontCache::default();
    let text = cache.family(&mut doc, &fonts::HANDOUT_TEXT, false).unwrap();
    let mono = cache.family(&mut doc, &fonts::HANDOUT_MONO, true).unwrap();
    let cell = mono.width_em("0");
    assert!((cell - 0.602).abs() < 0.01, "{cell}");
    assert!((mono.width_em("밝기 Mag") - 8.0 * cell).abs() < 1e-4);
    // Runs: Latin in Ubuntu Light (0), Hangul in the Hangul font (1), spaces stay put.
    assert_eq!(
        text.runs("ISS 통과 (ZARYA)"),
        vec![
            (0, "ISS ".to_owned()),
            (1, "통과 ".to_owned()),
            (0, "(ZARYA)".to_owned())
        ]
    );
    // A page with Hangul in both families: poppler reads it back, and the Hangul font,
    // shared by the two families, is embedded once (three fonts, not four).
    let mut ops = Vec::new();
    for (family, y_pt, line) in [(&text, 700.0, "위성 통과 ISS"), (&mono, 680.0, "밝기  Mag")]
    {
        ops.push(printpdf::Op::StartTextSection);
        ops.push(printpdf::Op::SetTextCursor {
            pos: printpdf::Point::new(printpdf::Mm(20.0), printpdf::Mm(y_pt * 0.3528)),
        });
        ops.extend(family.show_text(12.0, line));
        ops.push(printpdf::Op::EndTextSection);
    }
    let page = printpdf::PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops);
    let bytes = doc
        .with_pages(vec![page])
        .save(&printpdf::PdfSaveOptions::default(), &mut Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("mono.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let read = crate::util::pdf_text(&pdf);
    assert!(read.contains("위성 통과 ISS"), "{read}");
    assert!(read.contains("밝기"), "{read}");
    let listed = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert_eq!(
        listed.lines().filter(|l| l.contains("TrueType")).count(),
        3,
        "{listed}"
    );
}

/// The app on an empty catalog, in Korean, before and after its first frames.
fn korean_window() -> Harness<'static, OverheadApp> {
    overhead::i18n::set_thread_language(Some(Lang::Ko));
    let mut options = Some(AppOptions {
        now: NowSource::StartingAt("2026-08-22T12:00:00Z".parse().unwrap()),
        settings_path: None,
        initial_settings: None,
        load_catalog: Some(Box::new(|_| {
            Ok(overhead::ui::catalog_data::CatalogData::from_sets(
                Vec::new(),
                overhead::catalog::bundled_std_magnitudes(),
                "empty".to_owned(),
                Vec::new(),
            ))
        })),
        export_dir: None,
        cache_dir: None,
        auto_refresh: false,
        notifications: false,
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_eframe(move |cc| {
            OverheadApp::new(&cc.egui_ctx, options.take().expect("built once"))
        });
    harness.run_steps(3);
    harness
}

#[test]
fn the_window_falls_back_on_the_hangul_font_in_both_families() {
    let harness = korean_window();
    let families = harness.ctx.fonts(|f| f.definitions().families.clone());
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let names = &families[&family];
        // Last: egui's fonts first, so Latin keeps egui's look.
        assert_eq!(
            names.last().map(String::as_str),
            Some(fonts::HANGUL_NAME),
            "{names:?}"
        );
        assert!(names.len() > 1, "{names:?}");
    }
    // egui itself finds a glyph for every character of every Korean message.
    for size_family in [
        egui::FontId::proportional(14.0),
        egui::FontId::monospace(14.0),
    ] {
        let missing: Vec<String> = messages(Lang::Ko)
            .into_iter()
            .chain(korean_names())
            .filter_map(|(at, text)| {
                let clean: String = text
                    .chars()
                    .filter(|&c| !fonts::needs_no_glyph(c))
                    .collect();
                let ok = harness
                    .ctx
                    .fonts_mut(|f| f.has_glyphs(&size_family, &clean));
                (!ok).then_some(at)
            })
            .collect();
        assert!(missing.is_empty(), "{size_family:?}: {missing:?}");
    }
    overhead::i18n::set_thread_language(None);
}

#[test]
fn a_korean_handout_carries_hangul_a_reader_can_copy() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seoul.pdf");
    let elements = data_path("fixture_elements.tle");
    let run = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(["--lang", "ko", "handout", "--place", "서울"])
        .args(["--out", out.to_str().unwrap()])
        .args(["--elements", elements.to_str().unwrap()])
        .args(["--sat", "58400", "--sat", "58463"])
        .args(["--lat", "37.5665", "--lon", "126.978", "--alt-m", "38"])
        .args([
            "--start",
            "2026-05-07T09:00:00Z",
            "--days",
            "3",
            "--tz",
            "Asia/Seoul",
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = crate::util::pdf_text(&out);
    assert!(text.contains("서울"), "{text}");
    // The Hangul font is embedded (poppler lists it beside Ubuntu Light and Hack).
    let listed = Command::new("pdffonts").arg(&out).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(
        listed.lines().filter(|l| l.contains("TrueType")).count() >= 3,
        "{listed}"
    );
}
