#!/usr/bin/env bash
# The one command that shows the box at work on this machine: a simulated till printing through the
# real bridge into a simulated printer. Sets everything up first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/python -m hardware_tests.demo "$@"
