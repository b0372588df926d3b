#!/usr/bin/env python3
"""Generate independent satellite-pass fixtures with Skyfield.

Writes (relative to the repository root, or --out-dir):
  tests/data/fixture_elements.tle   3-line element sets copied verbatim from /work/shared/data
  tests/data/skyfield_passes.json   passes predicted by Skyfield for a set of observer cases

Run it through scripts/make_skyfield_fixtures, which creates a venv with pinned versions.
Nothing is downloaded at run time: DE421 comes from the `skyfield-data` package and the
timescale uses Skyfield's built-in leap-second / Delta T / UT1 tables.

Method (see tests/data/README.md):
  * passes: EarthSatellite.find_events(topos, t0, t1, altitude_degrees=0.0); geometric
    elevation (no refraction); observer = wgs84.latlon(lat, lon, elevation_m=alt).
  * find_events brackets its roots only to ~0.5 s, so every rise/set is then refined by
    bisection on the altitude (same Skyfield model) to < 1 ms, and every culmination by a
    golden-section search. The highest of several culminations in one pass is reported.
  * visible: on a 1-second grid over [rise, set] some instant has satellite altitude >= 10 deg,
    satellite sunlit (Skyfield is_sunlit, DE421, spherical Earth of radius 6378.137 km,
    no penumbra) and Sun altitude <= -6 deg (apparent place, no refraction).
"""

import argparse
import datetime as dt
import json
import math
import os
import platform
import sys
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")  # skyfield-data finals file age

import numpy as np  # noqa: E402
import sgp4  # noqa: E402
import skyfield  # noqa: E402
from skyfield.api import EarthSatellite, Loader, load, wgs84  # noqa: E402
from skyfield_data import get_skyfield_data_path  # noqa: E402

try:
    from importlib.metadata import version as pkg_version
except ImportError:  # pragma: no cover
    pkg_version = None

DATA = os.environ.get("OVERHEAD_SHARED_DATA", "/work/shared/data")

# --------------------------------------------------------------------------------------------
# Element sets
# --------------------------------------------------------------------------------------------

# (key, norad_id, source file relative to DATA, selection rule)
ELEMENT_SOURCES = [
    ("ISS", 25544, "celestrak-stations-visual/stations.txt", "first"),
    ("CSS", 48274, "celestrak-stations-visual/stations.txt", "first"),
    ("HST", 20580, "celestrak-stations-visual/visual.txt", "first"),
    ("MALLIGYONG-1", 58400, "korea-recon-sats/58400_MALLIGYONG-1.tle", "newest"),
    ("KORSAT-7", 58463, "korea-recon-sats/58463_KORSAT-7_425-project-EO-IR.tle", "newest"),
    # No object named MOLNIYA is in the 2026-05-07 active catalog; MERIDIAN 8 is a Russian
    # communications satellite in a Molniya orbit (e = 0.706, 2.006 rev/day, i = 63.1 deg),
    # listed in qs.mag.
    ("MOLNIYA-ORBIT", 44453, "celestrak-active-tle/active.txt", "first"),
    # PHASE 3B (AO-10): a high, eccentric orbit (e = 0.60, 2.06 rev/day) whose long passes
    # climb, sink and climb again while seen (issue 20: the highest point while seen).
    ("AO-10", 14129, "celestrak-active-tle/active.txt", "first"),
    # INTELSAT 16 (IS-16): geostationary, mean motion 1.0027, in qs.mag with magnitude 5.0.
    ("GEO", 36397, "celestrak-active-tle/active.txt", "first"),
    # NOAA 19 (33591) is not in the 2026-05-07 active catalog; NOAA 20 (JPSS-1) is, and is in qs.mag.
    ("NOAA", 43013, "celestrak-active-tle/active.txt", "first"),
    ("STARLINK", 44714, "celestrak-active-tle/active.txt", "first"),
]


def read_3le(path):
    """Yield (name_line, line1, line2) verbatim (line terminators stripped, padding kept)."""
    with open(path, "rb") as f:
        raw = f.read().decode("ascii")
    lines = [ln.rstrip("\r\n") for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln.strip() != ""]
    out = []
    i = 0
    while i + 2 < len(lines):
        name, l1, l2 = lines[i], lines[i + 1], lines[i + 2]
        if not (l1.startswith("1 ") and l2.startswith("2 ")):
            raise ValueError(f"{path}: bad 3-line record at line {i + 1}")
        out.append((name, l1, l2))
        i += 3
    return out


