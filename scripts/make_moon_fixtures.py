#!/usr/bin/env python3
"""Generate independent Moon and twilight fixtures with Skyfield.

Writes (relative to the repository root, or --out-dir):
  tests/data/skyfield_moon_night.json

Run it through scripts/make_moon_fixtures, which creates a venv with pinned versions.
Nothing is downloaded at run time: DE421 comes from the `skyfield-data` package and the
timescale uses Skyfield's built-in leap-second / Delta T / UT1 tables.

Method (see tests/data/README.md):
  * moon: (earth + wgs84.latlon(lat, lon, elevation_m)).at(t).observe(moon).apparent().altaz()
    with no refraction arguments, so the elevation is geometric (airless). Apparent place
    (light time, aberration, true equator of date), as the Sun of src/orbit/sun.rs is an
    apparent place too; the astrometric place differs by at most ~0.006 deg.
    Distance from the observer in km. almanac.fraction_illuminated(eph, 'moon', t)
    (geocentric), and waxing = almanac.moon_phase(eph, t) < 180 deg.
  * night: the Sun's topocentric apparent altitude without refraction, as above. The
    crossings of altitude == limit are found with almanac.find_discrete (to ~1 ms) over
    [t - 26 h, t + 50 h] with a 5-minute step, and turned into one night with the rules of
    src/orbit/night.rs (night_of):
      - Sun at or below the limit at t: dusk = last crossing downwards in [t - 24 h, t],
        dawn = first crossing upwards in [t, t + 24 h]; both found -> dark, else
        always_dark from (dusk or t) until (dawn or t + 24 h);
      - Sun above the limit at t: dusk = first crossing downwards in (t, t + 24 h], none ->
        never_dark until t + 24 h; dawn = first crossing upwards in (dusk, dusk + 24 h], none ->
        always_dark from dusk until dusk + 24 h; else dark.
"""

import argparse
import datetime as dt
import json
import os
import platform
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")  # skyfield-data finals file age

import numpy as np  # noqa: E402
import skyfield  # noqa: E402
from skyfield import almanac  # noqa: E402
from skyfield.api import Loader, load, wgs84  # noqa: E402
from skyfield.searchlib import find_discrete  # noqa: E402
from skyfield_data import get_skyfield_data_path  # noqa: E402

try:
    from importlib.metadata import version as pkg_version
except ImportError:  # pragma: no cover
    pkg_version = None

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)

# (key, latitude deg, longitude deg east, height m)
SITES = {
    "seoul": (37.5665, 126.978, 38.0),
    "london": (51.5074, -0.1278, 11.0),
    "quito": (-0.1807, -78.4678, 2850.0),
    "sydney": (-33.8688, 151.2093, 58.0),
    "tromso": (69.6492, 18.9553, 10.0),
    "mcmurdo": (-77.8463, 166.6683, 10.0),
    "singapore": (1.3521, 103.8198, 15.0),
    "honolulu": (21.3069, -157.8583, 5.0),
    "santiago": (-33.4489, -70.6693, 570.0),
    "longyearbyen": (78.2232, 15.6267, 10.0),
}

MOON_SITES = [
    "seoul",
    "london",
    "quito",
    "sydney",
    "tromso",
    "mcmurdo",
    "singapore",
    "honolulu",
    "santiago",
    "longyearbyen",
]

# Moon cases: 42 instants from 2000 to 2040. Consecutive instants are 359.7 days and
# 7 h 13 min apart, which is 12.18 synodic months: every phase is sampled, and every hour
# angle; the sites cycle through both hemispheres, the tropics and the polar circles.
MOON_T0 = dt.datetime(2000, 1, 3, 5, 17, 0, tzinfo=UTC)
MOON_STEP = dt.timedelta(days=359.7, hours=7, minutes=13)
MOON_COUNT = 42

# Night cases: (key, site, t (UTC), limits in degrees)
NIGHT_CASES = [
    # Evening in Seoul (21:00 KST): dark at t.
    ("seoul_evening", "seoul", "2026-11-29T12:00:00Z", [-6.0, -12.0, -18.0]),
    # Noon in Seoul: the next night.
    ("seoul_noon", "seoul", "2026-06-15T03:00:00Z", [-6.0, -12.0, -18.0]),
    ("london_winter_afternoon", "london", "2026-12-10T14:00:00Z", [-6.0, -12.0, -18.0]),
    # London in June never reaches -18 deg (astronomical twilight all night).
    ("london_midsummer", "london", "2026-06-21T12:00:00Z", [-6.0, -12.0, -18.0]),
    ("quito_morning", "quito", "2026-03-01T14:00:00Z", [-6.0, -12.0, -18.0]),
    ("quito_before_dawn", "quito", "2026-09-01T09:00:00Z", [-6.0, -12.0, -18.0]),
    ("sydney_winter", "sydney", "2026-06-21T02:00:00Z", [-6.0, -12.0, -18.0]),
    ("sydney_summer_night", "sydney", "2027-01-05T14:00:00Z", [-6.0, -12.0, -18.0]),
    # Tromso in June: midnight sun, never dark at any of these limits.
    ("tromso_june", "tromso", "2026-06-21T12:00:00Z", [-6.0, -12.0, -18.0]),
    # Tromso in December: polar night at the horizon (0 deg), but the Sun climbs to about
    # -3 deg at noon, so there is still a short civil twilight "day" at -6 deg.
    ("tromso_december", "tromso", "2026-12-21T12:00:00Z", [0.0, -6.0, -12.0, -18.0]),
    # McMurdo in June: the Sun stays below about -11.3 deg.
    ("mcmurdo_june", "mcmurdo", "2026-06-21T00:00:00Z", [-6.0, -12.0, -18.0]),
    ("mcmurdo_december", "mcmurdo", "2026-12-21T00:00:00Z", [-6.0, -18.0]),
    # Longyearbyen in late October: the nights lengthen by ~30 min a day.
    ("longyearbyen_october", "longyearbyen", "2026-10-20T12:00:00Z", [-6.0, -12.0]),
]


