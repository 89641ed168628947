#!/usr/bin/env bash
# Prepares a fresh machine for tillbox: system packages, a virtual environment, the project installed
# into it. Safe to run again; it only does what is missing. TILLBOX_SETUP_FOR=demo sets up what the demo
# needs and nothing the tests alone need (PostgreSQL, Chromium, the test and lint tools).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*" >&2; }

# System tools the tests and the demo use (real pty pairs need socat).
need_pkgs=()
command -v socat >/dev/null 2>&1 || need_pkgs+=(socat)
# A real MQTT broker for the sync tests and the demo.
{ command -v mosquitto || [ -x /usr/sbin/mosquitto ]; } >/dev/null 2>&1 || need_pkgs+=(mosquitto)
# Fonts for the PNG renderer: a monospaced Latin face and one with Chinese, Japanese and Korean glyphs.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need_pkgs+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_pkgs+=(fonts-wqy-microhei)
# What the tests need beyond the demo (the demo runs with TILLBOX_SETUP_FOR=demo): Debian's Chromium,
# which the browser tests drive through Playwright (no browser download), and PostgreSQL below.
for_tests=true
[ "${TILLBOX_SETUP_FOR:-test}" = demo ] && for_tests=false
$for_tests && { command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium); }
# Node.js and npm for the receipt encoders nobody here wrote (tests/encoders), which make test receipts.
$for_tests && { command -v npm >/dev/null 2>&1 || need_pkgs+=(nodejs npm); }
if ((${#need_pkgs[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${need_pkgs[*]} with apt-get (a minute or two the first time)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    say "missing system packages: ${need_pkgs[*]}"
    say "install them first, e.g.: sudo apt-get install -y ${need_pkgs[*]}"
    exit 1
  fi
fi

# A real PostgreSQL for the cloud side's tests: TILLBOX_PG_URL, or postgres@127.0.0.1:5432 with trust
# authentication as on the machines this project is built on. On a bare machine (as root) it is installed
# and started here; local TCP connections are then trusted, which is for a test machine only.
if $for_tests && [ -z "${TILLBOX_PG_URL:-}" ] && ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "setup: installing postgresql with apt-get" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    pg_ver=$(ls /etc/postgresql | sort -V | tail -n 1)
    hba=/etc/postgresql/$pg_ver/main/pg_hba.conf
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      echo "setup: trusting local TCP connections in $hba (a test machine)" >&2
      sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    fi
    echo "setup: starting PostgreSQL $pg_ver" >&2
    pg_ctlcluster --skip-systemctl-redirect "$pg_ver" main start 2>/dev/null \
      || pg_ctlcluster --skip-systemctl-redirect "$pg_ver" main reload
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && break; sleep 0.2; done
  else
    echo "setup: no PostgreSQL at 127.0.0.1:5432 and not root to install one." >&2
    echo "setup: start one (trust auth for postgres@127.0.0.1) or set TILLBOX_PG_URL=postgresql+psycopg://user@host:port/db" >&2
    exit 1
  fi
fi

py=${PYTHON:-}
if [ -z "$py" ]; then
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      py=$cand; break
    fi
  done
fi
if [ -z "$py" ]; then
  say "Python 3.11 or newer is needed (apt-get install -y python3 python3-venv)"
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  say "making a Python virtual environment in .venv"
  "$py" -m venv .venv || { say "could not create a venv (apt-get install -y python3-venv)"; exit 1; }
fi
# What to install: the box and the cloud for the demo; the test and lint tools on top for the tests.
# Each has its stamp, so that the tests after a demo install only what they add.
if $for_tests; then
  extras='.[dev,cloud,postgres]'; stamp=.venv/.tillbox-installed-test
else
  extras='.[cloud]'; stamp=.venv/.tillbox-installed-demo
  [ -f .venv/.tillbox-installed-test ] && stamp=.venv/.tillbox-installed-test  # the tests' holds the demo's
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log=.venv/pip-install.log
  say "installing the Python packages ($extras; the first time takes a few minutes; log: $log)"
  {
    .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e "$extras"
  } >"$log" 2>&1 &
  pip_pid=$!
  # A line of progress every few seconds, so that a first run never sits silent.
  while kill -0 "$pip_pid" 2>/dev/null; do
    sleep 5
    kill -0 "$pip_pid" 2>/dev/null || break
    got=$(grep -c -E '^(Collecting|Requirement already satisfied)' "$log" 2>/dev/null || true)
    now=$(grep -E '^(Collecting|Downloading|Installing collected|Building)' "$log" 2>/dev/null | tail -n 1 | cut -c1-70)
    say "  … ${got:-0} packages so far${now:+: $now}"
  done
  if ! wait "$pip_pid"; then
    tail -n 40 "$log" >&2
    say "installing the Python packages failed (full log: $log)"
    exit 1
  fi
  touch "$stamp"
  say "Python packages installed"
fi

# The pinned receipt encoders of tests/encoders (npm registry), into .venv/encoders.
if $for_tests; then
  enc=.venv/encoders
  if [ ! -f "$enc/.installed" ] || [ tests/encoders/package.json -nt "$enc/.installed" ]; then
    say "installing the test receipt encoders (npm: $(tr -d '\n' < tests/encoders/package.json | grep -o '"dependencies": *{[^}]*}' | tr -s ' '))"
    mkdir -p "$enc"
    cp tests/encoders/package.json "$enc/package.json"
    if ! (cd "$enc" && npm install --no-audit --no-fund --loglevel=error >npm-install.log 2>&1); then
      tail -n 20 "$enc/npm-install.log" >&2
      say "installing the test receipt encoders failed (log: $enc/npm-install.log)"
      exit 1
    fi
    touch "$enc/.installed"
  fi
fi
