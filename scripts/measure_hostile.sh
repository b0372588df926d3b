#!/usr/bin/env bash
# Measures the hostile 64 MiB inputs of issue 25 against its bounds (30 s, 400 MB resident):
# for each case, `overhead passes --elements CASE --sat 25544` under /usr/bin/time, giving the
# wall time, the CPU time and the peak resident memory. The inputs are made in a temporary
# folder and removed after each run (never committed).
# Usage: scripts/measure_hostile.sh BINARY   (e.g. target/release/overhead)
set -euo pipefail
bin=${1:?binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cap=$((64 * 1024 * 1024))
iss='ISS (ZARYA)
1 25544U 98067A   26234.50053383  .00009133  00000+0  17025-3 0  9997
2 25544  51.6331 331.8814 0007668  72.6488 287.5339 15.49570248582031'
header='OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT'

# make NAME HEAD UNIT TAIL: HEAD, then UNIT repeated to just under 64 MiB, then TAIL.
make() {
    python3 - "$work/$1" "$2" "$3" "$4" "$cap" <<'EOF'
import sys
path, head, unit, tail, cap = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
room = cap - len(head.encode()) - len(tail.encode())
with open(path, "wb") as f:
    f.write(head.encode())
    f.write(unit.encode() * (room // len(unit.encode())))
    f.write(tail.encode())
EOF
}

# The 240,000 Alpha-5 catalog numbers (100000-339999) TLE can write, each the ISS's orbit.
make_alpha5() {
    python3 - "$work/$1" "$iss" <<'EOF'
import sys
letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
def checksum(line):
    return sum(int(c) if c.isdigit() else 1 if c == "-" else 0 for c in line[:68]) % 10
with open(sys.argv[1], "w") as f:
    f.write(sys.argv[2] + "\n")
    for n in range(100000, 340000):
        number = "%s%04d" % (letters[n // 10000 - 10], n % 10000)
        l1 = "1 %sU 98067A   26234.50053383  .00009133  00000+0  17025-3 0  999" % number
        l2 = "2 %s  51.6331 331.8814 0007668  72.6488 287.5339 15.4957024858203" % number
        f.write("%s%d\n%s%d\n" % (l1, checksum(l1), l2, checksum(l2)))
EOF
}

run() {
    local name=$1
    /usr/bin/time -o "$work/stats" -f '%e %U %S %M' "$bin" passes --elements "$work/$name" \
        --sat 25544 --lat 37.5665 --lon 126.978 --start 2026-08-22T12:00:00Z --days 1 \
        >/dev/null 2>"$work/err" || true
    read -r wall user sys peak_kb < <(tail -n 1 "$work/stats")
    printf '%-16s wall %6.2f s  cpu %6.2f s  peak %5d MB  %s\n' "$name" "$wall" \
        "$(echo "$user + $sys" | bc)" $((peak_kb / 1024)) "$(grep -v 'peak memory' "$work/err" | tail -n 1 | cut -c1-90)"
    rm -f "$work/$name"
}

make junk.tle "$iss
" $'junk line\n' ''
run junk.tle
make numbers.json '[1' ',1' ']'
run numbers.json
make objects.json '[{}' ',{}' ']'
run objects.json
make commas.csv "$header
" $',,,,,,,,,,,,,,,,\n' ''
run commas.csv
make_alpha5 all-alpha5.tle
run all-alpha5.tle
