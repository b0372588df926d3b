#!/usr/bin/env python3
"""Generate independent transit fixtures (a satellite across the Sun or the Moon) with Skyfield.

Writes (relative to the repository root, or --out-dir):
  tests/data/skyfield_transits.json

Run it through scripts/make_transit_fixtures, which creates a venv with pinned versions.
Nothing is downloaded: DE421 comes from the `skyfield-data` package. The elements are
tests/data/elements/bundled-stations-2026-08-22.csv (ISS and CSS rows of the bundled
CelesTrak snapshot, OMM CSV), read with python-sgp4's OMM reader.

Method (see tests/data/README.md and the JSON's "method" key). Everything astronomical is
Skyfield's; the search is a brute-force grid with generous margins, not Overhead's method.

  * Timescale: Skyfield's, with delta_t = 69.184 s, i.e. UT1 = UTC, the convention Overhead
    documents (the real UT1 - UTC, +0.09 s in August 2026, would move every centre line by
    up to 40 m for both programs alike; it is not what is being compared).
  * From a point P on the ground (wgs84.latlon at the place's height): the body is
    (earth + P).at(t).observe(body).apparent() (light time, aberration, deflection, true
    equator of date); the satellite is (earth + P).at(t).observe(earth + satellite).apparent()
    (light time; its aberration is the observer's, so it shares the body's diurnal part).
  * Centre point at t: the line through the body's centre and the satellite (both as seen
    from P), continued past the satellite, meets the surface at the place's height above
    WGS-84 (in ITRS axes, Skyfield's ITRS rotation at t); P is iterated from the place
    three times (the Moon's parallax and the light time depend on P). Its distance from the
    place is the haversine great-circle distance on a sphere of radius 6371.0 km between
    geodetic coordinates (Overhead's definition).
  * Search: for each satellite and body, a 10 s grid over the window (+-120 s) keeps every
    sample where the satellite is within R * 1.05 + 120 km of the place's sight line to the
    body and the body is above -(R / 6371 rad + 2 deg) at the place (10 s at 8 km/s is
    80 km); runs of kept samples (+-20 s) are scanned on a 0.5 s grid with a quick centre
    point (the body's direction from the place), and the best sample is refined by
    golden-section search on the exact centre-point distance to 1e-4 s. Every event whose
    nearest distance is below R * 1.5 + 20 km is written, with "within" = distance <= R.
  * At each event: the centre line at 17 instants 0.25 s apart around its nearest point,
    the body's azimuth and elevation and the satellite's range from the nearest point, the
    duration there; at the place: the least separation (golden section), its time, the
    body's apparent radius (695,700 km for the Sun, 1,737.4 km for the Moon) and elevation,
    transit or not, and the duration (bisection on separation - radius); the strip's width
    from the least separation 2 km either side of the nearest point, across the line. Each
    least separation is the best of a grid (2 s over +-90 s at the place, 0.5 s over +-6 s
    across the line), refined by golden-section search a step either side.
"""

import argparse
import csv
import datetime as dt
import json
import math
import multiprocessing
import os
import platform
import warnings

warnings.filterwarnings("ignore", message=".*has expired.*")

import numpy as np  # noqa: E402
import sgp4  # noqa: E402
import skyfield  # noqa: E402
from sgp4 import omm  # noqa: E402
from sgp4.api import Satrec  # noqa: E402
from skyfield.api import EarthSatellite, Loader, load, wgs84  # noqa: E402
from skyfield.framelib import itrs  # noqa: E402
from skyfield_data import get_skyfield_data_path  # noqa: E402

try:
    from importlib.metadata import version as pkg_version
except ImportError:  # pragma: no cover
    pkg_version = None

ELEMENTS = "tests/data/elements/bundled-stations-2026-08-22.csv"
OUT = "tests/data/skyfield_transits.json"
UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
C_KM_S = 299792.458
A_KM = 6378.137
B_KM = A_KM * (1.0 - 1.0 / 298.257223563)
E2 = 1.0 - (B_KM / A_KM) ** 2
MEAN_RADIUS_KM = 6371.0
RADIUS_KM = {"sun": 695700.0, "moon": 1737.4}

