#!/usr/bin/env bash
# A Python venv with pyarrow (from the package index pip is set up with), for the test that opens a Strand dataset in Python
# (libs/genomics/src/formats/arrow/python-interop.spec.ts). Made once under .cache/ (git-ignored),
# never in the system Python; prints the venv's python path. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.cache/pyarrow-venv
PYARROW_VERSION=25.0.1
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import pyarrow" 2>/dev/null; then
  echo "$PWD/$VENV/bin/python"
  exit 0
fi
if ! /usr/bin/python3 -c "import ensurepip" 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 python3-venv >/dev/null 2>&1 ||
      (apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 python3-venv >/dev/null)
  else
    echo "python-venv: python3-venv is missing; run: sudo apt-get install -y python3-venv" >&2
    exit 1
  fi
fi
rm -rf "$VENV"
mkdir -p .cache
/usr/bin/python3 -m venv "$VENV" >&2
"$VENV/bin/pip" install -q --disable-pip-version-check --retries 0 --timeout 10 "pyarrow==$PYARROW_VERSION" >&2
echo "$PWD/$VENV/bin/python"
