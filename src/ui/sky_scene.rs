//! The sky behind the sky chart: stars, constellation figures, the Milky Way, the Moon,
//! the planets and the Sun, turned into chart coordinates for one observer and one minute.
//!
//! Chart coordinates are those of [`chart_xy`]: the distance from the centre is the zenith
//! angle in degrees (90 at the horizon), north up and east to the left, as the sky looks
//! lying on your back. The stars move 0.25° a minute, less than a dot on the chart, so a
//! [`SceneCache`] keeps one [`SkyScene`] per (minute, observer) and the chart only
//! transforms it to the screen each frame.

use chrono::{DateTime, Utc};

use crate::atlas::sky;
use crate::orbit::planets::{PlanetView, planet_views};
use crate::orbit::stars::{SkyDirection, StarSky};
use crate::orbit::{MoonView, ObserverFrame, moon_view, sun_direction};

/// Faintest star the scene holds: all of the bundled catalogue (V = 6).
pub const SCENE_MAX_MAGNITUDE: f64 = 6.0;

/// Chart coordinates of a direction: the distance from the centre is the zenith angle
/// (90° at the horizon); north is up and east to the left, as on the sky overhead.
/// Directions below 5° under the horizon are drawn on the 5° circle.
pub fn chart_xy(azimuth_deg: f64, elevation_deg: f64) -> [f64; 2] {
    let r = 90.0 - elevation_deg.clamp(-5.0, 90.0);
    let az = azimuth_deg.to_radians();
    [-r * az.sin(), r * az.cos()]
}

/// Chart coordinates without the clamp below the horizon, for cutting lines at it.
fn chart_xy_unclamped(d: SkyDirection) -> [f64; 2] {
    let r = 90.0 - d.elevation_deg.min(90.0);
    let az = d.azimuth_deg.to_radians();
    [-r * az.sin(), r * az.cos()]
}

/// One star above the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneStar {
    /// Chart coordinates (see [`chart_xy`]).
    pub xy: [f64; 2],
    /// Visual magnitude (Johnson V).
    pub magnitude: f64,
    /// B−V colour index, magnitudes, when known.
    pub b_minus_v: Option<f64>,
    /// Proper name, empty if none.
    pub name: &'static str,
    /// Korean name, empty if the data has none.
    pub name_ko: &'static str,
}

/// A constellation's name and where to write it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneLabel {
    /// Chart coordinates of the label point.
    pub xy: [f64; 2],
    /// Latin IAU name.
    pub name: &'static str,
    /// Korean name ("큰곰자리"), empty if the data has none.
    pub name_ko: &'static str,
    /// 1 for the large and bright, 3 for the small and faint.
    pub rank: u8,
}

/// Everything the chart draws behind a pass, for one observer at one minute.
#[derive(Debug, Clone)]
pub struct SkyScene {
    /// The instant drawn (the start of the minute), UTC.
    pub t: DateTime<Utc>,
    /// Stars above the horizon, brightest first, to [`SCENE_MAX_MAGNITUDE`].
    pub stars: Vec<SceneStar>,
    /// Constellation stick figures cut at the horizon, chart coordinates.
    pub lines: Vec<Vec<[f64; 2]>>,
    /// Constellation names above the horizon.
    pub labels: Vec<SceneLabel>,
    /// Milky Way outlines cut at the horizon, with their brightness step (1 faint to 5).
    pub milky_way: Vec<(u8, Vec<[f64; 2]>)>,
    /// The five naked-eye planets, above the horizon or not.
    pub planets: Vec<PlanetView>,
    /// The Moon (topocentric).
    pub moon: MoonView,
    /// The Sun.
    pub sun: SkyDirection,
}

