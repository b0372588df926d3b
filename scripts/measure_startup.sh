#!/usr/bin/env bash
# Measures the window's start: from launching the process to the first frame that drew pass
# rows (the app prints that moment when OVERHEAD_STARTUP_PROBE is set), under Xvfb, on the
# bundled data (an empty cache and config). Usage: scripts/measure_startup.sh BINARY [RUNS]
set -euo pipefail
bin=${1:?binary}
runs=${2:-5}
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
mkdir -m 700 "$work/run"
for i in $(seq "$runs"); do
    rm -rf "$work/home"
    mkdir -p "$work/home"
    start=$(date +%s%3N)
    line=$(DISPLAY=$display XDG_RUNTIME_DIR=$work/run HOME=$work/home \
        XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache \
        XDG_DATA_HOME=$work/home/.local/share OVERHEAD_STARTUP_PROBE=exit \
        timeout 60 "$bin" 2>&1 | grep -o 'unix_ms=[0-9]*' || true)
    if [ -z "$line" ]; then echo "run $i: no rows drawn"; continue; fi
    echo "run $i: first rows after $(( ${line#unix_ms=} - start )) ms"
done
