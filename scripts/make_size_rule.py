#!/usr/bin/env python3
"""Fits the size tier of the standard magnitudes (issue 22) and writes its held-out split.

Input: the bundled McCants files, assets/std-magnitudes/qs.mag (standard magnitudes at
1000 km and FULL phase) and assets/std-magnitudes/rcs (radar cross-sections, m²).

Method:
1. qs.mag's magnitudes are converted to Overhead's convention (1000 km, 90° phase) by
   adding 2.5 log10(pi) = 1.2429 (a diffuse sphere at full phase is pi times brighter).
2. The satellites that have both a magnitude and a positive radar cross-section are
   shuffled with a fixed seed (22) and split in two halves: TRAIN and HELD OUT.
3. On TRAIN only, least squares of the standard magnitude against log10(RCS) gives the rule
       std_mag = zero_point - 2.5 * slope * log10(RCS / 1 m²)
   (Matson's rule, SeeSat-L May 2001, is zero_point 8, slope 1), and sigma is the standard
   deviation of TRAIN's residuals.
4. The HELD OUT half is never used to fit. It is written to
   tests/data/std-magnitude-holdout-size.tsv, where `cargo test` checks the rule on it
   (tests/brightness.rs: median error within ±0.3 mag, at least 85 % within 2 sigma).

Output:
    assets/std-magnitudes/size-rule.tsv            zero_point, slope, sigma, n_train, note
    tests/data/std-magnitude-holdout-size.tsv      norad_id, std_magnitude_90deg, rcs_m2

Usage: scripts/make_size_rule.py  (standard library only; prints the fit and the held-out check)
"""

import math
import random
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QS_MAG = ROOT / "assets" / "std-magnitudes" / "qs.mag"
RCS = ROOT / "assets" / "std-magnitudes" / "rcs"
RULE_OUT = ROOT / "assets" / "std-magnitudes" / "size-rule.tsv"
HOLDOUT_OUT = ROOT / "tests" / "data" / "std-magnitude-holdout-size.tsv"

FULL_PHASE_TO_90_DEG = 2.5 * math.log10(math.pi)
SEED = 22


def read_qs_mag() -> dict[int, float]:
    """NORAD id -> standard magnitude at 90° phase (qs.mag converted from full phase)."""
    out = {}
    text = QS_MAG.read_bytes().decode("latin-1")
    for line in text.replace("\r\n", "\n").split("\n"):
        head = line[0:5].strip()
        if not head.isdigit():
            continue
        norad = int(head)
        mag = line[33:37].strip()
        if norad in (1, 99999) or not mag:
            continue
        out[norad] = float(mag) + FULL_PHASE_TO_90_DEG
    return out


def read_rcs() -> dict[int, float]:
    """NORAD id -> radar cross-section, m² (positive values only)."""
    out = {}
    for line in RCS.read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isdigit() and parts[0] != "99999":
            rcs = float(parts[1])
            if rcs > 0:
                out[int(parts[0])] = rcs
    return out


def split(ids: list[int]) -> tuple[list[int], list[int]]:
    """Shuffles `ids` with the fixed seed and halves them: (train, held out), each sorted."""
    ids = sorted(ids)
    rng = random.Random(SEED)
    rng.shuffle(ids)
    half = len(ids) // 2
    return sorted(ids[:half]), sorted(ids[half:])


def main() -> None:
    mags = read_qs_mag()
    rcs = read_rcs()
    train, held_out = split([i for i in mags if i in rcs])

    x = [math.log10(rcs[i]) for i in train]
    y = [mags[i] for i in train]
    mx, my = statistics.fmean(x), statistics.fmean(y)
    b = sum((a - mx) * (c - my) for a, c in zip(x, y)) / sum((a - mx) ** 2 for a in x)
    zero_point = my - b * mx
    slope = -b / 2.5
    residuals = [c - (zero_point + b * a) for a, c in zip(x, y)]
    sigma = statistics.pstdev(residuals)

    def rule(r: float) -> float:
        return zero_point - 2.5 * slope * math.log10(r)

    errors = [rule(rcs[i]) - mags[i] for i in held_out]
    within = sum(abs(e) <= 2 * sigma for e in errors) / len(errors)
    matson = [8 - 2.5 * math.log10(rcs[i]) - mags[i] for i in held_out]
    print(f"{len(mags)} magnitudes, {len(rcs)} cross-sections, {len(train) + len(held_out)} with both")
    print(f"train {len(train)}: zero point {zero_point:.3f}, slope {slope:.3f}, sigma {sigma:.3f}")
    print(
        f"held out {len(held_out)}: median error {statistics.median(errors):+.3f}, "
        f"{within:.1%} within 2 sigma; Matson's 8 - 2.5 log10 RCS: median error "
        f"{statistics.median(matson):+.3f}"
    )

    RULE_OUT.write_text(
        "# The size tier's rule, fitted by scripts/make_size_rule.py on half of the satellites\n"
        "# with both a qs.mag magnitude (converted to 90° phase) and a radar cross-section\n"
        "# (seed 22); the other half is tests/data/std-magnitude-holdout-size.tsv.\n"
        "# std_mag = zero_point - 2.5 * slope * log10(RCS / 1 m²); sigma = SD of the residuals.\n"
        "# zero_point\tslope\tsigma\tn_train\n"
        f"{zero_point:.3f}\t{slope:.3f}\t{sigma:.3f}\t{len(train)}\n",
        encoding="utf-8",
    )
    lines = [
        "# Held out of the size rule's fit by scripts/make_size_rule.py (seed 22): satellites with\n",
        "# a qs.mag standard magnitude (converted to 1000 km, 90° phase) and a McCants radar\n",
        "# cross-section. Never used to fit anything.\n",
        "# norad_id\tstd_magnitude_90deg\trcs_m2\n",
    ]
    lines += [f"{i}\t{mags[i]:.3f}\t{rcs[i]:g}\n" for i in held_out]
    HOLDOUT_OUT.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
