#!/usr/bin/env python3
"""Builds assets/countries-ko.tsv: the Korean name of every country of the city list.

Input: GeoNames' country table (countries.json, as for scripts/make_cities.py; see
/work/shared/data/geonames-cities15000/PROVENANCE.md) for the English names the city list
uses, and the Unicode CLDR's Korean territory names as shipped by the PyPI package
Babel 2.19.0 (CLDR data: Unicode License v3).

Output: UTF-8 TSV, one country per line, sorted by its English name:
    english_name  korean_name
The English name is cleaned exactly as make_cities.py cleans the country column, so the
window can look a city's country up by the text it already holds. A country CLDR does not
name in Korean is left out (the window then shows the English name).

Usage: scripts/make_country_names.py [DATA_DIR] [OUT_FILE]
Needs Babel: pip install babel==2.19.0
"""

import json
import sys
from pathlib import Path

from babel import Locale

DATA_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/geonames-cities15000")
OUT_FILE = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "assets" / "countries-ko.tsv")


def clean(text: str) -> str:
    """As scripts/make_cities.py: tabs to spaces, runs of white space to one space."""
    return " ".join(str(text).replace("\t", " ").split())


def main() -> None:
    countries = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    korean = Locale("ko").territories
    rows = []
    for iso, country in countries.items():
        name_ko = korean.get(iso)
        if name_ko:
            rows.append((clean(country["name"]), clean(name_ko)))
    rows.sort()
    OUT_FILE.write_text("".join(f"{en}\t{ko}\n" for en, ko in rows), encoding="utf-8")
    print(f"{OUT_FILE}: {len(rows)} countries of {len(countries)}")


if __name__ == "__main__":
    main()
