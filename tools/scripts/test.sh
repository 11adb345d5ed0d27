#!/usr/bin/env bash
# The whole test suite: installs what the tests need beyond npm packages (Chromium for the
# browser test), then lint, typecheck and test for every project through Nx.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI="${CI:-true}"
bash tools/scripts/install-test-deps.sh
npx nx run-many -t lint typecheck --parallel=2 --outputStyle=stream
# Tests run one project at a time: training tests each want a whole core.
npx nx run-many -t test --parallel=1 --outputStyle=stream
# The memory benchmark of the genomic-data issue: encoding 1M FASTA + BED regions must peak within
# 10% of the RSS of 100k (exit 1 otherwise). RSS moves a few MB between processes, so a miss is
# measured once more before it fails the suite.
npm run -s bench:rss || npm run -s bench:rss
