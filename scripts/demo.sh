#!/usr/bin/env bash
# The one command that shows the whole system at work on this machine: broker, cloud, an enrolled box,
# a simulated till and printer (hardware_tests/demo.py). Sets everything up first (not what only the
# tests need: PostgreSQL, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
TILLBOX_SETUP_FOR=demo ./scripts/setup.sh
exec .venv/bin/python -m hardware_tests.demo "$@"
