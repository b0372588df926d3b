#!/usr/bin/env python3
"""Extracts per-satellite facts for the mass and sibling tiers of the standard magnitudes
(issue 22) from three public catalogues, into tests/data/payload-facts.tsv.

Inputs (not bundled; where each copy came from is in assets/README.md):
  UCS_XLSX   Union of Concerned Scientists Satellite Database, edition of 1 May 2023
             ("UCS-Satellite-Database 5-1-2023.xlsx"): launch mass (kg) by NORAD number.
  PSATCAT    Jonathan McDowell's GCAT payload catalogue psatcat.tsv (data update 7 Apr 2025):
             the programme (column "Program") every payload belongs to, by JCAT "S<NORAD>".
  GCAT_OBS   GCAT satcat.tsv rows of the Earth-observation payloads (data to late 2025, as
             extracted by the GitHub repository CKalitin/mcdowell-dataset-analysis):
             mass (kg) by JCAT "S<NORAD>".

Output: one row per satellite that is in the bundled element snapshot, in McCants' qs.mag or
rcs, or has a mass, and for which a mass or a programme is known:
    norad_id   launch_mass_kg (or -)   mass_source (gcat, gcat? or ucs, or -)   program (or -)
GCAT's mass is taken where it has one, else UCS's launch mass; "gcat?" marks a mass GCAT
flags as uncertain (its MassFlag "?").

Only facts are kept (a number or a programme name per catalogue number), each file cited.

Usage: scripts/extract_payload_facts.py UCS_XLSX PSATCAT GCAT_OBS   (standard library only)
"""

import csv
import gzip
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STD = ROOT / "assets" / "std-magnitudes"
SNAPSHOT = ROOT / "assets" / "elements" / "celestrak-active-2026-08-22.csv.gz"
OUT = ROOT / "tests" / "data" / "payload-facts.tsv"
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def number(text: str) -> float | None:
    """A positive number from a catalogue cell ("1,500", "5+", " 41.5 "), else None."""
    text = text.replace(",", "").replace("+", "").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 else None


def xlsx_rows(path: str) -> list[list[str]]:
    """The first sheet of an .xlsx file as rows of strings (shared strings resolved)."""
    book = zipfile.ZipFile(path)
    shared = [
        "".join(t.text or "" for t in si.iter(NS + "t"))
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall(NS + "si")
    ]
    rows = []
    for row in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(NS + "row"):
        cells: dict[int, str] = {}
        for c in row.findall(NS + "c"):
            letters = re.match(r"[A-Z]+", c.get("r", "")).group(0)
            col = 0
            for ch in letters:
                col = col * 26 + ord(ch) - 64
            v = c.find(NS + "v")
            text = "" if v is None else (v.text or "")
            if c.get("t") == "s" and text:
                text = shared[int(text)]
            cells[col - 1] = text
        rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
    return rows


def ucs_masses(path: str) -> dict[int, float]:
    rows = xlsx_rows(path)
    head = rows[0]
    i_norad, i_mass = head.index("NORAD Number"), head.index("Launch Mass (kg.)")
    out = {}
    for r in rows[1:]:
        try:
            norad = int(float(r[i_norad]))
        except (ValueError, IndexError):
            continue
        mass = number(r[i_mass]) if i_mass < len(r) else None
        if mass:
            out[norad] = mass
    return out


def jcat_norad(jcat: str) -> int | None:
    return int(jcat[1:]) if re.fullmatch(r"S\d+", jcat) else None


def gcat_programs(path: str) -> dict[int, str]:
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            norad = jcat_norad(cells[0]) if cells else None
            if norad is None or len(cells) < 9:
                continue
            program = cells[8].strip()
            if program and program != "-":
                out[norad] = program
    return out


def gcat_masses(path: str) -> dict[int, tuple[float, bool]]:
    """NORAD -> (mass in kg, whether GCAT flags the mass as uncertain with "?")."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            norad = jcat_norad(row.get("JCAT", ""))
            mass = number(row.get("Mass", ""))
            if norad is not None and mass:
                out[norad] = (mass, row.get("MassFlag", "").strip() == "?")
    return out


def known_ids() -> set[int]:
    """Catalog numbers of the bundled snapshot, qs.mag and rcs."""
    ids = set()
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ids.add(int(row["NORAD_CAT_ID"]))
    for name in ("qs.mag", "rcs"):
        for line in (STD / name).read_text(encoding="latin-1").splitlines():
            head = line[:5].strip()
            if head.isdigit():
                ids.add(int(head))
    return ids


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ucs = ucs_masses(sys.argv[1])
    programs = gcat_programs(sys.argv[2])
    gcat = gcat_masses(sys.argv[3])
    ids = known_ids() | set(ucs) | set(gcat)
    lines = [
        "# Launch masses and GCAT programmes by catalog number, for the mass and sibling tiers of\n",
        "# the standard magnitudes (issue 22); made by scripts/extract_payload_facts.py.\n",
        "# Sources: GCAT (J. McDowell, planet4589.org/space/gcat): psatcat.tsv of 7 Apr 2025\n",
        "# (programme) and satcat.tsv observation payloads of late 2025 (mass); UCS Satellite\n",
        "# Database, 1 May 2023 (launch mass). See assets/README.md.\n",
        "# norad_id\tlaunch_mass_kg\tmass_source\tprogram\n",
    ]
    n_mass = 0
    for norad in sorted(ids):
        if norad in gcat:
            mass, uncertain = gcat[norad]
            source = "gcat?" if uncertain else "gcat"
        else:
            mass, source = ucs.get(norad), "ucs"
        program = programs.get(norad, "-").replace("\t", " ")
        if mass is None and program == "-":
            continue
        n_mass += mass is not None
        mass_text = f"{mass:g}" if mass is not None else "-"
        lines.append(f"{norad}\t{mass_text}\t{source if mass else '-'}\t{program}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(
        f"UCS {len(ucs)} masses, GCAT {len(gcat)} masses and {len(programs)} programmes; "
        f"{len(lines) - 6} rows, {n_mass} with a mass -> {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
