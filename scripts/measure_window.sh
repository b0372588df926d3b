#!/usr/bin/env bash
# Measures what the real window costs at rest (issue 21): for each state of the README's
# table it starts the window under Xvfb (software GL, 1400x900, bundled data, settings and
# cache in a temporary directory), drives it with xdotool where the state needs it, waits
# for it to settle, then reads its CPU time from /proc over 15 s and its resident memory.
# One line per state, with its goal, and "over goal" where it is over.
#
# Usage: scripts/measure_window.sh BINARY
# Env:   MEASURE_DISPLAY  the X display to use (default: the first free of :90 to :140)
#        MEASURE_S        seconds of CPU time measured per state (default 15)
#        SETTLE_S         seconds waited after the window is up and driven (default 12;
#                         the text cursor stops blinking 10 s after the last key)
# Needs: Xvfb, xdotool, Mesa's software GL.
#
# The states:
#   first-start   an empty configuration: the first-start prompt, the clock live at x1
#                 (the refresh at start finds no network here and says so)
#   tonight       the Tonight view of every bright satellite, at 22:00 in Seoul, live
#   paused        the default view, the clock paused (Space), nothing focused
#   paused-search the same with the satellite search focused ("/"), its cursor blinking
#                 for 10 s after the key, then lit
# The clock starts at a fixed instant (OVERHEAD_FAKE_NOW) and runs on from it.
set -euo pipefail

bin=${1:?usage: scripts/measure_window.sh BINARY}
bin=$(realpath "$bin")
measure_s=${MEASURE_S:-15}
settle_s=${SETTLE_S:-12}
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null 2>&1 || { echo "measure_window: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

display=${MEASURE_DISPLAY:-}
if [ -z "$display" ]; then
    for n in $(seq 90 140); do
        if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
    done
fi
[ -n "$display" ] || { echo "measure_window: no free X display" >&2; exit 2; }
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

ticks_per_s=$(getconf CLK_TCK)
# CPU ticks (user + system, all threads) of a process.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Resident memory of a process, MB.
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

largest_rss=0
# run STATE GOAL_PERCENT SETTINGS_JSON UI_STATE_JSON KEYS...
run() {
    local state=$1 goal=$2 settings=$3 ui_state=$4
    shift 4
    local dir="$work/$state"
    mkdir -p "$dir/config" "$dir/cache" "$dir/runtime"
    chmod 700 "$dir/runtime"
    [ -n "$settings" ] && echo "$settings" >"$dir/config/settings.json"
    [ -n "$ui_state" ] && echo "$ui_state" >"$dir/config/ui-state.json"
    (
        cd "$dir"
        DISPLAY=$display XDG_RUNTIME_DIR="$dir/runtime" HOME="$dir" \
            OVERHEAD_CONFIG_DIR="$dir/config" OVERHEAD_CACHE_DIR="$dir/cache" \
            OVERHEAD_FAKE_NOW=2026-08-22T13:00:00Z \
            exec "$bin" >"$dir/app.log" 2>&1
    ) &
    app_pid=$!
    # Up when its window is mapped; then a few seconds for the catalog and first search.
    local window=""
    for _ in $(seq 120); do
        window=$(DISPLAY=$display xdotool search --onlyvisible --name '^Overhead$' 2>/dev/null | head -n 1 || true)
        [ -n "$window" ] && break
        sleep 0.5
    done
    if [ -z "$window" ]; then
        echo "measure_window: $state: no window; log:" >&2
        cat "$dir/app.log" >&2
        exit 1
    fi
    sleep 4
    # The pointer rests in the bottom-right corner (no tooltip), the window has the keys.
    DISPLAY=$display xdotool mousemove 1399 899 windowfocus --sync "$window" || true
    for key in "$@"; do
        DISPLAY=$display xdotool key --window "$window" "$key"
        sleep 0.5
    done
    sleep "$settle_s"
    local before after
    before=$(cpu_ticks "$app_pid")
    sleep "$measure_s"
    after=$(cpu_ticks "$app_pid")
    local rss
    rss=$(rss_mb "$app_pid")
    [ "$rss" -gt "$largest_rss" ] && largest_rss=$rss
    local percent
    percent=$(awk -v t=$((after - before)) -v hz="$ticks_per_s" -v s="$measure_s" \
        'BEGIN { printf "%.1f", 100 * t / hz / s }')
    local verdict=""
    awk -v p="$percent" -v g="$goal" 'BEGIN { exit !(p > g) }' && verdict="  over goal"
    printf '%-14s %6s %% of a core  (goal <= %s %%)  resident %4s MB%s\n' \
        "$state" "$percent" "$goal" "$rss" "$verdict"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# A user who answered the first-start prompt in Seoul (the default place), with no
# refresh at start (no network here).
settled='{"version": 1, "first_run_done": true, "auto_refresh_hours": 0}'

echo "measure_window: $(basename "$bin") on $display, ${measure_s} s per state after ${settle_s} s; load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
run first-start 5 "" ""
run tonight 5 "$settled" '{"window": "Tonight", "which": "AllBright"}'
run paused 0 "$settled" "" space
run paused-search 3 "$settled" "" space slash
verdict=""
[ "$largest_rss" -gt 200 ] && verdict="  over goal"
printf '%-14s %4s MB resident at most  (goal <= 200 MB)%s\n' "memory" "$largest_rss" "$verdict"
