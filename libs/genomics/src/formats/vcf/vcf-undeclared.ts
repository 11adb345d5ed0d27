import type { VcfHeader } from './vcf-header.ts';
import type { VcfWarn } from './vcf-record-context.ts';
import { reservedField } from './vcf-reserved.ts';
import { VCF_RULES } from './vcf-rules.ts';

/**
 * The contigs, INFO and FORMAT keys and filters a file uses without declaring them in its
 * header. htslib warns once per name ("Contig '1' is not defined in the header", "INFO 'XX' is
 * not defined in the header, assuming Type=String") and adds it to its header; so does this.
 * Memory grows with the number of distinct undeclared names, not with the records.
 */
export class VcfNames {
  private readonly contigs: Set<string>;
  private readonly reported = {
    contig: new Set<string>(),
    INFO: new Set<string>(),
    FORMAT: new Set<string>(),
    FILTER: new Set<string>(),
  };

  constructor(private readonly header: VcfHeader) {
    this.contigs = new Set(header.contigs.map((c) => c.id));
  }

  /** Reports a CHROM without a `##contig` line, once per name. */
  contig(chrom: string, warn: VcfWarn): void {
    if (this.contigs.has(chrom) || this.reported.contig.has(chrom)) return;
    this.reported.contig.add(chrom);
    const none = this.contigs.size === 0;
    warn(
      VCF_RULES.undeclaredContig,
      `contig ${chrom} has no ##contig line${none ? ' (the header declares no contigs)' : ''}`,
      'read its records; its length is unknown',
    );
  }

  /** Reports an INFO or FORMAT key without a definition, once per key. */
  key(kind: 'INFO' | 'FORMAT', key: string, warn: VcfWarn): void {
    if ((kind === 'INFO' ? this.header.info : this.header.format).has(key)) return;
    if (this.reported[kind].has(key)) return;
    this.reported[kind].add(key);
    const reserved = reservedField(kind, key, this.header.version);
    warn(
      kind === 'INFO' ? VCF_RULES.undeclaredInfo : VCF_RULES.undeclaredFormat,
      `${kind} key ${key} has no ##${kind} line`,
      reserved
        ? `read it with the specification's Number=${reserved.number}, Type=${reserved.type}`
        : 'read its values as text, as htslib does',
    );
  }

  /** Reports a FILTER name without a `##FILTER` line (PASS needs none), once per name. */
  filter(name: string, warn: VcfWarn): void {
    if (name === 'PASS' || this.header.filters.has(name) || this.reported.FILTER.has(name)) return;
    this.reported.FILTER.add(name);
    warn(VCF_RULES.undeclaredFilter, `FILTER ${name} has no ##FILTER line`, 'kept it as written');
  }
}
