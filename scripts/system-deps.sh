#!/usr/bin/env bash
# Installs the Debian packages that the notebook and report-render checks need, when they
# are missing: jupyter-nbconvert + python3-ipykernel (to execute the Deno notebooks headless),
# chromium (to render report.html to a PNG) and fonts-wqy-microhei (a 1.6 MB CJK font, so
# that the Chinese text of the sample data renders). Idempotent: does nothing when all are there.
# Exit 0: all present. Exit 3: missing and cannot be installed here (message names them).
# Prints what it will install and why before it does. `OPS_SKIP_SYSTEM_DEPS=1 pnpm test` skips
# this script and the checks that need these packages (the test command says so before its counts).
set -u
need=()
why=()
command -v /usr/bin/jupyter-nbconvert >/dev/null 2>&1 || { need+=(jupyter-nbconvert); why+=("jupyter-nbconvert: executes the Deno notebooks in examples/notebooks headless"); }
/usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1 || { need+=(python3-ipykernel); why+=("python3-ipykernel: the Jupyter kernel machinery nbconvert drives the Deno kernel with"); }
[ -x /usr/bin/chromium ] || { need+=(chromium); why+=("chromium: renders examples' report.html and runs the draw verification page's browser tests (@ops/cli)"); }
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || { need+=(fonts-wqy-microhei); why+=("fonts-wqy-microhei: a 1.6 MB CJK font, so the Chinese text of the sample data renders (not boxes)"); }
if [ ${#need[@]} -eq 0 ]; then
  echo "system-deps: jupyter-nbconvert, python3-ipykernel, chromium and fonts-wqy-microhei are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]} and apt-get is not available on this system." >&2
  echo "system-deps: install the equivalents of the Debian packages '${need[*]}' (Jupyter nbconvert with an ipykernel, and Chromium at /usr/bin/chromium) and re-run." >&2
  exit 3
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "system-deps: missing ${need[*]}; run as root or install sudo: apt-get install -y ${need[*]}" >&2
    exit 3
  fi
fi
echo "system-deps: the test command needs these Debian packages, missing on this machine:"
for w in "${why[@]}"; do echo "  - $w"; done
echo "system-deps: installing them with apt-get as root (with their dependencies, up to ~350 MB on a bare Debian 12);"
echo "system-deps: to skip them and the checks that need them instead, run the tests with OPS_SKIP_SYSTEM_DEPS=1"
export DEBIAN_FRONTEND=noninteractive
# the lock serialises concurrent runs on one machine (several checkouts share /var/lib/dpkg)
run() { if command -v flock >/dev/null 2>&1; then $sudo flock /tmp/ops-apt.lock "$@"; else $sudo "$@"; fi; }
if ! run sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${need[*]}"; then
  echo "system-deps: apt-get install ${need[*]} failed" >&2
  exit 3
fi
echo "system-deps: installed ${need[*]}"
