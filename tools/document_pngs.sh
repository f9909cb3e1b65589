#!/usr/bin/env bash
# Current pictures of every document into docs/documents/ (the first page of each PDF at 80 dpi), printed from a
# demo data file built for the purpose. Needs pdftoppm (Debian: poppler-utils). Run: bash tools/document_pngs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
OUT="${1:-docs/documents}"
mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/ocop-desktop" demo --db "$TMP/demo.ocopdb" --out "$TMP/out" > /dev/null
# the registration form of the demo's own key (its folder is a data folder like any other)
OCOP_DESKTOP_DATA="$TMP/demo.khoa-mau" "$VENV/bin/ocop-desktop" keys export --out "$TMP/khoa.json" \
  --form "$TMP/out/phieu-dang-ky-khoa.pdf" --place "Thái Nguyên" > /dev/null
for pdf in "$TMP"/out/*.pdf; do
  name="$(basename "$pdf" .pdf)"
  pdftoppm -r 80 -f 1 -l 1 -singlefile -png "$pdf" "$OUT/$name"
done
# the minutes' second page shows a product's scoring passes; a sheet's second page its number and running line
pdftoppm -r 80 -f 2 -l 2 -singlefile -png "$TMP/out/bien-ban-hop-hoi-dong.pdf" "$OUT/bien-ban-hop-hoi-dong-trang-2"
pdftoppm -r 80 -f 2 -l 2 -singlefile -png "$TMP/out/phieu-danh-gia.pdf" "$OUT/phieu-danh-gia-trang-2"
ls "$OUT"
