//! The Moon near a visible pass: where it stands while the pass is seen and how close it
//! comes to the seen path (its note in words is in `words.rs`).

use crate::orbit::{MoonView, ObserverFrame, Pass, PassPoint, moon_view};

use super::SeenPart;

/// The Moon as it bears on a visible pass: where it is at the pass's highest point while
/// seen, how much of it is lit, and how close it comes to the seen part's path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoonNearPass {
    /// The Moon at the seen part's peak, topocentric.
    pub moon: MoonView,
    /// Least angle between the Moon and the seen path (start, peak, end joined by great
    /// circles on the sky), degrees.
    pub separation_deg: f64,
}

impl MoonNearPass {
    /// Where the Moon is during the seen part of `pass`, from the observer at `frame`; None
    /// when the pass is not visible.
    pub fn of(pass: &Pass, frame: &ObserverFrame) -> Option<Self> {
        let seen = SeenPart::of(pass)?;
        let moon = moon_view(frame, seen.peak.time);
        let separation_deg = separation_from_path_deg(&moon, &[seen.start, seen.peak, seen.end]);
        Some(Self {
            moon,
            separation_deg,
        })
    }

    /// True when the Moon is up, more than half lit and within 30° of the path: bright
    /// enough, and near enough, to wash out a faint satellite.
    pub fn is_worth_noting(&self) -> bool {
        self.moon.elevation_deg > 0.0
            && self.moon.illuminated_fraction > 0.5
            && self.separation_deg < MOON_NOTE_SEPARATION_DEG
    }
}

/// A bright Moon closer than this to a pass's path is noted, degrees.
pub const MOON_NOTE_SEPARATION_DEG: f64 = 30.0;

/// A direction on the sky as a unit vector (east, north, up).
fn sky_unit(azimuth_deg: f64, elevation_deg: f64) -> [f64; 3] {
    let (sa, ca) = azimuth_deg.to_radians().sin_cos();
    let (se, ce) = elevation_deg.to_radians().sin_cos();
    [sa * ce, ca * ce, se]
}

/// Least angle from the Moon to the path through `points` (each pair joined by the great
/// circle between them), degrees.
fn separation_from_path_deg(moon: &MoonView, points: &[PassPoint]) -> f64 {
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let angle = |a: [f64; 3], b: [f64; 3]| dot(a, b).clamp(-1.0, 1.0).acos().to_degrees();
    let m = sky_unit(moon.azimuth_deg, moon.elevation_deg);
    let units: Vec<[f64; 3]> = points
        .iter()
        .map(|p| sky_unit(p.azimuth_deg, p.elevation_deg))
        .collect();
    let mut best = units
        .iter()
        .map(|&u| angle(m, u))
        .fold(f64::INFINITY, f64::min);
    for pair in units.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let n = [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ];
        let len = dot(n, n).sqrt();
        if len < 1e-12 {
            continue;
        }
        let n = [n[0] / len, n[1] / len, n[2] / len];
        // The foot of the perpendicular lies on the arc when it is on the inner side of
        // both ends.
        let foot = [
            m[0] - dot(m, n) * n[0],
            m[1] - dot(m, n) * n[1],
            m[2] - dot(m, n) * n[2],
        ];
        let ab = angle(a, b);
        if angle(a, foot) <= ab && angle(foot, b) <= ab {
            best = best.min(dot(m, n).abs().clamp(0.0, 1.0).asin().to_degrees());
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::at;

    fn moon_at(azimuth_deg: f64, elevation_deg: f64) -> MoonView {
        MoonView {
            azimuth_deg,
            elevation_deg,
            range_km: 384_000.0,
            illuminated_fraction: 0.8,
            is_waxing: true,
        }
    }

    #[test]
    fn moon_separation_is_measured_to_the_path_not_just_its_corners() {
        // A path along the horizon-parallel arc from east to west through the zenith side:
        // start E 20° up, peak S 60° up, end W 20° up. The great circle from start to peak
        // passes through azimuth 118°, 48.6° up, midway: a Moon there is on the path, far
        // from every corner.
        let path = [
            at(0.0, 90.0, 20.0),
            at(3.0, 180.0, 60.0),
            at(6.0, 270.0, 20.0),
        ];
        let moon = moon_at(118.0, 47.0);
        let corners = path
            .iter()
            .map(|p| {
                crate::orbit::angular_separation_deg(118.0, 47.0, p.azimuth_deg, p.elevation_deg)
            })
            .fold(f64::INFINITY, f64::min);
        let d = separation_from_path_deg(&moon, &path);
        assert!(d < corners - 10.0, "path {d}°, nearest corner {corners}°");
        assert!(d < 2.0, "{d}");
        // On the path itself: zero.
        assert!(separation_from_path_deg(&moon_at(180.0, 60.0), &path) < 1e-6);
    }

    #[test]
    fn a_bright_moon_near_the_path_is_noted_and_a_set_one_is_not() {
        let near = MoonNearPass {
            moon: moon_at(135.0, 40.0),
            separation_deg: 15.0,
        };
        assert!(near.is_worth_noting());
        assert_eq!(near.words(), "Bright Moon (80% lit) 15° from the path.");
        assert_eq!(
            crate::i18n::with_language(crate::i18n::Lang::Ko, || near.words()),
            "밝은 달(80% 빛남)이 위성이 지나는 길에서 15° 떨어져 있어요."
        );
        let set = MoonNearPass {
            moon: moon_at(135.0, -3.0),
            ..near
        };
        assert!(!set.is_worth_noting());
        let thin = MoonNearPass {
            moon: MoonView {
                illuminated_fraction: 0.3,
                ..near.moon
            },
            ..near
        };
        assert!(!thin.is_worth_noting());
    }
}
