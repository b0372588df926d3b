#!/usr/bin/env python3
"""Simulated naked-eye sightings for `overhead identify`, made with Skyfield.

Writes (relative to the repository root, or --out-dir):
  tests/data/identify_cases.json

Run it through scripts/make_identify_cases, which creates a venv with pinned versions.
Nothing is downloaded: the elements are the bundled snapshot
(assets/elements/celestrak-active-2026-08-22.csv.gz), the standard magnitudes the bundled
qs.mag and measured.tsv, DE421 comes from the `skyfield-data` package.

Method (see tests/data/README.md):
  * Satellites: every element set of the bundled snapshot, propagated by python-sgp4
    through Skyfield (EarthSatellite from the OMM record). The sighted satellite is one of
    those with a standard magnitude measured for the object (issue 22's "measured" tier):
    McCants' qs.mag, whose values are at full phase and are converted to 90 deg by adding
    2.5 log10(pi) = 1.24 as Overhead does, and assets/std-magnitudes/measured.tsv, whose
    rows take precedence. (The family and size tiers are estimates, not measurements.)
  * Places and nights: SITES below, each on its NIGHTS (dates of the evening, UTC days
    around the snapshot's epochs, so the elements are a few days old). Dark sky: the Sun's
    centre at least 12 deg below the horizon (Skyfield's apparent altitude, no refraction).
  * A sighting: on a 10 s grid over the dark hours, the instants where the satellite is at
    least 20 deg up, sunlit (Skyfield's is_sunlit with DE421) and at magnitude MAX_MAGNITUDE
    or brighter, and 20 s later still at least 20 deg up and sunlit. Consecutive instants
    of one satellite form one stretch; each stretch gives one sighting at a uniformly
    random instant inside it (so a long bright pass counts once, like a short one).
    Magnitude: standard magnitude + 5 log10(range / 1000 km) - 2.5 log10(F(phase)), F the
    diffuse sphere's phase function normalised to 1 at 90 deg, the phase angle at the
    satellite between the Sun and the observer (the model Overhead documents).
  * What the observer reports: the time, off by a uniform random -20..20 s; where it was at
    the true time, and where it was 20 s later (after_s = 20), each off by a normal random
    error of sigma 1.5 deg on each axis of the sky (along the horizon: azimuth error times
    cos(elevation); and in elevation). A point pushed past the zenith is folded back.
    `reported_magnitude` is the true magnitude plus a normal error of sigma 0.7, rounded to
    the nearest half magnitude, for the runs that give --magnitude.
  * Split: the first four sites ("tuning") on the even nights are the only cases any score
    weight was chosen on; the other four sites, on the odd nights, are "held_out".
"""

import argparse
import datetime as dt
import gzip
import io
import json
import math
import multiprocessing
import os
import platform
import random
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")

import numpy as np  # noqa: E402
import skyfield  # noqa: E402
from sgp4 import omm  # noqa: E402
from sgp4.api import Satrec  # noqa: E402
from skyfield.api import EarthSatellite, Loader, load, wgs84  # noqa: E402
from skyfield_data import get_skyfield_data_path  # noqa: E402

try:
    from importlib.metadata import version as pkg_version
except ImportError:  # pragma: no cover
    pkg_version = None

UTC = dt.timezone.utc
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ELEMENTS = os.path.join(ROOT, "assets", "elements", "celestrak-active-2026-08-22.csv.gz")
QS_MAG = os.path.join(ROOT, "assets", "std-magnitudes", "qs.mag")

# (key, latitude deg, longitude deg east, height m, split)
SITES = [
    ("seoul", 37.5665, 126.978, 38.0, "tuning"),
    ("london", 51.5074, -0.1278, 11.0, "tuning"),
    ("denver", 39.7392, -104.9903, 1609.0, "tuning"),
    ("sydney", -33.8688, 151.2093, 58.0, "tuning"),
    ("santiago", -33.4489, -70.6693, 570.0, "held_out"),
    ("honolulu", 21.3069, -157.8583, 5.0, "held_out"),
    ("nairobi", -1.2921, 36.8219, 1795.0, "held_out"),
    ("moscow", 55.7558, 37.6173, 156.0, "held_out"),
]
# Evenings (UTC dates); tuning sites take the even ones, held-out sites the odd ones.
NIGHTS = ["2026-08-%02d" % d for d in range(16, 28)]

