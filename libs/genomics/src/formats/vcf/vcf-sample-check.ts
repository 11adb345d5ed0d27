// Checks of FORMAT and the sample columns. Map: checkFormat (the keys; a repeated key is
// dropped); genotypeProblem (GT); sampleRules (what a record's samples are checked against);
// checkSample (one sample column). Deviations htslib reads go to `warn` (see VCF_RULES), once per
// record and rule and key however many samples share them.
import type { WarningRule } from '../../warnings/read-warning.ts';
import { valuesProblem } from './vcf-info-check.ts';
import { isFieldKey } from './vcf-names.ts';
import type { VcfRecordContext } from './vcf-record-context.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { SIGNED_RESERVED, reservedField } from './vcf-reserved.ts';
import { VCF_RULES } from './vcf-rules.ts';
import { excerpt, vcfAtLeast } from './vcf-version.ts';

type Problem = string | undefined;

/** FORMAT as the record reads it: its keys, and which of the written fields to keep. */
export interface CheckedFormat {
  keys: string[];
  /** Indexes of the written fields kept (a repeated key's later fields are dropped). */
  kept: number[] | null;
}

/**
 * FORMAT: `:`-separated keys, GT first when present, none repeated. `.` (no keys) gives no keys:
 * the samples are read as missing.
 */
export function checkFormat(format: string, context: VcfRecordContext): CheckedFormat {
  const { warn } = context;
  if (format === '.') {
    warn(VCF_RULES.missingFormat, 'FORMAT is "." (no keys)', 'read every sample as missing');
    return { keys: [], kept: [] };
  }
  const keys = format.split(':');
  for (const key of keys) {
    if (!isFieldKey('FORMAT', key, context.header.version)) {
      warn(
        VCF_RULES.keyName,
        `FORMAT key ${excerpt(key)} is not a valid key`,
        'kept it as written',
      );
    }
  }
  if (keys.indexOf('GT') > 0) {
    warn(
      VCF_RULES.gtPosition,
      'GT must be the first FORMAT key',
      `read GT from field ${keys.indexOf('GT') + 1}`,
    );
  }
  for (const key of new Set(keys)) context.names.key('FORMAT', key, warn);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (!repeated) return { keys, kept: null };
  warn(
    VCF_RULES.duplicateKey,
    `FORMAT key ${repeated} appears twice`,
    'kept the first field of each key',
  );
  const kept = keys.map((k, i) => (keys.indexOf(k) === i ? i : -1)).filter((i) => i !== -1);
  return { keys: kept.map((i) => keys[i]), kept };
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
  /** Index of GT among the keys, or -1. */
  gt: number;
  /** Header or reserved definition of each FORMAT key (undefined: not checked). */
  definitions: (VcfFieldDefinition | undefined)[];
  /** Whether each key is a reserved Integer that cannot be negative. */
  unsigned: boolean[];
  /** 4.5 writes a zero-length list as an empty value (and an empty column for all of them). */
  emptyAllowed: boolean;
  /** Before 4.3 values may not contain white-space. */
  noWhitespace: boolean;
  /** `rule:key` pairs already reported for this record. */
  reported: Set<string>;
}

/** Resolves the rules for the samples of a record with these FORMAT keys. */
export function sampleRules(keys: string[], context: VcfRecordContext): SampleRules {
  const { version } = context.header;
  const definitions = keys.map(
    (k) => context.header.format.get(k) ?? reservedField('FORMAT', k, version),
  );
  const unsigned = keys.map(
    (k) => reservedField('FORMAT', k, version)?.type === 'Integer' && !SIGNED_RESERVED.has(k),
  );
  return {
    keys,
    gt: keys.indexOf('GT'),
    definitions,
    unsigned,
    emptyAllowed: vcfAtLeast(version, '4.5'),
    noWhitespace: !vcfAtLeast(version, '4.3'),
    reported: new Set(),
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

/**
 * Checks one sample column (its fields already reduced to FORMAT's kept keys) against the
 * field definitions; returns the error that makes it unreadable.
 */
export function checkSample(
  values: string[],
  index: number,
  rules: SampleRules,
  context: VcfRecordContext,
): Problem {
  const { keys } = rules;
  if (values.length > keys.length)
    return `${sampleName(context, index)} has ${values.length} fields, FORMAT has ${keys.length}`;
  let ploidy = 2; // Number=G assumes diploidy when there is no GT (4.3 §1.6.2).
  if (rules.gt !== -1 && rules.gt < values.length && values[rules.gt] !== '') {
    const gt = genotypeProblem(values[rules.gt], context);
    if (typeof gt !== 'number') {
      // Before GT's own check, the fields before it (as the checks ran when GT had to be first).
      const earlier = earlierProblem(values, rules, index, context);
      return earlier ?? `${sampleName(context, index)}: ${gt.reason}`;
    }
    ploidy = gt;
  }
  for (let j = 0; j < values.length; j++) {
    const problem = fieldProblem(values[j], j, rules, index, context, ploidy);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Warns once per record, rule and key: the first sample that shows it speaks for the others.
 * A function, not a closure made per sample: tsx (esbuild's keepNames) names every closure it
 * makes with a defineProperty call, a third of the sample checks' time on a GATK-style call set.
 */
function warnOnce(
  rules: SampleRules,
  context: VcfRecordContext,
  rule: WarningRule,
  key: string,
  problem: () => string,
  action: string,
): void {
  const id = `${rule.id}:${key}`;
  if (rules.reported.has(id)) return;
  rules.reported.add(id);
  context.warn(rule, problem(), action);
}

/** The first error among the fields before GT (GT is checked first to know the ploidy). */
function earlierProblem(
  values: string[],
  rules: SampleRules,
  index: number,
  context: VcfRecordContext,
): Problem {
  for (let j = 0; j < rules.gt; j++) {
    const problem = fieldProblem(values[j], j, rules, index, context, 2);
    if (problem) return problem;
  }
  return undefined;
}

/** Checks field `j` of a sample (GT only for white-space and emptiness: it was read first). */
function fieldProblem(
  value: string,
  j: number,
  rules: SampleRules,
  index: number,
  context: VcfRecordContext,
  ploidy: number,
): Problem {
  const key = rules.keys[j];
  if (value === '' && !rules.emptyAllowed) {
    warnOnce(
      rules,
      context,
      VCF_RULES.emptyValue,
      key,
      () => `${sampleName(context, index)} has an empty ${key} field`,
      'read it as missing',
    );
    return undefined;
  }
  if (rules.noWhitespace && /\s/.test(value)) {
    warnOnce(
      rules,
      context,
      VCF_RULES.whitespace,
      key,
      () => `${sampleName(context, index)} ${key} contains white-space`,
      'kept it as written',
    );
  }
  if (j === rules.gt) return undefined;
  const definition = rules.definitions[j];
  if (!definition || value === '' || value === '.') return undefined;
  const parts = value.split(',');
  const problem = valuesProblem(
    `${sampleName(context, index)} `,
    key,
    parts,
    definition,
    context,
    ploidy,
    (rule, text, action) => warnOnce(rules, context, rule, key, () => text, action),
  );
  if (problem) return problem;
  if (rules.unsigned[j]) {
    const negative = firstNegative(parts);
    if (negative !== undefined)
      warnOnce(
        rules,
        context,
        VCF_RULES.valueRange,
        key,
        () => `${sampleName(context, index)} ${key} value ${negative} is negative`,
        'kept the value',
      );
  }
  return undefined;
}
