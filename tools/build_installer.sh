#!/usr/bin/env bash
# Build the one-folder bundle dist/OCOP-Desktop/ (PyInstaller, build_installer.spec) on this machine's OS, then print
# how long it took and how large it is. PyInstaller comes from the `dev` extra; it is installed into .venv if missing.
#   bash tools/build_installer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "No $VENV: run 'bash tools/bootstrap.sh test' (or create it with python3 -m venv) first" >&2
  exit 1
fi
if ! "$VENV/bin/python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[dev]"
fi
"$VENV/bin/python" tools/i18n.py build  # the English catalogue (.qm) the bundle carries

start=$(date +%s%N)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  build_installer.spec
ms=$((($(date +%s%N) - start) / 1000000))

BUNDLE=dist/OCOP-Desktop
printf 'Built %s in %d.%d s\n' "$BUNDLE" $((ms / 1000)) $((ms % 1000 / 100))
printf 'Size: %s MiB, %s files\n' "$(du -sm "$BUNDLE" | cut -f1)" "$(find "$BUNDLE" -type f | wc -l)"
echo "Try it: $BUNDLE/ocop-desktop demo --db NEW-FOLDER/demo.ocopdb --out NEW-FOLDER"
