#!/usr/bin/env bash
# The whole test suite: installs what the tests need beyond npm packages (Chromium for the
# browser test, PostgreSQL and Redis for the cluster test), then lint, typecheck and test for every
# project through Nx, the flat-memory benchmark at CI sizes, the scaled-out cluster test and the
# API contract specs against a cluster.
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
# The scaled-out mode on real servers (tools/cluster/cluster-test.ts): a throwaway PostgreSQL and
# Redis (installed above), two API replicas and two workers on their own ports in a temp dir;
# 20 items of three kinds, one worker SIGKILLed mid-training; every item finishes once, the killed
# run resumes from its checkpoint, a subscription on replica B sees every epoch of a run started
# through A (exit 1 otherwise). About 5 min on a shared 2-core machine; it always tears down.
npm run -s cluster:test
# The same with artifacts in an S3-compatible bucket (s3rver from npm) and nothing else shared:
# every API replica and worker keeps its own local copy (fails if the shared directory is used).
npm run -s cluster:test -- --artifacts s3
# The API's GraphQL contract specs again, against a scaled-out cluster (apps/api/
# vitest.cluster.config.ts): PostgreSQL, BullMQ on Redis, the API only queueing and a worker
# running every run and job. The same spec files as the embedded pass above, unchanged.
npm run -s test:cluster
