#!/usr/bin/env bash
# Installs the real tools that outage's tests run against: Alertmanager (and amtool),
# Prometheus, Nix (for nix-instantiate), Python venvs and an SMTP server for Python.
# Idempotent: installs only what is missing. Debian and Ubuntu only; elsewhere it says
# what to install and exits non-zero.
set -euo pipefail

packages=()
need() { # need COMMAND-OR-CHECK PACKAGE
  if ! eval "$1" >/dev/null 2>&1; then packages+=("$2"); fi
}
need "command -v prometheus-alertmanager || command -v alertmanager" prometheus-alertmanager
need "command -v amtool" prometheus-alertmanager
need "command -v prometheus" prometheus
need "command -v nix-instantiate" nix-bin
need "/usr/bin/python3 -c 'import ensurepip, venv'" python3-venv
need "/usr/bin/python3 -c 'import aiosmtpd'" python3-aiosmtpd
need "command -v python3" python3

if ((${#packages[@]} == 0)); then
  echo "install-test-tools: every tool is present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<'ADVICE'
install-test-tools: this is not a Debian/Ubuntu machine; install these yourself:
  macOS (Homebrew): brew install alertmanager prometheus nix python@3.11
                    (amtool ships with alertmanager; set OUTAGE_ALERTMANAGER_BIN if the
                    binary is not on PATH), pip3 install aiosmtpd
  Other Linux:      your distribution's alertmanager, prometheus, nix and python3-venv
ADVICE
  echo "missing: ${packages[*]}" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
readarray -t unique < <(printf '%s\n' "${packages[@]}" | sort -u)
echo "install-test-tools: installing ${unique[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${unique[@]}" >/dev/null
echo "install-test-tools: done"
