#!/usr/bin/env bash
# Runs the benchmarks whose figures are in BENCHMARKS.md. Sets everything up first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo "== bridge: added latency and throughput"
.venv/bin/python -m bench.bridge_latency
echo "== receipts: decode + parse throughput"
.venv/bin/python -m bench.parse_throughput
