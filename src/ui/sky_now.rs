//! "Sky now"'s satellites: every satellite above the horizon that is sunlit and could be
//! bright enough for the chosen sky, and the chosen ones wherever they are up, with short
//! trails. Worked out once per second of the clock and kept between frames, never per
//! frame; the catalog is narrowed to what can reach the sky once every few minutes.
//!
//! No drawing here: [`NowSkyCache::get`] is a function of the catalog, the place, the
//! clock's second and the limit, so a test can count how often it works.

use chrono::{DateTime, Duration, Utc};

use super::catalog_data::CatalogData;
use super::sky_scene::chart_xy;
use crate::orbit::sky_now::{bright_satellites_up, could_be_up_within, trail};
use crate::orbit::{Observer, ObserverFrame, observe};

/// How far back the trails reach, seconds.
pub const TRAIL_S: i64 = 300;
/// Time between the points of a trail, seconds.
pub const TRAIL_STEP_S: i64 = 20;
/// How long one narrowing of the catalog serves, seconds of the clock.
const SELECTION_S: i64 = 300;

/// A satellite drawn in "Sky now".
#[derive(Debug, Clone, PartialEq)]
pub struct NowSatellite {
    /// Catalog number.
    pub norad_id: u64,
    /// Name as published.
    pub name: String,
    /// Chart coordinates (see [`chart_xy`]), oldest first; the last is now.
    pub trail: Vec<[f64; 2]>,
    /// Estimated magnitude now, when known.
    pub magnitude: Option<f64>,
    /// One of the satellites the user chose.
    pub chosen: bool,
}

/// What the satellites were worked out for: a change of any of these starts afresh.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    observer: Observer,
    limiting_magnitude: f64,
    catalog_size: usize,
    catalog_newest: Option<DateTime<Utc>>,
    chosen: Vec<u64>,
}

/// The satellites that can reach the sky within a span of the clock.
#[derive(Debug, Clone)]
struct Selection {
    key: Key,
    from: DateTime<Utc>,
    indices: Vec<usize>,
}

/// Keeps "Sky now"'s satellites between frames; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct NowSkyCache {
    selection: Option<Selection>,
    shown: Option<(Key, i64, Vec<NowSatellite>)>,
    /// How many times the satellites' places were worked out (for tests).
    pub computed: usize,
    /// How many times the catalog was narrowed (for tests).
    pub selections: usize,
}

impl NowSkyCache {
    /// The satellites to draw at `t`: worked out again only when the clock's second, the
    /// place, the limit, the catalog or the chosen satellites changed.
    pub fn get(
        &mut self,
        catalog: &CatalogData,
        frame: &ObserverFrame,
        t: DateTime<Utc>,
        limiting_magnitude: f64,
        chosen: &[u64],
    ) -> &[NowSatellite] {
        let key = Key {
            observer: frame.observer,
            limiting_magnitude,
            catalog_size: catalog.sats.len(),
            catalog_newest: catalog.newest_epoch,
            chosen: chosen.to_vec(),
        };
        let second = t.timestamp();
        let fresh = self
            .shown
            .as_ref()
            .is_some_and(|(k, s, _)| *k == key && *s == second);
        if !fresh {
            let at = DateTime::from_timestamp(second, 0).unwrap_or(t);
            let sats = self.compute(catalog, frame, at, &key);
            self.shown = Some((key, second, sats));
            self.computed += 1;
        }
        self.shown.as_ref().map_or(&[], |(_, _, s)| s.as_slice())
    }

    /// The catalog narrowed to what can be up around `t`, kept for [`SELECTION_S`].
    fn selection(
        &mut self,
        catalog: &CatalogData,
        frame: &ObserverFrame,
        t: DateTime<Utc>,
        key: &Key,
    ) -> &[usize] {
        let span = Duration::seconds(SELECTION_S);
        let serves = self
            .selection
            .as_ref()
            .is_some_and(|s| s.key == *key && t >= s.from && t < s.from + span);
        if !serves {
            let half_s = SELECTION_S as f64 / 2.0;
            let middle = t + Duration::seconds(SELECTION_S / 2);
            let indices = could_be_up_within(
                &catalog.sats,
                catalog,
                frame,
                middle,
                half_s,
                key.limiting_magnitude,
            );
            self.selection = Some(Selection {
                key: key.clone(),
                from: t,
                indices,
            });
            self.selections += 1;
        }
        self.selection
            .as_ref()
            .map_or(&[], |s| s.indices.as_slice())
    }

