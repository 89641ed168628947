#!/usr/bin/env bash
# The one command that runs every check: lint, types, the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. .venv/bin/activate
if (($#)); then
  # With pytest's arguments (a file, -k, -x): the lint, then pytest with them.
  echo "== ruff"; ruff check .
  echo "== mypy"; mypy
  echo "== pytest"
  exec python -m pytest -q -p no:cacheprovider "$@"
fi
# The soak (tests marked slow: the real agent SIGKILLed a few hundred times mid-sync, about three minutes
# spent mostly waiting on processes it starts and kills) runs beside the lint and the rest of the suite,
# so the whole run takes the time of the longer. pytest exits 5 when it collected nothing: each run's
# status is kept, and any that is not 0 fails the whole.
soak_log=$(mktemp)
python -m pytest -q -p no:cacheprovider -m slow >"$soak_log" 2>&1 &
soak=$!
trap 'kill "$soak" 2>/dev/null || true; rm -f "$soak_log"' EXIT
echo "== ruff"; ruff check .
echo "== mypy"; mypy
echo "== pytest (all but the soak)"
rest=0
python -m pytest -q -p no:cacheprovider -m "not slow" || rest=$?
slow=0
wait "$soak" || slow=$?
echo "== pytest -m slow (the soak, run beside the rest)"
cat "$soak_log"
if ((rest)); then exit "$rest"; fi
exit "$slow"
