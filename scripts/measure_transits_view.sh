#!/usr/bin/env bash
# The window in its Transits view: a screenshot, and the CPU it uses while it sits there.
#
# Starts `overhead` under a private Xvfb display with the Transits view open, Cape Town as
# the place (300 km radius) and the clock at 2026-08-31 08:58:00 UTC, a minute before the
# ISS crosses the Sun over Cape Town, on the bundled elements; waits for the search,
# takes a screenshot, then reads the process's CPU time (utime + stime in
# /proc/PID/stat) at the start and the end of a minute and prints the share of one core.
#
# Usage: scripts/measure_transits_view.sh [BIN] [SECONDS] [OUT.png]
#        (defaults: target/debug/overhead, 60, target/transits-view.png)
# Env:   TRANSITS_DISPLAY  the X display to use (default :160)
#        TRANSITS_LANG     the window's language (default en; ko for Korean)
#        TRANSITS_NOW      where the clock starts (default 2026-08-31T08:58:00Z)
#        TRANSITS_OPEN     false to measure the same window in its World view, for comparison
# Needs: Xvfb, ImageMagick (`import`), Mesa's software GL.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${1:-target/debug/overhead}")
seconds=${2:-60}
out=${3:-target/transits-view.png}
lang=${TRANSITS_LANG:-en}

. scripts/xvfb_lib.sh
xvfb_start measure_transits_view 1400x900 "${TRANSITS_DISPLAY:-:160}"

mkdir -p "$work/config" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
cat >"$work/config/settings.json" <<JSON
{"version": 1, "first_run_done": true, "auto_refresh_hours": 0, "language": "$lang",
 "observers": [{"name": "Cape Town", "latitude_deg": -33.9249, "longitude_deg": 18.4241,
                "altitude_m": 10, "time_zone": "Africa/Johannesburg"}],
 "current_observer": 0}
JSON
echo "{\"transits\": {\"open\": ${TRANSITS_OPEN:-true}, \"radius_km\": 300.0}}" >"$work/config/ui-state.json"

(
    cd "$work"
    DISPLAY=$display XDG_RUNTIME_DIR="$work/runtime" \
        OVERHEAD_CONFIG_DIR="$work/config" OVERHEAD_CACHE_DIR="$work/cache" \
        OVERHEAD_FAKE_NOW=${TRANSITS_NOW:-2026-08-31T08:58:00Z} \
        exec "$bin" >"$work/app.log" 2>&1
) &
app_pid=$!

hz=$(getconf CLK_TCK)

# Let it start, load the catalog and search.
sleep 20
alive() {
    kill -0 "$app_pid" 2>/dev/null && return 0
    echo "measure_transits_view: overhead exited early:" >&2
    cat "$work/app.log" >&2
    exit 1
}
alive
DISPLAY=$display import -window root "$work/shot.png"
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
echo "screenshot: $out"

before=$(cpu_ticks "$app_pid")
sleep "$seconds"
alive
after=$(cpu_ticks "$app_pid")
view=Transits
[ "${TRANSITS_OPEN:-true}" = true ] || view=World
awk -v a="$before" -v b="$after" -v hz="$hz" -v s="$seconds" -v view="$view" \
    'BEGIN { printf "CPU in the %s view: %.2f s over %d s (%.1f%% of one core)\n", view, (b - a) / hz, s, 100 * (b - a) / hz / s }'
