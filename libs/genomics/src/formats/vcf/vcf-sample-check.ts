import { valuesProblem } from './vcf-info-check.ts';
import { isFieldKey } from './vcf-names.ts';
import type { VcfRecordContext } from './vcf-record-context.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { SIGNED_RESERVED, reservedField } from './vcf-reserved.ts';
import { excerpt, vcfAtLeast } from './vcf-version.ts';

type Problem = string | undefined;

/** FORMAT: `:`-separated keys, GT first when present, none repeated. */
export function formatProblem(format: string, context: VcfRecordContext): Problem {
  const keys = format.split(':');
  for (const key of keys) {
    if (!isFieldKey('FORMAT', key, context.header.version)) {
      return `FORMAT key ${excerpt(key)} is not a valid key`;
    }
  }
  if (keys.indexOf('GT') > 0) return 'GT must be the first FORMAT key';
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  return repeated ? `FORMAT key ${repeated} appears twice` : undefined;
}

/**
 * Reads a GT value: allele indexes separated by `/` or `|` (from 4.4 a leading phase mark is
 * allowed). Returns the ploidy, or the reason it is invalid.
 */
function genotypeProblem(gt: string, context: VcfRecordContext): number | { reason: string } {
  const body = vcfAtLeast(context.header.version, '4.4') ? gt.replace(/^[/|]/, '') : gt;
  const alleles = body.split(/[/|]/);
  for (const allele of alleles) {
    if (allele === '.') continue;
    if (!/^\d+$/.test(allele)) return { reason: `GT ${excerpt(gt)} is not a valid genotype` };
    if (context.altCount !== null && Number(allele) > context.altCount) {
      return {
        reason: `GT ${gt} refers to allele ${allele}, but there are ${context.altCount} ALT allele(s)`,
      };
    }
  }
  return alleles.length;
}

/** What every sample of a record is checked against, resolved once per record. */
export interface SampleRules {
  keys: string[];
  /** Header or reserved definition of each FORMAT key (undefined: not checked). */
  definitions: (VcfFieldDefinition | undefined)[];
  /** Whether each key is a reserved Integer that cannot be negative. */
  unsigned: boolean[];
  /** 4.5 writes a zero-length list as an empty value (and an empty column for all of them). */
  emptyAllowed: boolean;
  /** Before 4.3 values may not contain white-space. */
  noWhitespace: boolean;
}

/** Resolves the rules for the samples of a record with this FORMAT. */
export function sampleRules(format: string, context: VcfRecordContext): SampleRules {
  const { version } = context.header;
  const keys = format.split(':');
  const definitions = keys.map(
    (k) => context.header.format.get(k) ?? reservedField('FORMAT', k, version),
  );
  const unsigned = keys.map(
    (k) => reservedField('FORMAT', k, version)?.type === 'Integer' && !SIGNED_RESERVED.has(k),
  );
  return {
    keys,
    definitions,
    unsigned,
    emptyAllowed: vcfAtLeast(version, '4.5'),
    noWhitespace: !vcfAtLeast(version, '4.3'),
  };
}

function firstNegative(parts: string[]): string | undefined {
  for (const p of parts) if (p !== '.' && Number(p) < 0) return p;
  return undefined;
}

/** How errors name a sample (built only when there is an error). */
function sampleName(context: VcfRecordContext, index: number): string {
  return `sample ${context.header.samples[index] ?? index + 1}`;
}

/** Checks one sample column against FORMAT and the field definitions. */
export function sampleProblem(
  sample: string,
  index: number,
  rules: SampleRules,
  context: VcfRecordContext,
): Problem {
  const { keys } = rules;
  const values = sample.split(':');
  if (values.length > keys.length)
    return `${sampleName(context, index)} has ${values.length} fields, FORMAT has ${keys.length}`;
  let ploidy = 2; // Number=G assumes diploidy when there is no GT (4.3 §1.6.2).
  for (let j = 0; j < values.length; j++) {
    const value = values[j];
    const key = keys[j];
    if (value === '' && !rules.emptyAllowed)
      return `${sampleName(context, index)} has an empty ${key} field`;
    if (rules.noWhitespace && /\s/.test(value))
      return `${sampleName(context, index)} ${key} contains white-space`;
    if (j === 0 && key === 'GT') {
      const gt = genotypeProblem(value, context);
      if (typeof gt !== 'number') return `${sampleName(context, index)}: ${gt.reason}`;
      ploidy = gt;
      continue;
    }
    const definition = rules.definitions[j];
    if (!definition || value === '' || value === '.') continue;
    const parts = value.split(',');
    const problem = valuesProblem(key, parts, definition, context, ploidy);
    if (problem) return `${sampleName(context, index)} ${problem}`;
    if (rules.unsigned[j]) {
      const negative = firstNegative(parts);
      if (negative !== undefined)
        return `${sampleName(context, index)} ${key} value ${negative} is negative`;
    }
  }
  return undefined;
}
