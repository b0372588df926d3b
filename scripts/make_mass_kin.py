#!/usr/bin/env python3
"""Fits the mass tier and builds the sibling tier of the standard magnitudes (issue 22), and
writes their held-out checks.

Inputs (all committed):
  assets/std-magnitudes/qs.mag, rcs, size-rule.tsv   measured magnitudes (full phase, converted
                                                      to 90° by +2.5 log10 pi), radar sizes and
                                                      the size rule (scripts/make_size_rule.py)
  tests/data/payload-facts.tsv                        launch mass and GCAT programme by catalog
                                                      number (scripts/extract_payload_facts.py)
  assets/elements/celestrak-active-2026-08-22.csv.gz  the bundled catalog (names)

The split. Every satellite with a measured (qs.mag) magnitude is either TRAIN or HELD OUT,
once for all tiers: those with a radar cross-section keep make_size_rule.py's split, the
others are shuffled with the same seed (22) and halved. Nothing HELD OUT is used to fit.

1. Mass tier: least squares of the measured standard magnitude against log10(launch mass)
       std_mag = zero_point - 2.5 * slope * log10(mass / 1 kg)
   on the TRAIN satellites that have a mass; sigma = SD of the residuals. Checked on the
   HELD OUT satellites with a mass (tests/data/std-magnitude-holdout-mass.tsv).
2. Sibling tier: a satellite with no magnitude of its own (measured, radar or mass) takes
   that of its siblings: the other satellites of its GCAT programme (psatcat "Program"), or,
   for one launched after that catalogue, of its name family (the name's leading words,
   "FLOCK 4H-10" -> "FLOCK") when that family is one programme. Each sibling's value is its
   best own value (measured, else radar size rule, else mass rule, each with its sigma).
       value = median of the siblings' values
       sigma = sqrt(median sibling sigma^2 + SD(siblings' values)^2)
   with at least MIN_SIBLINGS siblings, and only when the siblings' SD is at most
   MAX_SIBLING_SD (a group that varied is not one kind of satellite).
   Checked leave-one-out on the HELD OUT satellites that have siblings: each is predicted
   from its siblings alone, its own value never used (tests/data/std-magnitude-holdout-kin.tsv).
   Siblings' own values come from the rules fitted on TRAIN.

Output:
  assets/std-magnitudes/mass-rule.tsv    zero_point, slope, sigma, n_train
  assets/std-magnitudes/mass.tsv         norad_id, launch_mass_kg (bundled-catalog satellites)
  assets/std-magnitudes/kin.tsv          norad_id, value, sigma, n_siblings, group (bundled-
                                         catalog satellites with no value of their own)
  tests/data/std-magnitude-holdout-mass.tsv, tests/data/std-magnitude-holdout-kin.tsv

Usage: scripts/make_mass_kin.py  (standard library only; prints the fits and held-out checks)
"""

import csv
import gzip
import math
import re
import statistics
from collections import defaultdict
from pathlib import Path

from make_size_rule import read_qs_mag, read_rcs, split

ROOT = Path(__file__).resolve().parent.parent
STD = ROOT / "assets" / "std-magnitudes"
DATA = ROOT / "tests" / "data"
SNAPSHOT = ROOT / "assets" / "elements" / "celestrak-active-2026-08-22.csv.gz"

QS_MAG_SIGMA = 0.6  # src/catalog/magnitudes.rs QS_MAG_SIGMA
MIN_SIBLINGS = 2
# A mass GCAT flags as uncertain ("?") is taken as known to within this factor (one sigma).
UNCERTAIN_MASS_FACTOR = 2.0
MAX_SIBLING_SD = 1.5
# Names of rocket stages, debris and other parts ("Cosmos 2082 Rk", "SL-8 R/B", "Mir Deb KY"):
# not siblings of the payloads of the same name.
NOT_A_PAYLOAD = re.compile(r"\b(RK|R/B|AKM|PKM|DB|DEB|DEBRIS|PLAT|CANIST|FAIRING|ADAPTER)\b")


