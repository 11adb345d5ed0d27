#!/usr/bin/env bash
# Reads with known variants, for training and evaluating the variant caller (issue 16):
# Debian's dwgsim plants SNVs and indels (het and hom) in one region of a reference and simulates
# 2×150 bp pairs from the mutated diploid genome; minimap2 aligns them back to the WHOLE reference
# (so reads near the region's edges and repeats map as they would in real data), samtools sorts
# and indexes. The truth VCF is moved to the reference's coordinates.
#
# usage: simulate-reads.sh REFERENCE.fa[.gz] CHROM:START-END OUTDIR [options]
#   --coverage X      mean depth (default 30)
#   --error LO-HI     per-base read error, rising along the read (default 0.005-0.01)
#   --rate R          variants per base (default 0.001)
#   --indels F        fraction of variants that are indels (default 0.33)
#   --seed N          dwgsim's seed (default 1)
#   --threads N       minimap2/samtools threads (default 1)
# Writes OUTDIR/ref.fa(+.fai), reads.bam(+.bai), truth.vcf.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
reference=$1 region=$2 out=$3
shift 3
coverage=30 error=0.005-0.01 rate=0.001 indels=0.33 seed=1 threads=1
while [ $# -gt 0 ]; do
  case $1 in
  --coverage) coverage=$2 ;;
  --error) error=$2 ;;
  --rate) rate=$2 ;;
  --indels) indels=$2 ;;
  --seed) seed=$2 ;;
  --threads) threads=$2 ;;
  *) echo "simulate-reads: unknown option $1" >&2 && exit 2 ;;
  esac
  shift 2
done
for tool in dwgsim minimap2 samtools; do
  command -v $tool >/dev/null || {
    echo "simulate-reads: $tool is missing; run tools/scripts/install-test-deps.sh" >&2
    exit 1
  }
done
chrom=${region%%:*}
span=${region#*:}
start=${span%-*} end=${span#*-}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The reference with its first word as the contig name (NCBI FASTA headers carry `gi|…|` names).
if [ ! -s "$out/ref.fa" ]; then
  if [[ $reference == *.gz ]]; then zcat "$reference"; else cat "$reference"; fi |
    awk '/^>/ { sub(/^>[^ ]*\|ref\|/, ">"); sub(/\|.*/, ""); split($0, w, " "); print w[1]; next } { print }' >"$out/ref.fa"
  samtools faidx "$out/ref.fa"
fi
samtools faidx "$out/ref.fa" "$chrom:$start-$end" | sed "1s/.*/>$chrom/" >"$work/region.fa"
dwgsim -e "$error" -E "$error" -C "$coverage" -1 150 -2 150 -d 400 -s 40 -r "$rate" -R "$indels" \
  -y 0 -z "$seed" "$work/region.fa" "$work/sim" >/dev/null 2>&1
# dwgsim writes POS relative to the region; shift it into the reference's coordinates.
awk -v off=$((start - 1)) 'BEGIN { OFS = "\t" } /^#/ { print; next } { $2 += off; print }' \
  "$work/sim.mutations.vcf" >"$out/truth.vcf"
minimap2 -t "$threads" -ax sr "$out/ref.fa" "$work/sim.bwa.read1.fastq.gz" "$work/sim.bwa.read2.fastq.gz" 2>/dev/null |
  samtools sort -@ "$threads" -o "$out/reads.bam" - 2>/dev/null
samtools index "$out/reads.bam"
echo "simulate-reads: $out/reads.bam ($(grep -vc '^#' "$out/truth.vcf") true variants in $region, ${coverage}×, error $error, seed $seed)"