    fn compute(
        &mut self,
        catalog: &CatalogData,
        frame: &ObserverFrame,
        t: DateTime<Utc>,
        key: &Key,
    ) -> Vec<NowSatellite> {
        let indices = self.selection(catalog, frame, t, key).to_vec();
        let bright = bright_satellites_up(
            &catalog.sats,
            Some(&indices),
            catalog,
            frame,
            t,
            key.limiting_magnitude,
        );
        let mut out: Vec<NowSatellite> = Vec::new();
        // The chosen ones first (drawn in their own colour), wherever they are up.
        for &id in &key.chosen {
            let Some(sat) = catalog.get(id) else { continue };
            let Ok(o) = observe(sat, frame, t, catalog.std_magnitude(id)) else {
                continue;
            };
            if o.look.elevation_deg < 0.0 {
                continue;
            }
            out.push(NowSatellite {
                norad_id: id,
                name: sat.set.name.clone(),
                trail: trail_xy(sat, frame, t),
                magnitude: o.magnitude,
                chosen: true,
            });
        }
        for s in bright {
            if key.chosen.contains(&s.norad_id) {
                continue;
            }
            let Some(sat) = catalog.sats.get(s.index) else {
                continue;
            };
            out.push(NowSatellite {
                norad_id: s.norad_id,
                name: s.name,
                trail: trail_xy(sat, frame, t),
                magnitude: Some(s.magnitude),
                chosen: false,
            });
        }
        out
    }
}

/// A satellite's trail over the last [`TRAIL_S`] seconds in chart coordinates.
fn trail_xy(
    sat: &crate::orbit::Satellite,
    frame: &ObserverFrame,
    t: DateTime<Utc>,
) -> Vec<[f64; 2]> {
    trail(sat, frame, t, TRAIL_S, TRAIL_STEP_S)
        .into_iter()
        .map(|d| chart_xy(d.azimuth_deg, d.elevation_deg))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> CatalogData {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fixture_elements.tle"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = crate::orbit::parse_elements(&text, "fixture").unwrap();
        CatalogData::from_sets(
            parsed.sets,
            crate::catalog::bundled_std_magnitudes(),
            "fixture".to_owned(),
            Vec::new(),
        )
    }

    #[test]
    fn the_satellites_are_worked_out_once_a_second_not_once_a_frame() {
        let catalog = fixture();
        let frame = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let start: DateTime<Utc> = "2026-08-22T18:28:10Z".parse().unwrap();
        let mut cache = NowSkyCache::default();
        // A minute of the clock at x1, drawn at 30 frames a second.
        for frame_index in 0..(60 * 30) {
            let t = start + Duration::milliseconds(frame_index * 1000 / 30);
            let up = cache.get(&catalog, &frame, t, 4.0, &[]);
            // The ISS is up and sunlit (out of the shadow at 18:28:03), bright, though nobody
            // chose it.
            assert!(up.iter().any(|s| s.norad_id == 25_544 && !s.chosen));
        }
        assert_eq!(cache.computed, 60);
        assert_eq!(cache.selections, 1);
        // A paused clock: nothing more to work out, however many frames.
        for _ in 0..100 {
            cache.get(&catalog, &frame, start + Duration::seconds(59), 4.0, &[]);
        }
        assert_eq!(cache.computed, 60);
        // Choosing a satellite, or another limit, starts afresh.
        cache.get(
            &catalog,
            &frame,
            start + Duration::seconds(59),
            4.0,
            &[25_544],
        );
        assert_eq!(cache.computed, 61);
        assert_eq!(cache.selections, 2);
    }
}
