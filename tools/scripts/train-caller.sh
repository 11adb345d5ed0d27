#!/usr/bin/env bash
# Retrains the default variant-calling model (models/pileup-caller) from simulated
# reads: E. coli 536 (shared data), two training regions at 30× (0.5–1% error) and 15× (1–2%),
# 0.2% variants (a third indels). The evaluation regions and seeds of tools/scripts/eval-caller.sh
# are disjoint from these. Usage: npm run train:caller [-- --epochs N]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${STRAND_SHARED_DATA:-../shared/data}
reference="$data/reference/ecoli536_NC_008253.fa.gz"
work=${CALLER_WORK:-.strand/caller-train}
mkdir -p "$work"
sim=tools/scripts/simulate-reads.sh
bash $sim "$reference" NC_008253.1:1-400000 "$work/a" --coverage 30 --error 0.005-0.01 --rate 0.002 --seed 11
bash $sim "$reference" NC_008253.1:400001-800000 "$work/b" --coverage 15 --error 0.01-0.02 --rate 0.002 --seed 12
cp "$work/a/ref.fa" "$work/ref.fa" && cp "$work/a/ref.fa.fai" "$work/ref.fa.fai"
node tools/bin/strand.mjs call train --reference "$work/ref.fa" \
  --bam "$work/a/reads.bam" --truth "$work/a/truth.vcf" --region NC_008253.1:1-400000 \
  --bam "$work/b/reads.bam" --truth "$work/b/truth.vcf" --region NC_008253.1:400001-800000 \
  --out models/pileup-caller "$@"
