#!/usr/bin/env python3
"""Builds the star chart's data in assets/sky/ from d3-celestial's data files.

Input: the `data/` folder of the npm package d3-celestial 0.7.35 (Olaf Frohn, BSD-3-Clause),
as kept in /work/shared/data/d3-celestial-sky/ (see its PROVENANCE.md).

Output (UTF-8, tab-separated, one record per line, no header; positions J2000, degrees,
right ascension 0..360 instead of d3-celestial's -180..180):
  stars.tsv.gz         hip  ra_deg  dec_deg  v_mag  b_minus_v  name  name_ko  designation
                       5,044 stars to V = 6, brightest first. `name` is the proper name (IAU /
                       d3-celestial), `name_ko` its Korean name where the file carries one,
                       `designation` the Bayer letter or Flamsteed number with the
                       constellation ("α Lyr", "61 Cyg"); any of the three may be empty;
                       `b_minus_v` may be empty.
  constellations.tsv   abbr  rank  name  name_en  name_ko  label_ra_deg  label_dec_deg
                       the 88 IAU constellations (rank 1 = major, 3 = minor); `name` is the
                       Latin IAU name.
  constellation_lines.tsv
                       abbr  ra,dec  ra,dec ...   one stick-figure polyline per line
  milky_way.tsv.gz     level  ra,dec  ra,dec ...  one closed outline per line; level 1 is the
                       faintest and widest, 5 the brightest core (J. R. Vieira's outlines),
                       thinned to points at least 0.25 deg apart, 2 decimals.
  LICENSE-d3-celestial.txt   the licence, copied unchanged.

The planets' elements (JPL, Standish) are constants in src/orbit/planets.rs, not an asset.
gzip is written with mtime=0, so the same input gives the same bytes.

Usage: scripts/make_sky_data.py [DATA_DIR] [OUT_DIR]
"""

import gzip
import json
import math
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/d3-celestial-sky")
OUT_DIR = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "assets" / "sky")

MILKY_WAY_MIN_STEP_DEG = 0.25


def ra(lon: float) -> float:
    """d3-celestial's longitude (RA folded to -180..180) as RA in 0..360 degrees."""
    return lon % 360.0


def clean(text) -> str:
    """One printable field: no tabs or newlines, no zero-width or direction marks."""
    if text is None:
        return ""
    text = str(text)
    for ch in "\t\r\n\u200e\u200f":
        text = text.replace(ch, " ")
    return text.replace("\u2009", " ").strip()


def write_gz(path: Path, text: str) -> None:
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))


def point(lon: float, lat: float, digits: int) -> str:
    return f"{ra(lon):.{digits}f},{lat:.{digits}f}"


def stars() -> str:
    data = json.loads((DATA_DIR / "stars.6.json").read_text(encoding="utf-8"))
    names = json.loads((DATA_DIR / "starnames.json").read_text(encoding="utf-8"))
    rows = []
    for f in data["features"]:
        hip = int(f["id"])
        lon, lat = f["geometry"]["coordinates"]
        mag = float(f["properties"]["mag"])
        bv = clean(f["properties"].get("bv", ""))
        info = names.get(str(hip), {})
        name = clean(info.get("name"))
        name_ko = clean(info.get("ko"))
        desig = clean(info.get("desig"))
        constellation = clean(info.get("c"))
        designation = f"{desig} {constellation}" if desig and constellation else ""
        rows.append((mag, hip, f"{hip}\t{ra(lon):.4f}\t{lat:.4f}\t{mag:.2f}\t{bv}\t{name}\t{name_ko}\t{designation}"))
    rows.sort(key=lambda r: (r[0], r[1]))
    return "".join(r[2] + "\n" for r in rows)


def constellations() -> str:
    data = json.loads((DATA_DIR / "constellations.json").read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        out.append(
            "\t".join(
                [
                    clean(f["id"]),
                    clean(p.get("rank")),
                    clean(p.get("name")),
                    clean(p.get("en")),
                    clean(p.get("ko")),
                    f"{ra(lon):.2f}",
                    f"{lat:.2f}",
                ]
            )
        )
    return "".join(line + "\n" for line in out)


def constellation_lines() -> str:
    data = json.loads((DATA_DIR / "constellations.lines.json").read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        for line in f["geometry"]["coordinates"]:
            out.append("\t".join([clean(f["id"])] + [point(lon, lat, 4) for lon, lat in line]))
    return "".join(line + "\n" for line in out)


def separation_deg(a, b) -> float:
    (ra1, d1), (ra2, d2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    c = math.sin(d1) * math.sin(d2) + math.cos(d1) * math.cos(d2) * math.cos(ra1 - ra2)
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def milky_way() -> str:
    data = json.loads((DATA_DIR / "mw.json").read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        level = clean(f["id"]).removeprefix("ol")
        for polygon in f["geometry"]["coordinates"]:
            for ring in polygon:
                kept = []
                for lon, lat in ring:
                    if not kept or separation_deg(kept[-1], (lon, lat)) >= MILKY_WAY_MIN_STEP_DEG:
                        kept.append((lon, lat))
                if len(kept) >= 3:
                    out.append("\t".join([level] + [point(lon, lat, 2) for lon, lat in kept]))
    return "".join(line + "\n" for line in out)


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_gz(OUT_DIR / "stars.tsv.gz", stars())
    (OUT_DIR / "constellations.tsv").write_text(constellations(), encoding="utf-8")
    (OUT_DIR / "constellation_lines.tsv").write_text(constellation_lines(), encoding="utf-8")
    write_gz(OUT_DIR / "milky_way.tsv.gz", milky_way())
    shutil.copyfile(DATA_DIR / "LICENSE", OUT_DIR / "LICENSE-d3-celestial.txt")
    for p in sorted(OUT_DIR.iterdir()):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
