#!/usr/bin/env python3
"""Compare the Rust `overhead passes` CLI against Skyfield's find_events: speed and agreement.

Usage (normally through scripts/compare_skyfield, which sets up the pinned venv):
  compare_skyfield.py [TLE_FILE] [--n 200] [--start 2026-05-08T00:00:00Z] [--days 7]
                      [--bin target/release/overhead] [--runs 3] [--rust-json FILE]

Takes every k-th 3-line record of TLE_FILE (default: the CelesTrak active catalog in
/work/shared/data) so that N satellites are sampled, writes them to a temporary TLE file,
times Skyfield's find_events (altitude 0) for one observer (Seoul by default) over the window,
runs the Rust CLI on the same sample (best of --runs wall times), and matches the passes of both
by time overlap. Skyfield's times are refined by bisection after the timing (find_events is
only good to ~0.5 s), so the rise/set differences reflect the Rust tool.

Exit status: 0 when every matched rise/set agrees within --tol seconds (default 1) and no pass
that lies wholly inside the window is found by only one tool; 1 otherwise; 2 on usage errors or
when the Rust CLI fails. Unmatched passes that skyfield's own altitude confirms (find_events
misses, a known weakness for long deep-space passes), matched rises and sets off because
find_events merged two passes (skyfield's altitude is zero at Rust's time), skyfield-only passes
of a satellite that has re-entered (after Overhead stopped it, during an SGP4 error in skyfield
itself, or under 100 km up by skyfield's own numbers) and grazing passes (max elevation below
--graze-deg) are listed but do not fail the comparison.
"""

import argparse
import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")

import numpy as np  # noqa: E402
from skyfield.api import EarthSatellite, load, wgs84  # noqa: E402

DEFAULT_TLE = os.path.join(os.environ.get("OVERHEAD_SHARED_DATA", "/work/shared/data"),
                           "celestrak-active-tle", "active.txt")
UTC = dt.timezone.utc
_TS_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]00:?00)?$")


def parse_time(s):
    """RFC 3339 UTC -> aware datetime (any number of fraction digits)."""
    m = _TS_RE.match(s.strip())
    if not m:
        raise ValueError(f"bad timestamp {s!r}")
    y, mo, d, h, mi, se, frac, _ = m.groups()
    us = int((frac or "0")[:6].ljust(6, "0"))
    return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se), us, tzinfo=UTC)


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def read_3le(path):
    with open(path, "rb") as f:
        lines = [ln.rstrip("\r\n") for ln in f.read().decode("ascii", "replace").splitlines()]
    lines = [ln for ln in lines if ln.strip()]
    recs, i = [], 0
    while i + 2 < len(lines):
        if lines[i + 1].startswith("1 ") and lines[i + 2].startswith("2 "):
            recs.append((lines[i], lines[i + 1], lines[i + 2]))
            i += 3
        else:
            i += 1
    return recs


def sample(recs, n):
    if n >= len(recs):
        return list(recs)
    k = len(recs) // n
    return recs[::k][:n]


# --------------------------------------------------------------------------------------------
# Skyfield side
# --------------------------------------------------------------------------------------------

def group_events(secs, kinds):
    """-> list of dicts {rise, culm, set} in seconds after start (None where cut by the window)."""
    passes, cur = [], None
    for s, k in zip(secs, kinds):
        if k == 0:
            cur = {"rise": s, "culms": [], "set": None}
        else:
            if cur is None:
                cur = {"rise": None, "culms": [], "set": None}
            if k == 1:
                cur["culms"].append(s)
            else:
                cur["set"] = s
                passes.append(cur)
                cur = None
    if cur is not None:
        passes.append(cur)
    return passes


def refine_crossings(rel, ts, t_base, secs, rising):
    """Vectorised bisection of horizon crossings near the find_events times (seconds after start)."""
    if not len(secs):
        return np.array([])
    secs = np.asarray(secs, float)
    b0 = t_base

    def alt(s):
        return rel.at(ts.utc(b0.year, b0.month, b0.day, b0.hour, b0.minute, b0.second + s)).altaz()[0].degrees

    lo, hi = secs - 1.5, secs + 1.0
    flo, fhi = alt(lo), alt(hi)
    ok = ((flo < 0) == rising) & ((fhi >= 0) == rising)
    for _ in range(22):  # 2.5 s / 2^22 < 1 us
        mid = 0.5 * (lo + hi)
        fm = alt(mid)
        up_side = (fm >= 0) == rising
        hi = np.where(up_side, mid, hi)
        lo = np.where(up_side, lo, mid)
    return np.where(ok, 0.5 * (lo + hi), secs)