START = dt.datetime(2026, 8, 22, 0, 0, 0, tzinfo=UTC)
DAYS = 14.0
PAD_S = 120.0

# (key, latitude, longitude, height m, radius km): both satellites, both bodies, 14 days.
CASES = [
    ("seoul", 37.5665, 126.978, 38.0, 300.0),
    ("london", 51.5074, -0.1278, 11.0, 300.0),
    ("sydney", -33.8688, 151.2093, 58.0, 300.0),
    ("quito", -0.1807, -78.4678, 2850.0, 300.0),
    ("denver", 39.7392, -104.9903, 1609.0, 100.0),
    ("madrid", 40.4168, -3.7038, 657.0, 500.0),
    ("cape_town", -33.9249, 18.4241, 10.0, 50.0),
]


def fmt_ms(d):
    ms = round((d - EPOCH).total_seconds() * 1000.0)
    d = EPOCH + dt.timedelta(milliseconds=ms)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat = p2 - p1
    dlon = math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * MEAN_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def bearing_deg(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    y = math.sin(dlon) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dlon)
    return math.degrees(math.atan2(y, x)) % 360.0


def geodetic(xyz):
    """Geodetic latitude, longitude (deg) and height (km) of an ITRS point (km), Bowring."""
    x, y, z = xyz
    p = math.hypot(x, y)
    lon = math.degrees(math.atan2(y, x))
    lat = math.atan2(z, p * (1 - E2))
    for _ in range(8):
        n = A_KM / math.sqrt(1 - E2 * math.sin(lat) ** 2)
        lat = math.atan2(z + n * E2 * math.sin(lat), p)
    n = A_KM / math.sqrt(1 - E2 * math.sin(lat) ** 2)
    h = p / math.cos(lat) - n if abs(math.cos(lat)) > 1e-9 else abs(z) - n * (1 - E2)
    return math.degrees(lat), lon, h


def ellipsoid_normal(lat_deg, lon_deg):
    la, lo = math.radians(lat_deg), math.radians(lon_deg)
    return np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])


def ray_ground(origin, direction, h_km):
    """First point of origin + s * direction (s >= 0) at geodetic height h_km, or None."""
    a, b = A_KM + h_km, B_KM + h_km
    k = a / b
    o = np.array([origin[0], origin[1], origin[2] * k])
    d = np.array([direction[0], direction[1], direction[2] * k])
    qa, qb, qc = d @ d, 2 * (o @ d), o @ o - a * a
    disc = qb * qb - 4 * qa * qc
    if disc < 0 or qc < 0:
        return None
    s = (-qb - math.sqrt(disc)) / (2 * qa)
    if s < 0:
        return None
    for _ in range(3):
        p = origin + s * direction
        lat, lon, hh = geodetic(p)
        descent = direction @ ellipsoid_normal(lat, lon)
        if descent > -1e-9:
            break
        s -= (hh - h_km) / descent
    p = origin + s * direction
    return p


def angle_deg(a, b):
    return math.degrees(math.atan2(np.linalg.norm(np.cross(a, b)), float(np.dot(a, b))))


