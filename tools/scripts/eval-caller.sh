#!/usr/bin/env bash
# Held-out evaluation of the variant caller against bcftools (issue 16): simulates reads from a
# region and seed that training never saw (E. coli 536, 0.1% variants, a third indels), calls
# them with `strand call` (default model unless MODEL=dir) and with `bcftools mpileup | bcftools
# call -mv`, and scores both with `strand call eval` (SNV / indel P, R, F1; GT concordance; PASS
# records only, as hap.py counts them: strand's LowQual and AlleleBalance calls are not counted,
# bcftools' calls are all PASS). MIN_QUAL=q passes --min-qual q to strand call.
# usage: eval-caller.sh COVERAGE ERROR SEED [REGION]   e.g. eval-caller.sh 15 0.01-0.02 102
set -euo pipefail
cd "$(dirname "$0")/../.."
coverage=${1:?coverage} error=${2:?error range} seed=${3:?seed}
region=${4:-NC_008253.1:2000001-2500000}
data=${STRAND_SHARED_DATA:-../shared/data}
work=${CALLER_WORK:-.strand/caller-eval}/${coverage}x-$seed
bash tools/scripts/simulate-reads.sh "$data/reference/ecoli536_NC_008253.fa.gz" "$region" "$work" \
  --coverage "$coverage" --error "$error" --rate 0.001 --seed "$seed"
model=()
[ -n "${MODEL:-}" ] && model=(--model "$MODEL")
[ -n "${MIN_QUAL:-}" ] && model+=(--min-qual "$MIN_QUAL")
start=$(date +%s)
node tools/bin/strand.mjs call --bam "$work/reads.bam" --reference "$work/ref.fa" --region "$region" \
  "${model[@]}" --out "$work/strand.vcf"
echo "strand call: $(($(date +%s) - start)) s"
start=$(date +%s)
bcftools mpileup -Ou -f "$work/ref.fa" -r "$region" "$work/reads.bam" 2>/dev/null |
  bcftools call -mv -Ov -o "$work/bcftools.vcf" 2>/dev/null
echo "bcftools: $(($(date +%s) - start)) s"
for caller in strand bcftools; do
  echo "== $caller (${coverage}×, error $error, seed $seed, $region)"
  node tools/bin/strand.mjs call eval --truth "$work/truth.vcf" --calls "$work/$caller.vcf" \
    --reference "$work/ref.fa" --region "$region"
done
