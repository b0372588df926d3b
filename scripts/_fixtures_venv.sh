# Sourced by scripts/make_skyfield_fixtures and scripts/compare_skyfield.
# Creates (or reuses) a Python venv with pinned Skyfield packages and sets $FIXTURES_PY.
# Override the location with OVERHEAD_FIXTURES_VENV (default: /tmp/overhead-fixtures-venv).
FIXTURES_VENV="${OVERHEAD_FIXTURES_VENV:-/tmp/overhead-fixtures-venv}"
FIXTURES_PYTHON="${OVERHEAD_FIXTURES_PYTHON:-}"
if [ -z "$FIXTURES_PYTHON" ]; then
    for c in python3.11 python3; do
        if command -v "$c" >/dev/null 2>&1; then FIXTURES_PYTHON="$c"; break; fi
    done
fi
# Pinned versions (numpy 2.4.x is the newest series that supports Python 3.11).
FIXTURES_REQS=(skyfield==1.55 skyfield-data==7.0.0 sgp4==2.27 numpy==2.4.6 jplephem==2.24)
FIXTURES_STAMP="$FIXTURES_VENV/.overhead-reqs"
if [ ! -x "$FIXTURES_VENV/bin/python" ] || [ "$(cat "$FIXTURES_STAMP" 2>/dev/null)" != "${FIXTURES_REQS[*]}" ]; then
    echo "setting up venv $FIXTURES_VENV ($FIXTURES_PYTHON)" >&2
    "$FIXTURES_PYTHON" -m venv "$FIXTURES_VENV"
    "$FIXTURES_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${FIXTURES_REQS[@]}"
    echo "${FIXTURES_REQS[*]}" > "$FIXTURES_STAMP"
fi
FIXTURES_PY="$FIXTURES_VENV/bin/python"