class Reference:
    def __init__(self):
        self.ts = load.timescale(delta_t=69.184)
        loader = Loader(get_skyfield_data_path(), expire=False)
        self.eph = loader("de421.bsp")
        self.earth = self.eph["earth"]
        self.bodies = {"sun": self.eph["sun"], "moon": self.eph["moon"]}
        self.sats = {}
        with open(ELEMENTS, newline="") as f:
            for fields in omm.parse_csv(f):
                s = Satrec()
                omm.initialize(s, fields)
                sat = EarthSatellite.from_satrec(s, self.ts)
                sat.name = fields["OBJECT_NAME"]
                self.sats[int(fields["NORAD_CAT_ID"])] = sat

    def t_at(self, seconds):
        return self.ts.tt_jd(self.t0.tt + np.asarray(seconds) / 86400.0)

    # ---- one instant, from one point --------------------------------------------------
    def views(self, sat, body, lat, lon, h_km, t):
        """GCRS vectors (km) from the point to the body and to the satellite (apparent),
        the point's GCRS position, and the ITRS rotation at t."""
        topos = wgs84.latlon(lat, lon, elevation_m=h_km * 1000.0)
        here = (self.earth + topos).at(t)
        b = here.observe(self.bodies[body]).apparent().position.km
        s = here.observe(self.earth + sat).apparent().position.km
        r = topos.at(t).position.km
        return b, s, r, itrs.rotation_at(t)

    def centre_point(self, sat, body, place, t):
        lat0, lon0, h_km = place
        lat, lon = lat0, lon0
        p = None
        for _ in range(3):
            b, s, r, rot = self.views(sat, body, lat, lon, h_km, t)
            m_itrs = rot @ (r + b)
            s_itrs = rot @ (r + s)
            direction = s_itrs - m_itrs
            direction = direction / np.linalg.norm(direction)
            p = ray_ground(s_itrs, direction, h_km)
            if p is None:
                return None
            lat, lon, _ = geodetic(p)
        return lat, lon, p

    def distance(self, sat, body, place, t):
        cp = self.centre_point(sat, body, place, t)
        if cp is None:
            return 1e9
        return haversine_km(place[0], place[1], cp[0], cp[1])

    def separation(self, sat, body, lat, lon, h_km, t):
        b, s, _, _ = self.views(sat, body, lat, lon, h_km, t)
        radius = math.degrees(math.asin(RADIUS_KM[body] / np.linalg.norm(b)))
        return angle_deg(b, s), radius

    # ---- searches -------------------------------------------------------------------
    def golden(self, f, a, b, tol=1e-4):
        g = (math.sqrt(5) - 1) / 2
        c, d = b - g * (b - a), a + g * (b - a)
        fc, fd = f(c), f(d)
        while b - a > tol:
            if fc <= fd:
                b, d, fd = d, c, fc
                c = b - g * (b - a)
                fc = f(c)
            else:
                a, c, fc = c, d, fd
                d = a + g * (b - a)
                fd = f(d)
        return (c, fc) if fc <= fd else (d, fd)

    def edge(self, f, inside, outside, tol=1e-4):
        while abs(outside - inside) > tol:
            mid = 0.5 * (inside + outside)
            if f(mid) < 0:
                inside = mid
            else:
                outside = mid
        return 0.5 * (inside + outside)

    def duration(self, sat, body, lat, lon, h_km, mid):
        sep, radius = self.separation(sat, body, lat, lon, h_km, self.t_at(mid))
        if sep >= radius:
            return 0.0

        def f(x):
            s, r = self.separation(sat, body, lat, lon, h_km, self.t_at(x))
            return s - r

        ends = []
        for direction in (-1.0, 1.0):
            span = 0.5
            while f(mid + direction * span) < 0:
                span *= 2
            ends.append(self.edge(f, mid, mid + direction * span))
        return ends[1] - ends[0]

    def least_separation(self, sat, body, lat, lon, h_km, around, half_s, step_s=0.5):
        """The least separation within around +- half_s: the best of a grid step_s apart,
        refined by golden-section search a step either side."""

        def f(x):
            return self.separation(sat, body, lat, lon, h_km, self.t_at(x))[0]

        grid = np.arange(around - half_s, around + half_s + step_s / 2, step_s)
        best = min(grid, key=f)
        return self.golden(f, best - step_s, best + step_s)

    def candidates(self, sat, body, place, radius):
        lat, lon, h_km = place
        topos = wgs84.latlon(lat, lon, elevation_m=h_km * 1000.0)
        secs = np.arange(-PAD_S, DAYS * 86400 + PAD_S + 10, 10.0)
        t = self.t_at(secs)
        app = (self.earth + topos).at(t).observe(self.bodies[body]).apparent()
        alt = app.altaz()[0].degrees
        u = app.position.km / np.linalg.norm(app.position.km, axis=0)
        d = (sat - topos).at(t).position.km
        along = np.sum(d * u, axis=0)
        perp = np.linalg.norm(d - along * u, axis=0)
        g = np.where(along > 0, perp, np.linalg.norm(d, axis=0))
        keep = (g < radius * 1.05 + 120.0) & (alt > -(math.degrees(radius / 6371.0) + 2.0))
        runs = []
        idx = np.flatnonzero(keep)
        if len(idx) == 0:
            return runs
        start = prev = idx[0]
        for i in idx[1:]:
            if i != prev + 1:
                runs.append((secs[start] - 20.0, secs[prev] + 20.0))
                start = i
            prev = i
        runs.append((secs[start] - 20.0, secs[prev] + 20.0))
        return runs

    def quick_distances(self, sat, body, place, secs):
        """Centre-point distances on a grid, with the body's direction from the place."""
        lat, lon, h_km = place
        topos = wgs84.latlon(lat, lon, elevation_m=h_km * 1000.0)
        t = self.t_at(secs)
        here = (self.earth + topos).at(t)
        b = here.observe(self.bodies[body]).apparent().position.km
        s = (sat - topos).at(t).position.km
        r = topos.at(t).position.km
        rot = itrs.rotation_at(t)
        out = []
        for k in range(len(secs)):
            m_itrs = rot[:, :, k] @ (r[:, k] + b[:, k])
            s_itrs = rot[:, :, k] @ (r[:, k] + s[:, k])
            direction = s_itrs - m_itrs
            direction /= np.linalg.norm(direction)
            p = ray_ground(s_itrs, direction, h_km)
            if p is None:
                out.append(1e9)
            else:
                la, lo, _ = geodetic(p)
                out.append(haversine_km(lat, lon, la, lo))
        return np.array(out)

    def event(self, sat, norad, body, place, radius, run):
        lat, lon, h_km = place
        secs = np.arange(run[0], run[1] + 0.5, 0.5)
        quick = self.quick_distances(sat, body, place, secs)
        k = int(np.argmin(quick))
        if quick[k] >= 1e9:
            return None
        best = secs[k]

        def dist(x):
            return self.distance(sat, body, place, self.t_at(x))

        t_near, d_near = self.golden(dist, best - 2.0, best + 2.0)
        if d_near > radius * 1.5 + 20.0:
            return None
        near_lat, near_lon, near_p = self.centre_point(sat, body, place, self.t_at(t_near))
        line = []
        for j in range(-8, 9):
            x = t_near + 0.25 * j
            cp = self.centre_point(sat, body, place, self.t_at(x))
            if cp is not None:
                line.append({"t_s": round(x, 4), "lat": round(cp[0], 7), "lon": round(cp[1], 7)})
        # From the nearest point: the body's direction and the satellite's range.
        topos_n = wgs84.latlon(near_lat, near_lon, elevation_m=h_km * 1000.0)
        here_n = (self.earth + topos_n).at(self.t_at(t_near))
        alt_n, az_n, _ = here_n.observe(self.bodies[body]).apparent().altaz()
        sat_n = here_n.observe(self.earth + sat).apparent()
        range_n = float(np.linalg.norm(sat_n.position.km))
        near_duration = self.duration(sat, body, near_lat, near_lon, h_km, t_near)
        # The strip: least separation 2 km either side of the nearest point, across the line.
        ahead = self.centre_point(sat, body, place, self.t_at(t_near + 0.5))
        behind = self.centre_point(sat, body, place, self.t_at(t_near - 0.5))
        width = None
        if ahead is not None and behind is not None:
            up = ellipsoid_normal(near_lat, near_lon)
            across = np.cross(up, ahead[2] - behind[2])
            across /= np.linalg.norm(across)
            _, radius_n = self.separation(sat, body, near_lat, near_lon, h_km, self.t_at(t_near))
            width = 0.0
            for side in (1.0, -1.0):
                q = near_p + side * 2.0 * across
                qlat, qlon, _ = geodetic(q)
                _, sep_q = self.least_separation(sat, body, qlat, qlon, h_km, t_near, 6.0)
                width += 2.0 * radius_n / sep_q
        # At the place.
        # Far from the line the place's closest moment can be many seconds away.
        t_place, sep = self.least_separation(sat, body, lat, lon, h_km, t_near, 90.0, 2.0)
        _, radius_p = self.separation(sat, body, lat, lon, h_km, self.t_at(t_place))
        topos = wgs84.latlon(lat, lon, elevation_m=h_km * 1000.0)
        alt_p, az_p, _ = (self.earth + topos).at(self.t_at(t_place)).observe(
            self.bodies[body]).apparent().altaz()
        transit = bool(sep < radius_p and alt_p.degrees > 0)
        place_duration = self.duration(sat, body, lat, lon, h_km, t_place) if transit else 0.0
        when = lambda x: fmt_ms(self.t0.utc_datetime() + dt.timedelta(seconds=float(x)))  # noqa: E731
        return {
            "norad_id": norad,
            "body": body,
            "within": bool(d_near <= radius),
            "nearest": {
                "time": when(t_near),
                "t_s": round(t_near, 4),
                "lat": round(near_lat, 7),
                "lon": round(near_lon, 7),
                "distance_km": round(d_near, 4),
                "bearing_deg": round(bearing_deg(lat, lon, near_lat, near_lon), 3),
                "duration_s": round(near_duration, 4),
                "body_azimuth_deg": round(az_n.degrees, 5),
                "body_elevation_deg": round(alt_n.degrees, 5),
                "range_km": round(range_n, 3),
            },
            "line": line,
            "path_width_km": None if width is None else round(width, 4),
            "at_place": {
                "time": when(t_place),
                "min_separation_deg": round(sep, 6),
                "body_radius_deg": round(radius_p, 6),
                "body_azimuth_deg": round(az_p.degrees, 5),
                "body_elevation_deg": round(alt_p.degrees, 5),
                "transit": transit,
                "duration_s": round(place_duration, 4),
            },
        }

    def case(self, key, lat, lon, alt_m, radius):
        place = (lat, lon, alt_m / 1000.0)
        events = []
        for norad, sat in sorted(self.sats.items()):
            for body in ("sun", "moon"):
                for run in self.candidates(sat, body, place, radius):
                    e = self.event(sat, norad, body, place, radius, run)
                    if e is not None:
                        events.append(e)
        events.sort(key=lambda e: e["nearest"]["t_s"])
        print(f"{key}: {sum(e['within'] for e in events)} within {radius} km, {len(events)} written")
        return {
            "key": key,
            "latitude_deg": lat,
            "longitude_deg": lon,
            "altitude_m": alt_m,
            "radius_km": radius,
            "events": events,
        }


