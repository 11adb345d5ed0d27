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
# Flat memory of the real data paths (import, train --dataset, score; tools/bench/store-rss.ts) at
# CI sizes (20k vs 200k records): peak RSS ratios ≤ 1.2 (exit 1 otherwise). RSS moves a few MB
# between processes, so a missed ratio is measured once more inside the benchmark before it fails.
npm run -s bench:rss
