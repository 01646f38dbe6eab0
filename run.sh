#!/usr/bin/env bash
# Frontline's two commands. Each does all set-up on a fresh machine that has
# only Python and the package registries (PyPI; Debian for the test browser):
#   bash run.sh app    # start the app on the bundled sample data (options: frontline app --help)
#   bash run.sh test   # run the whole test suite (browser tests included)
set -euo pipefail
cd "$(dirname "$0")"
VENV=.venv
PY="$VENV/bin/python"

log() { printf '[frontline] %s\n' "$*" >&2; }

setup_python() {
  if [ ! -x "$PY" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
  fi
  # Re-install only when the dependency list changed.
  local stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    log "installing Python packages (first run takes about a minute)"
    "$PY" -m pip install -q --upgrade pip >/dev/null
    "$PY" -m pip install -q -e '.[dev]'
    rm -f "$VENV"/.installed-* && touch "$stamp"
  fi
}

setup_browser() {
  # Debian's Chromium for the Playwright tests; never a browser download.
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing Debian's chromium for the browser tests"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || log "could not install chromium: browser tests will be skipped"
    else
      log "no /usr/bin/chromium and not root: browser tests will be skipped (apt-get install chromium)"
    fi
  fi
}

case "${1:-}" in
  app)
    setup_python
    shift
    # On 127.0.0.1, server folders off, no tracebacks for visitors: see README "Serving Frontline to others".
    exec "$VENV/bin/frontline" app "$@"
    ;;
  test)
    setup_python
    setup_browser
    shift
    "$VENV/bin/ruff" check .
    exec "$PY" -m pytest "$@"
    ;;
  *)
    echo "usage: bash run.sh app | bash run.sh test [pytest args]" >&2
    exit 64
    ;;
esac
