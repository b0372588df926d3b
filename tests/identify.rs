//! `overhead identify`'s engine against simulated naked-eye sightings (issue 23).
//!
//! `tests/data/identify_cases.json` is made by `scripts/make_identify_cases` with skyfield
//! from the bundled snapshot: a bright satellite (standard magnitude known, magnitude 4 or
//! brighter), sunlit, 20° or more up, in a dark sky; the reported time off by up to 20 s,
//! each position off by a normal error of 1.5° on each axis, the second position 20 s
//! after the first. The score's weights were chosen on the `tuning` cases only (four
//! sites, even nights); the `held_out` cases (four other sites, odd nights) were not looked
//! at while choosing them.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use overhead::orbit::stars::SkyDirection;
use overhead::orbit::{Observer, ObserverFrame, Satellite, ScoreModel, Sighting, StdMagnitudes};
use serde_json::Value;

use crate::util::data_path;

/// The share of sightings whose satellite must come first, and among the first three.
const FIRST_RATE: f64 = 0.92;
const TOP_THREE_RATE: f64 = 0.97;
/// The time tolerance the cases are run with: the command line's default.
const TOLERANCE_S: f64 = 60.0;

/// One simulated sighting.
pub struct Case {
    pub split: String,
    pub norad_id: u64,
    pub observer: Observer,
    pub sighting: Sighting,
    pub reported_magnitude: f64,
}

fn direction(v: &Value) -> SkyDirection {
    SkyDirection {
        azimuth_deg: v[0].as_f64().unwrap(),
        elevation_deg: v[1].as_f64().unwrap(),
    }
}

/// The committed cases.
pub fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let text = std::fs::read_to_string(data_path("identify_cases.json")).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| Case {
                split: c["split"].as_str().unwrap().to_owned(),
                norad_id: c["norad_id"].as_u64().unwrap(),
                observer: Observer::new(
                    c["latitude_deg"].as_f64().unwrap(),
                    c["longitude_deg"].as_f64().unwrap(),
                    c["altitude_m"].as_f64().unwrap(),
                ),
                sighting: Sighting {
                    time: c["time"]
                        .as_str()
                        .unwrap()
                        .parse::<DateTime<Utc>>()
                        .unwrap(),
                    time_tolerance_s: TOLERANCE_S,
                    at: direction(&c["at"]),
                    to: Some(direction(&c["to"])),
                    after_s: Some(c["after_s"].as_f64().unwrap()),
                    magnitude: None,
                },
                reported_magnitude: c["reported_magnitude"].as_f64().unwrap(),
            })
            .collect()
    })
}

/// The bundled catalog and magnitudes, built once.
pub fn catalog() -> &'static (Vec<Satellite>, StdMagnitudes) {
    static CATALOG: OnceLock<(Vec<Satellite>, StdMagnitudes)> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let sets = overhead::catalog::bundled_snapshot().unwrap().sets.clone();
        (
            sets.into_iter().map(Satellite::new).collect(),
            overhead::catalog::bundled_std_magnitudes(),
        )
    })
}

/// Where the true satellite came among the listed candidates (0 first), if listed; a
/// candidate flying together with it (a module docked to the same station) is it.
pub fn rank(case: &Case, model: &ScoreModel, with_magnitude: bool) -> Option<usize> {
    let (sats, magnitudes) = catalog();
    let mut sighting = case.sighting;
    if with_magnitude {
        sighting.magnitude = Some(case.reported_magnitude);
    }
    let found = overhead::orbit::identify(
        sats,
        magnitudes,
        &ObserverFrame::new(case.observer),
        &sighting,
        model,
    );
    found.candidates.iter().position(|c| {
        c.norad_id == case.norad_id || c.together_with.iter().any(|(id, _)| *id == case.norad_id)
    })
}

/// First and top-three rates over `cases`.
pub struct Rates {
    pub count: usize,
    pub first: f64,
    pub top_three: f64,
}

pub fn rates<'a>(
    cases: impl Iterator<Item = &'a Case>,
    model: &ScoreModel,
    with_magnitude: bool,
) -> Rates {
    let ranks: Vec<Option<usize>> = cases.map(|c| rank(c, model, with_magnitude)).collect();
    let count = ranks.len();
    let share = |k: usize| {
        ranks.iter().filter(|r| r.is_some_and(|r| r < k)).count() as f64 / count.max(1) as f64
    };
    Rates {
        count,
        first: share(1),
        top_three: share(3),
    }
}

fn report(label: &str, r: &Rates) {
    println!(
        "{label:<40} {:>4} cases  first {:>5.1}%  top three {:>5.1}%",
        r.count,
        100.0 * r.first,
        100.0 * r.top_three
    );
}

#[test]
fn simulated_sightings_find_the_true_satellite() {
    let model = ScoreModel::default();
    let without = ScoreModel {
        use_brightness: false,
        ..model
    };
    let all = cases();
    assert!(all.len() >= 300, "{} cases", all.len());
    let mut results = Vec::new();
    for (label, m, mag) in [
        ("with brightness", &model, false),
        ("without brightness", &without, false),
        ("with brightness and --magnitude", &model, true),
    ] {
        for split in ["tuning", "held_out"] {
            let r = rates(all.iter().filter(|c| c.split == split), m, mag);
            report(&format!("{label}, {split}"), &r);
            results.push((label, split, r));
        }
    }
    for (label, split, r) in &results {
        if *label == "without brightness" {
            continue;
        }
        assert!(
            r.first >= FIRST_RATE && r.top_three >= TOP_THREE_RATE,
            "{label}, {split}: first {:.3}, top three {:.3}",
            r.first,
            r.top_three
        );
    }
}
