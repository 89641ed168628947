#!/usr/bin/env bash
# Prepares a fresh machine for tillbox: system packages, a virtual environment, the project installed
# into it. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools the tests and the demo use (real pty pairs need socat).
need_pkgs=()
command -v socat >/dev/null 2>&1 || need_pkgs+=(socat)
# A real MQTT broker for the sync tests and the demo.
{ command -v mosquitto || [ -x /usr/sbin/mosquitto ]; } >/dev/null 2>&1 || need_pkgs+=(mosquitto)
# Fonts for the PNG renderer: a monospaced Latin face and one with Chinese, Japanese and Korean glyphs.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need_pkgs+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_pkgs+=(fonts-wqy-microhei)
if ((${#need_pkgs[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_pkgs[*]} with apt-get" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "setup: missing system packages: ${need_pkgs[*]}" >&2
    echo "setup: install them first, e.g.: sudo apt-get install -y ${need_pkgs[*]}" >&2
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
  echo "setup: Python 3.11 or newer is needed (apt-get install -y python3 python3-venv)" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv || { echo "setup: could not create a venv (apt-get install -y python3-venv)" >&2; exit 1; }
fi
stamp=.venv/.tillbox-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e '.[dev]'; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup: installing the Python packages failed (full log: $log)" >&2
    exit 1
  fi
  touch "$stamp"
fi
