#!/usr/bin/env bash
# Set up OCOP Desktop on a fresh Debian/Ubuntu machine, then run it or its checks.
#   bash tools/bootstrap.sh run    set up, then open the app on the demo round (with no display: the demo round's
#                                  documents and a screenshot of every view, in demo-output/<date-time>/)
#   bash tools/bootstrap.sh test   set up, then run the whole check (lint, types, import contracts, tests)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-run}"
VENV="${VENV:-.venv}"

# System packages Qt needs even offscreen, fonts, Python's venv, and for the installer bundle (tools/build_installer.sh,
# tests/packaging) what PyInstaller needs on Linux: binutils (objdump, objcopy) and Python's shared library (Debian's
# python3 links it statically; libpython3-dev brings libpython3.X of whichever Python the system has).
APT_PACKAGES="python3 python3-venv python3-pip ca-certificates libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 \
libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core binutils libpython3-dev"
# For a real window (X11 / Xvfb).
APT_PACKAGES_GUI="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"

missing=""
for pkg in $APT_PACKAGES $APT_PACKAGES_GUI; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "These system packages are missing and you are not root, with no sudo to install them:" >&2
      echo "  $missing" >&2
      echo "Ask the machine's administrator to run, as root:" >&2
      echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
      echo "then run this command again." >&2
      exit 1
    fi
    SUDO="sudo"
  fi
  echo "Installing system packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

PYTHON="${PYTHON:-python3}"
# Python 3.11 or newer (Debian 12 and Ubuntu 24.04 ship it; Ubuntu 22.04's python3 is 3.10)
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "OCOP Desktop needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)." >&2
  echo "Install a newer Python (on Ubuntu 22.04: sudo apt-get install python3.11 python3.11-venv)," >&2
  echo "then run: PYTHON=python3.11 bash tools/bootstrap.sh ${MODE}" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
# setuptools says at every editable install that a folder named like the package may shadow it: here that folder is
# the package itself, so only that one notice is silenced
PYTHONWARNINGS="ignore:Editable installation" "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[dev]"
"$VENV/bin/python" tools/i18n.py build  # the English interface catalogue (.ts -> .qm)

case "$MODE" in
  run)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$VENV/bin/ocop-desktop" gui --demo
    else
      OUT="$PWD/demo-output/$(date +%Y%m%d-%H%M%S)"
      echo "No display found: building the demo round, its documents and a screenshot of every view in $OUT"
      "$VENV/bin/ocop-desktop" demo --out "$OUT" --screenshots
      echo
      echo "Documents (PDF, Excel): $OUT"
      echo "Screenshots:            $OUT/screenshots"
    fi
    ;;
  test)
    exec bash tools/check.sh
    ;;
  *)
    echo "usage: bash tools/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
