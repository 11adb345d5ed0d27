#!/usr/bin/env bash
# Retrains the default variant-calling model (models/pileup-caller) from simulated reads of
# E. coli 536 (shared data): four training regions (NC_008253.1:1-1600000) at 30× (0.5–1% error),
# 15× twice (1–2%) and 20× (0.5–2%), at the evaluation's variant rate (0.1%, a third indels) so
# the model's prior for "variant" among candidates is the one it will meet; the two 15× samples
# give it hom-ref candidates made of two reads' errors, the false positives of low coverage.
# Validation (NC_008253.1:1600001-2000000, seeds 201-203: where strand call's --min-qual default
# was chosen) and the held-out evaluation (tools/scripts/eval-caller.sh: NC_008253.1:2000001-
# 2500000, seeds 101-103) use other regions and seeds.
# Usage: npm run train:caller [-- --epochs N]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${STRAND_SHARED_DATA:-../shared/data}
reference="$data/reference/ecoli536_NC_008253.fa.gz"
work=${CALLER_WORK:-.strand/caller-train}
mkdir -p "$work"
sim=tools/scripts/simulate-reads.sh
bash $sim "$reference" NC_008253.1:1-400000 "$work/a" --coverage 30 --error 0.005-0.01 --rate 0.001 --seed 11
bash $sim "$reference" NC_008253.1:400001-800000 "$work/b" --coverage 15 --error 0.01-0.02 --rate 0.001 --seed 12
bash $sim "$reference" NC_008253.1:800001-1200000 "$work/c" --coverage 15 --error 0.01-0.02 --rate 0.001 --seed 13
bash $sim "$reference" NC_008253.1:1200001-1600000 "$work/d" --coverage 20 --error 0.005-0.02 --rate 0.001 --seed 14
cp "$work/a/ref.fa" "$work/ref.fa" && cp "$work/a/ref.fa.fai" "$work/ref.fa.fai"
node tools/bin/strand.mjs call train --reference "$work/ref.fa" \
  --bam "$work/a/reads.bam" --truth "$work/a/truth.vcf" --region NC_008253.1:1-400000 \
  --bam "$work/b/reads.bam" --truth "$work/b/truth.vcf" --region NC_008253.1:400001-800000 \
  --bam "$work/c/reads.bam" --truth "$work/c/truth.vcf" --region NC_008253.1:800001-1200000 \
  --bam "$work/d/reads.bam" --truth "$work/d/truth.vcf" --region NC_008253.1:1200001-1600000 \
  --out models/pileup-caller "$@"
