//! Numbers and times written digit by digit into a byte buffer, exactly as `format!` and
//! chrono write them, for the CSV report's hundreds of thousands of rows: no `String` per
//! field, and no general float formatter (Rust's exact `{:.3}` falls back to big-number
//! arithmetic for some values, which was a fifth of the catalog week's time).

use std::io::Write;

use chrono::{DateTime, Utc};

use super::rfc3339;

/// Appends [`rfc3339`] of `t` to `buf` without allocating: the same bytes, digit by digit
/// (chrono writes the rare others: years outside 0–9999, leap seconds).
pub(super) fn push_rfc3339(buf: &mut Vec<u8>, t: DateTime<Utc>) {
    use chrono::{Datelike, Timelike};
    let (year, nanos) = (t.year(), t.nanosecond());
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
        buf.extend_from_slice(rfc3339(t).as_bytes());
        return;
    }
    let digits = |buf: &mut Vec<u8>, value: u32, width: u32| {
        for place in (0..width).rev() {
            buf.push(b'0' + (value / 10_u32.pow(place) % 10) as u8);
        }
    };
    digits(buf, year as u32, 4);
    buf.push(b'-');
    digits(buf, t.month(), 2);
    buf.push(b'-');
    digits(buf, t.day(), 2);
    buf.push(b'T');
    digits(buf, t.hour(), 2);
    buf.push(b':');
    digits(buf, t.minute(), 2);
    buf.push(b':');
    digits(buf, t.second(), 2);
    buf.push(b'.');
    digits(buf, nanos / 1_000_000, 3);
    buf.push(b'Z');
}

/// Appends `x` with `decimals` places (at most 3), the same bytes as
/// `format!("{x:.decimals$}")`: the exact binary value rounded to the nearest, ties to
/// even, and a minus sign whenever the sign bit is set ("-0.000"). Values of 10^15 and
/// more, infinities and NaN go to `format!` itself.
pub(super) fn push_fixed(buf: &mut Vec<u8>, x: f64, decimals: usize) {
    const SCALE: [u64; 4] = [1, 10, 100, 1000];
    let Some(&scale) = SCALE
        .get(decimals)
        .filter(|_| x.is_finite() && x.abs() < 1e15)
    else {
        let _ = write!(buf, "{x:.decimals$}");
        return;
    };
    let bits = x.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = ±mantissa × 2^exponent, exactly.
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent_bits - 1075)
    };
    // |x| × 10^decimals, exactly, then rounded to a whole number (ties to even).
    let scaled = u128::from(mantissa) * u128::from(scale);
    let units: u128 = if exponent >= 0 {
        scaled << exponent
    } else {
        let shift = exponent.unsigned_abs();
        if shift >= 127 {
            0
        } else {
            let whole = scaled >> shift;
            let rest = scaled & ((1_u128 << shift) - 1);
            let half = 1_u128 << (shift - 1);
            if rest > half || (rest == half && whole & 1 == 1) {
                whole + 1
            } else {
                whole
            }
        }
    };
    // Below 10^15 × 10^3 the units fit 64 bits, whose division is the processor's (a
    // 128-bit one is a library call per digit).
    let Ok(units) = u64::try_from(units) else {
        let _ = write!(buf, "{x:.decimals$}");
        return;
    };
    if bits >> 63 == 1 {
        buf.push(b'-');
    }
    push_whole(buf, units / scale);
    if decimals > 0 {
        buf.push(b'.');
        let mut places = units % scale;
        let start = buf.len();
        for _ in 0..decimals {
            buf.push(b'0' + (places % 10) as u8);
            places /= 10;
        }
        buf[start..].reverse();
    }
}

/// Appends a whole number in decimal.
pub(super) fn push_whole(buf: &mut Vec<u8>, mut n: u64) {
    let start = buf.len();
    loop {
        buf.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[start..].reverse();
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, Utc};

    #[test]
    fn rfc3339_digit_by_digit_matches_chrono() {
        let t0: DateTime<Utc> = "0001-01-01T00:00:00Z".parse().unwrap();
        let mut t = t0;
        for step_ms in [1, 999, 86_399_999, 1_234_567_891, 987_654_321_123] {
            for _ in 0..200 {
                t += Duration::milliseconds(step_ms) + Duration::nanoseconds(123_456);
                let mut buf = Vec::new();
                super::push_rfc3339(&mut buf, t);
                assert_eq!(String::from_utf8(buf).unwrap(), super::super::rfc3339(t));
            }
        }
    }

    fn fixed(x: f64, decimals: usize) -> String {
        let mut buf = Vec::new();
        super::push_fixed(&mut buf, x, decimals);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn fixed_places_match_format_on_edges() {
        let edges = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            0.125,
            0.375,
            0.0625,
            0.0005,
            0.0015,
            0.0025,
            -0.0001,
            1e-300,
            5e-324,
            359.9995,
            359.99949999999995,
            999.9995,
            42.0,
            1e14,
            -1e14 - 0.5,
            123456789.0005,
            0.045,
            0.055,
            2.675,
            1.005,
            6378.137,
            f64::MIN_POSITIVE,
        ];
        for x in edges {
            for d in 0..=3 {
                assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x:e} to {d} places");
            }
        }
    }

    #[test]
    fn fixed_places_match_format_on_many_values() {
        // A simple generator over the magnitudes the reports print (angles, ranges, days).
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 11) as f64 / (1_u64 << 53) as f64;
            let exponent = (state % 40) as i32 - 20;
            let x = (unit - 0.5) * 2f64.powi(exponent) * 1000.0;
            // Also values near a rounding tie at 3 places.
            let near_tie = ((x * 1000.0).trunc() + 0.5) / 1000.0;
            for v in [x, near_tie, f64::from_bits(near_tie.to_bits() + 1)] {
                for d in 0..=3 {
                    assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} to {d} places");
                }
            }
        }
    }
}
