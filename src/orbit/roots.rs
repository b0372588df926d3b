//! Generic one-dimensional root finding, for any function of time that can fail.
//!
//! The pass finder refines rises, sets, culminations and the
//! boundaries of visibility with these; they know nothing of satellites. Each takes the
//! function as a closure returning `Result<f64, E>`, so that a failure inside the
//! function (a satellite that no longer propagates) stops the search instead of being
//! mistaken for a value.
//!
//! - [`illinois`]: a sign change bracketed in `[a, b]`, refined by the Illinois variant of
//!   regula falsi (superlinear, never leaves the bracket).
//! - [`unit_interval_root`]: a zero of a cubic polynomial on `[0, 1]` (a first guess
//!   from two samples' values and rates).
//! - [`crossings_by_walk`]: every zero of a function along an interval, stepping as far as
//!   a bound on its rate allows without stepping over one.

/// Root of `g` in `[a, b]` where `g(a)` and `g(b)` differ in sign, by the Illinois variant
/// of regula falsi, to `tolerance` in the argument. At most 60 evaluations.
pub(crate) fn illinois<E>(
    mut a: f64,
    mut ga: f64,
    mut b: f64,
    mut gb: f64,
    tolerance: f64,
    mut g: impl FnMut(f64) -> Result<f64, E>,
) -> Result<f64, E> {
    // Side that was kept last time: -1 = a, +1 = b.
    let mut side = 0;
    for _ in 0..60 {
        if (b - a).abs() <= tolerance {
            break;
        }
        let mut c = (a * gb - b * ga) / (gb - ga);
        // Fall back to bisection when the secant leaves the bracket or stalls.
        if !c.is_finite() || c <= a.min(b) || c >= a.max(b) {
            c = 0.5 * (a + b);
        }
        let gc = g(c)?;
        if (gc >= 0.0) == (ga >= 0.0) {
            a = c;
            ga = gc;
            if side == -1 {
                gb *= 0.5;
            }
            side = -1;
        } else {
            b = c;
            gb = gc;
            if side == 1 {
                ga *= 0.5;
            }
            side = 1;
        }
        // Once the bracket is narrow, finish it to the tolerance in two steps.
        if (b - a).abs() > tolerance && (b - a).abs() < 4.0 * tolerance {
            let mid = 0.5 * (a + b);
            let gm = g(mid)?;
            if (gm >= 0.0) == (ga >= 0.0) {
                a = mid;
                ga = gm;
            } else {
                b = mid;
                gb = gm;
            }
        }
    }
    Ok(if ga.abs() < gb.abs() { a } else { b })
}

/// Pushes onto `cuts` every zero of `g` in `[from, to]`, refined to `tolerance` by
/// [`illinois`] (the arguments and the tolerance in one unit of time).
///
/// `probe(t)` gives `g(t)` and for how long `g` certainly keeps its sign from `t` (from a
/// bound on how fast it can change), so the walk steps that far (and at least
/// `smallest_step`, short enough that `g` cannot cross twice) without stepping over a zero.
pub(crate) fn crossings_by_walk<E>(
    from: f64,
    to: f64,
    smallest_step: f64,
    tolerance: f64,
    probe: impl Fn(f64) -> Result<(f64, f64), E>,
    g: impl Fn(f64) -> Result<f64, E>,
    cuts: &mut Vec<f64>,
) -> Result<(), E> {
    let (mut prev_m, (mut prev_g, mut safe_minutes)) = (from, probe(from)?);
    while prev_m < to {
        let m = (prev_m + safe_minutes.max(smallest_step)).min(to);
        let (next_g, next_safe_span) = probe(m)?;
        if (prev_g >= 0.0) != (next_g >= 0.0) {
            cuts.push(illinois(prev_m, prev_g, m, next_g, tolerance, &g)?);
        }
        (prev_m, prev_g, safe_minutes) = (m, next_g, next_safe_span);
    }
    Ok(())
}

