/** What one GT value contributes to a burden. */
export interface GenotypeDosage {
  /** Called alleles that are ALT alleles counted by the caller's mask. */
  dosage: number;
  /** Whether any allele is missing (`.`), or the whole GT is. */
  missing: boolean;
}

/**
 * Reads a GT value (`0/1`, `1|2`, `./.`, `1`, `0/1/1`, 4.4's leading phase mark `|0/1`) into the
 * number of counted ALT alleles: allele k ≥ 1 counts when `counted[k − 1]` is true. `undefined`
 * (no GT, or `.`) is missing. The VCF reader has already checked the syntax and that every
 * index names an ALT, so this only scans characters (no splitting: it runs samples × variants
 * times). Returns undefined for a malformed value, which the caller reports.
 */
export function genotypeDosage(
  gt: string | undefined,
  counted: readonly boolean[],
): GenotypeDosage | undefined {
  if (gt === undefined) return { dosage: 0, missing: true };
  let dosage = 0;
  let missing = false;
  let alleles = 0;
  let i = 0;
  const n = gt.length;
  while (i < n) {
    const c = gt.charCodeAt(i);
    if (c === 47 /* / */ || c === 124 /* | */) {
      i++;
      continue;
    }
    if (c === 46 /* . */) {
      missing = true;
      alleles++;
      i++;
      continue;
    }
    let k = 0;
    const from = i;
    for (; i < n; i++) {
      const d = gt.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      k = k * 10 + d;
    }
    if (i === from) return undefined;
    alleles++;
    if (k > 0) {
      if (k > counted.length) return undefined;
      if (counted[k - 1]) dosage++;
    }
  }
  if (alleles === 0) return undefined;
  return { dosage, missing };
}
