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
echo "== cloud: ingest into PostgreSQL, one and two workers on the shared subscription"
.venv/bin/python -m bench.cloud_ingest
echo "== cloud: the e-receipt page under 50 concurrent clients (wrk)"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "bench: wrk is needed for the page benchmark (apt-get install -y wrk)" >&2; exit 1
  fi
fi
.venv/bin/python -m bench.receipt_page
