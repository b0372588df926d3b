#!/usr/bin/env python3
"""Builds assets/fonts/OverheadHangul-Regular.ttf, the Hangul font the window and the
handout fall back on: a subset of NanumGothic Regular (NAVER, SIL OFL 1.1).

The full NanumGothic.ttf is 4.7 MB, most of it the 11,172 modern Hangul syllables and
4,600 Hanja. The subset keeps what Overhead can show:
  - Basic Latin, Latin-1, and the punctuation and symbols of the messages (°, ·, –, —, …,
    arrows, ①…), where NanumGothic has them (egui's own fonts come first for these);
  - Hangul Compatibility Jamo (ㄱ…ㅣ, what an input method shows while composing);
  - the 2,350 Hangul syllables of KS X 1001 (every syllable the `euc-kr` codec encodes:
    what Korean text in everyday use is written with);
  - every character of the message files (`assets/i18n/*/*.ftl`), of the Korean town names
    (`assets/cities.tsv.gz`, column `name_ko`) and of the Korean star and constellation
    names (`assets/sky/stars.tsv.gz`, `assets/sky/constellations.tsv`, column `name_ko`).
Rerun it when messages or names grow; `cargo test --test tests fonts::` says when a
character lacks a glyph.

The SIL OFL reserves the names "Nanum" and "NanumGothic" for the original, and a subset is
a Modified Version, so the subset is renamed "Overhead Hangul" (the copyright and licence
records of the name table are kept). Hinting instructions are dropped (egui and PDF
viewers rasterise without them) and so are the layout tables (the syllables are
precomposed: no shaping needed).

Needs fontTools (`pip install fonttools`) and Debian's `fonts-nanum` (NanumGothic
20200506). Usage: scripts/make_hangul_font.py [NANUM_GOTHIC_TTF] [OUT_FILE]
"""

import csv
import gzip
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
OUT_FILE = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "assets" / "fonts" / "OverheadHangul-Regular.ttf")

FAMILY = "Overhead Hangul"
POSTSCRIPT = "OverheadHangul-Regular"

# Ranges kept whole, where the font has them.
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (°, ·, ±, ×, …)
    (0x2010, 0x2027),  # dashes, quotes, bullets, ‥ …
    (0x2030, 0x203B),  # ‰ ′ ″ ※
    (0x2190, 0x2199),  # arrows ← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙
    (0x2460, 0x2473),  # circled numbers ① … ⑳
    (0x25A0, 0x25D1),  # squares, triangles, circles ■ □ ▲ △ ● ○ ◎
    (0x2605, 0x2606),  # ★ ☆
    (0x3000, 0x3003),  # ideographic space, 、 。 〃
    (0x3008, 0x3011),  # 〈 〉 《 》 「 」 『 』 【 】
    (0x3131, 0x318E),  # Hangul Compatibility Jamo
]


def ks_x_1001_syllables() -> list[int]:
    """The 2,350 Hangul syllables of KS X 1001: those `euc-kr` encodes in two bytes.

    (Python's codec writes the other 8,822 as eight-byte jamo sequences, the KS X 1001
    annex's makeshift, so the length tells them apart.)
    """
    out = []
    for cp in range(0xAC00, 0xD7A4):
        try:
            encoded = chr(cp).encode("euc-kr")
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2:
            out.append(cp)
    if len(out) != 2350:
        sys.exit(f"expected the 2,350 KS X 1001 syllables, found {len(out)}")
    return out


def tsv_column(text: str, column: int) -> str:
    rows = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return "".join(row[column] for row in rows if len(row) > column)


def data_characters() -> str:
    """Every character of the messages and the Korean names Overhead bundles."""
    parts = []
    for ftl in sorted((ROOT / "assets" / "i18n").glob("*/*.ftl")):
        parts.append(ftl.read_text(encoding="utf-8"))
    cities = gzip.decompress((ROOT / "assets" / "cities.tsv.gz").read_bytes()).decode("utf-8")
    parts.append(tsv_column(cities, 8))  # name_ko
    stars = gzip.decompress((ROOT / "assets" / "sky" / "stars.tsv.gz").read_bytes()).decode("utf-8")
    parts.append(tsv_column(stars, 6))  # name_ko
    constellations = (ROOT / "assets" / "sky" / "constellations.tsv").read_text(encoding="utf-8")
    parts.append(tsv_column(constellations, 4))  # name_ko
    return "".join(parts)


def rename(font: TTFont) -> None:
    """Gives the subset its own name (OFL: Reserved Font Names stay with the original)."""
    name = font["name"]
    keep = {0, 13, 14}  # copyright, licence, licence URL
    name.names = [record for record in name.names if record.nameID in keep]
    description = (
        "Subset of NanumGothic Regular (NAVER Corporation, SIL OFL 1.1) for Overhead: "
        "Latin, KS X 1001 Hangul and the characters Overhead's messages and names use."
    )
    for name_id, value in [
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{POSTSCRIPT};subset of NanumGothic 20200506"),
        (4, f"{FAMILY} Regular"),
        (5, "Version 1.0; subset of NanumGothic 20200506"),
        (6, POSTSCRIPT),
        (10, description),
    ]:
        name.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English
        name.setName(value, name_id, 1, 0, 0)  # Macintosh, Roman, English


def main() -> None:
    codepoints = set()
    for first, last in RANGES:
        codepoints.update(range(first, last + 1))
    codepoints.update(ks_x_1001_syllables())
    codepoints.update(ord(c) for c in data_characters() if ord(c) >= 0x20)
    # The hinting tool's private tables (TSI*) go; fontTools would say so on each run.
    font = TTFont(SOURCE, recalcTimestamp=False)
    for tag in ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]:
        if tag in font:
            del font[tag]
    available = set(font.getBestCmap())
    wanted = codepoints & available
    missing_hangul = sorted(c for c in codepoints - available if 0xAC00 <= c <= 0xD7A3)
    if missing_hangul:
        sys.exit("NanumGothic lacks " + "".join(map(chr, missing_hangul)))
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG", "hdmx", "VDMX", "LTSH", "kern"]
    options.name_IDs = [0, 13, 14]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    rename(font)
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT_FILE)
    syllables = sum(1 for c in wanted if 0xAC00 <= c <= 0xD7A3)
    extra = syllables - 2350
    print(
        f"wrote {OUT_FILE}: {len(wanted)} characters ({syllables} Hangul syllables, "
        f"{extra} of them beyond KS X 1001 for the data), "
        f"{OUT_FILE.stat().st_size:,} bytes (from {SOURCE.stat().st_size:,})"
    )


if __name__ == "__main__":
    main()