def fmt_ms(d):
    """Datetime -> RFC 3339 UTC string, rounded to the millisecond."""
    ms = round((d - EPOCH).total_seconds() * 1000.0)
    d = EPOCH + dt.timedelta(milliseconds=ms)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def z(t):
    """Skyfield time -> RFC 3339 UTC string, rounded to the millisecond."""
    return fmt_ms(t.utc_datetime())


def parse_z(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


class Sky:
    def __init__(self):
        self.ts = load.timescale(builtin=True)
        loader = Loader(get_skyfield_data_path(), expire=False)
        self.eph = loader("de421.bsp")
        self.earth = self.eph["earth"]
        self.moon = self.eph["moon"]
        self.sun = self.eph["sun"]

    def topos(self, site):
        lat, lon, h = SITES[site]
        return wgs84.latlon(lat, lon, elevation_m=h)

    def moon_case(self, i):
        when = MOON_T0 + i * MOON_STEP
        site = MOON_SITES[i % len(MOON_SITES)]
        t = self.ts.from_datetime(when)
        obs = self.earth + self.topos(site)
        alt, az, dist = obs.at(t).observe(self.moon).apparent().altaz()
        frac = float(almanac.fraction_illuminated(self.eph, "moon", t))
        phase = float(almanac.moon_phase(self.eph, t).degrees)
        lat, lon, h = SITES[site]
        return {
            "site": site,
            "latitude_deg": lat,
            "longitude_deg": lon,
            "altitude_m": h,
            "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "azimuth_deg": round(float(az.degrees), 6),
            "elevation_deg": round(float(alt.degrees), 6),
            "range_km": round(float(dist.km), 3),
            "illuminated_fraction": round(frac, 6),
            "phase_deg": round(phase, 4),
            "is_waxing": phase < 180.0,
        }

    def sun_below(self, site, limit_deg):
        obs = self.earth + self.topos(site)

        def f(t):
            alt, _, _ = obs.at(t).observe(self.sun).apparent().altaz()
            return alt.degrees <= limit_deg

        f.step_days = 5.0 / 1440.0
        return f

    def night(self, site, when, limit_deg):
        f = self.sun_below(site, limit_deg)
        t = self.ts.from_datetime(when)
        start = self.ts.from_datetime(when - dt.timedelta(hours=26))
        end = self.ts.from_datetime(when + dt.timedelta(hours=50))
        times, values = find_discrete(start, end, f)
        # (datetime, True if the Sun goes down through the limit)
        crossings = [(tt.utc_datetime(), bool(v), tt) for tt, v in zip(times, values)]
        day = dt.timedelta(hours=24)
        dark_now = bool(f(t))
        if dark_now:
            dusks = [c for c in crossings if c[1] and when - day <= c[0] <= when]
            dawns = [c for c in crossings if not c[1] and when <= c[0] <= when + day]
            dusk = dusks[-1] if dusks else None
            dawn = dawns[0] if dawns else None
            if dusk and dawn:
                return {"kind": "dark", "dusk": z(dusk[2]), "dawn": z(dawn[2])}
            return {
                "kind": "always_dark",
                "from": z(dusk[2]) if dusk else fmt_ms(when),
                "until": z(dawn[2]) if dawn else fmt_ms(when + day),
            }
        dusks = [c for c in crossings if c[1] and when < c[0] <= when + day]
        if not dusks:
            return {"kind": "never_dark", "until": fmt_ms(when + day)}
        dusk = dusks[0]
        dawns = [c for c in crossings if not c[1] and dusk[0] < c[0] <= dusk[0] + day]
        if not dawns:
            until = dusk[0] + day
            return {
                "kind": "always_dark",
                "from": z(dusk[2]),
                "until": fmt_ms(until),
            }
        return {"kind": "dark", "dusk": z(dusk[2]), "dawn": z(dawns[0][2])}


def versions():
    out = {"python": platform.python_version(), "skyfield": skyfield.__version__}
    for pkg in ("skyfield-data", "numpy", "jplephem"):
        try:
            out[pkg] = pkg_version(pkg) if pkg_version else "?"
        except Exception:  # noqa: BLE001
            out[pkg] = "?"
    out["ephemeris"] = "DE421 (skyfield-data)"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--out-dir", default=os.path.join(root, "tests", "data"))
    args = ap.parse_args()
    sky = Sky()
    moon = [sky.moon_case(i) for i in range(MOON_COUNT)]
    nights = []
    for key, site, when_s, limits in NIGHT_CASES:
        lat, lon, h = SITES[site]
        when = parse_z(when_s)
        for limit in limits:
            nights.append(
                {
                    "key": "%s_%d" % (key, int(round(-limit))),
                    "site": site,
                    "latitude_deg": lat,
                    "longitude_deg": lon,
                    "altitude_m": h,
                    "time": when_s,
                    "max_sun_elevation_deg": limit,
                    "night": sky.night(site, when, limit),
                }
            )
    doc = {
        "generator": {"script": "scripts/make_moon_fixtures.py", "versions": versions()},
        "method": __doc__.split("Method (see tests/data/README.md):\n", 1)[1].strip(),
        "moon": moon,
        "nights": nights,
    }
    path = os.path.join(args.out_dir, "skyfield_moon_night.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", path, len(moon), "moon cases,", len(nights), "night cases")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
