#!/usr/bin/env python3
"""Generate independent sky fixtures (Sun, Moon, planets, bright stars) with Skyfield.

Writes (relative to the repository root, or --out-dir):
  tests/data/skyfield_sky.json

Run it through scripts/make_sky_fixtures, which creates a venv with pinned versions.
Nothing is downloaded at run time: DE421 comes from the `skyfield-data` package and the
timescale uses Skyfield's built-in leap-second / Delta T / UT1 tables.

Method (see tests/data/README.md):
  * Every direction is (earth + wgs84.latlon(lat, lon, elevation_m)).at(t).observe(body)
    .apparent().altaz() with no refraction arguments: topocentric, apparent place (light
    time, aberration, light deflection, precession and nutation to the true equator of
    date), geometric (airless) elevation. Apparent, not astrometric, as for the Moon and Sun
    fixtures: src/orbit/sun.rs gives an apparent longitude.
  * Sun: 'sun'. Moon: 'moon', with its distance from the observer (km),
    almanac.fraction_illuminated(eph, 'moon', t) and waxing = almanac.moon_phase < 180 deg.
  * Planets: 'mercury', 'venus', 'mars', 'jupiter barycenter', 'saturn barycenter'; the
    magnitude is magnitudelib.planetary_magnitude(earth.at(t).observe(planet)) (Mallama &
    Hilton 2018, geocentric astrometric, as skyfield's documentation does it).
  * Stars: the 40 brightest stars of assets/sky/stars.tsv.gz (Overhead's own J2000
    catalogue positions, from d3-celestial/XHIP) as skyfield Star(ra_hours, dec_degrees)
    at epoch J2000 without proper motion or parallax, so the fixture checks the
    transformation from J2000 to the observer's sky, not the catalogue.
  * Cases: 16 instants 2000-2040 across both hemispheres, the tropics, the polar night
    (Tromso in December, McMurdo in June) and the midnight sun.
  * planet_track: every 73.05 days from 2000-01-01 to 2040-12-31 (205 instants), the five
    planets' azimuth and elevation as above from one site (Greenwich, 0 m), so the slowly
    varying errors of the approximate elements (Jupiter's and Saturn's) are sampled densely.
"""

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")  # skyfield-data finals file age

import numpy as np  # noqa: E402
import skyfield  # noqa: E402
from skyfield import almanac  # noqa: E402
from skyfield.api import Loader, Star, load, wgs84  # noqa: E402
from skyfield.magnitudelib import planetary_magnitude  # noqa: E402
from skyfield_data import get_skyfield_data_path  # noqa: E402

try:
    from importlib.metadata import version as pkg_version
except ImportError:  # pragma: no cover
    pkg_version = None

UTC = dt.timezone.utc
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
    "cape_town": (-33.9249, 18.4241, 10.0),
    "denver": (39.7392, -104.9903, 1609.0),
}

# (key, site, time UTC)
CASES = [
    ("seoul_2000_evening", "seoul", "2000-03-15T11:00:00Z"),
    ("london_2003_mars_opposition", "london", "2003-08-28T00:00:00Z"),
    ("quito_2005_night", "quito", "2005-11-02T04:30:00Z"),
    ("sydney_2008_winter_night", "sydney", "2008-06-21T12:00:00Z"),
    ("tromso_2010_polar_night", "tromso", "2010-12-21T11:00:00Z"),
    ("singapore_2012_venus_transit", "singapore", "2012-06-06T03:00:00Z"),
    ("mcmurdo_2014_polar_night", "mcmurdo", "2014-06-21T08:00:00Z"),
    ("honolulu_2017_night", "honolulu", "2017-10-10T08:00:00Z"),
    ("santiago_2019_eclipse_day", "santiago", "2019-07-02T20:39:00Z"),
    ("denver_2020_great_conjunction", "denver", "2020-12-21T01:00:00Z"),
    ("cape_town_2023_night", "cape_town", "2023-04-18T19:30:00Z"),
    ("seoul_2026_summer_night", "seoul", "2026-08-22T12:00:00Z"),
    ("tromso_2028_midnight_sun", "tromso", "2028-06-21T23:00:00Z"),
    ("london_2031_morning", "london", "2031-02-14T06:30:00Z"),
    ("sydney_2036_evening", "sydney", "2036-01-09T10:00:00Z"),
    ("seoul_2040_dawn", "seoul", "2040-09-30T20:00:00Z"),
]

PLANETS = [
    ("Mercury", "mercury"),
    ("Venus", "venus"),
    ("Mars", "mars"),
    ("Jupiter", "jupiter barycenter"),
    ("Saturn", "saturn barycenter"),
]

