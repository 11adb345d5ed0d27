#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the browser test.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: Chromium is missing and this is not root; run: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "install-test-deps: installing Debian's chromium (once)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