def run_skyfield(recs, obs, start, days):
    ts = load.timescale(builtin=True)
    topos = wgs84.latlon(obs[0], obs[1], elevation_m=obs[2])
    sats = [EarthSatellite(l1, l2, name.strip(), ts) for name, l1, l2 in recs]
    t0 = ts.from_datetime(start)
    t1 = ts.from_datetime(start + dt.timedelta(days=days))

    raw = []
    errors = []
    w0 = time.perf_counter()
    for sat in sats:
        try:
            raw.append(sat.find_events(topos, t0, t1, altitude_degrees=0.0))
        except Exception as exc:  # noqa: BLE001 (decayed elements and the like)
            raw.append(None)
            errors.append((sat.model.satnum, repr(exc)))
    wall = time.perf_counter() - w0

    # untimed: group and refine
    out = {}
    raw_vs_refined = 0.0
    for sat, ev in zip(sats, raw):
        if ev is None:
            continue
        times, kinds = ev
        secs = (times.tt - t0.tt) * 86400.0
        kinds = [int(k) for k in kinds]
        rel = sat - topos
        rises = [s for s, k in zip(secs, kinds) if k == 0]
        sets_ = [s for s, k in zip(secs, kinds) if k == 2]
        r_ref = refine_crossings(rel, ts, start, rises, True)
        s_ref = refine_crossings(rel, ts, start, sets_, False)
        if len(rises):
            raw_vs_refined = max(raw_vs_refined, float(np.max(np.abs(r_ref - rises))))
        if len(sets_):
            raw_vs_refined = max(raw_vs_refined, float(np.max(np.abs(s_ref - sets_))))
        ri = si = 0
        secs2 = []
        for s, k in zip(secs, kinds):
            if k == 0:
                secs2.append(float(r_ref[ri])); ri += 1
            elif k == 2:
                secs2.append(float(s_ref[si])); si += 1
            else:
                secs2.append(float(s))
        passes = group_events(secs2, kinds)
        for p in passes:
            if p["culms"]:
                ct = ts.utc(start.year, start.month, start.day, start.hour, start.minute,
                            start.second + np.array(p["culms"]))
                alts = rel.at(ct).altaz()[0].degrees
                p["max_el"] = float(np.max(alts))
            else:
                p["max_el"] = None
        out[sat.model.satnum] = {"name": sat.name, "passes": passes, "rel": rel, "sat": sat}
    return {"wall": wall, "sats": out, "errors": errors, "ts": ts, "n": len(sats),
            "raw_vs_refined": raw_vs_refined}


# --------------------------------------------------------------------------------------------
# Rust side
# --------------------------------------------------------------------------------------------

def num(x):
    """Shortest exact decimal, without a trailing '.0' (7.0 -> '7', 37.5665 -> '37.5665')."""
    r = repr(float(x))
    return r[:-2] if r.endswith(".0") else r


def rust_cmd(binary, tle, obs, start, days):
    return [binary, "passes", "--elements", tle, "--all",
            "--lat", num(obs[0]), "--lon", num(obs[1]), "--alt-m", num(obs[2]),
            "--start", start.strftime("%Y-%m-%dT%H:%M:%SZ"), "--days", num(days),
            "--horizon-deg", "0", "--min-elevation-deg", "0", "--format", "json", "--timing",
            "--lang", "en"]


SEARCH_RE = re.compile(r"searched \d+ satellites over \S+ days in ([0-9.]+) ms")


def run_rust(cmd, runs):
    """Best whole-process wall time and best search time (from --timing), in seconds."""
    best, best_search, out = None, None, None
    for _ in range(runs):
        w0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        w = time.perf_counter() - w0
        if p.returncode != 0:
            sys.stderr.write(p.stderr.decode(errors="replace")[-4000:])
            print(f"Rust CLI failed with exit status {p.returncode}: {' '.join(cmd)}", file=sys.stderr)
            raise SystemExit(2)
        best = w if best is None else min(best, w)
        m = SEARCH_RE.search(p.stderr.decode(errors="replace"))
        if m:
            s = float(m.group(1)) / 1000.0
            best_search = s if best_search is None else min(best_search, s)
        out = p.stdout
    return best, best_search, out


STOP_RE = re.compile(r"([0-9.]+) min from epoch")


def rust_stops(doc):
    """-> {norad: (minutes after the epoch, message)} for satellites whose search stopped
    early (re-entered, decayed, SGP4 failed): Overhead reports no pass after that."""
    stops = {}
    for s in doc.get("satellites", []):
        m = STOP_RE.search(s.get("error") or "")
        if m:
            stops[int(s["norad_id"])] = (float(m.group(1)), s["error"])
    return stops


