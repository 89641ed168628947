#!/usr/bin/env bash
# Runs the benchmarks whose figures are in BENCHMARKS.md. Sets everything up first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo "== bridge: added latency and throughput"
.venv/bin/python -m bench.bridge_latency
echo "== receipts: decode + parse throughput"
.venv/bin/python -m bench.parse_throughput
echo "== agent: spool -> outbox throughput and peak RSS"
.venv/bin/python -m bench.agent_ingest
echo "== agent: QR block latency at the cut"
.venv/bin/python -m bench.qr_injection
echo "== sync: a 50,000-transaction backlog through Mosquitto, against a bare paho loop"
.venv/bin/python -m bench.sync_drain