def one_case(case):
    """One of CASES, computed from scratch (cases share nothing, so they may run at once)."""
    ref = Reference()
    ref.t0 = ref.ts.from_datetime(START)
    return ref.case(*case)


def version(name):
    try:
        return pkg_version(name) if pkg_version else None
    except Exception:  # pragma: no cover
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", default=".")
    ap.add_argument("--only", help="comma-separated case keys (for trying things out)")
    ap.add_argument(
        "--jobs", type=int, default=1, help="cases computed at once (each case is independent)"
    )
    args = ap.parse_args()
    chosen = [c for c in CASES if not args.only or c[0] in args.only.split(",")]
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            cases = pool.map(one_case, chosen, chunksize=1)
    else:
        cases = [one_case(c) for c in chosen]
    out = {
        "generator": {
            "script": "scripts/make_transit_fixtures.py",
            "python": platform.python_version(),
            "skyfield": skyfield.__version__,
            "sgp4": sgp4.__version__,
            "numpy": np.__version__,
            "jplephem": version("jplephem"),
            "skyfield-data": version("skyfield-data"),
            "ephemeris": "DE421 (skyfield-data)",
        },
        "method": __doc__,
        "elements": ELEMENTS,
        "start": fmt_ms(START),
        "days": DAYS,
        "cases": cases,
    }
    path = os.path.join(args.out_dir, OUT)
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
