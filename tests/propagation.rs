//! SGP4/SDP4 propagation against the Vallado verification set (AIAA 2006-6753).
//!
//! `tests/data/sgp4-verification/` holds SGP4-VER.TLE and the expected output of
//! Vallado's C++ code (tcppver.out), WGS-72, improved mode, as python-sgp4 tests them.

use overhead::orbit::{Satellite, parse_elements};

use crate::util::data_path;

/// Agreement with the reference implementation's positions.
const POSITION_TOLERANCE_KM: f64 = 1e-3;
/// Agreement with the reference implementation's velocities.
const VELOCITY_TOLERANCE_KM_S: f64 = 1e-6;

struct Case {
    line1: String,
    line2: String,
    start_min: f64,
    stop_min: f64,
    step_min: f64,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(data_path("sgp4-verification/SGP4-VER.TLE")).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end())
        .filter(|l| l.starts_with("1 ") || l.starts_with("2 "))
        .collect();
    lines
        .chunks(2)
        .map(|pair| {
            let extra: Vec<f64> = pair[1][69..]
                .split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect();
            Case {
                line1: pair[0].to_owned(),
                line2: pair[1][..69].to_owned(),
                start_min: extra[0],
                stop_min: extra[1],
                step_min: extra[2],
            }
        })
        .collect()
}

/// One row of the reference output: minutes since epoch, position (km), velocity (km/s).
type Row = (f64, [f64; 3], [f64; 3]);

/// Blocks of rows, one per test case, with the case's catalog number.
fn expected() -> Vec<(u64, Vec<Row>)> {
    let text = std::fs::read_to_string(data_path("sgp4-verification/tcppver.out")).unwrap();
    let mut blocks: Vec<(u64, Vec<Row>)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.strip_suffix(" xx") {
            blocks.push((id.trim().parse().unwrap(), Vec::new()));
            continue;
        }
        let v: Vec<f64> = line
            .split_whitespace()
            .take(7)
            .map(|x| x.parse().unwrap())
            .collect();
        blocks
            .last_mut()
            .unwrap()
            .1
            .push((v[0], [v[1], v[2], v[3]], [v[4], v[5], v[6]]));
    }
    blocks
}

#[test]
fn vallado_verification_cases_match_reference_output() {
    let cases = cases();
    let blocks = expected();
    assert_eq!(cases.len(), 33);
    assert_eq!(blocks.len(), 33);
    let mut rows_checked = 0;
    let mut early_stops = Vec::new();
    for (case, (id, rows)) in cases.iter().zip(&blocks) {
        let text = format!("{}\n{}\n", case.line1, case.line2);
        let parsed = parse_elements(&text, "SGP4-VER.TLE");
        if [33333, 33334, 33335].contains(id) {
            // The deliberate error cases carry bad checksums: the reader must refuse them.
            let err = parsed.unwrap_err().to_string();
            assert!(err.contains("checksum"), "{id}: {err}");
            continue;
        }
        let parsed = parsed.unwrap_or_else(|e| panic!("{id}: {e}"));
        let sat = Satellite::new(parsed.sets[0].clone());
        assert_eq!(sat.set.norad_id, *id);
        for (minutes, r, v) in rows {
            let state = sat
                .state_at_minutes(*minutes)
                .unwrap_or_else(|e| panic!("{id} at {minutes} min: {e}"));
            for k in 0..3 {
                let dr = (state.r_teme_km[k] - r[k]).abs();
                let dv = (state.v_teme_km_s[k] - v[k]).abs();
                assert!(
                    dr < POSITION_TOLERANCE_KM,
                    "{id} at {minutes} min: r[{k}] off by {dr} km"
                );
                assert!(
                    dv < VELOCITY_TOLERANCE_KM_S,
                    "{id} at {minutes} min: v[{k}] off by {dv} km/s"
                );
            }
            rows_checked += 1;
        }
        // Where the reference stops before the case's stop time, propagation failed there:
        // ours must fail too (an SGP4 error or decay), never return a position.
        let last = rows.last().map_or(case.start_min, |r| r.0);
        let next = last + case.step_min.copysign(case.stop_min - case.start_min);
        if (case.stop_min - last).abs() > 1e-6
            && (next - case.stop_min) * case.step_min.signum() <= 1e-6
        {
            assert!(
                sat.state_at_minutes(next).is_err(),
                "{id} should fail at {next} min"
            );
            early_stops.push(*id);
        }
    }
    assert!(rows_checked > 500, "{rows_checked}");
    // The reference output ends early for these cases (decay or an SGP4 error code).
    assert_eq!(
        early_stops,
        [22312, 28350, 28872, 29141, 20413],
        "cases that stop early on a propagation error"
    );
}

#[test]
fn resonance_cache_gives_the_same_states_as_a_fresh_start() {
    use overhead::orbit::propagate::ResonanceCache;
    let text = std::fs::read_to_string(data_path("elements/active-sample-2026-05-07.txt")).unwrap();
    let sets = parse_elements(&text, "sample").unwrap().sets;
    // GOES 16 (one-day resonance) and MERIDIAN 7 (half-day resonance).
    for id in [41866, 40296] {
        let sat = Satellite::new(sets.iter().find(|s| s.norad_id == id).unwrap().clone());
        let cache = ResonanceCache::new();
        // Forward, then a step back (which must not reuse the later checkpoint), then on.
        for minutes in [
            0.0, 100.0, 800.0, 2000.0, 1500.0, 5000.0, 4999.0, 12_000.0, -300.0, -2000.0,
        ] {
            let fresh = sat.state_at_minutes(minutes).unwrap();
            let cached = sat.state_at_minutes_cached(minutes, &cache).unwrap();
            assert_eq!(fresh, cached, "{id} at {minutes} min");
        }
    }
}
