//! Refining: rises, sets and culminations to the millisecond between two samples.
//!
//! Each root is refined on the interpolant of [`super::interpolant`] by Newton's method
//! from the cubic through the samples' values and rates (Illinois where Newton wanders) to
//! 1 ms; the culmination is the root of the elevation rate, refined the same way. Where
//! the interpolant may stray (decaying and deep-space orbits) the reported points are
//! SGP4's own, with a Newton step on SGP4 for rise and set. Nothing reported is a grid
//! sample.

use crate::orbit::propagate::PropagationError;
use crate::orbit::roots::{illinois, unit_interval_root};

use super::finder::Finder;
use super::interpolant::Span;
use super::sample::Sample;

/// Root tolerance for rise, set, and visibility boundaries, minutes (1 ms).
pub(super) const ROOT_TOLERANCE_MINUTES: f64 = 1.0 / 60_000.0;
/// Tolerance of a root on the interpolant before the Newton polish, minutes (20 ms).
const INTERPOLATED_ROOT_TOLERANCE_MINUTES: f64 = 0.02 / 60.0;
/// Tolerance on the culmination time, minutes (10 ms).
const CULMINATION_TOLERANCE_MINUTES: f64 = 1.0 / 6_000.0;

impl Finder<'_> {
    /// The sample where `f` crosses zero between `a` and `b`, to 1 ms: on the interpolant,
    /// which follows SGP4 to metres in low orbit; where it may not (`exact_points`), on the
    /// interpolant to 20 ms and then one Newton step on SGP4 itself.
    pub(super) fn root_f(
        &self,
        span: &Span,
        a: Sample,
        b: Sample,
    ) -> Result<Sample, PropagationError> {
        let tolerance = match span {
            Span::Hermite(..) if !self.exact_points => {
                return self.solve_f(span, &a, &b, 0.0, ROOT_TOLERANCE_MINUTES);
            }
            Span::Hermite(..) => INTERPOLATED_ROOT_TOLERANCE_MINUTES,
            Span::Exact => ROOT_TOLERANCE_MINUTES,
        };
        let (lo, hi) = (a.minutes.min(b.minutes), a.minutes.max(b.minutes));
        let m = self.solve_f(span, &a, &b, 0.0, tolerance)?.minutes;
        let at = self.sample(m)?;
        if matches!(span, Span::Exact) {
            return Ok(at);
        }
        let newton = m - at.f / at.rate;
        if at.rate.abs() > 1e-6 && (newton - m).abs() < 0.01 && (lo..=hi).contains(&newton) {
            // The step is a few hundredths of a second: moving the exact state along its
            // motion is good to millimetres, so no second SGP4 call is needed.
            Ok(at.advanced(newton))
        } else {
            // Too flat for Newton (a grazing pass): refine on SGP4 itself.
            let m = illinois(
                a.minutes,
                a.f,
                b.minutes,
                b.f,
                ROOT_TOLERANCE_MINUTES,
                |m| Ok(self.sample(m)?.f),
            )?;
            self.sample(m)
        }
    }

    /// The sample where `f + offset` crosses zero between `a` and `b`, evaluated on `span`:
    /// Newton from the root of the cubic through both samples' values and rates, and the
    /// Illinois method when Newton wanders (a grazing, flat crossing).
    pub(super) fn solve_f(
        &self,
        span: &Span,
        a: &Sample,
        b: &Sample,
        offset: f64,
        tolerance: f64,
    ) -> Result<Sample, PropagationError> {
        let (lo, hi) = (a.minutes.min(b.minutes), a.minutes.max(b.minutes));
        let shifted = |s: &Sample| Sample {
            f: s.f + offset,
            ..*s
        };
        let (sa, sb) = (shifted(a), shifted(b));
        let mut m = cubic_guess(&sa, &sb, false);
        // Before a second evaluation, the curvature is taken from the two samples' rates.
        let bracket_curvature = (b.rate - a.rate) / (b.minutes - a.minutes);
        let mut previous: Option<(f64, f64)> = None;
        for _ in 0..5 {
            let s = self.eval(span, m)?;
            if s.rate.abs() < 1e-9 {
                break;
            }
            let next = m - (s.f + offset) / s.rate;
            if !(lo..=hi).contains(&next) {
                break;
            }
            let step = (next - m).abs();
            // Newton's error after this step is about |f''/(2 f')| step², with f'' from
            // the rates of the last two evaluations (a fourfold margin).
            let curvature =
                previous.map_or(bracket_curvature, |(m0, rate0)| (s.rate - rate0) / (m - m0));
            let converged = step < tolerance
                || (step < 1.0 / 60.0
                    && 4.0 * (curvature / (2.0 * s.rate)).abs() * step * step < tolerance);
            if converged {
                // The sample moved along its motion to the root is as good as a new
                // evaluation there.
                return Ok(s.advanced(next));
            }
            previous = Some((m, s.rate));
            m = next;
        }
        let m = illinois(sa.minutes, sa.f, sb.minutes, sb.f, tolerance, |m| {
            Ok(self.eval(span, m)?.f + offset)
        })?;
        self.eval(span, m)
    }

    /// The sample where the elevation rate changes sign between `a` and `b`: secant
    /// steps from the turning point of the cubic through both samples, Illinois if needed.
    pub(super) fn turning_point(
        &self,
        span: &Span,
        a: Sample,
        b: Sample,
    ) -> Result<Sample, PropagationError> {
        let turn = self.solve_rate(span, &a, &b)?;
        if self.exact_points {
            self.sample(turn.minutes)
        } else {
            Ok(turn)
        }
    }

    /// A sample to report at `m` within `span`: on the interpolant, which follows SGP4 to
    /// metres in low orbit, or from SGP4 itself where it may not (`exact_points`).
    pub(super) fn reported(&self, span: &Span, m: f64) -> Result<Sample, PropagationError> {
        if self.exact_points {
            self.sample(m)
        } else {
            self.eval(span, m)
        }
    }

    /// The sample where the elevation rate changes sign between `a` and `b`, on `span`, to
    /// [`CULMINATION_TOLERANCE_MINUTES`] (the elevation there is flat to second order).
    pub(super) fn solve_rate(
        &self,
        span: &Span,
        a: &Sample,
        b: &Sample,
    ) -> Result<Sample, PropagationError> {
        let (lo, hi) = (a.minutes.min(b.minutes), a.minutes.max(b.minutes));
        let mut x0 = cubic_guess(a, b, true);
        let first = self.eval(span, x0)?;
        let mut r0 = first.rate;
        // The first step is Newton's with the rate's slope across the two samples: a guess
        // already within the tolerance is done; otherwise it lands close enough for the
        // secant steps (or, if it leaves the samples, the secant starts a second away).
        let newton = x0 - r0 * (b.minutes - a.minutes) / (b.rate - a.rate);
        // (False for a NaN too.)
        let newton_inside = (lo..=hi).contains(&newton);
        if newton_inside && (newton - x0).abs() < CULMINATION_TOLERANCE_MINUTES {
            return Ok(first.advanced(newton));
        }
        let mut x1 = if newton_inside {
            newton
        } else if x0 + 1.0 / 60.0 <= hi {
            x0 + 1.0 / 60.0
        } else {
            x0 - 1.0 / 60.0
        };
        for _ in 0..5 {
            let s1 = self.eval(span, x1)?;
            let r1 = s1.rate;
            if r1 == r0 {
                break;
            }
            let x2 = x1 - r1 * (x1 - x0) / (r1 - r0);
            if !(lo..=hi).contains(&x2) {
                break;
            }
            if (x2 - x1).abs() < CULMINATION_TOLERANCE_MINUTES {
                return Ok(s1.advanced(x2));
            }
            (x0, r0) = (x1, r1);
            x1 = x2;
        }
        let m = illinois(
            a.minutes,
            a.rate,
            b.minutes,
            b.rate,
            CULMINATION_TOLERANCE_MINUTES,
            |m| Ok(self.eval(span, m)?.rate),
        )?;
        self.eval(span, m)
    }
}

/// A first guess, in minutes, for the zero of `f` (or, with `turning`, of its rate)
/// between two samples: the zero of the cubic with the samples' values and rates.
fn cubic_guess(a: &Sample, b: &Sample, turning: bool) -> f64 {
    let h = b.minutes - a.minutes;
    let (f0, f1, d0, d1) = (a.f, b.f, a.rate * h, b.rate * h);
    // The cubic Hermite polynomial in s = (m − a.minutes) / h, as c0 + c1 s + c2 s² + c3 s³.
    let c2 = -3.0 * f0 - 2.0 * d0 + 3.0 * f1 - d1;
    let c3 = 2.0 * f0 + d0 - 2.0 * f1 + d1;
    let poly = if turning {
        [d0, 2.0 * c2, 3.0 * c3, 0.0]
    } else {
        [f0, d0, c2, c3]
    };
    a.minutes + unit_interval_root(poly) * h
}
