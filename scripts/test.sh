#!/usr/bin/env bash
# The one command that runs every check: lint, types, the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. .venv/bin/activate
echo "== ruff"; ruff check .
echo "== mypy"; mypy
echo "== pytest"
# pytest exits 5 when it collected nothing; set -e turns that (and any failure) into a failed run.
python -m pytest -q -p no:cacheprovider "$@"
