//! Standard magnitudes (issue 22): the convention checked on the ISS, the tiers' coverage of
//! one night's visible passes over London, and their honesty on held-out measurements.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use overhead::catalog;
use overhead::orbit::brightness::{MASS_BASIS, QS_MAG_FULL_PHASE_TO_90_DEG_MAG, SIBLINGS_BASIS};
use overhead::orbit::night::Night;
use overhead::orbit::{
    MagnitudeSource, Observer, ObserverFrame, PassSearch, Satellite, SatelliteKey, find_passes,
    night_of,
};

/// The brightest ISS passes are about magnitude −3.9 (Heavens-Above's and observers' usual
/// figure); how far the model's brightest may sit from it, magnitudes.
const ISS_BRIGHTEST_MAG: f64 = -3.9;
const ISS_TOLERANCE_MAG: f64 = 0.4;

/// The honesty criteria of issue 22 on held-out data.
const MAX_MEDIAN_ERROR_MAG: f64 = 0.3;
const MIN_WITHIN_TWO_SIGMA: f64 = 0.85;

/// Share of one night's visible passes over London that carry a standard magnitude (issue 22).
const MIN_COVERAGE: f64 = 0.90;

fn bundled_sets() -> Vec<overhead::orbit::ElementSet> {
    catalog::bundled_snapshot().unwrap().sets.clone()
}

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The data rows of a held-out table: tab-separated numbers, `#` comments skipped.
fn rows(text: &str) -> Vec<Vec<f64>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(|c| c.trim().parse().unwrap()).collect())
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Issue 22's honesty criteria for a tier's `errors` (estimate − measured, magnitudes) with
/// its stated one sigma `sigma`: median within ±0.3, at least 85 % within two sigma.
fn assert_honest(errors: Vec<f64>, sigma: f64) {
    assert_honest_each(errors.into_iter().map(|e| (e, sigma)).collect());
}

/// [`assert_honest`] for estimates that each state their own sigma: (error, sigma) pairs.
fn assert_honest_each(errors: Vec<(f64, f64)>) {
    let within =
        errors.iter().filter(|(e, s)| e.abs() <= 2.0 * s).count() as f64 / errors.len() as f64;
    let med = median(errors.into_iter().map(|(e, _)| e).collect());
    assert!(med.abs() <= MAX_MEDIAN_ERROR_MAG, "median error {med:.3}");
    assert!(
        within >= MIN_WITHIN_TWO_SIGMA,
        "{:.1}% within 2 sigma",
        within * 100.0
    );
}

#[test]
fn iss_brightest_passes_need_qs_mag_read_at_full_phase() {
    let set = bundled_sets()
        .into_iter()
        .find(|s| s.norad_id == 25544)
        .unwrap();
    let estimate = catalog::magnitude_estimate(&set).unwrap();
    assert_eq!(estimate.source, MagnitudeSource::Measured);
    let sat = Satellite::new(set);
    let start: DateTime<Utc> = "2026-08-22T00:00:00Z".parse().unwrap();
    // 120 days from a mid-latitude site: enough overhead passes in twilight.
    let frame = ObserverFrame::new(Observer::new(52.0, 0.0, 0.0));
    let passes = find_passes(
        &sat,
        &frame,
        start,
        start + Duration::days(120),
        &PassSearch::default(),
        Some(estimate.value),
    );
    let brightest = passes
        .passes
        .iter()
        .filter_map(|p| p.magnitude)
        .fold(f64::INFINITY, f64::min);
    // qs.mag's −2.5 read at full phase (converted to −1.26 at 90°): about −3.9.
    assert!(
        (brightest - ISS_BRIGHTEST_MAG).abs() <= ISS_TOLERANCE_MAG,
        "brightest {brightest:.2}"
    );
    // Read as if at 90° it would be 1.24 magnitudes brighter: about −5.1, far too bright.
    let if_read_at_90 = brightest - QS_MAG_FULL_PHASE_TO_90_DEG_MAG;
    assert!(
        if_read_at_90 < ISS_BRIGHTEST_MAG - 2.0 * ISS_TOLERANCE_MAG,
        "{if_read_at_90:.2}"
    );
}

