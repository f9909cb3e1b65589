#!/usr/bin/env bash
# The user manual (docs/manual/vi, docs/manual/en) kept current: make its pictures afresh with tools/screenshots.sh
# (every screen the manual shows, Help → User manual and Help → About included; the documents page needs xvfb-run
# and ImageMagick), then run the checks that every picture and link of the manual exists and the windows show it.
#   bash tools/manual.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
bash tools/screenshots.sh > /dev/null
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$VENV/bin/python" -m pytest -q tests/unit/test_manual_pages.py tests/gui/test_manual_gui.py
