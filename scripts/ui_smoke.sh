#!/usr/bin/env bash
# Smoke test of the real window: start `overhead` under a private Xvfb display, wait until
# it has drawn the map, take a screenshot, and check that it is not blank.
#
# Usage: scripts/ui_smoke.sh [OUT.png]      (default: target/ui-smoke.png)
# Needs: Xvfb, ImageMagick (`import`, `identify`) and Mesa's software GL.
# Env:   OVERHEAD_BIN    the binary to run (default: target/debug/overhead, built if missing)
#        SMOKE_TIMEOUT_S how long to wait for the first full frame (default 90)
#        SMOKE_SCREEN    the virtual screen, WxH (default 1400x900, the window's size)
#        SMOKE_SETTINGS  the settings file's JSON (default: first start answered, Seoul, no
#                        refresh at start)
#        SMOKE_FAKE_NOW  where the clock starts (default 2026-08-22T20:01:30Z)
#        SMOKE_DISPLAY   the X display to use (default: the first free one from :90)
#        SMOKE_BEFORE_SHOT a shell command run (with DISPLAY set) once the window has drawn,
#                        before the picture: e.g. xdotool clicks that open a view
#
# Deterministic: the clock starts (OVERHEAD_FAKE_NOW) at 2026-08-22 20:01:30 UTC and runs on
# from there, during a visible ISS pass over the default observer (Seoul), and the settings
# and cache live in a temporary directory, so the real ones are never read or written. The
# app runs from that directory too, outside the source tree (as an installed app does), and
# with its refresh at start switched off (no network).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/ui-smoke.png}
bin=${OVERHEAD_BIN:-target/debug/overhead}
timeout_s=${SMOKE_TIMEOUT_S:-90}
# A screenshot of the drawn window has thousands of colours (land, night shading,
# satellites, text); a blank or half-started one has a handful.
min_colours=2000

# Debian's ImageMagick by full path: another `convert`-family stand-in may come first on PATH.
import=/usr/bin/import
identify=/usr/bin/identify
for tool in Xvfb "$import" "$identify"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ui_smoke: $tool is missing (bash .ci/run installs it)" >&2; exit 2; }
done
[ -x "$bin" ] || cargo build --quiet
bin=$(realpath "$bin")

. scripts/xvfb_lib.sh
xvfb_start ui_smoke "${SMOKE_SCREEN:-1400x900}" "${SMOKE_DISPLAY:-}"

mkdir -p "$work/config" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
# A user who has answered the first-run prompt (the default observer stays: Seoul).
echo "${SMOKE_SETTINGS:-{\"version\": 1, \"first_run_done\": true, \"auto_refresh_hours\": 0\}}" >"$work/config/settings.json"

# `exec` in a subshell: the app runs from $work, and $! is the app itself.
(
    cd "$work"
    DISPLAY=$display XDG_RUNTIME_DIR="$work/runtime" \
        OVERHEAD_CONFIG_DIR="$work/config" OVERHEAD_CACHE_DIR="$work/cache" \
        OVERHEAD_FAKE_NOW=${SMOKE_FAKE_NOW:-2026-08-22T20:01:30Z} \
        exec "$bin" >"$work/app.log" 2>&1
) &
app_pid=$!

colours=0
deadline=$((SECONDS + timeout_s))
while [ $SECONDS -lt $deadline ]; do
    sleep 2
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "ui_smoke: overhead exited early:" >&2
        cat "$work/app.log" >&2
        exit 1
    fi
    DISPLAY=$display "$import" -window root "$work/shot.png" 2>/dev/null || continue
    colours=$("$identify" -format '%k' "$work/shot.png")
    if [ "$colours" -ge "$min_colours" ]; then
        # Drawn; give the pass search a moment to fill the table, park the pointer where
        # it raises no tooltip (if xdotool is there), then take the picture.
        sleep 3
        if [ -n "${SMOKE_BEFORE_SHOT:-}" ]; then DISPLAY=$display bash -c "$SMOKE_BEFORE_SHOT"; sleep 2; fi
        if command -v xdotool >/dev/null 2>&1; then DISPLAY=$display xdotool mousemove 1399 899 || true; sleep 1; fi
        DISPLAY=$display "$import" -window root "$work/shot.png"
        colours=$("$identify" -format '%k' "$work/shot.png")
        break
    fi
done

mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out" 2>/dev/null || true
if [ "$colours" -lt "$min_colours" ]; then
    echo "ui_smoke: the window looks blank ($colours colours after ${timeout_s} s); see $out" >&2
    cat "$work/app.log" >&2
    exit 1
fi
echo "ui_smoke: ok, $colours colours; screenshot in $out"