def parse_rust(doc, start):
    """-> {norad: [ {rise, culm, set, max_el} in seconds after start ]}"""
    res = {}
    for p in doc.get("passes", []):
        nid = int(p["norad_id"])

        def sec(ev):
            if ev is None:
                return None
            t = ev["time"] if isinstance(ev, dict) else ev
            return None if t is None else (parse_time(t) - start).total_seconds()

        cul = p.get("culmination")
        res.setdefault(nid, []).append({
            "rise": sec(p.get("rise")),
            "culm": sec(cul),
            "set": sec(p.get("set")),
            "max_el": float(cul["elevation_deg"]) if isinstance(cul, dict) and "elevation_deg" in cul else None,
            "name": p.get("name"),
        })
    for v in res.values():
        v.sort(key=lambda q: (q["rise"] if q["rise"] is not None else -1e18))
    return res


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

def interval(p, dur):
    lo = p["rise"] if p["rise"] is not None else -1e18
    hi = p["set"] if p["set"] is not None else 1e18
    return max(lo, -1e18), min(hi, 1e18)


def inside(p, dur):
    return p["rise"] is not None and p["set"] is not None and p["rise"] >= 0.0 and p["set"] <= dur


# A time at which skyfield's own altitude is within this of the horizon is a horizon crossing.
CROSSING_DEG = 0.01
# Below this height (km) SGP4's positions are those of a satellite that has re-entered.
REENTERED_KM = 100.0