def qs_names_and_rcs() -> tuple[dict[int, str], dict[int, float]]:
    """qs.mag's names, and its radar cross-section column (the app fills gaps in rcs with it)."""
    names, rcs = {}, {}
    for line in (STD / "qs.mag").read_text(encoding="latin-1").splitlines():
        head = line[0:5].strip()
        if not head.isdigit() or int(head) in (1, 99999):
            continue
        names[int(head)] = line[18:33].strip()
        fields = line[51:].split()
        try:
            value = float(fields[0]) if fields else 0.0
        except ValueError:
            value = 0.0
        if value > 0:
            rcs[int(head)] = value
    return names, rcs


def read_size_rule() -> tuple[float, float, float]:
    for line in (STD / "size-rule.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zp, slope, sigma = (float(c) for c in line.split("\t")[:3])
            return zp, slope, sigma
    raise SystemExit("size-rule.tsv has no rule")


def read_payload_facts() -> tuple[dict[int, float], set[int], dict[int, str]]:
    """Masses (kg), the catalog numbers whose mass GCAT flags as uncertain, programmes."""
    masses, uncertain, programs = {}, set(), {}
    for line in (DATA / "payload-facts.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        norad, mass, source, program = line.split("\t")
        if mass != "-":
            masses[int(norad)] = float(mass)
        if source == "gcat?":
            uncertain.add(int(norad))
        if program != "-":
            programs[int(norad)] = program
    return masses, uncertain, programs


def snapshot_names() -> dict[int, str]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as f:
        return {int(r["NORAD_CAT_ID"]): r["OBJECT_NAME"] for r in csv.DictReader(f)}


def name_family(name: str) -> str | None:
    """The leading words of a name, up to its first number: "FLOCK 4H-10" -> "FLOCK",
    "PRAETORIAN SDA_502" -> "PRAETORIAN SDA"; None for a name that starts with a digit."""
    m = re.match(r"([A-Z][A-Z.\- ]*?[A-Z])(?=[\s\-_]*[\d(\[]|$)", name.upper())
    return m.group(1).strip(" -") if m else None


def fit_line(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares y = a + b x: (a, b, SD of the residuals)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    return a, b, statistics.pstdev([y - (a + b * x) for x, y in zip(xs, ys)])


def honesty(errors: list[float], sigmas: list[float]) -> str:
    within = sum(abs(e) <= 2 * s for e, s in zip(errors, sigmas)) / len(errors)
    return f"median error {statistics.median(errors):+.3f}, {within:.1%} within 2 sigma"


def main() -> None:
    mags = read_qs_mag()
    qs_names, qs_rcs = qs_names_and_rcs()
    mccants_rcs = read_rcs()
    rcs = {**qs_rcs, **mccants_rcs}
    masses, uncertain, programs = read_payload_facts()
    names = {**qs_names, **snapshot_names()}
    size_zp, size_slope, size_sigma = read_size_rule()

    # One split for all tiers.
    _, size_held = split([i for i in mags if i in mccants_rcs])
    _, rest_held = split([i for i in mags if i not in mccants_rcs])
    held_out = set(size_held) | set(rest_held)
    train = set(mags) - held_out

    # 1. Mass rule on TRAIN.
    mass_train = sorted(i for i in train if i in masses)
    a, b, mass_sigma = fit_line([math.log10(masses[i]) for i in mass_train], [mags[i] for i in mass_train])
    mass_slope = -b / 2.5

    def mass_mag(mass: float) -> float:
        return a - 2.5 * mass_slope * math.log10(mass)

    def mass_factor(i: int) -> float:
        return UNCERTAIN_MASS_FACTOR if i in uncertain else 1.0

    def mass_sigma_of(i: int) -> float:
        """The rule's sigma, widened for a mass known only to a factor."""
        return math.hypot(mass_sigma, 2.5 * mass_slope * math.log10(mass_factor(i)))

    mass_held = sorted(i for i in held_out if i in masses)
    errors = [mass_mag(masses[i]) - mags[i] for i in mass_held]
    print(f"mass rule on {len(mass_train)} TRAIN: zero point {a:.3f}, slope {mass_slope:.3f}, sigma {mass_sigma:.3f}")
    print(f"  held out {len(mass_held)}: {honesty(errors, [mass_sigma_of(i) for i in mass_held])}")
    flagged = [i for i in mass_held if i in uncertain]
    if flagged:
        flagged_errors = [mass_mag(masses[i]) - mags[i] for i in flagged]
        print(f"  of which {len(flagged)} with a mass GCAT flags uncertain: "
              f"{honesty(flagged_errors, [mass_sigma_of(i) for i in flagged])}")

    # 2. Each satellite's own value: measured, radar, mass.
    def own(i: int) -> tuple[float, float, str] | None:
        if i in mags:
            return mags[i], QS_MAG_SIGMA, "measured"
        if i in rcs:
            return size_zp - 2.5 * size_slope * math.log10(rcs[i]), size_sigma, "radar"
        if i in masses:
            return mass_mag(masses[i]), mass_sigma_of(i), "mass"
        return None

    valued = {i: v for i in set(mags) | set(rcs) | set(masses) if (v := own(i))}
    by_program: dict[str, list[int]] = defaultdict(list)
    for i, p in programs.items():
        if i in valued:
            by_program[p].append(i)
    # A name family stands for a programme when every member that has one shares it.
    family_programs: dict[str, set[str]] = defaultdict(set)
    for i, name in names.items():
        if (fam := name_family(name)) and i in programs:
            family_programs[fam].add(programs[i])
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, name in names.items():
        if (fam := name_family(name)) and i in valued and not NOT_A_PAYLOAD.search(name.upper()):
            by_family[fam].append(i)

    def group_of(i: int, by_name: bool) -> tuple[str, list[int]] | None:
        """The satellite's siblings: its programme's, else (or when `by_name`) its name
        family's, through the family's one programme if it has one."""
        if i in programs and not by_name:
            return f"programme {programs[i]}", by_program.get(programs[i], [])
        fam = name_family(names.get(i, ""))
        if not fam:
            return None
        if len(family_programs.get(fam, ())) == 1 and not by_name:
            (program,) = family_programs[fam]
            return f"programme {program}", by_program.get(program, [])
        return f"name {fam}", by_family.get(fam, [])

    def kin(i: int, by_name: bool = False) -> tuple[float, float, int, str] | None:
        found = group_of(i, by_name)
        if not found:
            return None
        group, members = found
        sibs = [valued[j] for j in members if j != i]
        if len(sibs) < MIN_SIBLINGS:
            return None
        values = [v for v, _, _ in sibs]
        spread = statistics.stdev(values)
        if spread > MAX_SIBLING_SD:
            return None
        sigma = math.hypot(statistics.median(s for _, s, _ in sibs), spread)
        return statistics.median(values), sigma, len(sibs), group

    # Held out, predicted from their programme's siblings, and (for the satellites launched
    # after the programme catalogue) from their name family's alone.
    kin_held = []
    for path, by_name in (("programme", False), ("name", True)):
        payloads = (i for i in sorted(held_out) if not NOT_A_PAYLOAD.search(names.get(i, "").upper()))
        found = [(i, k) for i in payloads if (k := kin(i, by_name))]
        if not by_name:
            found = [(i, k) for i, k in found if k[3].startswith("programme")]
        errors = [k[0] - mags[i] for i, k in found]
        print(f"sibling tier by {path}, {len(found)} HELD OUT predicted from their siblings: "
              f"{honesty(errors, [k[1] for _, k in found])}")
        kin_held += [(i, k, path) for i, k in found]

    # 3. Tables for the bundled catalog.
    catalog = snapshot_names()
    (STD / "mass-rule.tsv").write_text(
        "# The mass tier's rule, fitted by scripts/make_mass_kin.py on the TRAIN satellites with\n"
        "# both a qs.mag magnitude (converted to 90° phase) and a launch mass (GCAT or UCS);\n"
        "# the HELD OUT ones are tests/data/std-magnitude-holdout-mass.tsv.\n"
        "# std_mag = zero_point - 2.5 * slope * log10(mass / 1 kg); sigma = SD of the residuals.\n"
        "# zero_point\tslope\tsigma\tn_train\n"
        f"{a:.3f}\t{mass_slope:.3f}\t{mass_sigma:.3f}\t{len(mass_train)}\n",
        encoding="utf-8",
    )
    mass_rows = [f"{i}\t{masses[i]:g}\t{mass_factor(i):g}\n" for i in sorted(catalog) if i in masses]
    (STD / "mass.tsv").write_text(
        "# Launch mass of the bundled catalog's satellites, kg: GCAT (J. McDowell) where it has\n"
        "# one, else the UCS Satellite Database (1 May 2023). From tests/data/payload-facts.tsv\n"
        f"# by scripts/make_mass_kin.py. factor: {UNCERTAIN_MASS_FACTOR:g} where GCAT flags the mass\n"
        "# as uncertain, taken as known to that factor (it widens the sigma), else 1.\n"
        "# norad_id\tlaunch_mass_kg\tfactor\n" + "".join(mass_rows),
        encoding="utf-8",
    )
    kin_rows = []
    for i in sorted(catalog):
        if i in valued or i in mags:
            continue
        if k := kin(i):
            kin_rows.append(f"{i}\t{k[0]:.2f}\t{k[1]:.2f}\t{k[2]}\t{k[3]}\n")
    (STD / "kin.tsv").write_text(
        "# Standard magnitudes the bundled catalog's satellites inherit from their siblings (the\n"
        "# other satellites of their GCAT programme, or of their name family), made by\n"
        "# scripts/make_mass_kin.py: value = median of the siblings' own values (measured,\n"
        "# radar size or mass), sigma = sqrt(median sibling sigma^2 + SD of their values^2).\n"
        "# norad_id\tvalue\tsigma\tn_siblings\tgroup\n" + "".join(kin_rows),
        encoding="utf-8",
    )
    print(f"{len(mass_rows)} catalog satellites with a mass, {len(kin_rows)} with a sibling estimate")

    (DATA / "std-magnitude-holdout-mass.tsv").write_text(
        "# Held out of the mass rule's fit by scripts/make_mass_kin.py (seed 22): satellites with a\n"
        "# qs.mag standard magnitude (converted to 1000 km, 90° phase) and a launch mass (GCAT or\n"
        "# UCS; factor as in assets/std-magnitudes/mass.tsv). Never used to fit anything.\n"
        "# norad_id\tstd_magnitude_90deg\tlaunch_mass_kg\tfactor\n"
        + "".join(f"{i}\t{mags[i]:.3f}\t{masses[i]:g}\t{mass_factor(i):g}\n" for i in mass_held),
        encoding="utf-8",
    )
    (DATA / "std-magnitude-holdout-kin.tsv").write_text(
        "# Held-out satellites (scripts/make_mass_kin.py, seed 22) predicted from their siblings\n"
        "# alone (leave-one-out: their own magnitude is never used): qs.mag standard magnitude\n"
        "# (1000 km, 90° phase), the sibling tier's value and sigma, how many siblings.\n"
        "# by: 0 = the programme's siblings (GCAT), 1 = the name family's siblings.\n"
        "# norad_id\tstd_magnitude_90deg\tkin_value\tkin_sigma\tn_siblings\tby\n"
        + "".join(
            f"{i}\t{mags[i]:.3f}\t{k[0]:.3f}\t{k[1]:.3f}\t{k[2]}\t{int(path == 'name')}\n"
            for i, k, path in kin_held
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
