//! The quintic Hermite interpolant of a satellite's TEME state between two samples.
//!
//! Between two samples a quintic Hermite interpolant of the TEME state (positions,
//! velocities and J2 accelerations at both ends) follows SGP4 to a few metres in low
//! orbit, so the refinement (see [`super::refine`]) and the visibility walk (see
//! [`super::visibility`]) evaluate it instead of SGP4. [`Span`] says, for one pair of
//! samples, whether the interpolant or SGP4 itself is used; [`TrailSpans`] makes the spans
//! of a pass's trail of samples as they are needed.

use std::cell::OnceCell;

use crate::orbit::propagate::PropagationError;

use super::finder::Finder;
use super::sample::{Sample, gravity_km_s2};

/// The quintic Hermite interpolant of a TEME state between two samples, from both
/// samples' positions, velocities and (J2) accelerations. Over a twelfth of a low orbit
/// it follows SGP4 to a few metres (tens of metres for odd element sets), where the cubic
/// on positions and velocities alone is off by hundreds.
///
/// Held as a polynomial in s = (m − m₀) / h per axis (km), with its derivative's
/// coefficients already divided by h (km/s), so that each evaluation is two Horner sums.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quintic {
    m0: f64,
    h_minutes: f64,
    r: [[f64; 6]; 3],
    v: [[f64; 5]; 3],
}

impl Quintic {
    pub(super) fn new(a: &Sample, b: &Sample) -> Self {
        let h_minutes = b.minutes - a.minutes;
        let h = h_minutes * 60.0;
        let h2 = h * h;
        let mut r = [[0.0; 6]; 3];
        let mut v = [[0.0; 5]; 3];
        let (acc_a, acc_b) = (gravity_km_s2(a.r), gravity_km_s2(b.r));
        for k in 0..3 {
            let dr = b.r[k] - a.r[k];
            let (v0, v1) = (h * a.v[k], h * b.v[k]);
            let (a0, a1) = (h2 * acc_a[k], h2 * acc_b[k]);
            // The Hermite basis for r0, h v0, h² a0, h² a1, h v1, r1 gathered by powers of s.
            let c = [
                a.r[k],
                v0,
                0.5 * a0,
                10.0 * dr - 6.0 * v0 - 4.0 * v1 - 1.5 * a0 + 0.5 * a1,
                -15.0 * dr + 8.0 * v0 + 7.0 * v1 + 1.5 * a0 - a1,
                6.0 * dr - 3.0 * v0 - 3.0 * v1 - 0.5 * a0 + 0.5 * a1,
            ];
            r[k] = c;
            for j in 0..5 {
                v[k][j] = (j + 1) as f64 * c[j + 1] / h;
            }
        }
        Self {
            m0: a.minutes,
            h_minutes,
            r,
            v,
        }
    }

    /// TEME position (km) and velocity (km/s) at minute `m`.
    pub(super) fn state(&self, m: f64) -> ([f64; 3], [f64; 3]) {
        let s = (m - self.m0) / self.h_minutes;
        let mut r = [0.0; 3];
        let mut v = [0.0; 3];
        for k in 0..3 {
            let c = &self.r[k];
            r[k] = c[0] + s * (c[1] + s * (c[2] + s * (c[3] + s * (c[4] + s * c[5]))));
            let d = &self.v[k];
            v[k] = d[0] + s * (d[1] + s * (d[2] + s * (d[3] + s * d[4])));
        }
        (r, v)
    }
}

/// How to evaluate the satellite between two samples: on the quintic Hermite interpolant
/// of the TEME state ([`Quintic`]), or by SGP4 itself (samples too far apart).
///
/// Over a twelfth of a low orbit (≤ 8 min) the interpolant is good to a few metres
/// (tens of metres for odd, high-drag element sets), i.e. a millisecond or so in time.
// Spans live briefly on the stack or once per trail gap; boxing the polynomial would cost
// an allocation per span for the rare exact case's sake.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Copy)]
pub(super) enum Span {
    Hermite(Quintic),
    Exact,
}

/// The spans between consecutive samples of a pass's trail, each made when first needed.
pub(super) struct TrailSpans<'t> {
    pub(super) trail: &'t [Sample],
    spans: &'t [OnceCell<Span>],
}

