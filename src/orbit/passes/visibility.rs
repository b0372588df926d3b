//! Visibility: when during a pass the satellite can be seen, how it appears and
//! vanishes, and how bright it gets.
//!
//! A satellite is seen while three conditions hold: it is high enough, it is sunlit, and
//! the sky is dark enough. The boundaries of each are bracketed on the pass's trail (the
//! height), or by a walk whose steps a bound on the rate allows (the darkness and the
//! sunlight), and refined to 1 ms with [`crate::orbit::roots`]; each stretch between
//! boundaries is then tested at its midpoint. The magnitude is the brightest of a few
//! instants of the seen part (an estimate, as the magnitude model is).

use std::cell::Cell;

use crate::orbit::brightness::{phase_angle_deg, visual_magnitude};
use crate::orbit::constants::{DAY_MINUTES, EARTH_EQUATORIAL_RADIUS_WGS84_KM};
use crate::orbit::frames::ecef_from_teme_by;
use crate::orbit::propagate::PropagationError;
use crate::orbit::roots::crossings_by_walk;
use crate::orbit::sun::sun_position_teme_km;
use crate::orbit::vec3::{cross, dot, norm, sub, unit};

use super::finder::Finder;
use super::interpolant::{Span, TrailSpans};
use super::pass::{Appears, NotVisibleReason, Pass, PassPoint, Vanishes};
use super::refine::ROOT_TOLERANCE_MINUTES;

/// How far past a boundary of the visible part the failing condition is looked for,
/// minutes (0.1 s: a hundred times the boundary's tolerance).
const BOUNDARY_PROBE_MINUTES: f64 = 0.1 / 60.0;

/// Buffers the visibility walk reuses from one pass to the next on the same thread.
#[derive(Default)]
struct Buffers {
    /// Where the height or the darkness condition changes.
    cuts: Vec<f64>,
    /// Where the sunlight changes within one dark-and-high stretch.
    stretch_cuts: Vec<f64>,
    /// The stretches that are dark and high enough, minutes.
    dark_and_high: Vec<(f64, f64)>,
    /// The stretches where the satellite is seen, minutes.
    seen: Vec<(f64, f64)>,
}

thread_local! {
    static BUFFERS: Cell<Buffers> = Cell::new(Buffers::default());
}

/// One of the three conditions of visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Condition {
    /// High enough above the horizon.
    Height,
    /// In sunlight.
    Sunlight,
    /// The sky dark enough.
    Darkness,
}