def compare(sky, rust, start, days, tol, graze, stops=None):
    """Matches the passes of both tools satellite by satellite and sorts the differences.

    Two weaknesses of find_events are told apart from disagreements by skyfield's own
    numbers: a matched rise or set off by more than the tolerance where skyfield's altitude
    at Rust's time is zero (find_events missed a set and rise between two passes and merged
    them: long, slow deep-space passes), and a skyfield-only pass after the moment Overhead
    stopped a satellite (re-entered: SGP4 goes on giving positions after a decay), during
    which skyfield's own SGP4 reports an error (a decaying orbit, where SGP4 fails on and
    off), or where skyfield's satellite is under 100 km up.
    """
    dur = days * 86400.0
    ts = sky["ts"]

    def altitude_at(rel, seconds):
        t = ts.from_datetime(start + dt.timedelta(seconds=seconds))
        return float(rel.at(t).altaz()[0].degrees)
    rep = {"sky_count": 0, "rust_count": 0, "sky_inside": 0, "rust_inside": 0, "matched": 0,
           "max_rise": 0.0, "max_set": 0.0, "worst_rise": None, "worst_set": None,
           "over_tol": [], "disagree": [], "benign": []}
    norads = sorted(set(sky["sats"]) | set(rust))
    for nid in norads:
        sp = sky["sats"].get(nid, {"passes": [], "name": "?"})["passes"]
        rp = rust.get(nid, [])
        name = sky["sats"].get(nid, {}).get("name") or (rp[0]["name"] if rp else "?")
        rep["sky_count"] += len(sp)
        rep["rust_count"] += len(rp)
        rep["sky_inside"] += sum(inside(p, dur) for p in sp)
        rep["rust_inside"] += sum(inside(p, dur) for p in rp)
        # greedy one-to-one matching by the overlap as a share of the two passes' union
        # (clipped to the window), so that a pass lying inside a long merged or spurious pass
        # of the other tool still pairs with its own counterpart
        pairs = []
        for i, a in enumerate(sp):
            alo, ahi = interval(a, dur)
            alo, ahi = max(alo, 0.0), min(ahi, dur)
            for j, b in enumerate(rp):
                blo, bhi = interval(b, dur)
                blo, bhi = max(blo, 0.0), min(bhi, dur)
                ov = min(ahi, bhi) - max(alo, blo)
                if ov > 0:
                    pairs.append((ov / (max(ahi, bhi) - min(alo, blo)), i, j))
        used_s, used_r = set(), set()
        for _, i, j in sorted(pairs, reverse=True):
            if i in used_s or j in used_r:
                continue
            used_s.add(i); used_r.add(j)
            a, b = sp[i], rp[j]
            rep["matched"] += 1
            # a rise is comparable when skyfield saw it (inside the window); Rust reports true times
            rel = sky["sats"].get(nid, {}).get("rel")
            for label in ("rise", "set"):
                if a[label] is None or b[label] is None:
                    continue
                d = b[label] - a[label]
                when = fmt(start + dt.timedelta(seconds=a[label]))
                if abs(d) > tol and rel is not None and 0.0 <= b[label] <= dur:
                    alt = altitude_at(rel, b[label])
                    if abs(alt) <= CROSSING_DEG:
                        rep["benign"].append(
                            f"{nid} {name}: Rust's {label} differs by {d:+.3f} s from skyfield's "
                            f"({when}), and skyfield's altitude there is {alt:.4f} deg: find_events "
                            "merged two passes")
                        continue
                if abs(d) > rep["max_" + label]:
                    rep["max_" + label], rep["worst_" + label] = abs(d), (nid, name, a[label], d)
                if abs(d) > tol:
                    rep["over_tol"].append(f"{nid} {name}: {label} differs by {d:+.3f} s "
                                           f"(skyfield {when})")
        rel = sky["sats"].get(nid, {}).get("rel")
        sat = sky["sats"].get(nid, {}).get("sat")
        for j, b in enumerate(rp):
            if j in used_r:
                continue
            when = fmt(start + dt.timedelta(seconds=b["rise"])) if b["rise"] is not None else "?"
            if not inside(b, dur):
                rep["benign"].append(f"{nid} {name}: Rust-only pass at the window edge (rise {when})")
                continue
            sky_alt = None
            if rel is not None and b["culm"] is not None:
                t = ts.from_datetime(start + dt.timedelta(seconds=b["culm"]))
                sky_alt = float(rel.at(t).altaz()[0].degrees)
            msg = (f"{nid} {name}: Rust-only pass rise {when}, Rust max el "
                   f"{b['max_el'] if b['max_el'] is not None else '?'}; skyfield altitude at Rust culmination "
                   f"{'n/a' if sky_alt is None else f'{sky_alt:.3f}'}")
            if sky_alt is not None and sky_alt > graze:
                rep["benign"].append(msg + " -> skyfield find_events missed it")
            elif (b["max_el"] is not None and b["max_el"] < graze) or (sky_alt is not None and abs(sky_alt) <= graze):
                rep["benign"].append(msg + " -> grazing pass")
            else:
                rep["disagree"].append(msg + " -> EXTRA in Rust")
        for i, a in enumerate(sp):
            if i in used_s:
                continue
            when = fmt(start + dt.timedelta(seconds=a["rise"])) if a["rise"] is not None else "(up at start)"
            if not inside(a, dur):
                rep["benign"].append(f"{nid} {name}: skyfield-only pass at the window edge (rise {when})")
                continue
            msg = f"{nid} {name}: skyfield-only pass rise {when}, max el {a['max_el']}"
            height_km = None
            if sat is not None and a["rise"] is not None:
                t = ts.from_datetime(start + dt.timedelta(seconds=a["rise"]))
                height_km = float(wgs84.height_of(sat.at(t)).km)
            stop = (stops or {}).get(nid)
            stopped_at = None
            if stop is not None and sat is not None:
                epoch = sat.epoch.utc_datetime()
                stopped_at = (epoch + dt.timedelta(minutes=stop[0]) - start).total_seconds()
            sgp4_error = None
            if sat is not None and a["rise"] is not None:
                end = a["set"] if a["set"] is not None else a["rise"] + 900.0
                for k in range(int((end - a["rise"]) // 30.0) + 2):
                    s = min(a["rise"] + 30.0 * k, end)
                    message = sat.at(ts.from_datetime(start + dt.timedelta(seconds=s))).message
                    if message:
                        sgp4_error = message
                        break
            if stopped_at is not None and a["rise"] is not None and a["rise"] >= stopped_at:
                rep["benign"].append(msg + f" -> after Overhead stopped the satellite ({stop[1]})")
            elif sgp4_error is not None:
                rep["benign"].append(msg + f" -> SGP4 fails during it in skyfield too ({sgp4_error})")
            elif height_km is not None and height_km < REENTERED_KM:
                rep["benign"].append(msg + f" -> after re-entry (skyfield's satellite {height_km:.0f} km up)")
            elif a["max_el"] is not None and a["max_el"] < graze:
                rep["benign"].append(msg + " -> grazing pass")
            else:
                rep["disagree"].append(msg + " -> MISSED by Rust")
    return rep


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tle", nargs="?", default=DEFAULT_TLE)
    ap.add_argument("--n", type=int, default=200, help="number of satellites to sample (every k-th record)")
    ap.add_argument("--start", default="2026-05-08T00:00:00Z")
    ap.add_argument("--days", type=float, default=7.0)
    ap.add_argument("--lat", type=float, default=37.5665)
    ap.add_argument("--lon", type=float, default=126.978)
    ap.add_argument("--alt-m", type=float, default=38.0)
    ap.add_argument("--bin", default=os.environ.get("OVERHEAD_BIN", "target/release/overhead"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tol", type=float, default=1.0, help="max allowed |rise/set diff| in seconds")
    ap.add_argument("--graze-deg", type=float, default=0.05,
                    help="passes with max elevation below this are not counted as disagreements")
    ap.add_argument("--rust-json", help="use this JSON instead of running the Rust CLI (for testing)")
    ap.add_argument("--keep-sample", help="also write the sampled TLE file here")
    args = ap.parse_args()

    start = parse_time(args.start)
    obs = (args.lat, args.lon, args.alt_m)
    recs = read_3le(args.tle)
    if not recs:
        print(f"no 3-line element sets in {args.tle}", file=sys.stderr)
        return 2
    samp = sample(recs, args.n)
    tmp = tempfile.TemporaryDirectory(prefix="overhead-compare-")
    tmpdir = tmp.name
    tle_path = os.path.join(tmpdir, "sample.tle")
    with open(tle_path, "w", newline="\n") as f:
        for rec in samp:
            f.write("\n".join(rec) + "\n")
    if args.keep_sample:
        with open(args.keep_sample, "w", newline="\n") as f:
            for rec in samp:
                f.write("\n".join(rec) + "\n")
    n = len(samp)
    print(f"sample: {n} of {len(recs)} satellites from {args.tle} (every {max(1, len(recs) // max(args.n, 1))}th) "
          f"-> {args.keep_sample or 'a temporary file'}")
    print(f"observer lat {obs[0]} lon {obs[1]} alt {obs[2]} m; window {fmt(start)} + {args.days:g} d; horizon 0 deg")

    sky = run_skyfield(samp, obs, start, args.days)
    print(f"skyfield find_events: {sky['wall']:.3f} s wall ({1000 * sky['wall'] / n:.2f} ms/satellite)"
          f"{'; errors: ' + str(len(sky['errors'])) if sky['errors'] else ''}")

    if args.rust_json:
        with open(args.rust_json) as f:
            doc = json.load(f)
        rust_wall = None
        print(f"Rust: using {args.rust_json} (not timed)")
    else:
        if not (os.path.isfile(args.bin) and os.access(args.bin, os.X_OK)):
            print(f"Rust CLI not found at {args.bin} (set OVERHEAD_BIN or --bin)", file=sys.stderr)
            return 2
        cmd = rust_cmd(args.bin, tle_path, obs, start, args.days)
        print("Rust:", " ".join(cmd))
        rust_wall, rust_search, out = run_rust(cmd, args.runs)
        try:
            doc = json.loads(out)
        except json.JSONDecodeError as exc:
            print(f"cannot parse Rust output as JSON: {exc}; first bytes: {out[:300]!r}", file=sys.stderr)
            return 2
        print(f"Rust CLI (best of {args.runs}, whole process incl. loading and JSON output): "
              f"{rust_wall:.3f} s wall ({1000 * rust_wall / n:.2f} ms/satellite)")
        if rust_search:
            print(f"Rust search alone (best of {args.runs}; rise/culmination/set, visibility and "
                  f"magnitude, both cores): {rust_search:.3f} s ({1000 * rust_search / n:.3f} ms/satellite)")
    if rust_wall:
        print(f"ratio skyfield/Rust, whole process: {sky['wall'] / rust_wall:.1f}x")
    if not args.rust_json and rust_search:
        print(f"ratio skyfield/Rust, search against search: {sky['wall'] / rust_search:.1f}x")

    rust = parse_rust(doc, start)
    rep = compare(sky, rust, start, args.days, args.tol, args.graze_deg, rust_stops(doc))
    print(f"passes: skyfield {rep['sky_count']} (wholly inside window {rep['sky_inside']}), "
          f"Rust {rep['rust_count']} (inside {rep['rust_inside']}), matched {rep['matched']}")
    for key, label in (("worst_rise", "rise"), ("worst_set", "set")):
        w = rep[key]
        extra = (f" ({w[0]} {w[1]} at {fmt(start + dt.timedelta(seconds=w[2]))}, Rust {w[3]:+.3f} s)"
                 if w else "")
        print(f"max |{label} diff|: {rep['max_' + label]:.3f} s{extra}")
    print(f"(skyfield find_events raw vs refined rise/set: max {sky['raw_vs_refined']:.3f} s)")
    for line in rep["benign"]:
        print("  note:", line)
    for line in rep["disagree"]:
        print("  DISAGREE:", line)
    for line in rep["over_tol"]:
        print("  OVER TOLERANCE:", line)
    tmp.cleanup()
    fail = bool(rep["disagree"] or rep["over_tol"])
    print("RESULT:", "FAIL" if fail else "OK")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
