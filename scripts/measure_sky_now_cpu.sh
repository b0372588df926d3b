#!/usr/bin/env bash
# How much CPU the running window takes in "Sky now" (every bright sunlit satellite, with
# trails) and in the sky chart's Identify mode with a sighting clicked, against the same
# window on a selected pass: the window's user + system time over a minute, read from
# /proc/PID/stat, on a private Xvfb display.
#
# Usage: [SHOTS=DIR] scripts/measure_sky_now_cpu.sh [BIN] [DISPLAY_NUMBER] [SECONDS]
#        (default target/release/overhead, display 150, 60 s)
# Needs: Xvfb, xdotool, Mesa's software GL.
#
# The clock starts (OVERHEAD_FAKE_NOW) at 2026-08-22 10:37:50 UTC over Seoul, when TERRA
# and YAOGAN-3 are up and sunlit, and runs at x1. The clicks are at the positions the
# 1400x900 window's layout puts the chart's switches and YAOGAN-3 (looked at on screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${1:-target/release/overhead}")
seconds=${3:-60}
ticks=$(getconf CLK_TCK)

. scripts/xvfb_lib.sh
xvfb_start measure_sky_now_cpu 1400x900 ":${2:-150}"

# CPU seconds (user + system) the process has used so far.
cpu_s() {
    awk -v t="$ticks" -v k="$(cpu_ticks "$1")" 'BEGIN { printf "%.2f", k / t }'
}

# Runs the window with `ui_state` (the window's saved state), then `clicks` (x,y pairs),
# and prints the CPU it used over $seconds after settling.
measure() {
    local label=$1 ui_state=$2
    shift 2
    rm -rf "$work/config" "$work/cache" "$work/runtime"
    mkdir -p "$work/config" "$work/cache" "$work/runtime"
    chmod 700 "$work/runtime"
    echo '{"version": 1, "first_run_done": true, "auto_refresh_hours": 0}' >"$work/config/settings.json"
    echo "$ui_state" >"$work/config/ui-state.json"
    (
        cd "$work"
        DISPLAY=$display XDG_RUNTIME_DIR="$work/runtime" \
            OVERHEAD_CONFIG_DIR="$work/config" OVERHEAD_CACHE_DIR="$work/cache" \
            OVERHEAD_FAKE_NOW=2026-08-22T10:37:50Z \
            exec "$bin" >"$work/app.log" 2>&1
    ) &
    app_pid=$!
    sleep 15
    for xy in "$@"; do
        DISPLAY=$display xdotool mousemove ${xy%,*} ${xy#*,} click 1
        sleep 2
    done
    sleep 5
    # SHOTS=DIR keeps a screenshot of each state (to check the clicks hit what they mean to).
    if [ -n "${SHOTS:-}" ]; then
        mkdir -p "$SHOTS"
        DISPLAY=$display /usr/bin/import -window root "$SHOTS/${label%%,*}.png" || true
    fi
    local before after
    before=$(cpu_s "$app_pid")
    sleep "$seconds"
    after=$(cpu_s "$app_pid")
    awk -v l="$label" -v a="$before" -v b="$after" -v s="$seconds" \
        'BEGIN { printf "%-34s %6.2f s CPU in %d s (%.1f%% of one core)\n", l, b - a, s, 100 * (b - a) / s }'
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

measure "selected pass (ISS), clock x1" '{"selected": 25544}'
measure "Sky now, clock x1" '{"selected": 25544, "sky": {"show_now": true}}'
measure "Identify, a sighting clicked" '{"selected": 25544, "sky": {"show_now": true}}' \
    1215,432 1197,663 1198,656