impl Finder<'_> {
    /// The span to use between two consecutive samples.
    pub(super) fn span(&self, a: &Sample, b: &Sample) -> Span {
        if b.minutes - a.minutes <= self.longest_hermite_span_minutes {
            Span::Hermite(Quintic::new(a, b))
        } else {
            Span::Exact
        }
    }

    /// The spans of a pass's trail, made as they are needed, in `cells` (a buffer reused
    /// from pass to pass).
    pub(super) fn trail_spans<'t>(
        &self,
        trail: &'t [Sample],
        cells: &'t mut Vec<OnceCell<Span>>,
    ) -> TrailSpans<'t> {
        cells.clear();
        cells.resize_with(trail.len().saturating_sub(1), OnceCell::new);
        TrailSpans {
            trail,
            spans: cells,
        }
    }

    /// The span between trail samples `i` and `i + 1`.
    pub(super) fn trail_span<'s>(&self, spans: &'s TrailSpans, i: usize) -> &'s Span {
        spans.spans[i].get_or_init(|| self.span(&spans.trail[i], &spans.trail[i + 1]))
    }

    /// The TEME state at `m` within `span`.
    pub(super) fn state_in(
        &self,
        span: &Span,
        m: f64,
    ) -> Result<([f64; 3], [f64; 3]), PropagationError> {
        match span {
            Span::Hermite(q) => Ok(q.state(m)),
            Span::Exact => {
                let s = self.state(m)?;
                Ok((s.r_teme_km, s.v_teme_km_s))
            }
        }
    }

    pub(super) fn eval(&self, span: &Span, m: f64) -> Result<Sample, PropagationError> {
        match span {
            Span::Hermite(..) => {
                let (r, v) = self.state_in(span, m)?;
                Ok(self.sample_from_state(m, r, v, false))
            }
            Span::Exact => self.sample(m),
        }
    }

    /// The span that covers `m`: between the trail samples around it, or exact outside.
    pub(super) fn span_at<'s>(&self, spans: &'s TrailSpans, m: f64) -> &'s Span {
        const EXACT: &Span = &Span::Exact;
        let i = spans.trail.partition_point(|s| s.minutes <= m);
        if i == 0 || i >= spans.trail.len() {
            EXACT
        } else {
            self.trail_span(spans, i - 1)
        }
    }

    /// Exact samples from `rise` to `set` no further apart than the interpolant allows:
    /// the scan's own samples inside the pass, with more added where it skipped ahead,
    /// written to `out` (a buffer reused from pass to pass).
    pub(super) fn pass_trail(
        &self,
        trail: &[Sample],
        rise: Sample,
        set: Sample,
        out: &mut Vec<Sample>,
    ) -> Result<(), PropagationError> {
        let from = trail.partition_point(|s| s.minutes <= rise.minutes);
        let inside = trail
            .iter()
            .skip(from)
            .take_while(|s| s.minutes < set.minutes)
            .copied();
        out.clear();
        let mut prev = rise;
        out.push(rise);
        for next in inside.chain(std::iter::once(set)) {
            let gap = next.minutes - prev.minutes;
            if gap > self.longest_hermite_span_minutes {
                let pieces = (gap / self.longest_hermite_span_minutes).ceil();
                for k in 1..pieces as usize {
                    out.push(self.sample(prev.minutes + gap * k as f64 / pieces)?);
                }
            }
            if next.minutes > prev.minutes {
                out.push(next);
            }
            prev = next;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orbit::PassSearch;
    use crate::orbit::frames::ObserverFrame;
    use crate::orbit::propagate::Satellite;
    use crate::orbit::vec3::{norm, sub};

    /// Calls `check` with the finder (seen from Seoul) of each low orbit among the test
    /// elements whose scan steps are interpolated, and returns how many there were.
    fn for_each_interpolated_low_orbit(mut check: impl FnMut(&Finder)) -> usize {
        let text = include_str!("../../../tests/data/fixture_elements.tle");
        let sets = crate::orbit::parse_elements(text, "fixture")
            .expect("parses")
            .sets;
        let frame = ObserverFrame::new(crate::orbit::Observer::new(37.5665, 126.978, 38.0));
        let search = PassSearch::default();
        let mut low = 0;
        for set in sets {
            let sat = Satellite::new(set);
            let finder = Finder::new(&sat, &frame, &search, None);
            if finder.step_minutes >= finder.longest_hermite_span_minutes * 0.99 {
                low += 1;
                check(&finder);
            }
        }
        low
    }

    #[test]
    fn every_scan_step_in_low_orbit_is_interpolated() {
        // A step of `step_minutes` taken as the difference of two minute counts may come out an
        // ulp longer than the step; it must still count as within the interpolant's reach
        // (it once fell to SGP4 itself for half the steps, doubling the cost of a pass).
        let low = for_each_interpolated_low_orbit(|finder| {
            for k in 0..10_000 {
                let m = 1234.5 + f64::from(k) * 0.377;
                let a = finder.sample(m).expect("sample");
                let b = Sample {
                    minutes: m + finder.step_minutes,
                    ..a
                };
                assert!(
                    matches!(finder.span(&a, &b), Span::Hermite(..)),
                    "{} at {m} min",
                    finder.sat.set.name
                );
            }
        });
        assert!(low > 0);
    }

    #[test]
    fn the_interpolant_follows_sgp4_over_a_whole_scan_step() {
        // A twelfth of a low orbit (the scan's step): the quintic through both samples'
        // positions, velocities and J2 accelerations stays within a few metres of SGP4
        // (5.1 m at worst here; 2.2 m with the sixteenth of an orbit it replaced).
        let mut worst_km: f64 = 0.0;
        let low = for_each_interpolated_low_orbit(|finder| {
            if finder.exact_points {
                return;
            }
            for k in 0..200 {
                let m = 100.0 + f64::from(k) * 37.7;
                let a = finder.sample(m).expect("sample");
                let b = finder.sample(m + finder.step_minutes).expect("sample");
                let Span::Hermite(q) = finder.span(&a, &b) else {
                    panic!("a whole step is interpolated");
                };
                for j in 1..10 {
                    let t = m + finder.step_minutes * f64::from(j) / 10.0;
                    let (r, _) = q.state(t);
                    worst_km = worst_km.max(norm(sub(r, finder.sample(t).expect("sample").r)));
                }
            }
        });
        assert!(low > 0);
        assert!(worst_km < 0.01, "{worst_km} km");
    }
}