/// A zero in [0, 1] of the polynomial c0 + c1 s + c2 s² + c3 s³ whose values at 0 and 1
/// differ in sign (or the end nearer to one otherwise): for a quadratic (c3 = 0) by its
/// formula, else by Newton's method kept inside a shrinking bracket, falling back to
/// bisection, to 1e-7 (a first guess: the caller refines it on the real function).
pub(crate) fn unit_interval_root(c: [f64; 4]) -> f64 {
    let value = |s: f64| c[0] + s * (c[1] + s * (c[2] + s * c[3]));
    let slope = |s: f64| c[1] + s * (2.0 * c[2] + s * 3.0 * c[3]);
    let (v0, v1) = (value(0.0), value(1.0));
    if (v0 >= 0.0) == (v1 >= 0.0) {
        return if v0.abs() <= v1.abs() { 0.0 } else { 1.0 };
    }
    if c[3] == 0.0 && c[2] != 0.0 {
        // A quadratic (a turning point's guess): its root in [0, 1], in the form that does
        // not lose digits to cancellation, q = −(c1 + sign(c1) √disc) / 2, roots q/c2 and c0/q.
        let disc = c[1] * c[1] - 4.0 * c[2] * c[0];
        if disc >= 0.0 {
            let q = -0.5 * (c[1] + disc.sqrt().copysign(c[1]));
            for s in [q / c[2], c[0] / q] {
                if (0.0..=1.0).contains(&s) {
                    return s;
                }
            }
        }
    }
    let positive_at_lo = v0 >= 0.0;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    // Start from the chord's zero.
    let mut s = v0 / (v0 - v1);
    for _ in 0..40 {
        let v = value(s);
        if (v >= 0.0) == positive_at_lo {
            lo = s;
        } else {
            hi = s;
        }
        let d = slope(s);
        let next = s - v / d;
        let next = if next.is_finite() && next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
        if (next - s).abs() < 1e-7 || hi - lo < 1e-7 {
            return next;
        }
        s = next;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_interval_root_finds_the_zero_of_a_cubic() {
        // (s − 0.3)(s + 2)(s − 5) = s³ − 3.3 s² − 9.1 s + 3
        let s = unit_interval_root([3.0, -9.1, -3.3, 1.0]);
        assert!((s - 0.3).abs() < 1e-9, "{s}");
        // A flat, grazing crossing near the end: (s − 0.999)³.
        let c = [-(0.999_f64.powi(3)), 3.0 * 0.999 * 0.999, -3.0 * 0.999, 1.0];
        let s = unit_interval_root(c);
        assert!((s - 0.999).abs() < 1e-3, "{s}");
        // A quadratic (turning point): 1 − 4 s².
        let s = unit_interval_root([1.0, 0.0, -4.0, 0.0]);
        assert!((s - 0.5).abs() < 1e-9, "{s}");
        // (s − 0.9)(s − 3) = s² − 3.9 s + 2.7, and a nearly linear one.
        let s = unit_interval_root([2.7, -3.9, 1.0, 0.0]);
        assert!((s - 0.9).abs() < 1e-12, "{s}");
        let s = unit_interval_root([-0.25, 1.0, 1e-12, 0.0]);
        assert!((s - 0.25).abs() < 1e-9, "{s}");
    }

    #[test]
    fn unit_interval_root_without_a_sign_change_returns_the_nearer_end() {
        assert_eq!(unit_interval_root([1.0, 1.0, 0.0, 0.0]), 0.0);
        assert_eq!(unit_interval_root([-3.0, 2.9, 0.0, 0.0]), 1.0);
    }

    #[test]
    fn illinois_finds_a_bracketed_root_and_walk_finds_every_crossing() {
        let root = illinois(0.0, -1.0, 2.0, 3.0, 1e-10, |x: f64| {
            Ok::<_, ()>(x * x - 1.0)
        });
        assert!((root.unwrap() - 1.0).abs() < 1e-9);
        let mut cuts = Vec::new();
        let g = |x: f64| Ok::<_, ()>(x.sin());
        // |sin'| ≤ 1: sin keeps its sign for |sin x| from x.
        let probe = |x: f64| Ok::<_, ()>((x.sin(), x.sin().abs()));
        crossings_by_walk(0.5, 10.0, 0.1, 1e-9, probe, g, &mut cuts).unwrap();
        assert_eq!(cuts.len(), 3);
        for (cut, k) in cuts.iter().zip(1..) {
            assert!(
                (cut - f64::from(k) * std::f64::consts::PI).abs() < 1e-8,
                "{cut}"
            );
        }
    }
}