impl Finder<'_> {
    /// The three visibility conditions at `m`, each positive when met: elevation (sine
    /// margin), sunlight (how far, in km, the line to the Sun misses the Earth), and sky
    /// darkness (sine margin of the Sun's elevation).
    fn conditions(&self, span: &Span, sun: &PassSun, m: f64) -> Result<[f64; 3], PropagationError> {
        let (r, v) = self.state_in(span, m)?;
        Ok(self.conditions_of_state(sun, m, r, v))
    }

    /// [`Finder::conditions`] for the TEME state `r`, `v` (km, km/s) at `m`.
    fn conditions_of_state(&self, sun: &PassSun, m: f64, r: [f64; 3], v: [f64; 3]) -> [f64; 3] {
        let s = self.sample_from_state(m, r, v, false);
        let sun_km = sun.at(m);
        let sin_sun_el = self.sin_sun_elevation(sun, m);
        [
            s.f + self.sin_threshold - self.sin_visible,
            sunlit_margin_km(r, sun_km),
            self.sin_max_sun - sin_sun_el,
        ]
    }

    /// Sine of the Sun's elevation at the observer at `m` (topocentric, as
    /// [`crate::orbit::observe::sun_elevation_deg`]: the Sun's 9″ parallax is a second of time at
    /// the darkness threshold).
    fn sin_sun_elevation(&self, sun: &PassSun, m: f64) -> f64 {
        let (sin, cos) = self.rotation(m);
        let to_sun = sub(ecef_from_teme_by(sin, cos, sun.at(m)), self.frame.r_ecef_km);
        dot(to_sun, self.frame.up_ecef()) / norm(to_sun)
    }

    /// The estimated magnitude at `m` of the satellite at TEME position `r` (km), for its
    /// standard magnitude `std_magnitude`.
    fn magnitude_of_state(
        &self,
        sun: &PassSun,
        m: f64,
        r: [f64; 3],
        std_magnitude: f64,
    ) -> Option<f64> {
        let (sin, cos) = self.rotation(m);
        let observer_teme = ecef_from_teme_by(-sin, cos, self.frame.r_ecef_km);
        visual_magnitude(
            std_magnitude,
            norm(sub(r, observer_teme)),
            phase_angle_deg(r, observer_teme, sun.at(m)),
        )
    }

    /// Finds the visible part of a pass: boundaries of each condition are bracketed on a
    /// grid of at most 30 s and refined to 1 ms (on the interpolant in low orbit, good to
    /// about a millisecond), then each stretch between boundaries is tested at
    /// its midpoint.
    pub(super) fn visibility(
        &self,
        pass: &mut Pass,
        spans: &TrailSpans,
        rise: f64,
        top: f64,
        set: f64,
    ) -> Result<(), PropagationError> {
        if pass.culmination.elevation_deg < self.search.visible_min_elevation_deg {
            pass.not_visible_reason = Some(NotVisibleReason::TooLow);
            return Ok(());
        }
        let sun = PassSun::new(self.sat.epoch_jd(), rise, set);
        // In daylight throughout? The Sun's elevation changes by at most 0.25°/min and
        // bends slowly: over a short pass three values with a margin settle it.
        let daylight_sin = (self.search.max_sun_elevation_deg + 0.5).to_radians().sin();
        if set - rise <= 30.0
            && [rise, top, set]
                .iter()
                .all(|&m| self.sin_sun_elevation(&sun, m) > daylight_sin)
        {
            pass.not_visible_reason = Some(NotVisibleReason::Daylight);
            return Ok(());
        }
        let mut buffers = BUFFERS.with(Cell::take);
        let result = self.seen_part(pass, spans, &sun, rise, top, set, &mut buffers);
        BUFFERS.with(|cell| cell.set(buffers));
        result
    }

    /// The rest of [`Finder::visibility`], for a pass that may be seen, with `buffers`
    /// reused from pass to pass.
    #[allow(clippy::too_many_arguments)]
    fn seen_part(
        &self,
        pass: &mut Pass,
        spans: &TrailSpans,
        sun: &PassSun,
        rise: f64,
        top: f64,
        set: f64,
        buffers: &mut Buffers,
    ) -> Result<(), PropagationError> {
        let Buffers {
            cuts,
            stretch_cuts,
            dark_and_high,
            seen,
        } = buffers;
        // Where the satellite is high enough and the sky dark enough...
        cuts.clear();
        cuts.push(rise);
        self.elevation_cuts(spans, self.sin_threshold - self.sin_visible, cuts)?;
        self.darkness_cuts(sun, rise, set, cuts)?;
        cuts.push(set);
        cuts.sort_by(f64::total_cmp);
        dark_and_high.clear();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b - a < 1e-9 {
                continue;
            }
            let mid = 0.5 * (a + b);
            let c = self.conditions(self.span_at(spans, mid), sun, mid)?;
            if c[0] >= 0.0 && c[2] >= 0.0 {
                match dark_and_high.last_mut() {
                    Some(stretch) if stretch.1 == a => stretch.1 = b,
                    _ => dark_and_high.push((a, b)),
                }
            }
        }
        // ...and, only there, where it is sunlit.
        seen.clear();
        for &(from, to) in dark_and_high.iter() {
            let cuts = &mut *stretch_cuts;
            cuts.clear();
            cuts.push(from);
            self.sunlight_cuts(spans, sun, from, to, cuts)?;
            cuts.push(to);
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                if b - a < 1e-9 {
                    continue;
                }
                let mid = 0.5 * (a + b);
                if self.sunlit_margin_at(spans, sun, mid)? >= 0.0 {
                    match seen.last_mut() {
                        Some(stretch) if stretch.1 == a => stretch.1 = b,
                        _ => seen.push((a, b)),
                    }
                }
            }
        }
        let dark_and_high = !dark_and_high.is_empty();
        // Where the pass is seen in more than one stretch (a long high-orbit pass seen
        // before dawn and again after dusk, or a low one dipping into the shadow and out),
        // the seen part told is the stretch that gets highest, among those in the search
        // window if any is: the earliest of equals.
        let (m_start, m_end) = self.window_minutes.get();
        let in_window = |&(a, b): &(f64, f64)| b >= m_start && a <= m_end;
        let any_in_window = seen.iter().any(in_window);
        let mut best: Option<(f64, f64, PassPoint, PassPoint, PassPoint)> = None;
        for &(a, b) in seen.iter().filter(|s| !any_in_window || in_window(s)) {
            let start = self.point(&self.reported(self.span_at(spans, a), a)?);
            let end = self.point(&self.reported(self.span_at(spans, b), b)?);
            let peak = if (a..=b).contains(&top) {
                pass.culmination
            } else {
                self.highest_between(spans, a, b, start, end)?
            };
            if best.is_none_or(|(_, _, _, p, _)| peak.elevation_deg > p.elevation_deg) {
                best = Some((a, b, start, peak, end));
            }
        }
        match best {
            Some((a, b, start, peak, end)) => {
                pass.is_visible = true;
                pass.visible_stretches = u8::try_from(seen.len()).unwrap_or(u8::MAX);
                pass.set_seen_points(start, peak, end);
                pass.appears = Some(self.appears(spans, sun, a, rise)?);
                pass.vanishes = Some(self.vanishes(spans, sun, b, set)?);
                if let Some(std) = self.std_magnitude {
                    pass.magnitude = self.brightest(spans, sun, a, b, top, std)?;
                }
            }
            _ => {
                pass.not_visible_reason = Some(if dark_and_high {
                    NotVisibleReason::EarthShadow
                } else {
                    NotVisibleReason::Daylight
                });
            }
        }
        Ok(())
    }

    /// The highest point of the seen stretch from `a` to `b` (at `start` and `end`), which
    /// does not hold the pass's culmination: the higher of its ends, or a lower turning
    /// point of the elevation inside it. A long high-orbit pass can climb, sink and climb
    /// again while seen (AO-10 from Quito on 7 May 2026 is seen from 23:35 UTC at 43.4°,
    /// sinks, and climbs to 46.0° at 00:44), so the ends alone would tell the wrong top.
    fn highest_between(
        &self,
        spans: &TrailSpans,
        a: f64,
        b: f64,
        start: PassPoint,
        end: PassPoint,
    ) -> Result<PassPoint, PropagationError> {
        let mut best = if start.elevation_deg >= end.elevation_deg {
            start
        } else {
            end
        };
        for (i, pair) in spans.trail.windows(2).enumerate() {
            let (prev, next) = (&pair[0], &pair[1]);
            if next.minutes <= a || prev.minutes >= b || !(prev.rate > 0.0 && next.rate <= 0.0) {
                continue;
            }
            let turn = self.turning_point(self.trail_span(spans, i), *prev, *next)?;
            if (a..=b).contains(&turn.minutes) {
                let point = self.point(&turn);
                if point.elevation_deg > best.elevation_deg {
                    best = point;
                }
            }
        }
        Ok(best)
    }

    /// How the satellite became visible at `a`: by the condition that fails a moment
    /// (0.1 s) before. At the rise itself it rises.
    fn appears(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        a: f64,
        rise: f64,
    ) -> Result<Appears, PropagationError> {
        let before = a - BOUNDARY_PROBE_MINUTES;
        Ok(
            match self.unmet_condition(spans, sun, before, before <= rise)? {
                Condition::Sunlight => Appears::LeavesShadow,
                Condition::Darkness => Appears::SkyDarkens,
                Condition::Height => Appears::Rises,
            },
        )
    }

    /// How the satellite stopped being visible at `b`: by the condition that fails a
    /// moment (0.1 s) after. At the set itself it sets.
    fn vanishes(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        b: f64,
        set: f64,
    ) -> Result<Vanishes, PropagationError> {
        let after = b + BOUNDARY_PROBE_MINUTES;
        Ok(
            match self.unmet_condition(spans, sun, after, after >= set)? {
                Condition::Sunlight => Vanishes::EntersShadow,
                Condition::Darkness => Vanishes::SkyBrightens,
                Condition::Height => Vanishes::Sets,
            },
        )
    }

    /// The visibility condition unmet at `m`, next to a boundary of the visible part: the
    /// height when `m` is outside the pass (`beyond_pass`), else the sunlight if that
    /// fails, else the darkness if only that fails, else the height.
    fn unmet_condition(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
        beyond_pass: bool,
    ) -> Result<Condition, PropagationError> {
        if beyond_pass {
            return Ok(Condition::Height);
        }
        let [high, sunlit, dark] = self.conditions(self.span_at(spans, m), sun, m)?;
        Ok(if sunlit < 0.0 {
            Condition::Sunlight
        } else if dark < 0.0 && high >= 0.0 {
            Condition::Darkness
        } else {
            Condition::Height
        })
    }

    /// Where the elevation crosses the visibility threshold (`f + offset = 0`), found on
    /// the pass's trail of exact samples exactly as the scan finds rises and sets.
    fn elevation_cuts(
        &self,
        spans: &TrailSpans,
        offset: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        for (i, pair) in spans.trail.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let (ga, gb) = (a.f + offset, b.f + offset);
            if (ga >= 0.0) != (gb >= 0.0) {
                let span = self.trail_span(spans, i);
                cuts.push(
                    self.solve_f(span, a, b, offset, ROOT_TOLERANCE_MINUTES)?
                        .minutes,
                );
            } else if (ga < 0.0 && a.rate > 0.0 && b.rate < 0.0)
                || (ga >= 0.0 && a.rate < 0.0 && b.rate > 0.0)
            {
                let span = self.trail_span(spans, i);
                let turn = self.solve_rate(span, a, b)?;
                if (turn.f + offset >= 0.0) != (ga >= 0.0) {
                    cuts.push(
                        self.solve_f(span, a, &turn, offset, ROOT_TOLERANCE_MINUTES)?
                            .minutes,
                    );
                    cuts.push(
                        self.solve_f(span, &turn, b, offset, ROOT_TOLERANCE_MINUTES)?
                            .minutes,
                    );
                }
            }
        }
        Ok(())
    }

    /// Where the Sun crosses the darkness threshold. The sine of the Sun's elevation
    /// changes no faster than the Earth turns (0.0044 per minute).
    fn darkness_cuts(
        &self,
        sun: &PassSun,
        rise: f64,
        set: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        const SUN_SINE_RATE_PER_MIN: f64 = 0.0045;
        let darkness = |m: f64| Ok(self.sin_max_sun - self.sin_sun_elevation(sun, m));
        let probe = |m: f64| {
            let g = darkness(m)?;
            Ok((g, g.abs() / SUN_SINE_RATE_PER_MIN))
        };
        crossings_by_walk(
            rise,
            set,
            1.0,
            ROOT_TOLERANCE_MINUTES,
            probe,
            darkness,
            cuts,
        )
    }

    /// Where the satellite enters or leaves the Earth's shadow, refined to 1 ms.
    ///
    /// Walks from `from` to `to` in steps the sunlight margin g cannot cross zero within:
    /// g is a distance, so |g'| is at most the top speed v; and where the distance d = g + R
    /// from the shadow's axis (or from the Earth's centre, on the sunward side) stays above
    /// R/2, |g''| ≤ v²/d + |a| (curvature of the distance plus gravity), so from g₀ and its
    /// rate g₀' the margin cannot reach zero while |g₀| + (±g₀' − ε) t − K t²/2 > 0, where ε
    /// allows for the slow turn of the Sun's direction. Steps are at least 10 s (shorter
    /// than any dip into the shadow and out again).
    fn sunlight_cuts(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        from: f64,
        to: f64,
        cuts: &mut Vec<f64>,
    ) -> Result<(), PropagationError> {
        let radius = EARTH_EQUATORIAL_RADIUS_WGS84_KM;
        let d_low = radius / 2.0;
        let v_max = self.top_speed_km_per_minute;
        let k = v_max * v_max / d_low + self.top_gravity_km_per_minute2;
        let probe = |m: f64| {
            let (g, g_rate) = self.sunlit_margin_and_rate_at(spans, sun, m)?;
            let q = g.abs();
            let first_order = q / v_max;
            let d = g + radius;
            let second_order = if d > d_low {
                let p = g.signum() * g_rate - self.sun_turn_km_per_minute;
                ((p + (p * p + 2.0 * k * q).sqrt()) / k).min((d - d_low) / v_max)
            } else {
                0.0
            };
            Ok((g, first_order.max(second_order)))
        };
        let margin = |m: f64| self.sunlit_margin_at(spans, sun, m);
        crossings_by_walk(
            from,
            to,
            10.0 / 60.0,
            ROOT_TOLERANCE_MINUTES,
            probe,
            margin,
            cuts,
        )
    }

    /// The sunlight margin at `m` (as [`Finder::sunlit_margin_at`]) and its rate, km and km
    /// per minute (see [`sunlit_margin_and_rate`]).
    fn sunlit_margin_and_rate_at(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
    ) -> Result<(f64, f64), PropagationError> {
        let (r, v) = self.state_in(self.span_at(spans, m), m)?;
        Ok(sunlit_margin_and_rate(r, v, sun.at(m)))
    }

    /// How far the satellite's line to the Sun misses the Earth at `m`, km (see
    /// [`sunlit_margin_km`]), with the state from the pass's `trail`.
    fn sunlit_margin_at(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        m: f64,
    ) -> Result<f64, PropagationError> {
        let (r, _) = self.state_in(self.span_at(spans, m), m)?;
        Ok(sunlit_margin_km(r, sun.at(m)))
    }

    /// Brightest magnitude over the visible stretch `[a, b]`, sampled at 13 instants and
    /// at the culmination if it falls inside (an estimate, as the magnitude model is).
    fn brightest(
        &self,
        spans: &TrailSpans,
        sun: &PassSun,
        a: f64,
        b: f64,
        top: f64,
        std: f64,
    ) -> Result<Option<f64>, PropagationError> {
        let mut best: Option<f64> = None;
        let n = 12;
        let instants = (0..=n)
            .map(|i| a + (b - a) * f64::from(i) / f64::from(n))
            .chain((a..=b).contains(&top).then_some(top));
        for m in instants {
            // One state serves both the conditions and the magnitude.
            let (r, v) = self.state_in(self.span_at(spans, m), m)?;
            let visible = self
                .conditions_of_state(sun, m, r, v)
                .iter()
                .all(|x| *x >= -1e-6);
            if visible && let Some(mag) = self.magnitude_of_state(sun, m, r, std) {
                best = Some(best.map_or(mag, |b: f64| b.min(mag)));
            }
        }
        Ok(best)
    }
}

