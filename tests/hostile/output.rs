//! Issue 25, "the handout's output path": written atomically only over regular files
//! (keeping their mode), streamed to devices and pipes, `-` for standard output, refused
//! for directories by name once, paths cleaned in messages; long place names and the
//! polar sentence fitted to the page and the PDF's title; no searched satellite and an
//! unknown `--chart-sat` are errors; small words.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::stderr;
use crate::util::data_path;

/// KORSAT-7 and MALLIGYONG-1 over Seoul, 7–10 May 2026 (the fixture's epochs).
const SEOUL: &str = "--sat 58400 --sat 58463 --lat 37.5665 --lon 126.978 --start 2026-05-07T09:00:00Z --days 3 --tz Asia/Seoul";

/// The words of `text`, as arguments.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// `overhead handout` on the fixture with `args`, then `extra`.
fn handout(args: &[&str], extra: &[&str]) -> Output {
    handout_with(args, extra, Stdio::piped())
}

fn handout_with(args: &[&str], extra: &[&str], stdout: Stdio) -> Output {
    let elements = data_path("fixture_elements.tle");
    Command::new(env!("CARGO_BIN_EXE_overhead"))
        .arg("handout")
        .args(["--elements", elements.to_str().unwrap()])
        .args(args)
        .args(extra)
        .env("OVERHEAD_LANG", "en")
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap()
}

fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

#[cfg(unix)]
#[test]
fn handout_to_dev_null_writes_into_the_device_and_replaces_nothing() {
    use std::os::unix::fs::FileTypeExt as _;
    let out = handout(&words(SEOUL), &["--out", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device());
    assert!(stderr(&out).contains("wrote /dev/null"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn handout_to_dev_stdout_or_dash_goes_to_standard_output() {
    for out_arg in ["/dev/stdout", "-"] {
        let out = handout(&words(SEOUL), &["--out", out_arg]);
        assert!(out.status.success(), "{out_arg}: {}", stderr(&out));
        assert!(is_pdf(&out.stdout), "{out_arg}: {} bytes", out.stdout.len());
    }
    assert!(
        stderr(&handout(&words(SEOUL), &["--out", "-"])).contains("wrote standard output"),
        "the message names standard output"
    );
}

#[cfg(unix)]
#[test]
fn handout_over_a_private_file_keeps_its_mode_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("class.pdf");
    std::fs::write(&file, b"old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = handout(&words(SEOUL), &["--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(is_pdf(&std::fs::read(&file).unwrap()));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn handout_into_a_directory_or_a_trailing_slash_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().display().to_string();
    let out = handout(&words(SEOUL), &["--out", &shown]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert_eq!(err.matches("cannot write").count(), 1, "{err}");
    assert_eq!(err.matches(&*shown).count(), 1, "{err}");
    assert!(err.contains("it is a directory"), "{err}");
    let slash = format!("{shown}/new.pdf/");
    let err = stderr(&handout(&words(SEOUL), &["--out", &slash]));
    assert_eq!(err.matches("cannot write").count(), 1, "{err}");
    assert!(err.contains("it ends with /"), "{err}");
    assert!(!err.contains("Not a directory"), "{err}");
    assert!(!Path::new(&format!("{shown}/new.pdf")).exists());
}

#[test]
fn a_path_with_line_breaks_and_escapes_is_cleaned_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("no\nsuch\u{1b}[31m/dir/x.pdf");
    let out = handout(&words(SEOUL), &["--out", evil.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
    assert!(err.contains("no such�[31m/dir/x.pdf"), "{err}");
}

/// Every word of the PDF's page lies inside the A4 page (595 × 842 pt), by pdftotext's
/// word boxes; returns the words.
fn words_inside_the_page(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    for word in html.split("<word ").skip(1) {
        let attr = |name: &str| {
            let start = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            word[start..start + word[start..].find('"').unwrap()]
                .parse::<f64>()
                .unwrap()
        };
        let (x_max, y_max) = (attr("xMax"), attr("yMax"));
        assert!(
            x_max <= 595.3 && y_max <= 842.0,
            "off the page: <word {word}"
        );
    }
    html
}

fn pdf_title(pdf: &Path) -> String {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[test]
fn a_long_or_huge_place_name_wraps_or_is_cut_on_the_page_and_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("long.pdf");
    let long = "Observatorio Astronómico Nacional de San Pedro Mártir, B.C.";
    let out = handout(
        &words(SEOUL),
        &["--place", long, "--out", pdf.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page_words = words_inside_the_page(&pdf);
    assert!(
        page_words.contains("Mártir,"),
        "the whole name is on the page"
    );
    assert_eq!(pdf_title(&pdf), format!("Satellites over {long}"));

    let huge = "Seoul ".repeat(20_000);
    let out = handout(
        &words(SEOUL),
        &["--place", &huge, "--out", pdf.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page_words = words_inside_the_page(&pdf);
    assert!(page_words.contains('…'), "cut with an ellipsis");
    let title = pdf_title(&pdf);
    assert!(
        title.chars().count() <= 120 && title.ends_with('…'),
        "{title}"
    );
}

#[test]
fn the_never_dark_sentence_at_the_pole_fits_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("pole.pdf");
    let args = [
        "--sat",
        "25544",
        "--lat",
        "89.9",
        "--lon",
        "0",
        "--start",
        "2026-06-21T00:00:00Z",
    ];
    let out = Command::new(env!("CARGO_BIN_EXE_overhead"))
        .arg("handout")
        .args([
            "--elements",
            data_path("fixture_elements.tle").to_str().unwrap(),
        ])
        .args(args)
        .args(["--out", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page_words = words_inside_the_page(&pdf);
    assert!(
        page_words.contains(">dark<") || page_words.contains(">darker<"),
        "the sentence is there"
    );
}

#[test]
fn a_handout_where_no_satellite_could_be_searched_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("far.pdf");
    let out = handout(
        &words("--sat 58400 --lat 37.5 --lon 127 --start 1990-01-01T00:00:00Z"),
        &["--out", pdf.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("no satellite was searched"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
}

#[test]
fn a_chart_sat_that_is_not_among_the_passes_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("chart.pdf");
    let out = handout(
        &words(SEOUL),
        &["--chart-sat", "25544", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("--chart-sat 25544 is not among the chosen satellites"),
        "{}",
        stderr(&out)
    );
    // Chosen, but without a visible pass in the window (the ISS from Seoul, a morning).
    let out = handout(
        &words(
            "--sat 58400 --sat 25544 --lat 37.5665 --lon 126.978 --start 2026-08-22T03:00:00Z --days 0.1",
        ),
        &["--chart-sat", "25544", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("--chart-sat 25544 (ISS (ZARYA)) has no visible pass"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
}

#[test]
fn small_words_one_visible_pass_and_a_blank_place() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("one.pdf");
    let out = handout(
        &words(
            "--sat 58463 --lat 37.5665 --lon 126.978 --start 2026-05-07T09:00:00Z --days 1 --tz Asia/Seoul --max-magnitude 9",
        ),
        &["--out", pdf.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("1 visible passes"), "{err}");
    assert!(err.contains("(1 visible pass, chart: KORSAT-7)"), "{err}");
    let blank = handout(
        &words(SEOUL),
        &["--place", "   ", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(blank.status.code(), Some(2), "{blank:?}");
    assert!(
        stderr(&blank).contains("--place is empty"),
        "{}",
        stderr(&blank)
    );
}
