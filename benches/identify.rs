//! Speed of "what was that?" (issue 23): `cargo bench --bench identify`.
//!
//! - `identify_whole_catalog`: one sighting (the ISS over Seoul at 03:28:10 KST on
//!   23 Aug 2026, two points 20 s apart, the default one-minute tolerance) against every
//!   satellite of the bundled snapshot (16,400), both cores.
//! - `identify_whole_process`: the same sighting as `overhead identify` (the release binary
//!   built beside this bench) from start to exit: loading the bundled catalog and the
//!   magnitudes, the search and the table (target: under 0.5 s).
//! - `sky_now_whole_catalog`: every sunlit satellite up that could be brighter than
//!   magnitude 4, from the whole catalog at once (what `overhead sky --satellites` does).
//! - `sky_now_narrowing`: the window's five-minute narrowing of the catalog (one SGP4 call
//!   per satellite with a known brightness), done once every five minutes of the clock.

use chrono::{DateTime, Utc};
use overhead::orbit::stars::SkyDirection;
use overhead::orbit::{Observer, ObserverFrame, Satellite, ScoreModel, Sighting, identify};

fn main() {
    divan::main();
}

fn catalog() -> Vec<Satellite> {
    overhead::catalog::bundled_snapshot()
        .expect("the bundled snapshot reads")
        .sets
        .iter()
        .cloned()
        .map(Satellite::new)
        .collect()
}

fn seoul() -> ObserverFrame {
    ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0))
}

fn t() -> DateTime<Utc> {
    "2026-08-22T18:28:10Z".parse().expect("valid time")
}

#[divan::bench(sample_count = 20)]
fn identify_whole_catalog(bencher: divan::Bencher) {
    let sats = catalog();
    let magnitudes = overhead::catalog::bundled_magnitude_tiers();
    let frame = seoul();
    let sighting = Sighting {
        time: t(),
        time_tolerance_s: 60.0,
        at: SkyDirection {
            azimuth_deg: 27.0,
            elevation_deg: 24.0,
        },
        to: Some(SkyDirection {
            azimuth_deg: 30.0,
            elevation_deg: 21.0,
        }),
        after_s: Some(20.0),
        magnitude: None,
    };
    let model = ScoreModel::default();
    bencher.bench(|| identify(&sats, magnitudes, &frame, &sighting, &model));
}

#[divan::bench(sample_count = 10)]
fn identify_whole_process(bencher: divan::Bencher) {
    let bin = env!("CARGO_BIN_EXE_overhead");
    let config = tempfile::tempdir().expect("a temporary directory");
    bencher.bench(|| {
        let out = std::process::Command::new(bin)
            .args([
                "identify",
                "--lat",
                "37.5665",
                "--lon",
                "126.978",
                "--alt-m",
                "38",
                "--time",
                "2026-08-22T18:28:10Z",
                "--at",
                "27,24",
                "--to",
                "31,20",
                "--after-s",
                "20",
            ])
            .env("OVERHEAD_CONFIG_DIR", config.path())
            .env("OVERHEAD_CACHE_DIR", config.path())
            .output()
            .expect("overhead runs");
        assert!(out.status.success(), "overhead identify fails: {out:?}");
        out
    });
}

#[divan::bench(sample_count = 20)]
fn sky_now_whole_catalog(bencher: divan::Bencher) {
    let sats = catalog();
    let magnitudes = overhead::catalog::bundled_magnitude_tiers();
    let frame = seoul();
    bencher.bench(|| {
        overhead::orbit::sky_now::bright_satellites_up(&sats, None, magnitudes, &frame, t(), 4.0)
    });
}

#[divan::bench(sample_count = 20)]
fn sky_now_narrowing(bencher: divan::Bencher) {
    let sats = catalog();
    let magnitudes = overhead::catalog::bundled_magnitude_tiers();
    let frame = seoul();
    bencher.bench(|| {
        overhead::orbit::sky_now::could_be_up_within(&sats, magnitudes, &frame, t(), 150.0, 4.0)
    });
}