/// How far (km) the line from the satellite at `r_km` to the Sun at `sun_km` (geocentric,
/// same frame) passes from the Earth's surface: positive when it misses the Earth (the
/// satellite sees the Sun's centre), negative inside the shadow. Continuous, so its zero
/// is the shadow boundary of [`crate::orbit::sun::Illumination::is_sunlit`].
fn sunlit_margin_km(r_km: [f64; 3], sun_km: [f64; 3]) -> f64 {
    sunlit_margin_and_rate(r_km, [0.0; 3], sun_km).0
}

/// [`sunlit_margin_km`] and its rate for a satellite moving at `v_km_s` (TEME, km/s), in km
/// and km per minute, holding the direction to the Sun still (it turns under 3e-7 rad/s).
fn sunlit_margin_and_rate(r_km: [f64; 3], v_km_s: [f64; 3], sun_km: [f64; 3]) -> (f64, f64) {
    let to_sun = unit(sub(sun_km, r_km));
    let radius = EARTH_EQUATORIAL_RADIUS_WGS84_KM;
    if dot(r_km, to_sun) >= 0.0 {
        // Facing away from the Earth: the closest approach is the satellite itself.
        let d = dot(r_km, r_km).sqrt();
        (d - radius, dot(r_km, v_km_s) / d * 60.0)
    } else {
        let c = cross(r_km, to_sun);
        let d = dot(c, c).sqrt();
        (d - radius, dot(c, cross(v_km_s, to_sun)) / d * 60.0)
    }
}

/// The Sun's geocentric position over one pass, interpolated linearly between its
/// positions at rise and set (the Sun moves 0.04° an hour; the chord is off by
/// thousandths of a degree even over a day).
struct PassSun {
    m0: f64,
    m1: f64,
    a_km: [f64; 3],
    b_km: [f64; 3],
}

impl PassSun {
    fn new(epoch_jd: f64, m0: f64, m1: f64) -> Self {
        Self {
            m0,
            m1,
            a_km: sun_position_teme_km(epoch_jd + m0 / DAY_MINUTES),
            b_km: sun_position_teme_km(epoch_jd + m1 / DAY_MINUTES),
        }
    }

    fn at(&self, m: f64) -> [f64; 3] {
        let s = if self.m1 > self.m0 {
            (m - self.m0) / (self.m1 - self.m0)
        } else {
            0.0
        };
        [
            self.a_km[0] + s * (self.b_km[0] - self.a_km[0]),
            self.a_km[1] + s * (self.b_km[1] - self.a_km[1]),
            self.a_km[2] + s * (self.b_km[2] - self.a_km[2]),
        ]
    }
}