impl SkyScene {
    /// The sky of `frame` at `t`, without any cache (a few milliseconds).
    pub fn compute(frame: &ObserverFrame, t: DateTime<Utc>) -> Self {
        let star_sky = StarSky::new(frame, t);
        let stars = sky::stars()
            .iter()
            .take_while(|s| s.magnitude <= SCENE_MAX_MAGNITUDE)
            .filter_map(|s| {
                let d = star_sky.look(s.position);
                (d.elevation_deg > 0.0).then(|| SceneStar {
                    xy: chart_xy(d.azimuth_deg, d.elevation_deg),
                    magnitude: s.magnitude,
                    b_minus_v: s.b_minus_v,
                    name: s.name.as_str(),
                    name_ko: s.name_ko.as_str(),
                })
            })
            .collect();
        let lines = sky::constellation_lines()
            .iter()
            .flat_map(|l| cut_at_horizon(l.points.iter().map(|&p| star_sky.look(p)), false))
            .collect();
        let labels = sky::constellations()
            .iter()
            .filter_map(|c| {
                let d = star_sky.look(c.label);
                (d.elevation_deg > 3.0).then(|| SceneLabel {
                    xy: chart_xy(d.azimuth_deg, d.elevation_deg),
                    name: c.name.as_str(),
                    name_ko: c.name_ko.as_str(),
                    rank: c.rank,
                })
            })
            .collect();
        let milky_way = sky::milky_way()
            .iter()
            .flat_map(|ring| {
                cut_at_horizon(ring.points.iter().map(|&p| star_sky.look(p)), true)
                    .into_iter()
                    .map(|part| (ring.level, part))
            })
            .collect();
        Self {
            t,
            stars,
            lines,
            labels,
            milky_way,
            planets: planet_views(frame, t),
            moon: moon_view(frame, t),
            sun: sun_direction(frame, t),
        }
    }
}

