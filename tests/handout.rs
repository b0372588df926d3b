//! `overhead handout`: the printable page, checked as a reader would (pdftotext finds the
//! satellites and the CLI's times; pdftoppm renders a chart with ink on it).

use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::util::data_path;

/// The two Korean reconnaissance satellites from Seoul, 7–10 May 2026 (the fixture's
/// element epochs), in Seoul time, for a class with binoculars under a dark sky (limiting
/// magnitude 9): estimated from their launch masses (issue 22), both are too faint for the
/// naked eye, so a naked-eye sheet would list none of their passes.
const ARGS: &[&str] = &[
    "--max-magnitude",
    "9",
    "--sat",
    "58400",
    "--sat",
    "58463",
    "--lat",
    "37.5665",
    "--lon",
    "126.978",
    "--alt-m",
    "38",
    "--start",
    "2026-05-07T09:00:00Z",
    "--days",
    "3",
    "--tz",
    "Asia/Seoul",
];

fn overhead(args: &[&str]) -> Output {
    let elements = data_path("fixture_elements.tle");
    Command::new(env!("CARGO_BIN_EXE_overhead"))
        .args(args)
        .args(["--elements", elements.to_str().unwrap()])
        .args(ARGS)
        .output()
        .unwrap()
}

fn handout(dir: &std::path::Path) -> std::path::PathBuf {
    let out = dir.join("seoul.pdf");
    let run = overhead(&[
        "handout",
        "--place",
        "Seoul",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

#[test]
fn handout_lists_the_korean_satellites_at_the_times_the_cli_gives() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = handout(dir.path());
    let text = crate::util::pdf_text(&pdf);
    assert!(text.contains("Satellites over Seoul"), "{text}");
    let json = overhead(&["passes", "--visible-only", "--format", "json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let passes = v["passes"].as_array().unwrap();
    assert!(passes.len() >= 4, "{}", passes.len());
    let seoul: chrono_tz::Tz = "Asia/Seoul".parse().unwrap();
    for p in passes {
        let name = p["name"].as_str().unwrap();
        assert!(text.contains(name), "{name} missing:\n{text}");
        for point in ["visible_start_point", "visible_end_point"] {
            let t: DateTime<Utc> = p[point]["time"].as_str().unwrap().parse().unwrap();
            let hm = t.with_timezone(&seoul).format("%H:%M").to_string();
            assert!(text.contains(&hm), "{name} {point} {hm} missing:\n{text}");
        }
    }
    // The directions of the charted pass, and the data's age at the foot.
    assert!(text.contains("Best pass:"), "{text}");
    assert!(text.contains("Orbital elements: CelesTrak"), "{text}");
}

#[test]
fn handout_chart_has_its_stars_and_path_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = handout(dir.path());
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-gray", "-r", "80", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils; .ci/run installs it)");
    assert!(status.success());
    let page = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .unwrap();
    let bytes = std::fs::read(page).unwrap();
    let (width, height, pixels) = read_pgm(&bytes);
    // The chart's square: 17 to 127 mm across, in the lower two thirds of the page.
    let mm = |v: f64, of: usize, page_mm: f64| (v / page_mm * of as f64) as usize;
    let (x0, x1) = (mm(17.0, width, 210.0), mm(127.0, width, 210.0));
    let (y0, y1) = (mm(90.0, height, 297.0), mm(270.0, height, 297.0));
    let dark = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| pixels[y * width + x] < 100)
        .count();
    // At 80 dpi the horizon circle and the compass letters alone make about 1,800 dark
    // pixels (345 mm of rim 1.5 px wide); the stars and the path about as many again.
    assert!(dark > 3000, "{dark} dark pixels in the chart area");
}

/// Width, height and grey bytes of a binary PGM (P5, 8-bit) as pdftoppm writes it.
fn read_pgm(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).unwrap().to_owned());
    }
    assert_eq!(fields[0], "P5");
    let width: usize = fields[1].parse().unwrap();
    let height: usize = fields[2].parse().unwrap();
    (width, height, &bytes[i + 1..i + 1 + width * height])
}

#[test]
fn korean_handout_is_written_and_reported_in_korean() {
    // The page's Korean words are checked at the text level (src/handout.rs unit tests);
    // whether their glyphs are in the PDF is the Hangul font's test.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seoul-ko.pdf");
    let elements = data_path("fixture_elements.tle");
    let run = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ko_KR.UTF-8")
        .args(["handout", "--place", "서울", "--out", out.to_str().unwrap()])
        .args(["--elements", elements.to_str().unwrap()])
        .args(ARGS)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(err.contains("수업 자료를 만들었어요: "), "{err}");
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}

/// Every word `pdftotext -bbox` finds on the page: its text and box (points, from the top
/// left).
fn word_boxes(pdf: &std::path::Path) -> Vec<(String, [f64; 4])> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let number = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().to_owned();
            let b = [
                number(tag, "xMin"),
                number(tag, "yMin"),
                number(tag, "xMax"),
                number(tag, "yMax"),
            ];
            (text, b)
        })
        .collect()
}

#[test]
fn no_word_of_the_handout_covers_another_in_either_language() {
    // Issue 20: the chart's times, marks, compass points and star names never overlap, at
    // minutes or (--seconds) to the second, in English and Korean.
    let dir = tempfile::tempdir().unwrap();
    let elements = data_path("fixture_elements.tle");
    for (lang, seconds) in [("en", false), ("en", true), ("ko", false)] {
        let out = dir.path().join(format!("iss-{lang}-{seconds}.pdf"));
        let mut args = vec![
            "handout",
            "--lang",
            lang,
            "--elements",
            elements.to_str().unwrap(),
            "--sat",
            "25544",
            "--lat",
            "37.5665",
            "--lon",
            "126.978",
            "--start",
            "2026-08-22T09:00:00Z",
            "--tz",
            "Asia/Seoul",
            "--place",
            "Seoul",
            "--out",
            out.to_str().unwrap(),
        ];
        if seconds {
            args.push("--seconds");
        }
        let run = Command::new(env!("CARGO_BIN_EXE_overhead"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let words = word_boxes(&out);
        assert!(words.len() > 100, "{lang}: {} words", words.len());
        let mut overlaps = Vec::new();
        for (i, (a, ba)) in words.iter().enumerate() {
            for (b, bb) in &words[i + 1..] {
                let w = ba[2].min(bb[2]) - ba[0].max(bb[0]);
                let h = ba[3].min(bb[3]) - ba[1].max(bb[1]);
                if w > 0.5 && h > 0.5 {
                    overlaps.push(format!("{a:?} {ba:?} covers {b:?} {bb:?}"));
                }
            }
        }
        assert!(
            overlaps.is_empty(),
            "{lang} seconds {seconds}:\n{}",
            overlaps.join("\n")
        );
    }
}
