#!/usr/bin/env bash
# Measures what the real window costs at rest (issue 21): for each view of the README's
# table it starts the window under Xvfb (software GL, 1400x900, bundled data, settings and
# cache in a temporary directory), drives it with xdotool where the view needs it, waits
# for it to settle, then reads its CPU time from /proc over 15 s with the clock live at x1,
# and again after Space has paused the clock, and its resident memory. One line per view
# and clock, with its goal, and "over goal" where it is over.
#
# Usage: scripts/measure_window.sh BINARY
# Env:   MEASURE_DISPLAY  the X display to use (default: the first free of :90 to :140)
#        MEASURE_S        seconds of CPU time measured per state (default 15)
#        SETTLE_S         seconds waited after the window is up and driven (default 12;
#                         the text cursor stops blinking 10 s after the last key)
#        MEASURE_SHOTS    a directory: a screenshot of each view is saved there (PNG)
#        MEASURE_ONLY     a view's name: only that one is measured
# Needs: Xvfb, xdotool, Mesa's software GL (and ImageMagick's import for MEASURE_SHOTS).
#
# The views (each live at x1, then paused with Space, unless said):
#   first-start   an empty configuration: the first-start prompt, the clock live
#                 (the refresh at start finds no network here and says so); live only
#   default       the chosen satellites' passes, the ISS's pass on the sky chart, the map
#                 with every satellite
#   tonight       the Tonight view of every bright satellite
#   sky-now       the sky chart of the moment (satellites up now moving), dark-site stars
#   map-zoomed    the map zoomed in three times over East Asia (the fine coastlines)
#   picker        "starlink" typed in the satellite search (200 rows listed), then Escape
#   presentation  presentation mode (sky chart and map large)
#   night         the dark red night theme
#   search-focus  paused first, then the satellite search focused ("/"): its cursor
#                 blinks for 10 s after the key, then stays lit; paused only
# The clock starts at 22:00 in Seoul, the default place (OVERHEAD_FAKE_NOW), and runs on.
set -euo pipefail

bin=${1:?usage: scripts/measure_window.sh BINARY}
bin=$(realpath "$bin")
measure_s=${MEASURE_S:-15}
settle_s=${SETTLE_S:-12}
shots=${MEASURE_SHOTS:-}
only=${MEASURE_ONLY:-}
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null 2>&1 || { echo "measure_window: $tool is missing" >&2; exit 2; }
done

. "$(dirname "$0")/xvfb_lib.sh"
xvfb_start measure_window 1400x900 "${MEASURE_DISPLAY:-}"

ticks_per_s=$(getconf CLK_TCK)
# Resident memory of a process, MB.
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

largest_rss=0
# CPU use of the app over MEASURE_S, % of one core.
cpu_percent() {
    local before after
    before=$(cpu_ticks "$app_pid")
    sleep "$measure_s"
    after=$(cpu_ticks "$app_pid")
    awk -v t=$((after - before)) -v hz="$ticks_per_s" -v s="$measure_s" \
        'BEGIN { printf "%.1f", 100 * t / hz / s }'
}
# report VIEW CLOCK GOAL_PERCENT: measures and prints one line.
report() {
    local percent rss verdict=""
    percent=$(cpu_percent)
    rss=$(rss_mb "$app_pid")
    [ "$rss" -gt "$largest_rss" ] && largest_rss=$rss
    awk -v p="$percent" -v g="$3" 'BEGIN { exit !(p > g) }' && verdict="  over goal"
    printf '%-13s %-7s %5s %% of a core  (goal <= %s %%)  resident %4s MB%s\n' \
        "$1" "$2" "$percent" "$3" "$rss" "$verdict"
}
# Sends the keys: "type:TEXT" types TEXT, anything else is an xdotool key name.
press() {
    local window=$1 key
    shift
    for key in "$@"; do
        case $key in
            type:*) DISPLAY=$display xdotool type --delay 80 "${key#type:}" ;;
            *) DISPLAY=$display xdotool key --window "$window" "$key" ;;
        esac
        sleep 0.5
    done
}
# run VIEW CLOCKS SETTINGS_JSON UI_STATE_JSON KEYS...
#   CLOCKS: "live+paused" (live, then Space and paused), "live" or "paused" (Space first).
run() {
    local view=$1 clocks=$2 settings=$3 ui_state=$4
    shift 4
    if [ -n "$only" ] && [ "$only" != "$view" ]; then return; fi
    local dir="$work/$view"
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
        echo "measure_window: $view: no window; log:" >&2
        cat "$dir/app.log" >&2
        exit 1
    fi
    sleep 4
    # The pointer rests in the bottom-right corner (no tooltip), the window has the keys.
    DISPLAY=$display xdotool mousemove 1399 899 windowfocus --sync "$window" || true
    [ "$clocks" = paused ] && press "$window" space
    press "$window" "$@"
    sleep "$settle_s"
    [ -n "$shots" ] && DISPLAY=$display import -window root "$shots/$view.png"
    case $clocks in
        live) report "$view" live 5 ;;
        paused) report "$view" paused "$goal_focused" ;;
        live+paused)
            report "$view" live 5
            press "$window" space
            sleep 3
            report "$view" paused 0
            ;;
    esac
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# A user who answered the first-start prompt in Seoul (the default place), with no
# refresh at start (no network here).
settled='"version": 1, "first_run_done": true, "auto_refresh_hours": 0'
# The goal with the search box focused (its cursor lit).
goal_focused=3

echo "measure_window: $(basename "$bin") on $display, ${measure_s} s per state after ${settle_s} s; load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
run first-start live "" ""
run default live+paused "{$settled}" ""
run tonight live+paused "{$settled}" '{"window": "Tonight", "which": "AllBright"}'
run sky-now live+paused "{$settled}" \
    '{"sky": {"show_now": true, "dark_site": true, "max_magnitude": 6.0}}'
run map-zoomed live+paused "{$settled}" \
    '{"map": {"zoom": 3.4, "center_lon_deg": 127.0, "center_lat_deg": 37.0, "follow_observer": false}}'
run picker live+paused "{$settled}" "" slash type:starlink Escape
run presentation live+paused "{$settled, \"presentation_mode\": true}" ""
run night live+paused "{$settled, \"theme\": \"NightRed\"}" ""
run search-focus paused "{$settled}" "" slash
if [ -z "$only" ]; then
    verdict=""
    [ "$largest_rss" -gt 200 ] && verdict="  over goal"
    printf '%-21s %4s MB resident at most  (goal <= 200 MB)%s\n' "memory" "$largest_rss" "$verdict"
fi