#[test]
fn most_of_one_nights_visible_passes_over_london_carry_a_standard_magnitude() {
    let sets = bundled_sets();
    let frame = ObserverFrame::new(Observer::new(51.5074, -0.1278, 11.0));
    let search = PassSearch::default();
    let noon: DateTime<Utc> = "2026-08-22T12:00:00Z".parse().unwrap();
    let Night::Dark { dusk, dawn } = night_of(&frame, noon, search.max_sun_elevation_deg) else {
        panic!("London has a night in August");
    };
    let (mut visible, mut with_estimate) = (0_usize, 0_usize);
    let mut by_source: HashMap<Option<MagnitudeSource>, usize> = HashMap::new();
    for set in sets {
        let estimate = catalog::magnitude_estimate(&set);
        let sat = Satellite::new(set);
        let list = find_passes(
            &sat,
            &frame,
            dusk,
            dawn,
            &search,
            estimate.as_ref().map(|e| e.value),
        );
        let seen = list.passes.iter().filter(|p| p.is_visible).count();
        visible += seen;
        *by_source
            .entry(estimate.as_ref().map(|e| e.source))
            .or_default() += seen;
        if estimate.is_some_and(|e| e.sigma > 0.0) {
            with_estimate += seen;
        }
    }
    let share = with_estimate as f64 / visible as f64;
    assert!(visible > 1000, "{visible} visible passes");
    // Issue 22 asks for 90 %. Measured, family and radar size reach 77.8 % (14,824 of
    // 19,058 on 22 Aug 2026); launch masses and siblings bring the satellites launched
    // after 2017 (no public radar cross-section: Flocks, Lemurs, Iridium NEXT, ICEYE…).
    // What stays unknown: new constellations whose every member is new (SDA, Rassvet,
    // Kinéis) and objects known only by their launch designator.
    assert!(
        share >= MIN_COVERAGE,
        "{with_estimate} of {visible} visible passes ({:.1}%) have a standard magnitude: {by_source:?}",
        share * 100.0
    );
}

#[test]
fn size_tier_is_honest_on_held_out_satellites() {
    // Held out by scripts/make_size_rule.py: never used to fit the rule.
    let tiers = catalog::bundled_magnitude_tiers();
    let rule = tiers.size_rule().unwrap();
    let held_out = rows(&data("std-magnitude-holdout-size.tsv"));
    assert!(held_out.len() > 1000, "{}", held_out.len());
    let errors: Vec<f64> = held_out
        .iter()
        .map(|r| rule.magnitude(r[2]).unwrap() - r[1])
        .collect();
    assert_honest(errors, rule.sigma);
}

#[test]
fn mass_tier_is_honest_on_held_out_satellites() {
    // Held out by scripts/make_mass_kin.py: never used to fit the mass rule.
    // A mass GCAT flags as uncertain (factor 2) widens the sigma, as in the tier.
    let rule = catalog::bundled_magnitude_tiers().mass_rule().unwrap();
    let held_out = rows(&data("std-magnitude-holdout-mass.tsv"));
    assert!(held_out.len() > 300, "{}", held_out.len());
    let errors: Vec<(f64, f64)> = held_out
        .iter()
        .map(|r| {
            let widening = 2.5 * rule.slope * r[3].log10();
            (
                rule.magnitude(r[2]).unwrap() - r[1],
                rule.sigma.hypot(widening),
            )
        })
        .collect();
    assert_honest_each(errors);
}

#[test]
fn sibling_tier_is_honest_on_held_out_satellites() {
    // Held-out satellites predicted by scripts/make_mass_kin.py from their siblings alone
    // (their own magnitude never used): by GCAT programme (last column 0), and by name
    // family (1), the way satellites launched after the programme catalogue are matched.
    let held_out = rows(&data("std-magnitude-holdout-kin.tsv"));
    for by_name in [0.0, 1.0] {
        let errors: Vec<(f64, f64)> = held_out
            .iter()
            .filter(|r| r[5] == by_name)
            .map(|r| (r[2] - r[1], r[3]))
            .collect();
        assert!(errors.len() > 500, "{}", errors.len());
        assert_honest_each(errors);
    }
}