/// Splits a polyline of directions into the runs above the horizon, in chart coordinates,
/// each ending exactly on the horizon where it crosses it. A `closed` ring also joins its
/// last vertex to its first.
pub fn cut_at_horizon(
    directions: impl Iterator<Item = SkyDirection>,
    closed: bool,
) -> Vec<Vec<[f64; 2]>> {
    let mut points: Vec<SkyDirection> = directions.collect();
    if closed && let Some(&first) = points.first() {
        points.push(first);
    }
    let mut runs = Vec::new();
    let mut run: Vec<[f64; 2]> = Vec::new();
    for pair in points.windows(2) {
        let [a, b] = [pair[0], pair[1]];
        let (xa, xb) = (chart_xy_unclamped(a), chart_xy_unclamped(b));
        let at = |f: f64| [xa[0] + f * (xb[0] - xa[0]), xa[1] + f * (xb[1] - xa[1])];
        let crossing = a.elevation_deg / (a.elevation_deg - b.elevation_deg);
        match (a.elevation_deg >= 0.0, b.elevation_deg >= 0.0) {
            (true, true) => {
                if run.is_empty() {
                    run.push(xa);
                }
                run.push(xb);
            }
            (true, false) => {
                if run.is_empty() {
                    run.push(xa);
                }
                run.push(at(crossing));
                runs.push(std::mem::take(&mut run));
            }
            (false, true) => {
                run.push(at(crossing));
                run.push(xb);
            }
            (false, false) => {}
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Key of a cached scene: the minute and the observer (exact coordinates).
type SceneKey = (i64, [u64; 3]);

/// One [`SkyScene`] kept for the minute and observer last asked for.
#[derive(Debug, Clone, Default)]
pub struct SceneCache {
    scene: Option<(SceneKey, SkyScene)>,
    computed: u64,
}

impl SceneCache {
    /// The scene of `frame` at the start of the minute of `t`, computed at most once a
    /// minute per observer, with its number: how many scenes had been computed when it was
    /// (a new number is a new scene, to key what is drawn from it).
    pub fn get(&mut self, frame: &ObserverFrame, t: DateTime<Utc>) -> (u64, &SkyScene) {
        let minute = t.timestamp().div_euclid(60);
        let o = frame.observer;
        let key = (
            minute,
            [
                o.latitude_deg.to_bits(),
                o.longitude_deg.to_bits(),
                o.altitude_m.to_bits(),
            ],
        );
        if self.scene.as_ref().is_some_and(|(k, _)| *k != key) {
            self.scene = None;
        }
        let computed = &mut self.computed;
        let (_, scene) = self.scene.get_or_insert_with(|| {
            let start = DateTime::<Utc>::from_timestamp(minute * 60, 0).unwrap_or(t);
            *computed += 1;
            (key, SkyScene::compute(frame, start))
        });
        (*computed, scene)
    }

    /// How many scenes have been computed so far (to check the cache).
    pub fn computed(&self) -> u64 {
        self.computed
    }
}

/// The lit part of the Moon's disc as a strip of (limb, terminator) pairs, in a frame
/// centred on the Moon with `u` toward the Sun and `v` across, for a disc of `radius`.
///
/// The bright limb is the half circle facing the Sun; the terminator is the half ellipse
/// `u = radius·(1 − 2f)·cos θ` (the projection of the day–night circle), so that the area
/// between them is the lit fraction `f` of the disc: a crescent under a half, gibbous over.
/// Each pair shares its `v`, so consecutive pairs form quads of a triangle strip.
pub fn moon_lit_strip(illuminated_fraction: f64, radius: f64, steps: usize) -> Vec<[[f64; 2]; 2]> {
    let f = illuminated_fraction.clamp(0.0, 1.0);
    let steps = steps.max(2);
    (0..=steps)
        .map(|i| {
            let theta =
                -std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * i as f64 / steps as f64;
            let (s, c) = theta.sin_cos();
            [
                [radius * c, radius * s],
                [radius * (1.0 - 2.0 * f) * c, radius * s],
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_area(strip: &[[[f64; 2]; 2]]) -> f64 {
        strip
            .windows(2)
            .map(|w| {
                let width_a = w[0][0][0] - w[0][1][0];
                let width_b = w[1][0][0] - w[1][1][0];
                (width_a + width_b) / 2.0 * (w[1][0][1] - w[0][0][1])
            })
            .sum()
    }

    #[test]
    fn moon_lit_strip_covers_the_lit_fraction_of_the_disc() {
        let disc = std::f64::consts::PI;
        for f in [0.0, 0.1, 0.5, 0.8, 1.0] {
            let area = strip_area(&moon_lit_strip(f, 1.0, 400));
            assert!((area - f * disc).abs() < 1e-3, "fraction {f}: area {area}");
        }
    }

    #[test]
    fn crescent_moon_is_lit_on_the_sun_side_only() {
        for [limb, terminator] in moon_lit_strip(0.2, 1.0, 40) {
            assert!(limb[0] >= terminator[0] - 1e-12);
            assert!(
                terminator[0] >= -1e-12,
                "a crescent's terminator bulges toward the Sun"
            );
        }
    }

    #[test]
    fn a_line_through_the_horizon_ends_on_it() {
        let d = |azimuth_deg, elevation_deg| SkyDirection {
            azimuth_deg,
            elevation_deg,
        };
        let runs = cut_at_horizon(
            [d(0.0, 10.0), d(0.0, -10.0), d(90.0, -5.0)].into_iter(),
            false,
        );
        assert_eq!(runs.len(), 1);
        let end = runs[0][1];
        assert!((end[0].hypot(end[1]) - 90.0).abs() < 1e-9, "{end:?}");
        assert!(cut_at_horizon([d(0.0, -1.0), d(10.0, -2.0)].into_iter(), false).is_empty());
    }

    #[test]
    fn scene_cache_computes_once_per_minute_and_observer() {
        use crate::orbit::Observer;
        let seoul = ObserverFrame::new(Observer::new(37.5665, 126.978, 38.0));
        let busan = ObserverFrame::new(Observer::new(35.18, 129.08, 10.0));
        let t: DateTime<Utc> = "2026-08-22T12:00:05Z".parse().unwrap();
        let mut cache = SceneCache::default();
        let n = cache.get(&seoul, t).1.stars.len();
        assert!(n > 1000, "about half of 5,044 stars are up: {n}");
        cache.get(&seoul, t + chrono::Duration::seconds(50));
        assert_eq!(cache.computed(), 1);
        cache.get(&seoul, t + chrono::Duration::seconds(60));
        assert_eq!(cache.computed(), 2);
        let (number, _) = cache.get(&busan, t + chrono::Duration::seconds(60));
        assert_eq!(cache.computed(), 3);
        assert_eq!(number, 3);
        assert_eq!(
            cache.get(&busan, t + chrono::Duration::seconds(61)).1.t,
            "2026-08-22T12:01:00Z".parse::<DateTime<Utc>>().unwrap()
        );
    }
}
