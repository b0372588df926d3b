#!/usr/bin/env python3
"""Extract the element-set histories of chosen satellites from git repositories that commit
CelesTrak snapshots (git scraping), for the timing-uncertainty calibration (issue 26).

Reads local clones (bare is fine) and writes, for the NORAD ids in the objects table:
  <out>/<period>.tle      3-line sets, every distinct set once, sorted by NORAD id then epoch
                          (from repositories that commit CelesTrak TLE files);
  <out>/<period>.csv      CelesTrak OMM CSV rows, the same way (from repositories that commit
                          CelesTrak CSV files), under the source's own header;
  <out>/<period>_sources.tsv  with --sources: for every set, the first commit that held it
                          and that commit's date.

Each record is copied verbatim from the committed file (CRLF turned into LF). A set is
"distinct" by (NORAD id, epoch field); when a later commit re-publishes the same epoch with
other digits the first one seen is kept. TLE lines with a bad mod-10 checksum are skipped.
With --per-day N only the earliest set of each satellite in each 1/N of a UTC day (by
epoch) is kept: the calibration compares sets half a day and more apart, and the files stay
small.

Usage (the clones are the repositories named in tests/data/element_histories/README.md):
  scripts/extract_element_histories.py --objects tests/data/element_histories/objects.tsv \
      --tle-repo 2026-03_05=/path/to/ivanfurlan1+data-satarg:tle/active.txt,tle/visual.txt \
      --csv-repo 2026-07_08=/path/to/sristyspace-tech+gosatt-catalogue:active.csv \
      --csv-roles held_out --per-day 2 --out tests/data/element_histories

Only the Python standard library and git are needed.
"""

import argparse
import csv
import datetime
import io
import math
import os
import subprocess
import sys


def read_objects(path, roles=None):
    """NORAD ids of a TSV with a header row (`norad` first; a `role` column filtered by `roles`)."""
    ids = set()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if roles is None or row.get("role") in roles:
                ids.add(int(row["norad"]))
    return ids


def commits_of(repo, paths):
    """(sha, committer date ISO) of every commit touching `paths`, oldest first."""
    out = subprocess.run(
        ["git", "--git-dir", repo, "log", "--reverse", "--format=%H %cI", "--", *paths],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split(" ", 1)) for line in out.splitlines() if line]


