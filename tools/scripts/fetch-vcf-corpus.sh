#!/usr/bin/env bash
# Fetches the real-world VCF corpus the VCF tests measure Strand against: every VCF (plain, gzip,
# bgzip; BCF too, to report) that Debian ships in python3-cyvcf2 (its tests),
# r-bioc-variantannotation (its extdata and unit-test cases, 1000 Genomes chr22 among them) and
# r-bioc-rsamtools (ex1.vcf.gz: samtools mpileup's calls on its ex1 reads), and htslib's verdict on
# each: `bcftools view -H FILE` exit status and record count. references/ex1.fa is the reference
# ex1 was called on, from samtools' examples, so that a real call set can be scored end to end.
#
# Idempotent: does nothing when the corpus is already there. The files are never committed: they
# live under .cache/vcf-corpus (git-ignored), or STRAND_VCF_CORPUS_DIR.
#   manifest.tsv: file (relative to the corpus dir), bcftools exit status, records, first error
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${STRAND_VCF_CORPUS_DIR:-$root/.cache/vcf-corpus}"
packages=(python3-cyvcf2 r-bioc-variantannotation r-bioc-rsamtools samtools)
# A corpus fetched before the last package was added is fetched again.
[ -f "$dir/manifest.tsv" ] && [ -f "$dir/references/ex1.fa" ] && exit 0

say() { echo "fetch-vcf-corpus: $*" >&2; }
if ! command -v bcftools >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's bcftools (once)…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 bcftools >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 bcftools >/dev/null; }
  else
    say "bcftools is missing and this is not root; run: sudo apt-get install -y bcftools"
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
say "downloading ${packages[*]} from Debian…"
if ! apt-get download "${packages[@]}" >/dev/null 2>&1; then
  # A fresh machine may have no package lists yet.
  [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null
  apt-get download "${packages[@]}" >/dev/null
fi
mkdir -p corpus/files
for deb in *.deb; do
  package="${deb%%_*}"
  mkdir -p "x/$package"
  dpkg -x "$deb" "x/$package"
  (cd "x/$package" && find . -type f \( -name '*.vcf' -o -name '*.vcf.gz' -o -name '*.vcf.bgz' -o -name '*.bcf' \) -printf '%P\n') |
    while read -r path; do
      mkdir -p "corpus/files/$package/$(dirname "$path")"
      cp "x/$package/$path" "corpus/files/$package/$path"
    done
done
mkdir -p corpus/references
cp x/samtools/usr/share/doc/samtools/examples/ex1.fa corpus/references/ex1.fa
cd corpus
printf 'file\tbcftools_exit\trecords\terror\n' > manifest.tsv.tmp
find files -type f | sort | while read -r file; do
  set +e
  records=$(bcftools view -H "$file" 2>"$work/err" | wc -l)
  status=${PIPESTATUS[0]}
  set -e
  error=$(grep -v '^\[W::' "$work/err" | head -1 | tr '\t' ' ' | cut -c1-200 || true)
  printf '%s\t%s\t%s\t%s\n' "$file" "$status" "$records" "$error" >> manifest.tsv.tmp
done
mv manifest.tsv.tmp manifest.tsv
mkdir -p "$(dirname "$dir")"
# Two test projects may fetch at once: the first to finish puts its corpus in place.
tmp="$dir.tmp.$$"
mv "$work/corpus" "$tmp"
if [ -f "$dir/manifest.tsv" ] && [ -f "$dir/references/ex1.fa" ]; then
  rm -rf "$tmp"
else
  rm -rf "$dir"
  mv "$tmp" "$dir"
fi
say "$(($(wc -l < "$dir/manifest.tsv") - 1)) files in $dir"
