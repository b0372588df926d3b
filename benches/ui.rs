//! Speed of the window's own work (issue 21): `cargo bench --bench ui`.
//!
//! - `name_filter`: the picker's search over the 16,400 names of the bundled catalog, for a
//!   few kinds of query (budget: 2 ms, so that the list follows typing within a frame).
//! - `map_drag_frame`: one frame of the world map while it is dragged, every satellite
//!   shown: the view moves each frame, so the coastlines and borders are projected anew,
//!   every dot is placed and the night shading laid, then egui tessellates the whole map
//!   into triangles. That is the CPU's part of the map's frame before the GPU (or Mesa's
//!   software rasteriser) fills the pixels (budget: 16 ms, a frame at 60 Hz).
//! - `map_rest_frame`: the same map redrawn with nothing moved (a hover, a blinking
//!   cursor): what its caches save.

use chrono::{DateTime, Duration, Utc};
use eframe::egui;
use overhead::orbit::ObserverFrame;
use overhead::ui::catalog_data::CatalogData;
use overhead::ui::map_view::MapView;
use overhead::ui::repaint::Wakes;
use overhead::ui::theme::{Palette, ThemeChoice};
use overhead::ui::timefmt::{TimeDisplay, TimeFormatter};
use overhead::ui::view::{Action, Place, ViewCtx, observer_of};

fn main() {
    divan::main();
}

/// The bundled catalog as the window holds it (16,400 satellites), built once.
fn bundled() -> &'static CatalogData {
    static DATA: std::sync::OnceLock<CatalogData> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let sets = overhead::catalog::bundled_snapshot()
            .expect("bundled snapshot")
            .sets
            .clone();
        CatalogData::from_sets(
            sets,
            overhead::catalog::bundled_std_magnitudes(),
            "bundled".to_owned(),
            Vec::new(),
        )
    })
}

#[divan::bench(args = ["iss", "starlink", "25544", "2554", "cosmos 2", "no such satellite"])]
fn name_filter(bencher: divan::Bencher, query: &str) {
    let data = bundled();
    bencher.bench(|| data.search(divan::black_box(query), 200).len());
}

fn start() -> DateTime<Utc> {
    "2026-08-22T12:00:00Z".parse().expect("valid time")
}

/// Draws the map in a 1400 x 900 window `frames` times, moving its centre by
/// `pan_deg_per_frame` and the clock by 16 ms each frame, and tessellates each frame.
fn map_frames(bencher: divan::Bencher, pan_deg_per_frame: f64, clock_moves: bool) {
    let catalog = bundled();
    let place = Place::default();
    let frame = ObserverFrame::new(observer_of(&place));
    let ctx = egui::Context::default();
    let mut map = MapView::default();
    map.follow_observer = false;
    let chosen = [25_544_u64, 48_274, 20_580];
    let wakes = Wakes::default();
    let mut t = start();
    let draw = |map: &mut MapView, t: DateTime<Utc>| {
        let view = ViewCtx {
            t,
            real_now: t,
            catalog: Some(catalog),
            passes: None,
            place: &place,
            frame: &frame,
            fmt: TimeFormatter::new(TimeDisplay::default(), place.time_zone.as_deref()),
            palette: Palette::of(ThemeChoice::Dark),
            chosen: &chosen,
            favourites: &[],
            selected: Some(25_544),
            selected_pass: None,
            presentation: false,
            label_scale: 1.0,
            limiting_magnitude: overhead::report::DEFAULT_LIMITING_MAGNITUDE,
            wakes: &wakes,
            identification: None,
            identifying: false,
        };
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            ..Default::default()
        };
        let mut actions: Vec<Action> = Vec::new();
        let output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| map.ui(ui, &view, &mut actions));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    };
    // The first frame builds the land texture and the SGP4 knots.
    draw(&mut map, t);
    bencher.bench_local(|| {
        map.center_lon_deg += pan_deg_per_frame;
        if clock_moves {
            t += Duration::milliseconds(16);
        }
        draw(&mut map, t)
    });
}

#[divan::bench(sample_count = 100)]
fn map_drag_frame(bencher: divan::Bencher) {
    map_frames(bencher, 0.5, true);
}

#[divan::bench(sample_count = 100)]
fn map_rest_frame(bencher: divan::Bencher) {
    map_frames(bencher, 0.0, false);
}