class Blobs:
    """Reads `commit:path` blobs through one `git cat-file --batch` process."""

    def __init__(self, repo):
        self.proc = subprocess.Popen(
            ["git", "--git-dir", repo, "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def get(self, spec):
        self.proc.stdin.write(spec.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode()
        if header.endswith("missing\n"):
            return None
        size = int(header.split()[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)
        return data.decode("utf-8", errors="replace")

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def checksum_ok(line):
    total = 0
    for ch in line[:68]:
        if ch.isdigit():
            total += int(ch)
        elif ch == "-":
            total += 1
    return len(line) >= 69 and line[68].isdigit() and total % 10 == int(line[68])


def tle_records(text):
    """(norad, name line, line 1, line 2) of every 3-line set in `text`."""
    lines = [l.rstrip("\r") for l in text.split("\n")]
    i = 0
    while i + 2 < len(lines):
        name, l1, l2 = lines[i], lines[i + 1], lines[i + 2]
        if l1.startswith("1 ") and l2.startswith("2 "):
            try:
                norad = int(l1[2:7])
            except ValueError:
                i += 3
                continue
            yield norad, name, l1, l2
            i += 3
        else:
            i += 1


def extract_tle(repo, paths, wanted):
    seen = {}
    blobs = Blobs(repo)
    commits = commits_of(repo, paths)
    for n, (sha, date) in enumerate(commits):
        for path in paths:
            text = blobs.get(f"{sha}:{path}")
            if text is None:
                continue
            for norad, name, l1, l2 in tle_records(text):
                if norad not in wanted:
                    continue
                key = (norad, l1[18:32])
                if key in seen or not (checksum_ok(l1) and checksum_ok(l2)):
                    continue
                seen[key] = (name, l1, l2, sha, date)
        if n % 50 == 0:
            print(f"  {n}/{len(commits)} commits, {len(seen)} sets", file=sys.stderr)
    blobs.close()
    return seen, commits


def epoch_sort_key(epoch_field):
    yy = int(epoch_field[:2])
    return (2000 + yy if yy < 57 else 1900 + yy, float(epoch_field[2:]))


def tle_epoch_days(epoch_field):
    """Days since 2000-01-01 00:00 UTC of a TLE epoch field ("26074.63603363")."""
    year, day = epoch_sort_key(epoch_field)
    start = datetime.date(year, 1, 1) - datetime.date(2000, 1, 1)
    return start.days + day - 1.0


def omm_epoch_days(epoch):
    """Days since 2000-01-01 00:00 UTC of an OMM EPOCH ("2026-07-19T07:16:35.694624")."""
    t = datetime.datetime.fromisoformat(epoch)
    return (t - datetime.datetime(2000, 1, 1)).total_seconds() / 86400.0


def thin(keys, epoch_days, per_day):
    """The keys (sorted by NORAD id, then epoch) kept by --per-day: the first of each slot."""
    if not per_day:
        return keys
    kept, slots = [], set()
    for k in keys:
        slot = (k[0], math.floor(epoch_days(k[1]) * per_day))
        if slot not in slots:
            slots.add(slot)
            kept.append(k)
    return kept


def extract_csv(repo, path, wanted):
    seen = {}
    header = None
    blobs = Blobs(repo)
    commits = commits_of(repo, [path])
    for n, (sha, date) in enumerate(commits):
        text = blobs.get(f"{sha}:{path}")
        if text is None:
            continue
        lines = text.replace("\r", "").split("\n")
        if header is None:
            header = lines[0]
        cols = lines[0].split(",")
        id_col, epoch_col = cols.index("NORAD_CAT_ID"), cols.index("EPOCH")
        for line in lines[1:]:
            if not line:
                continue
            row = next(csv.reader(io.StringIO(line)))
            try:
                norad = int(row[id_col])
            except (ValueError, IndexError):
                continue
            if norad not in wanted:
                continue
            key = (norad, row[epoch_col])
            if key not in seen:
                seen[key] = (line, sha, date)
        if n % 50 == 0:
            print(f"  {n}/{len(commits)} commits, {len(seen)} rows", file=sys.stderr)
    blobs.close()
    return header, seen, commits


def sources_path(args, period):
    return os.path.join(args.out, f"{period}_sources.tsv") if args.sources else os.devnull


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--objects", required=True)
    ap.add_argument("--tle-repo", action="append", default=[], help="PERIOD=GITDIR:path,path")
    ap.add_argument("--csv-repo", action="append", default=[], help="PERIOD=GITDIR:path")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-day", type=int, default=0, help="keep at most N sets a day")
    ap.add_argument("--sources", action="store_true", help="also write <period>_sources.tsv")
    ap.add_argument("--csv-roles", help="only objects of these roles (comma list) from --csv-repo")
    args = ap.parse_args()
    wanted = read_objects(args.objects)
    os.makedirs(args.out, exist_ok=True)

    for spec in args.tle_repo:
        period, rest = spec.split("=", 1)
        repo, paths = rest.rsplit(":", 1)
        seen, commits = extract_tle(repo, paths.split(","), wanted)
        keys = sorted(seen, key=lambda k: (k[0], epoch_sort_key(k[1])))
        records = {k: ("\n".join(seen[k][:3]), seen[k][3], seen[k][4]) for k in keys}
        write(args, period, ".tle", None, "epoch_field", thin(keys, tle_epoch_days, args.per_day), records, commits)

    for spec in args.csv_repo:
        period, rest = spec.split("=", 1)
        repo, path = rest.rsplit(":", 1)
        csv_wanted = read_objects(args.objects, args.csv_roles.split(",")) if args.csv_roles else wanted
        header, seen, commits = extract_csv(repo, path, csv_wanted)
        keys = thin(sorted(seen), omm_epoch_days, args.per_day)
        write(args, period, ".csv", header, "EPOCH", keys, seen, commits)


def write(args, period, ext, header, epoch_name, keys, records, commits):
    """Writes the kept records (text, first commit, its date) of one period, and says what."""
    with open(os.path.join(args.out, period + ext), "w", newline="\n") as f:
        if header is not None:
            f.write(header + "\n")
        for k in keys:
            f.write(records[k][0] + "\n")
    with open(sources_path(args, period), "w", newline="\n") as f:
        f.write(f"norad\t{epoch_name}\tfirst_seen_commit\tcommit_date\n")
        for k in keys:
            f.write(f"{k[0]}\t{k[1]}\t{records[k][1]}\t{records[k][2]}\n")
    print(
        f"{period}: {len(keys)} records of {len({k[0] for k in keys})} objects from "
        f"{len(commits)} commits {commits[0][0]} ({commits[0][1]}) .. "
        f"{commits[-1][0]} ({commits[-1][1]})"
    )

if __name__ == "__main__":
    main()