def tle_epoch_key(l1):
    yy = int(l1[18:20])
    year = 2000 + yy if yy < 57 else 1900 + yy
    return (year, float(l1[20:32]))


def tle_epoch_utc(l1):
    year, doy = tle_epoch_key(l1)
    base = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc)
    return base + dt.timedelta(days=doy - 1.0)


def select_elements():
    chosen = {}
    for key, norad, rel, rule in ELEMENT_SOURCES:
        path = os.path.join(DATA, rel)
        recs = [r for r in read_3le(path) if int(r[1][2:7]) == norad]
        if not recs:
            raise SystemExit(f"{norad} not found in {path}")
        rec = max(recs, key=lambda r: tle_epoch_key(r[1])) if rule == "newest" else recs[0]
        chosen[key] = {"norad_id": norad, "lines": rec, "source": rel, "rule": rule}
    return chosen


# --------------------------------------------------------------------------------------------
# Time helpers: a case's times are handled as float UTC seconds after the case start.
# --------------------------------------------------------------------------------------------

def parse_z(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def fmt_z(base, sec):
    """RFC 3339 UTC with millisecond precision (no leap second occurs in 2026)."""
    ms = int(round(sec * 1000.0))
    t = base + dt.timedelta(milliseconds=ms)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class Clock:
    def __init__(self, ts, base):
        self.ts = ts
        self.base = base
        self.t_base = ts.utc(base.year, base.month, base.day, base.hour, base.minute, base.second)

    def t(self, sec):
        b = self.base
        return self.ts.utc(b.year, b.month, b.day, b.hour, b.minute, b.second + np.asarray(sec, float))

    def sec(self, time):
        # Difference in TT equals difference in UTC (no leap second in the span).
        return (time.tt - self.t_base.tt) * 86400.0


# --------------------------------------------------------------------------------------------
# Pass search
# --------------------------------------------------------------------------------------------

def altitude_fn(sat, topos, clock):
    rel = sat - topos

    def alt(sec):
        return rel.at(clock.t(sec)).altaz()[0].degrees

    return alt


def refine_crossing(alt, s, rising, horizon):
    """Bisection for the horizon crossing near s (find_events' bracket end, within ~0.5 s)."""
    for half in (2.0, 10.0, 60.0):
        a, b = s - half, s + half
        fa, fb = alt(a) - horizon, alt(b) - horizon
        if (fa < 0) == rising and (fb >= 0) == rising:
            break
    else:
        raise RuntimeError(f"cannot bracket crossing near {s}")
    for _ in range(60):
        m = 0.5 * (a + b)
        fm = alt(m) - horizon
        if (fm >= 0) == rising:
            b = m
        else:
            a = m
        if b - a < 1e-5:
            break
    return 0.5 * (a + b)


def refine_max(alt, s, lo, hi):
    """Golden-section search for the altitude maximum near s, kept inside [lo, hi]."""
    half = 5.0
    a, b = max(lo, s - half), min(hi, s + half)
    # widen until the max is interior (or we hit the limits)
    for _ in range(20):
        grid = np.linspace(a, b, 21)
        vals = alt(grid)
        k = int(np.argmax(vals))
        if 0 < k < 20 or (k == 0 and a <= lo) or (k == 20 and b >= hi):
            a, b = grid[max(k - 1, 0)], grid[min(k + 1, 20)]
            break
        half *= 4
        a, b = max(lo, s - half), min(hi, s + half)
    g = (math.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = alt(c), alt(d)
    while b - a > 1e-4:
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = alt(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = alt(d)
    m = 0.5 * (a + b)
    return m, float(alt(m))


def group_events(secs, kinds):
    passes, cur = [], None
    for s, k in zip(secs, kinds):
        if k == 0:
            if cur is not None:
                raise RuntimeError("rise while a pass is open")
            cur = {"rise": s, "culms": [], "set": None}
        elif k == 1:
            if cur is None:
                cur = {"rise": None, "culms": [], "set": None}
            cur["culms"].append(s)
        else:
            if cur is None:
                cur = {"rise": None, "culms": [], "set": None}
            cur["set"] = s
            passes.append(cur)
            cur = None
    if cur is not None:
        passes.append(cur)
    return passes


class Ctx:
    def __init__(self):
        self.ts = load.timescale(builtin=True)
        loader = Loader(get_skyfield_data_path(), expire=False)
        self.eph = loader("de421.bsp")
        self.sun = self.eph["sun"]
        self.earth = self.eph["earth"]
        self.stats = {"max_rise_set_refinement_s": 0.0, "max_culmination_refinement_s": 0.0,
                      "multi_culmination_passes": 0, "culmination_at_window_edge": 0,
                      "events_added_by_grid_audit": 0}
        self.notes = []


def visibility(ctx, sat, topos, clock, s0, s1):
    """1-second grid over [s0, s1] (integer seconds after the case start)."""
    grid = np.arange(math.ceil(s0), math.floor(s1) + 1, 1.0)
    if len(grid) == 0:
        return False, False, 0
    t = clock.t(grid)
    alt = (sat - topos).at(t).altaz()[0].degrees
    sunlit = np.asarray(sat.at(t).is_sunlit(ctx.eph), bool)
    sun_alt = (ctx.earth + topos).at(t).observe(ctx.sun).apparent().altaz()[0].degrees
    ok = (alt >= 10.0) & sunlit & (sun_alt <= -6.0)
    n = int(ok.sum())
    visible = n > 0
    # borderline checks: 0.2 deg in the elevation limits, 5 s in the shadow boundary
    k = 5
    pad_f = np.concatenate([np.zeros(k, bool), sunlit, np.zeros(k, bool)])
    pad_t = np.concatenate([np.ones(k, bool), sunlit, np.ones(k, bool)])
    win = np.lib.stride_tricks.sliding_window_view
    sunlit_dil = win(pad_f, 2 * k + 1).any(axis=1)
    sunlit_ero = win(pad_t, 2 * k + 1).all(axis=1)
    relaxed = (alt >= 9.8) & sunlit_dil & (sun_alt <= -5.8)
    strict = (alt >= 10.2) & sunlit_ero & (sun_alt <= -6.2)
    if visible:
        marginal = n < 10 or not strict.any()
    else:
        marginal = bool(relaxed.any())
    return visible, bool(marginal), n


def seen_part(ctx, sat, topos, clock, start, s0, s1, culm):
    """The visible part of a pass: first and last visible instants and the highest point while
    visible, refined. The 1 s grid finds the visible seconds; where they make several stretches
    (a long high pass seen after dusk and again later), the stretch that gets highest is told.
    Each end is refined by bisection on the same three conditions to < 1 ms; the peak is the
    culmination when that is visible, else the highest of the stretch's ends and of the
    altitude's turning points inside it (a long high-orbit pass can climb, sink and climb
    again while seen), each refined by golden-section search."""
    rel = sat - topos

    def ok(sec):
        t = clock.t(sec)
        alt = rel.at(t).altaz()[0].degrees
        sunlit = bool(sat.at(t).is_sunlit(ctx.eph))
        sun_alt = (ctx.earth + topos).at(t).observe(ctx.sun).apparent().altaz()[0].degrees
        return bool(alt >= 10.0 and sunlit and sun_alt <= -6.0)

    grid = np.arange(math.ceil(s0), math.floor(s1) + 1, 1.0)
    if len(grid) == 0:
        return None
    t = clock.t(grid)
    alt = rel.at(t).altaz()[0].degrees
    sunlit = np.asarray(sat.at(t).is_sunlit(ctx.eph), bool)
    sun_alt = (ctx.earth + topos).at(t).observe(ctx.sun).apparent().altaz()[0].degrees
    good = np.flatnonzero((alt >= 10.0) & sunlit & (sun_alt <= -6.0))
    if len(good) == 0:
        return None

    def edge(inside, outside):
        a, b = inside, outside
        while abs(b - a) > 1e-4:
            m = 0.5 * (a + b)
            if ok(m):
                a = m
            else:
                b = m
        return a

    def look(sec):
        alt_, az_, dist_ = rel.at(clock.t(sec)).altaz()
        return {"time": fmt_z(start, sec), "azimuth_deg": round(float(az_.degrees), 4),
                "elevation_deg": round(float(alt_.degrees), 4), "range_km": round(float(dist_.km), 3)}

    def altitude(sec):
        return float(rel.at(clock.t(sec)).altaz()[0].degrees)

    runs = np.split(good, np.flatnonzero(np.diff(good) != 1) + 1)
    best = None
    for run in runs:
        first, last = float(grid[run[0]]), float(grid[run[-1]])
        vs = edge(first, max(first - 1.0, s0)) if first - 1.0 >= s0 else s0
        ve = edge(last, min(last + 1.0, s1)) if last + 1.0 <= s1 else s1
        if vs <= culm <= ve and ok(culm):
            peak_sec, peak_alt, kind = culm, altitude(culm), "culmination"
        else:
            cands = [(vs, altitude(vs), "start"), (ve, altitude(ve), "end")]
            for j in run[1:-1]:
                if alt[j] > alt[j - 1] and alt[j] >= alt[j + 1]:
                    m, am = refine_max(altitude_fn(sat, topos, clock), float(grid[j]),
                                       float(grid[j - 1]), float(grid[j + 1]))
                    cands.append((m, am, "turning"))
            peak_sec, peak_alt, kind = max(cands, key=lambda c: c[1])
        if best is None or peak_alt > best[3]:
            best = (vs, ve, peak_sec, peak_alt, kind)
    vs, ve, peak_sec, _, kind = best
    return {"visible_start": look(vs), "visible_end": look(ve), "visible_peak": look(peak_sec),
            "visible_peak_is": kind, "visible_split": bool(len(runs) > 1)}


def compute_case(ctx, elems, case):
    ts = ctx.ts
    e = elems[case["sat"]]
    name, l1, l2 = e["lines"]
    sat = EarthSatellite(l1, l2, name.strip(), ts)
    obs = case["observer"]
    topos = wgs84.latlon(obs["lat"], obs["lon"], elevation_m=obs["alt_m"])
    start = parse_z(case["start"])
    dur = case.get("days", 2.0) * 86400.0
    clock = Clock(ts, start)
    alt = altitude_fn(sat, topos, clock)
    horizon = 0.0
    in_progress = case.get("first_pass_in_progress", False)
    search_from = -1800.0 if in_progress else 0.0

    t0, t1 = clock.t(search_from), clock.t(dur)
    times, kinds = sat.find_events(topos, t0, t1, altitude_degrees=horizon)
    secs = list(clock.sec(times))
    kinds = [int(k) for k in kinds]

    # Audit find_events against a plain altitude grid. find_events assumes one set/rise between
    # two adjacent maxima and samples only the midpoint between them, so it can miss a set and
    # the following rise of a long deep-space pass (seen with the Molniya-orbit case). Any grid
    # crossing without a find_events crossing of the same kind nearby is added (then refined).
    period_min = 2 * math.pi / sat.model.no_kozai
    step = 10.0 if period_min < 225.0 else 60.0
    grid = np.arange(search_from, dur + step / 2, step)
    grid_alt = alt(grid)
    up = grid_alt >= horizon
    added = set()
    for i in np.flatnonzero(up[:-1] != up[1:]):
        kind = 0 if up[i + 1] else 2
        if not any(k == kind and grid[i] - 1.0 <= s <= grid[i + 1] + 1.0 for s, k in zip(secs, kinds)):
            secs.append(float(grid[i + 1]))
            kinds.append(kind)
            added.add(float(grid[i + 1]))
            ctx.stats["events_added_by_grid_audit"] += 1
            ctx.notes.append(f"{case['name']}: find_events missed a {'rise' if kind == 0 else 'set'} near "
                             f"{fmt_z(start, grid[i + 1])}; added from the {step:.0f} s altitude grid")
    order = sorted(range(len(secs)), key=lambda j: secs[j])
    secs = [secs[j] for j in order]
    kinds = [kinds[j] for j in order]
    raw = group_events(secs, kinds)

    passes = []
    for p in raw:
        rise, sets = p["rise"], p["set"]
        if rise is not None:
            r = refine_crossing(alt, rise, True, horizon)
            if rise not in added:
                ctx.stats["max_rise_set_refinement_s"] = max(ctx.stats["max_rise_set_refinement_s"], abs(r - rise))
            rise = r
        if sets is not None:
            s = refine_crossing(alt, sets, False, horizon)
            if sets not in added:
                ctx.stats["max_rise_set_refinement_s"] = max(ctx.stats["max_rise_set_refinement_s"], abs(s - sets))
            sets = s
        lo = rise if rise is not None else search_from
        hi = sets if sets is not None else dur
        if in_progress:
            # keep only passes that are up at or after the window start
            if sets is not None and sets <= 0.0:
                continue
        best = None
        for c in p["culms"]:
            cm, am = refine_max(alt, c, lo, hi)
            ctx.stats["max_culmination_refinement_s"] = max(ctx.stats["max_culmination_refinement_s"], abs(cm - c))
            if best is None or am > best[1]:
                best = (cm, am)
        edge = False
        if len(p["culms"]) > 1:
            ctx.stats["multi_culmination_passes"] += 1
            ctx.notes.append(f"{case['name']}: pass with {len(p['culms'])} culminations "
                             f"(alts {[round(float(alt(c)), 2) for c in p['culms']]}); kept highest")
        if best is None:
            # no culmination event inside [lo, hi]: take the grid maximum (and the ends)
            inside = (grid > lo) & (grid < hi)
            cands = [(lo, float(alt(lo))), (hi, float(alt(hi)))]
            if inside.any():
                k = int(np.argmax(np.where(inside, grid_alt, -999.0)))
                cands.append(refine_max(alt, float(grid[k]), lo, hi))
            best = max(cands, key=lambda c: c[1])
            if best[0] - lo < 0.01 or hi - best[0] < 0.01:
                edge = True
                ctx.stats["culmination_at_window_edge"] += 1
                ctx.notes.append(f"{case['name']}: pass cut by the window edge, altitude monotonic inside "
                                 f"the window; culmination = window edge {fmt_z(start, best[0])}")
            else:
                ctx.notes.append(f"{case['name']}: pass without a find_events culmination; culmination from "
                                 f"the altitude grid at {fmt_z(start, best[0])}")
        vis, marg, nvis = visibility(ctx, sat, topos, clock, lo, hi)
        entry = {
            "rise": fmt_z(start, rise) if rise is not None else None,
            "culmination": fmt_z(start, best[0]),
            "set": fmt_z(start, sets) if sets is not None else None,
            "max_elevation_deg": round(best[1], 4),
            "visible": bool(vis),
            "visible_marginal": bool(marg),
            "visible_seconds": nvis,
        }
        if edge:
            entry["culmination_at_window_edge"] = True
        if vis and rise is not None and sets is not None:
            seen = seen_part(ctx, sat, topos, clock, start, lo, hi, best[0])
            if seen is not None:
                entry.update(seen)
        passes.append(entry)

    always = None
    if len(passes) == 1 and passes[0]["rise"] is None and passes[0]["set"] is None:
        # Up for the whole window: find_events reports only culminations (a geostationary
        # satellite's daily altitude wobble). Not a pass: report always_above instead.
        ctx.notes.append(f"{case['name']}: find_events gave only culmination events "
                         f"({len(raw[0]['culms'])}) and no rise/set; reported as always_above=true")
        passes = []
    if not passes:
        always = bool(alt(0.0) > horizon)

    out = {
        "name": case["name"],
        "norad_id": e["norad_id"],
        "observer": obs,
        "start": case["start"],
        "end": fmt_z(start, dur).replace(".000Z", "Z"),
        "horizon_deg": horizon,
    }
    if in_progress:
        out["first_pass_in_progress"] = bool(passes and passes[0]["rise"] is not None
                                             and parse_z(passes[0]["rise"][:19] + "Z") < start)
    out["passes"] = passes
    out["always_above"] = always
    return out


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

SEOUL = {"lat": 37.5665, "lon": 126.9780, "alt_m": 38.0}
LONDON = {"lat": 51.5074, "lon": -0.1278, "alt_m": 11.0}
SYDNEY = {"lat": -33.8688, "lon": 151.2093, "alt_m": 58.0}
QUITO = {"lat": -0.1807, "lon": -78.4678, "alt_m": 2850.0}
TROMSO = {"lat": 69.6492, "lon": 18.9553, "alt_m": 10.0}
MCMURDO = {"lat": -77.8463, "lon": 166.6682, "alt_m": 24.0}
SUVA = {"lat": -18.1416, "lon": 178.4419, "alt_m": 5.0}
DENVER = {"lat": 39.7392, "lon": -104.9903, "alt_m": 1609.0}
MOSCOW = {"lat": 55.7558, "lon": 37.6173, "alt_m": 156.0}

AUG = "2026-08-22T12:00:00Z"   # stations/visual element sets: epochs 2026-08-22 11:12 .. 15:03 UTC
MAY = "2026-05-07T18:00:00Z"   # active / korea element sets: epochs 2026-05-05 .. 2026-05-07 18:51 UTC

CASES = [
    {"name": "iss_seoul", "sat": "ISS", "observer": SEOUL, "start": AUG},
    {"name": "iss_london", "sat": "ISS", "observer": LONDON, "start": AUG},
    {"name": "css_sydney", "sat": "CSS", "observer": SYDNEY, "start": AUG},
    {"name": "hst_quito", "sat": "HST", "observer": QUITO, "start": AUG},
    {"name": "malligyong1_seoul", "sat": "MALLIGYONG-1", "observer": SEOUL, "start": MAY},
    {"name": "korsat7_seoul", "sat": "KORSAT-7", "observer": SEOUL, "start": MAY},
    {"name": "noaa20_tromso", "sat": "NOAA", "observer": TROMSO, "start": MAY},
    {"name": "noaa20_mcmurdo", "sat": "NOAA", "observer": MCMURDO, "start": MAY},
    {"name": "starlink1008_suva", "sat": "STARLINK", "observer": SUVA, "start": MAY},
    {"name": "iss_denver", "sat": "ISS", "observer": DENVER, "start": AUG},
    {"name": "molniya_orbit_meridian8_moscow", "sat": "MOLNIYA-ORBIT", "observer": MOSCOW,
     "start": MAY, "days": 3.0},
    # One whole pass, 14:58 UTC to 01:54: it culminates in daylight, is seen from dusk
    # (23:35) for an hour and a half, and climbs again inside the seen part, so its highest
    # point while seen is a turning point of the elevation, not an end.
    {"name": "ao10_quito_high_orbit", "sat": "AO-10", "observer": QUITO,
     "start": "2026-05-07T12:00:00Z", "days": 1.0},
    {"name": "geo_intelsat16_quito_always_up", "sat": "GEO", "observer": QUITO, "start": MAY},
    {"name": "geo_intelsat16_seoul_never_up", "sat": "GEO", "observer": SEOUL, "start": MAY},
    # iss_seoul_in_progress is added at run time: start = midpoint of the first iss_seoul pass
    # that reaches 20 deg, truncated to a whole second.
]


def versions():
    def v(name):
        try:
            return pkg_version(name)
        except Exception:
            return None
    return {
        "tool": "scripts/make_skyfield_fixtures.py",
        "python": platform.python_version(),
        "skyfield": skyfield.__version__ if hasattr(skyfield, "__version__") else v("skyfield"),
        "skyfield_data": v("skyfield-data"),
        "sgp4": v("sgp4"),
        "sgp4_accelerated": bool(__import__("sgp4.api", fromlist=["accelerated"]).accelerated),
        "numpy": np.__version__,
        "jplephem": v("jplephem"),
        "ephemeris": "DE421 (from skyfield-data)",
        "timescale": "skyfield load.timescale(builtin=True): built-in leap seconds, Delta T and UT1-UTC",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out-dir", default=os.path.join(os.path.dirname(here), "tests", "data"))
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    elems = select_elements()
    ctx = Ctx()

    # element file: verbatim lines, LF endings
    tle_path = os.path.join(args.out_dir, "fixture_elements.tle")
    with open(tle_path, "w", newline="\n") as f:
        for key, _, _, _ in ELEMENT_SOURCES:
            for ln in elems[key]["lines"]:
                f.write(ln + "\n")

    results = []
    for case in CASES:
        print(f"case {case['name']} ...", file=sys.stderr, flush=True)
        results.append(compute_case(ctx, elems, case))
        if case["name"] == "iss_seoul":
            first = next(p for p in results[-1]["passes"] if p["rise"] and p["max_elevation_deg"] >= 20.0)
            r = dt.datetime.strptime(first["rise"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
            c = dt.datetime.strptime(first["culmination"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
            mid = r + (c - r) / 2
            mid = mid.replace(microsecond=0)
            ip = {"name": "iss_seoul_in_progress", "sat": "ISS", "observer": SEOUL,
                  "start": mid.strftime("%Y-%m-%dT%H:%M:%SZ"), "first_pass_in_progress": True}
            print(f"case {ip['name']} ...", file=sys.stderr, flush=True)
            in_prog = compute_case(ctx, elems, ip)
    results.append(in_prog)

    elements_meta = []
    for key, norad, rel, rule in ELEMENT_SOURCES:
        e = elems[key]
        elements_meta.append({
            "key": key, "norad_id": norad, "name": e["lines"][0].strip(),
            "epoch": tle_epoch_utc(e["lines"][1]).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "source": "/work/shared/data/" + rel,
            "selection": "newest element set in file" if rule == "newest" else "the object's record",
        })

    gen = versions()
    gen["ut1_minus_utc_s"] = {d: round(float(ctx.ts.utc(*map(int, d.split("-"))).dut1), 4)
                              for d in ("2026-05-07", "2026-08-22")}
    gen["command"] = "scripts/make_skyfield_fixtures"
    doc = {
        "generator": gen,
        "method": {
            "passes": "EarthSatellite.find_events(wgs84.latlon(lat, lon, elevation_m=alt_m), t0, t1, "
                      "altitude_degrees=0.0); geometric elevation, no refraction. Rise/set refined by "
                      "bisection (<1 ms) and culmination by golden-section search on the same Skyfield "
                      "altitude, since find_events brackets to ~0.5 s. Several culminations in one pass: "
                      "the highest is kept. For a pass cut by a window edge the culmination is the highest "
                      "find_events culmination inside the window, or the window edge if there is none "
                      "(flag culmination_at_window_edge). find_events is audited against a 10 s (60 s for "
                      "periods over 225 min) altitude grid: rises/sets it missed are added and refined "
                      "(see notes).",
            "rise_null": "pass already above the horizon at start (except cases with first_pass_in_progress, "
                         "whose first pass carries its true rise before start, found by searching from start-30min)",
            "set_null": "pass still above the horizon at end",
            "visible": "exists t on a 1 s grid over [rise, set] (clipped to the window when null) with "
                       "sat altitude >= 10 deg AND sat.at(t).is_sunlit(DE421) (spherical-Earth "
                       "shadow, radius 6378.137 km, no penumbra) AND Sun apparent altitude <= -6 deg (no refraction)",
            "visible_marginal": "visible with < 10 s of qualifying time, or the answer flips when the limits "
                                "are moved by 0.2 deg (elevation, Sun) or the shadow boundary by 5 s",
            "visible_seconds": "number of qualifying 1 s grid points",
            "visible_start/visible_end": "for a visible pass inside the window: the first and last "
                                         "qualifying 1 s grid points (of the stretch told), each refined by bisection on the "
                                         "three conditions to < 1 ms; az/el/range from the same "
                                         "Skyfield altaz (geometric)",
            "visible_peak": "the culmination when it qualifies, else the highest of visible_start, "
                            "visible_end and the altitude's turning points between them, refined by "
                            "golden-section search (visible_peak_is: culmination, start, end or "
                            "turning); visible_split: the qualifying seconds are not one stretch, and "
                            "the seen part told is the stretch whose peak is highest",
            "time_format": "RFC 3339 UTC, millisecond precision, rounded",
        },
        "elements_file": "tests/data/fixture_elements.tle",
        "elements": elements_meta,
        "cases": results,
    }
    if ctx.notes:
        doc["notes"] = ctx.notes
    doc["refinement_stats"] = {k: (round(float(v), 3) if isinstance(v, float) else v) for k, v in ctx.stats.items()}

    json_path = os.path.join(args.out_dir, "skyfield_passes.json")
    with open(json_path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {tle_path}\nwrote {json_path}", file=sys.stderr)
    for r in results:
        print(f"  {r['name']:34s} {len(r['passes']):3d} passes, "
              f"{sum(p['visible'] for p in r['passes'])} visible, "
              f"{sum(p['visible_marginal'] for p in r['passes'])} marginal, always_above={r['always_above']}",
              file=sys.stderr)
    for n in ctx.notes:
        print("  note:", n, file=sys.stderr)
    print("  refinement:", doc["refinement_stats"], file=sys.stderr)


if __name__ == "__main__":
    main()