STAR_COUNT = 40


def bright_stars():
    """The first STAR_COUNT rows of Overhead's star file: (hip, name, ra_deg, dec_deg, mag)."""
    path = os.path.join(ROOT, "assets", "sky", "stars.tsv.gz")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            hip, ra, dec, mag, _bv, name, _ko, _desig = line.rstrip("\n").split("\t")
            out.append((int(hip), name, float(ra), float(dec), float(mag)))
            if len(out) == STAR_COUNT:
                break
    return out


class Sky:
    def __init__(self):
        self.ts = load.timescale(builtin=True)
        loader = Loader(get_skyfield_data_path(), expire=False)
        self.eph = loader("de421.bsp")
        self.earth = self.eph["earth"]
        self.stars = bright_stars()

    def case(self, key, site, when_s):
        lat, lon, h = SITES[site]
        when = dt.datetime.strptime(when_s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        t = self.ts.from_datetime(when)
        obs = (self.earth + wgs84.latlon(lat, lon, elevation_m=h)).at(t)

        def look(body):
            alt, az, dist = obs.observe(body).apparent().altaz()
            return float(az.degrees), float(alt.degrees), float(dist.km)

        sun_az, sun_el, _ = look(self.eph["sun"])
        moon_az, moon_el, moon_km = look(self.eph["moon"])
        phase = float(almanac.moon_phase(self.eph, t).degrees)
        planets = []
        for name, target in PLANETS:
            az, el, _ = look(self.eph[target])
            mag = float(planetary_magnitude(self.earth.at(t).observe(self.eph[target])))
            planets.append(
                {
                    "name": name,
                    "azimuth_deg": round(az, 6),
                    "elevation_deg": round(el, 6),
                    "magnitude": round(mag, 3),
                }
            )
        stars = []
        for hip, name, ra_deg, dec_deg, mag in self.stars:
            az, el, _ = look(Star(ra_hours=ra_deg / 15.0, dec_degrees=dec_deg))
            stars.append(
                {
                    "hip": hip,
                    "name": name,
                    "ra_j2000_deg": ra_deg,
                    "dec_j2000_deg": dec_deg,
                    "magnitude": mag,
                    "azimuth_deg": round(az, 6),
                    "elevation_deg": round(el, 6),
                }
            )
        return {
            "key": key,
            "site": site,
            "latitude_deg": lat,
            "longitude_deg": lon,
            "altitude_m": h,
            "time": when_s,
            "sun": {"azimuth_deg": round(sun_az, 6), "elevation_deg": round(sun_el, 6)},
            "moon": {
                "azimuth_deg": round(moon_az, 6),
                "elevation_deg": round(moon_el, 6),
                "range_km": round(moon_km, 3),
                "illuminated_fraction": round(
                    float(almanac.fraction_illuminated(self.eph, "moon", t)), 6
                ),
                "is_waxing": phase < 180.0,
            },
            "planets": planets,
            "stars": stars,
        }


TRACK_SITE = (51.4769, 0.0, 0.0)
TRACK_T0 = dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=UTC)
TRACK_STEP = dt.timedelta(days=73.05)
TRACK_END = dt.datetime(2040, 12, 31, 0, 0, 0, tzinfo=UTC)


def planet_track(sky):
    lat, lon, h = TRACK_SITE
    site = sky.earth + wgs84.latlon(lat, lon, elevation_m=h)
    out = []
    when = TRACK_T0
    while when <= TRACK_END:
        t = sky.ts.from_datetime(when)
        obs = site.at(t)
        row = {"time": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "planets": []}
        for name, target in PLANETS:
            alt, az, _ = obs.observe(sky.eph[target]).apparent().altaz()
            row["planets"].append(
                {
                    "name": name,
                    "azimuth_deg": round(float(az.degrees), 6),
                    "elevation_deg": round(float(alt.degrees), 6),
                }
            )
        out.append(row)
        when += TRACK_STEP
    return {"latitude_deg": lat, "longitude_deg": lon, "altitude_m": h, "instants": out}


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
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "data"))
    args = ap.parse_args()
    sky = Sky()
    cases = [sky.case(*c) for c in CASES]
    doc = {
        "generator": {"script": "scripts/make_sky_fixtures.py", "versions": versions()},
        "method": __doc__.split("Method (see tests/data/README.md):\n", 1)[1].strip(),
        "cases": cases,
        "planet_track": planet_track(sky),
    }
    path = os.path.join(args.out_dir, "skyfield_sky.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote", path, len(cases), "cases")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
