#!/usr/bin/env bash
# Current screenshots of every view into docs/screenshots/ (offscreen, from `ocop-desktop gui --screenshot`; the
# documents page and the Excel ballots preview under xvfb-run, from tools/screenshot_documents.py and
# tools/screenshot_ballot_import.py; the province page's tabs over a sample province file, from
# tools/screenshot_province.py),
# over a demo data file built for the purpose. Run: bash tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
OUT="${1:-docs/screenshots}"
mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/ocop-desktop" demo --db "$TMP/demo.ocopdb" > /dev/null
PRODUCT="19-05611-2-2026"  # the product re-scored after a spread discussion
for view in start round setup dossier scoring results criteria projector; do
  QT_QPA_PLATFORM=offscreen "$VENV/bin/ocop-desktop" gui --db "$TMP/demo.ocopdb" --view "$view" --product "$PRODUCT" \
    --screenshot "$OUT/$view.png" 2> /dev/null
  QT_QPA_PLATFORM=offscreen "$VENV/bin/ocop-desktop" gui --db "$TMP/demo.ocopdb" --view "$view" --product "$PRODUCT" \
    --lang en --screenshot "$OUT/$view-en.png" 2> /dev/null
done
# the documents page at work (progress dialog, files made, preview) needs a real X server for the dialog
for lang in vi en; do
  xvfb-run -a -s "-screen 0 1400x900x24" "$VENV/bin/python" tools/screenshot_documents.py "$TMP/demo.ocopdb" "$OUT" "$lang" \
    2> /dev/null
  # the preview of a member's returned Excel ballots (on a copy of the demo file, with a product added after the meeting)
  xvfb-run -a -s "-screen 0 1400x900x24" "$VENV/bin/python" tools/screenshot_ballot_import.py "$TMP/demo.ocopdb" "$OUT" \
    "$lang" 2> /dev/null
done
# the preview of an exchange import at the province (offscreen, in a throw-away data folder)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_exchange.py "$OUT" "$lang" 2> /dev/null
done
# the signing key dialogs (offscreen, with a throw-away key and registry of their own)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_keys.py "$OUT" "$lang" 2> /dev/null
done
# File → Accounts and PINs: the accounts tab and the members' PINs tab (offscreen, over a throw-away demo file)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_accounts.py "$OUT" "$lang" 2> /dev/null
done
# Help → User manual (contents, a chapter with its pictures fitted) and Help → About (offscreen)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_help.py "$OUT" "$lang" 2> /dev/null
done
# the province page: every tab over a province file merged from three councils (offscreen is enough)
for lang in vi en; do
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" tools/screenshot_province.py "$OUT" "$lang" 2> /dev/null
done
# the first-run assistant page by page, and the recovery of a damaged file (offscreen, throw-away folders and settings)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_first_run.py "$OUT" "$lang" 2> /dev/null
done
# the recognition decision dialog and File → Restore from a backup (offscreen, a throw-away demo file)
for lang in vi en; do
  "$VENV/bin/python" tools/screenshot_recognition.py "$OUT" "$lang" 2> /dev/null
done
rm -f "$OUT/criteria-browser.png"
ls "$OUT"
