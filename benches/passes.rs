//! Speed of the engine on real data (issue 5): `cargo bench`.
//!
//! - `catalog_week`: every satellite of CelesTrak's active catalog (tests/data copy of
//!   2026-05-07, 15,347 satellites), 7 days, one observer (Seoul), all passes with
//!   rise/culmination/set, visibility and (with McCants' bundled standard magnitudes, as
//!   the app uses them) brightness, both cores (rayon).
//! - `iss_30_days`: one satellite for 30 days, one thread.
//! - `map_frame_*`: sub-satellite points of the whole catalog for one frame of the map
//!   (a [`Fleet`] interpolating between SGP4 knots), with the clock at real time and at
//!   x1000 (16 s of orbit per 60 Hz frame).
//! - `sky_chart_scene_*`: the sky behind the sky chart, all stars to magnitude 6 (2026-11-29,
//!   2 shared cores: 1.3 ms median to compute, once a minute; 40 ns a frame from the cache).

use chrono::{DateTime, Duration, Utc};
use overhead::orbit::{
    Fleet, Observer, ObserverFrame, PassSearch, Satellite, find_passes, parse_elements,
};
use rayon::prelude::*;

fn main() {
    divan::main();
}

fn catalog() -> Vec<Satellite> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/active-2026-05-07.txt"
    );
    let text = std::fs::read_to_string(path).expect("benches/data/active-2026-05-07.txt");
    parse_elements(&text, "active")
        .expect("catalog parses")
        .sets
        .into_iter()
        .map(Satellite::new)
        .collect()
}

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-05-08T00:00:00Z")
        .expect("valid time")
        .with_timezone(&Utc)
}

fn seoul() -> ObserverFrame {
    ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0))
}

fn every_pass() -> PassSearch {
    PassSearch {
        min_elevation_deg: 0.0,
        ..PassSearch::default()
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn catalog_week(bencher: divan::Bencher) {
    let sats = catalog();
    let frame = seoul();
    let search = every_pass();
    let magnitudes = overhead::catalog::bundled_std_magnitudes();
    // The same per-satellite search, in parallel, that `overhead passes --all` runs.
    bencher.bench(|| {
        sats.par_iter()
            .map(|sat| {
                let end = start() + Duration::days(7);
                find_passes(
                    sat,
                    &frame,
                    start(),
                    end,
                    &search,
                    magnitudes.get(sat.set.norad_id),
                )
            })
            .collect::<Vec<_>>()
    });
}

#[divan::bench(sample_count = 20)]
fn iss_30_days(bencher: divan::Bencher) {
    let sats = catalog();
    let iss = sats
        .iter()
        .find(|s| s.set.norad_id == 25544)
        .expect("ISS in catalog");
    let frame = seoul();
    let search = every_pass();
    bencher.bench(|| {
        find_passes(
            iss,
            &frame,
            start(),
            start() + Duration::days(30),
            &search,
            Some(-2.5),
        )
    });
}

fn map_frames(bencher: divan::Bencher, frame_ms: i64) {
    let sats = catalog();
    let mut fleet = Fleet::new();
    let mut t = start();
    fleet.subpoints_deg(&sats, t);
    bencher.bench_local(|| {
        t += Duration::milliseconds(frame_ms);
        fleet.subpoints_deg(&sats, t)
    });
}

#[divan::bench(sample_count = 200)]
fn map_frame_realtime(bencher: divan::Bencher) {
    map_frames(bencher, 16);
}

#[divan::bench(sample_count = 200)]
fn map_frame_x1000(bencher: divan::Bencher) {
    map_frames(bencher, 16_000);
}

/// The sky chart's sky for one frame (issue 12): every star of the bundled catalogue (to
/// magnitude 6), the constellation figures, the Milky Way, the planets, the Moon and the
/// Sun turned into chart coordinates. `sky_chart_scene_uncached` is the work done once a
/// minute; `sky_chart_scene_per_frame` is what a frame costs with the chart's cache, the
/// clock running at x60 (a new minute every 60 frames).
#[divan::bench(sample_count = 50)]
fn sky_chart_scene_uncached(bencher: divan::Bencher) {
    let frame = seoul();
    let t = start();
    bencher.bench(|| {
        overhead::ui::sky_scene::SkyScene::compute(&frame, t)
            .stars
            .len()
    });
}

#[divan::bench(sample_count = 200)]
fn sky_chart_scene_per_frame(bencher: divan::Bencher) {
    let frame = seoul();
    let mut cache = overhead::ui::sky_scene::SceneCache::default();
    let mut t = start();
    bencher.bench_local(|| {
        t += Duration::seconds(1);
        cache.get(&frame, t).1.stars.len()
    });
}
