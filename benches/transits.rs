//! Speed of the transit search (issue 24): `cargo bench --bench transits`.
//!
//! - `two_stations_14_days_100_km`: the ISS and Tiangong (the bundled snapshot's elements,
//!   22 Aug 2026), 14 days, a 100 km radius, the Sun and the Moon, from London; the two
//!   satellites in parallel, as `overhead transits` searches them.
//! - `iss_sun_14_days_100_km`: the ISS across the Sun alone, one thread.

use chrono::{DateTime, Duration, Utc};
use overhead::orbit::transit::{TransitSearch, find_transits};
use overhead::orbit::{Observer, ObserverFrame, Satellite, parse_elements};
use rayon::prelude::*;

fn main() {
    divan::main();
}

fn stations() -> Vec<Satellite> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/elements/bundled-stations-2026-08-22.csv"
    );
    let text = std::fs::read_to_string(path).expect("the stations' elements");
    parse_elements(&text, "stations")
        .expect("the elements parse")
        .sets
        .into_iter()
        .map(Satellite::new)
        .collect()
}

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-08-22T00:00:00Z")
        .expect("valid time")
        .with_timezone(&Utc)
}

fn london() -> ObserverFrame {
    ObserverFrame::new(Observer::new(51.5074, -0.1278, 11.0))
}

#[divan::bench(sample_count = 20)]
fn two_stations_14_days_100_km(bencher: divan::Bencher) {
    let sats = stations();
    let frame = london();
    let search = TransitSearch {
        radius_km: 100.0,
        sun: true,
        moon: true,
    };
    let end = start() + Duration::days(14);
    bencher.bench(|| {
        sats.par_iter()
            .map(|sat| find_transits(sat, &frame, start(), end, &search))
            .collect::<Vec<_>>()
    });
}

#[divan::bench(sample_count = 20)]
fn iss_sun_14_days_100_km(bencher: divan::Bencher) {
    let sats = stations();
    let iss = sats
        .iter()
        .find(|s| s.set.norad_id == 25544)
        .expect("the ISS");
    let frame = london();
    let search = TransitSearch {
        radius_km: 100.0,
        sun: true,
        moon: false,
    };
    let end = start() + Duration::days(14);
    bencher.bench(|| find_transits(iss, &frame, start(), end, &search));
}
