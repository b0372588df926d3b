#!/usr/bin/env python3
"""Builds assets/zones.tsv: where each IANA time zone's principal place is, and old names.

The window's first start proposes a place from the computer's time zone: the most populous
bundled city in that zone, else the place the zone is named after. This table gives the
second: the coordinates of every zone in the tz database's `zone1970.tab`, and the links
(`backward` names such as US/Eastern or Asia/Calcutta) to the zone they stand for.

Input: the tz database as Debian's package `tzdata` installs it (public domain):
    /usr/share/zoneinfo/zone1970.tab   countries, ISO 6709 coordinates, zone, comment
    /usr/share/zoneinfo/tzdata.zi      compiled source; its `L target link` lines
Output: UTF-8 TSV, sorted, one line each:
    Z <tab> zone <tab> lat_deg <tab> lon_deg    a zone and its principal place (4 decimals)
    L <tab> link <tab> zone                       an old or alternative name and its zone
A first line `# tzdata <version>` records the version the table was made from.

Usage: scripts/make_zone_table.py [ZONEINFO_DIR] [OUT_FILE]
"""

import re
import sys
from pathlib import Path

ZONEINFO = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/zoneinfo")
OUT_FILE = Path(
    sys.argv[2]
    if len(sys.argv) > 2
    else Path(__file__).resolve().parent.parent / "assets" / "zones.tsv"
)


def iso6709(text: str) -> tuple[float, float]:
    """'+4230+00131' or '+311335+0344727' to (lat, lon) in degrees."""
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?", text)
    if not m:
        raise ValueError(f"not ISO 6709: {text!r}")
    sa, dd, mm, ss, so, ddd, mmm, sss = m.groups()
    lat = int(dd) + int(mm) / 60 + int(ss or 0) / 3600
    lon = int(ddd) + int(mmm) / 60 + int(sss or 0) / 3600
    return (lat if sa == "+" else -lat, lon if so == "+" else -lon)


def main() -> None:
    zi = (ZONEINFO / "tzdata.zi").read_text(encoding="utf-8")
    version = zi.splitlines()[0].removeprefix("# version ").strip()
    zones = {}
    for line in (ZONEINFO / "zone1970.tab").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        zones[cols[2]] = iso6709(cols[1])
    links = {}
    for line in zi.splitlines():
        if line.startswith("L "):
            _, target, link = line.split()
            links[link] = target
    rows = [f"# tzdata {version}"]
    rows += [f"Z\t{z}\t{lat:.4f}\t{lon:.4f}" for z, (lat, lon) in sorted(zones.items())]
    # Only links that end at a zone of the table (through other links if need be).
    kept = 0
    for link, target in sorted(links.items()):
        seen = set()
        while target in links and target not in zones and target not in seen:
            seen.add(target)
            target = links[target]
        if target in zones:
            rows.append(f"L\t{link}\t{target}")
            kept += 1
    OUT_FILE.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT_FILE}: tzdata {version}, {len(zones)} zones, {kept} links of {len(links)}")


if __name__ == "__main__":
    main()