MAX_MAGNITUDE = 4.0
MIN_ELEVATION_DEG = 20.0
MAX_SUN_ALTITUDE_DEG = -12.0
GRID_S = 10
COARSE_S = 60
EARTH_RADIUS_KM = 6378.137
AFTER_S = 20
TIME_ERROR_S = 20.0
POSITION_SIGMA_DEG = 1.5
MAGNITUDE_SIGMA = 0.7
SEED = 23


MEASURED_TSV = os.path.join(ROOT, "assets", "std-magnitudes", "measured.tsv")
# qs.mag is at full phase; a diffuse sphere is 2.5 log10(pi) fainter at 90 deg.
QS_MAG_FULL_PHASE_TO_90_DEG = 2.5 * math.log10(math.pi)


def std_magnitudes():
    """Catalog number -> standard magnitude (1000 km, 90 deg), as Overhead's measured tier
    reads them: qs.mag (columns 1-5 and 34-37) plus 1.24, then measured.tsv's rows."""
    out = {}
    with open(QS_MAG, encoding="latin-1") as f:
        for line in f:
            try:
                norad = int(line[0:5])
                mag = float(line[33:37])
            except ValueError:
                continue
            if norad not in (1, 99999) and math.isfinite(mag):
                out[norad] = mag + QS_MAG_FULL_PHASE_TO_90_DEG
    with open(MEASURED_TSV, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            try:
                out[int(cells[0])] = float(cells[2])
            except (ValueError, IndexError):
                continue
    return out


def satellites(ts, wanted):
    """EarthSatellites of the bundled snapshot whose catalog number is in `wanted`."""
    text = gzip.open(ELEMENTS).read().decode("utf-8")
    out = []
    for fields in omm.parse_csv(io.StringIO(text)):
        norad = int(fields["NORAD_CAT_ID"])
        if norad not in wanted:
            continue
        sat = Satrec()
        omm.initialize(sat, fields)
        out.append((norad, fields["OBJECT_NAME"], EarthSatellite.from_satrec(sat, ts)))
    return out


def phase_function(phase_rad):
    return (math.pi - phase_rad) * np.cos(phase_rad) + np.sin(phase_rad)


class Sky:
    def __init__(self):
        self.ts = load.timescale(builtin=True)
        loader = Loader(get_skyfield_data_path(), expire=False)
        self.eph = loader("de421.bsp")
        self.earth = self.eph["earth"]
        self.sun = self.eph["sun"]
        self.mags = std_magnitudes()
        self.sats = satellites(self.ts, set(self.mags))

    def dark_times(self, lat, lon, h, night):
        """The 10 s grid of the night after `night` (local noon to noon) with the Sun dark."""
        day = dt.datetime.strptime(night, "%Y-%m-%d").replace(tzinfo=UTC)
        noon = day + dt.timedelta(hours=12.0 - lon / 15.0)
        seconds = np.arange(0, 86400, GRID_S)
        t = self.ts.from_datetimes([noon + dt.timedelta(seconds=int(s)) for s in seconds])
        site = self.earth + wgs84.latlon(lat, lon, elevation_m=h)
        alt, _, _ = site.at(t).observe(self.sun).apparent().altaz()
        keep = alt.degrees <= MAX_SUN_ALTITUDE_DEG
        return [noon + dt.timedelta(seconds=int(s)) for s in seconds[keep]]

    def look(self, sat, topos, times):
        """(azimuth deg, elevation deg, range km, sunlit, magnitude minus the standard
        magnitude) arrays at `times`: one SGP4 run; the sunlight test is skyfield's
        is_sunlit (the line to the Sun's centre misses a sphere of 6378.137 km) written out
        with the Sun and the observer computed once for all the satellites."""
        t = self.ts.from_datetimes(times)
        topo = (sat - topos).at(t)
        alt, az, dist = topo.altaz()
        obs_km = topos.at(t).position.km
        sat_km = topo.position.km + obs_km
        sun_km = (self.sun - self.earth).at(t).position.km
        to_sun = sun_km - sat_km
        # The line from the satellite towards the Sun meets the Earth's sphere?
        d = to_sun / np.linalg.norm(to_sun, axis=0)
        b = np.sum(sat_km * d, axis=0)
        c = np.sum(sat_km * sat_km, axis=0) - EARTH_RADIUS_KM**2
        disc = b * b - c
        sunlit = (disc < 0) | (b > 0)
        to_obs = obs_km - sat_km
        cos = np.sum(to_sun * to_obs, axis=0) / (
            np.linalg.norm(to_sun, axis=0) * np.linalg.norm(to_obs, axis=0)
        )
        phase = np.arccos(np.clip(cos, -1.0, 1.0))
        f = np.maximum(phase_function(phase), 1e-9)
        rel_mag = 5.0 * np.log10(dist.km / 1000.0) - 2.5 * np.log10(f)
        return az.degrees, alt.degrees, dist.km, sunlit, rel_mag

    def night_cases(self, site, night, rng):
        key, lat, lon, h, split = site
        topos = wgs84.latlon(lat, lon, elevation_m=h)
        times = self.dark_times(lat, lon, h, night)
        if not times:
            return []
        coarse = times[:: COARSE_S // GRID_S]
        t_coarse = self.ts.from_datetimes(coarse)
        cases = []
        for norad, name, sat in self.sats:
            std = self.mags[norad]
            # A coarse look first: only the minutes around a coarse sample above 10 deg
            # are looked at closely.
            if std - 4.0 > MAX_MAGNITUDE:
                # Never bright enough: 300 km away and fully lit is about 4 magnitudes
                # brighter than the standard magnitude.
                continue
            el_c = (sat - topos).at(t_coarse).altaz()[0].degrees
            near = np.flatnonzero(el_c >= MIN_ELEVATION_DEG - 10.0)
            if near.size == 0:
                continue
            pick = np.zeros(len(times), dtype=bool)
            step = COARSE_S // GRID_S
            for i in near:
                pick[max(0, (i - 1) * step) : (i + 2) * step] = True
            fine = [times[i] for i in np.flatnonzero(pick)]
            later = [t + dt.timedelta(seconds=AFTER_S) for t in fine]
            _, el, _, lit, rel = self.look(sat, topos, fine)
            _, el2, _, lit2, _ = self.look(sat, topos, later)
            ok = (
                (el >= MIN_ELEVATION_DEG)
                & lit
                & (std + rel <= MAX_MAGNITUDE)
                & (el2 >= MIN_ELEVATION_DEG)
                & lit2
            )
            idx = np.flatnonzero(ok)
            if idx.size == 0:
                continue
            # Stretches of consecutive grid instants.
            gaps = np.array([(fine[j + 1] - fine[j]).total_seconds() for j in idx[:-1]])
            nxt = idx[1:]
            breaks = np.flatnonzero((np.diff(idx) > 1) | (gaps > GRID_S) if idx.size > 1 else [])
            starts = np.concatenate(([idx[0]], nxt[breaks])) if idx.size > 1 else idx
            ends = np.concatenate((idx[:-1][breaks], [idx[-1]])) if idx.size > 1 else idx
            for a, b in zip(starts, ends):
                cases.append(self.sighting(site, night, norad, name, sat, std, topos, fine[a], fine[b], rng))
        return [c for c in cases if c is not None]

    def sighting(self, site, night, norad, name, sat, std, topos, first, last, rng):
        key, lat, lon, h, split = site
        span_s = (last - first).total_seconds()
        true_t = first + dt.timedelta(seconds=rng.uniform(0.0, span_s))
        true_t = true_t.replace(microsecond=(true_t.microsecond // 1000) * 1000)
        t2 = true_t + dt.timedelta(seconds=AFTER_S)
        az, el, rng_km, lit, rel = self.look(sat, topos, [true_t, t2])
        if not (lit[0] and lit[1] and el[0] >= MIN_ELEVATION_DEG and el[1] >= MIN_ELEVATION_DEG):
            return None
        magnitude = std + rel[0]
        if magnitude > MAX_MAGNITUDE:
            return None
        reported_t = true_t + dt.timedelta(seconds=rng.uniform(-TIME_ERROR_S, TIME_ERROR_S))
        reported_t = reported_t.replace(microsecond=0)

        def blur(az_deg, el_deg):
            d_el = rng.gauss(0.0, POSITION_SIGMA_DEG)
            d_across = rng.gauss(0.0, POSITION_SIGMA_DEG)
            new_el = el_deg + d_el
            new_az = az_deg + d_across / max(math.cos(math.radians(el_deg)), 1e-3)
            if new_el > 90.0:
                new_el = 180.0 - new_el
                new_az += 180.0
            return round(new_az % 360.0, 2), round(new_el, 2)

        at = blur(float(az[0]), float(el[0]))
        to = blur(float(az[1]), float(el[1]))
        reported_mag = round(2.0 * (magnitude + rng.gauss(0.0, MAGNITUDE_SIGMA))) / 2.0
        return {
            "site": key,
            "night": night,
            "split": split,
            "latitude_deg": lat,
            "longitude_deg": lon,
            "altitude_m": h,
            "norad_id": norad,
            "name": name,
            "true_time": true_t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "true_at": [round(float(az[0]), 3), round(float(el[0]), 3)],
            "true_to": [round(float(az[1]), 3), round(float(el[1]), 3)],
            "true_magnitude": round(float(magnitude), 2),
            "range_km": round(float(rng_km[0]), 1),
            "time": reported_t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "at": list(at),
            "to": list(to),
            "after_s": AFTER_S,
            "reported_magnitude": reported_mag,
        }


def versions():
    out = {"python": platform.python_version(), "skyfield": skyfield.__version__}
    for pkg in ("skyfield-data", "sgp4", "numpy", "jplephem"):
        try:
            out[pkg] = pkg_version(pkg) if pkg_version else "?"
        except Exception:  # noqa: BLE001
            out[pkg] = "?"
    out["ephemeris"] = "DE421 (skyfield-data)"
    return out


_SKY = None


def _night_task(task):
    """One (site, night): its sightings, with a random stream of its own (so the result does
    not depend on the order or the number of worker processes)."""
    global _SKY
    if _SKY is None:
        _SKY = Sky()
    site, night = task
    rng = random.Random(f"{SEED}/{site[0]}/{night}")
    return site[0], night, _SKY.night_cases(site, night, rng)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "data"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    tasks = []
    for site in SITES:
        parity = 0 if site[4] == "tuning" else 1
        tasks.extend((site, night) for i, night in enumerate(NIGHTS) if i % 2 == parity)
    cases = []
    with multiprocessing.Pool(args.jobs) as pool:
        for key, night, found in pool.imap(_night_task, tasks):
            print(key, night, len(found), flush=True)
            cases.extend(found)
    doc = {
        "generator": {"script": "scripts/make_identify_cases.py", "versions": versions(), "seed": SEED},
        "method": __doc__.split("Method (see tests/data/README.md):\n", 1)[1].strip(),
        "cases": cases,
    }
    path = os.path.join(args.out_dir, "identify_cases.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=0, ensure_ascii=False)
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["split"]] = counts.get(c["split"], 0) + 1
    print("wrote", path, len(cases), "cases", counts)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
