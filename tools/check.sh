#!/usr/bin/env bash
# The one check command: lint, types, import contracts, tests. Used by you, the README and CI.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

echo "== ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
echo "== mypy (strict, every package)"
"$VENV/bin/mypy"
echo "== import contracts"
"$VENV/bin/lint-imports"
echo "== pytest"
set +e
"$VENV/bin/pytest" "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
