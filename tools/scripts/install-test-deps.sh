#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the browser test, and a
# Python venv with pyarrow for the test that opens a Strand dataset in Python.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-test-deps: Chromium is missing and this is not root; run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
  echo "install-test-deps: installing Debian's chromium (once)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null
fi
bash tools/scripts/python-venv.sh >/dev/null
