/**
 * An NCBI FASTA identifier, `gi|110640213|ref|NC_008253.1|` (as NCBI downloads and many bundled
 * references are named): the accession after the database tag is the name VCFs and BEDs use.
 */
const NCBI_ID = /^gi\|\d+\|(?:ref|gb|emb|dbj|tpg|tpe)\|([^|]+)\|?$/;

/**
 * The name a chromosome is compared by: without a `chr` prefix (any case), with the
 * mitochondrion's spellings `M`, `MT`, `chrM`, `chrMT` all reading `MT`, and an NCBI identifier
 * `gi|…|ref|NC_008253.1|` reading its accession `NC_008253.1`. Everything else keeps its case,
 * so `chrUn_gl000220` and `Un_gl000220` match but `x` and `X` do not.
 * @example canonicalChromosome('chr17') // '17'
 */
export function canonicalChromosome(name: string): string {
  const accession = NCBI_ID.exec(name)?.[1];
  if (accession) return accession;
  const bare = /^chr/i.test(name) && name.length > 3 ? name.slice(3) : name;
  return bare === 'M' || bare === 'MT' ? 'MT' : bare;
}

/**
 * Finds the spelling a set of names uses for a chromosome: the exact name when present,
 * otherwise the one with the same canonical name (`chr17` finds `17` and vice versa, `chrM`
 * finds `MT`). Used by FASTA and VCF so both reconcile names the same way.
 */
export class ChromosomeNames {
  private readonly exact: ReadonlySet<string>;
  private readonly byCanonical = new Map<string, string>();

  constructor(names: Iterable<string>) {
    this.exact = new Set(names);
    for (const name of this.exact) {
      const key = canonicalChromosome(name);
      // The first spelling wins if a file (oddly) holds both `chr1` and `1`.
      if (!this.byCanonical.has(key)) this.byCanonical.set(key, name);
    }
  }

  /** The names as given. */
  get names(): string[] {
    return [...this.exact];
  }

  /** The name as spelled here, or undefined when no spelling of it is present. */
  resolve(name: string): string | undefined {
    if (this.exact.has(name)) return name;
    return this.byCanonical.get(canonicalChromosome(name));
  }
}
