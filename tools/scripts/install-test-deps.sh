#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, each only when missing: Debian's Chromium for
# the browser test, bcftools (htslib) for the real-world VCF corpus test's expected results, and
# samtools, minimap2 and dwgsim for the variant caller's simulated reads, a Python venv with
# pyarrow for the test that opens a Strand dataset in Python, PostgreSQL and Redis (scaled-out mode).
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v bcftools >/dev/null || missing+=(bcftools)
# The variant caller's tests simulate reads with known variants (tools/scripts/simulate-reads.sh).
for tool in samtools minimap2 dwgsim; do command -v $tool >/dev/null || missing+=($tool); done
# PostgreSQL and Redis for the scaled-out mode's tests (libs/data's PostgreSQL pass, the cluster
# test); the Debian packages' own services are not used: tests start throwaway servers.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-test-deps: ${missing[*]} missing and this is not root; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "install-test-deps: installing Debian's ${missing[*]} (once)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi
bash tools/scripts/python-venv.sh >/dev/null