#[test]
fn family_tier_is_honest_on_held_out_visorsats() {
    // Mallama 2021 (arXiv:2101.00374): 118 VisorSats' own magnitudes, not used for the
    // family's value (which is arXiv:2111.09735's).
    let tiers = catalog::bundled_magnitude_tiers();
    let visorsat = tiers
        .families()
        .iter()
        .find(|f| f.family == "starlink-visorsat")
        .unwrap();
    // A VisorSat of the catalog's kind is recognised as one.
    let key = SatelliteKey {
        norad_id: 46_000,
        name: "STARLINK-1700",
        international_designator: Some("2020-062A"),
        epoch: "2026-08-22T00:00:00Z".parse().unwrap(),
        mean_motion_rev_per_day: 15.06,
    };
    assert_eq!(
        tiers.family(&key).map(|f| f.family.as_str()),
        Some("starlink-visorsat")
    );
    let held_out = rows(&data("std-magnitude-holdout-visorsat.tsv"));
    assert!(held_out.len() > 100, "{}", held_out.len());
    let estimate = &visorsat.estimate;
    let errors: Vec<f64> = held_out.iter().map(|r| estimate.value - r[2]).collect();
    assert_honest(errors, estimate.sigma);
}

#[test]
fn the_bundled_catalog_is_sorted_into_tiers_and_families() {
    let tiers = catalog::bundled_magnitude_tiers();
    let mut families: HashMap<String, usize> = HashMap::new();
    let mut sources: HashMap<Option<MagnitudeSource>, usize> = HashMap::new();
    let mut by_mass = Vec::new();
    for set in bundled_sets() {
        let key = SatelliteKey::from(&set);
        let estimate = tiers.estimate(&key);
        *sources
            .entry(estimate.as_ref().map(|e| e.source))
            .or_default() += 1;
        if let Some(f) = tiers.family(&key) {
            *families.entry(f.family.clone()).or_default() += 1;
        }
        let basis = estimate.as_ref().map(|e| &*e.basis);
        if basis == Some(MASS_BASIS) && [58400, 58463].contains(&set.norad_id) {
            by_mass.push(set.name.clone());
        }
    }
    // Every Starlink of the snapshot belongs to one of its families.
    let starlinks: usize = families
        .iter()
        .filter(|(k, _)| k.starts_with("starlink"))
        .map(|(_, n)| n)
        .sum();
    assert!(starlinks > 10_900, "{families:?}");
    for family in [
        "oneweb",
        "kuiper",
        "qianfan",
        "guowang",
        "starlink-dtc",
        "starlink-v2-mini",
    ] {
        assert!(
            families.get(family).is_some_and(|n| *n > 100),
            "{family}: {families:?}"
        );
    }
    // No published measurement of MALLIGYONG-1 or KORSAT-7 was found, no radar
    // cross-section is public: their size comes from GCAT's launch masses (200 and 800 kg,
    // both flagged uncertain there).
    assert_eq!(by_mass, ["MALLIGYONG-1", "KORSAT-7"]);
    // The ISS is measured; Tiangong is measured (one cited visual estimate).
    let measured = |id| tiers.measured(id).map(|e| e.source);
    assert_eq!(measured(25544), Some(MagnitudeSource::Measured));
    assert_eq!(measured(48274), Some(MagnitudeSource::Measured));
    assert!(sources[&Some(MagnitudeSource::Size)] > 500, "{sources:?}");
    // After 2017 a size comes from the launch mass (Iridium NEXT, 860 kg) or the siblings
    // (a Lemur of 2025, launched after the programme catalogue: by its name).
    let basis = |id| {
        let set = bundled_sets()
            .into_iter()
            .find(|s| s.norad_id == id)
            .unwrap();
        tiers
            .estimate(&SatelliteKey::from(&set))
            .map(|e| e.basis.to_string())
    };
    assert_eq!(basis(42804).as_deref(), Some(MASS_BASIS));
    assert_eq!(basis(64561).as_deref(), Some(SIBLINGS_BASIS));
}
