# Sourced (not run) by the scripts that start the real window under a private Xvfb display:
# ui_smoke.sh, measure_window.sh, measure_sky_now_cpu.sh and measure_transits_view.sh.
#
#   xvfb_start NAME SCREEN [DISPLAY]
#       Makes $work, a temporary directory, and starts Xvfb on DISPLAY (default: the first
#       free of :90 to :140) with a SCREEN (WxH) of 24 bits, then waits for its socket. Sets
#       $display, $xvfb_pid and $app_pid (empty: the caller sets it when it starts the app).
#       On exit the app and Xvfb are stopped and $work is removed. NAME begins its messages.
#   cpu_ticks PID
#       The CPU ticks (user + system, all threads) the process has used so far
#       (getconf CLK_TCK of them a second).

xvfb_start() {
    local name=$1 screen=$2 n
    display=${3:-}
    work=$(mktemp -d)
    xvfb_pid=""
    app_pid=""
    trap xvfb_stop EXIT
    if [ -z "$display" ]; then
        for n in $(seq 90 140); do
            if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
                display=":$n"
                break
            fi
        done
    fi
    [ -n "$display" ] || { echo "$name: no free X display" >&2; exit 2; }
    Xvfb "$display" -screen 0 "${screen}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do
        [ -e "/tmp/.X11-unix/X${display#:}" ] && break
        sleep 0.1
    done
}

xvfb_stop() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}

cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}
