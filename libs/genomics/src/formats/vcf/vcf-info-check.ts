// Checks of the INFO column. Map: splitValues (commas outside quotes); reservedValueProblem
// (the ranges of reserved keys); valuesProblem (Number and Type, shared with the samples);
// entry (one key[=value]); checkInfo (the column). Deviations htslib reads go to `warn` (see
// VCF_RULES) and the column is rewritten where the record must read differently from the text
// (an empty value becomes `.`, a repeated key is dropped).
import { isFieldKey } from './vcf-names.ts';
import type { VcfRecordContext, VcfWarn } from './vcf-record-context.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { SIGNED_RESERVED, reservedField } from './vcf-reserved.ts';
import { VCF_RULES } from './vcf-rules.ts';
import { expectedCount, typeProblem } from './vcf-values.ts';
import { excerpt, vcfAtLeast } from './vcf-version.ts';

type Problem = string | undefined;

/** Splits on commas outside double quotes (hts-specs' tests quote a String holding commas). */
export function splitValues(value: string): string[] {
  if (!value.includes('"')) return value.split(',');
  const values: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '"') quoted = !quoted;
    else if (value[i] === ',' && !quoted) {
      values.push(value.slice(start, i));
      start = i + 1;
    }
  }
  values.push(value.slice(start));
  return values;
}

const CIGAR = /^(\d+[MIDNSHPX=])+$/;

/** Checks that apply to a reserved key whatever the header says (4.3 §1.6.1 definitions). */
function reservedValueProblem(key: string, values: string[], integer: boolean): Problem {
  for (const value of values) {
    if (value === '.') continue;
    if (integer && !SIGNED_RESERVED.has(key) && Number(value) < 0) {
      return `${key} value ${value} is negative`;
    }
    if (key === 'AF' && !(Number(value) >= 0 && Number(value) <= 1)) {
      return `AF value ${value} is not in [0, 1]`;
    }
    if (key === 'CIGAR' && !CIGAR.test(value))
      return `CIGAR ${excerpt(value)} is not a CIGAR string`;
  }
  return undefined;
}

/**
 * Checks a field's values against its Number and Type: a count that disagrees and a value read
 * as another type go to `warn` (prefixed with `prefix`); returns the error of a value that
 * cannot be read as its type.
 */
export function valuesProblem(
  prefix: string,
  what: string,
  values: string[],
  definition: VcfFieldDefinition,
  context: VcfRecordContext,
  ploidy: number | null,
  warn: VcfWarn = context.warn,
): Problem {
  if (values.length === 1 && values[0] === '.') return undefined;
  const expected = expectedCount(definition.number, context.altCount, ploidy);
  if (expected !== undefined && expected > 0 && values.length !== expected) {
    warn(
      VCF_RULES.valueCount,
      `${prefix}${what} has ${values.length} value(s), Number=${definition.number} requires ${expected}`,
      `kept the ${values.length} value(s) as written`,
    );
  }
  for (const value of values) {
    if (value === '.') continue;
    const problem = typeProblem(definition.type, value, context.header.version);
    if (!problem) continue;
    const message = `${prefix}${what} value ${problem.problem} (Type=${definition.type})`;
    if (problem.tolerated === undefined) return message;
    warn(VCF_RULES.valueType, message, problem.tolerated);
    return undefined;
  }
  return undefined;
}

/** One INFO entry; returns the entry as the record should read it, or an error. */
function entry(
  key: string,
  value: string | undefined,
  context: VcfRecordContext,
  warn: VcfWarn,
): { text: string } | { reason: string } {
  const { version } = context.header;
  const definition = context.header.info.get(key) ?? reservedField('INFO', key, version);
  let text = value === undefined ? key : `${key}=${value}`;
  // The value's parts, split once (`.` for empty ones).
  let values: string[] = [];
  if (value !== undefined) {
    values = splitValues(value);
    if (value === '' || values.includes('')) {
      warn(VCF_RULES.emptyValue, `INFO ${key} has an empty value`, 'read it as missing (".")');
      values = values.map((p) => (p === '' ? '.' : p));
      value = values.join(',');
      text = `${key}=${value}`;
    }
    if (!vcfAtLeast(version, '4.3') && /\s/.test(value))
      warn(VCF_RULES.whitespace, `INFO ${key} value contains white-space`, 'kept it as written');
  }
  if (!definition) return { text };
  if (definition.type === 'Flag') {
    // Flags take no value; 0 and 1 are tolerated as vcf-validator does.
    if (value !== undefined && value !== '0' && value !== '1') {
      const problem = `INFO ${key} is a Flag and cannot have the value ${excerpt(value)}`;
      warn(VCF_RULES.flagValue, problem, 'read the flag as set');
    }
    return { text };
  }
  if (value === undefined) {
    if (definition.number !== '0') {
      const problem = `INFO ${key} has no value (Type=${definition.type})`;
      warn(VCF_RULES.flagValue, problem, 'read it as missing (".")');
      return { text: `${key}=.` };
    }
    return { text };
  }
  const problem = valuesProblem('INFO ', key, values, definition, context, null, warn);
  if (problem) return { reason: problem };
  const range = reservedField('INFO', key, version)
    ? reservedValueProblem(key, values, definition.type === 'Integer')
    : undefined;
  if (range) warn(VCF_RULES.valueRange, range, 'kept the value');
  return { text };
}

/** Entries an {@link InfoEntryCache} holds before it starts again. */
const INFO_CACHE_LIMIT = 1 << 16;

/**
 * The INFO entries of one file (`key=value` as written) that passed every check without a
 * warning, by ALT count: an entry's checks depend only on its text, the header and the ALT count
 * (Number=A, R and G), and call sets repeat most entries (`AN=2`, `ExcessHet=3.0103`,
 * `MQ=60.00`), so each is checked once. An entry that warned is checked (and warns) every time.
 * Cleared when full, so memory stays bounded.
 */
export class InfoEntryCache {
  private readonly passed = new Map<number, Set<string>>();
  private size = 0;

  /** `alts` null (ALT `.`) is kept apart from every count. */
  has(alts: number | null, entry: string): boolean {
    return this.passed.get(alts ?? -1)?.has(entry) === true;
  }

  add(alts: number | null, entry: string): void {
    if (this.size >= INFO_CACHE_LIMIT) {
      this.passed.clear();
      this.size = 0;
    }
    const key = alts ?? -1;
    const entries = this.passed.get(key) ?? new Set<string>();
    this.passed.set(key, entries.add(entry));
    this.size++;
  }
}

/**
 * Checks the INFO column: `.` or `;`-separated `key[=value]` entries, each key once. Returns the
 * column as the record should read it (`.` for an empty one, empty entries and repeated keys
 * dropped, empty values as `.`), or the error that makes it unreadable.
 */
export function checkInfo(
  info: string,
  context: VcfRecordContext,
): { info: string } | { reason: string } {
  if (info === '.') return { info };
  const { warn } = context;
  if (info === '') {
    warn(VCF_RULES.emptyValue, 'INFO is empty (use ".")', 'read it as "."');
    return { info: '.' };
  }
  const seen = new Set<string>();
  const kept: string[] = [];
  let changed = false;
  const cache = context.infoCache;
  for (const part of info.split(';')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (part === '') {
      warn(VCF_RULES.emptyValue, 'INFO has an empty entry (";;" or a ";" at an end)', 'skipped it');
      changed = true;
      continue;
    }
    const known = cache.has(context.altCount, part);
    let clean = true;
    if (!known && !isFieldKey('INFO', key, context.header.version)) {
      if (key === '') return { reason: `INFO entry ${excerpt(part)} has no key` };
      warn(VCF_RULES.keyName, `INFO key ${excerpt(key)} is not a valid key`, 'kept it as written');
      clean = false;
    }
    if (seen.has(key)) {
      warn(VCF_RULES.duplicateKey, `INFO key ${key} appears twice`, 'kept the first value');
      changed = true;
      continue;
    }
    seen.add(key);
    context.names.key('INFO', key, warn);
    if (known) {
      kept.push(part);
      continue;
    }
    let warnings = 0;
    const result = entry(key, eq === -1 ? undefined : part.slice(eq + 1), context, (...w) => {
      warnings++;
      warn(...w);
    });
    if ('reason' in result) return result;
    if (result.text !== part) changed = true;
    else if (clean && warnings === 0) cache.add(context.altCount, part);
    kept.push(result.text);
  }
  if (!changed) return { info };
  return { info: kept.length === 0 ? '.' : kept.join(';') };
}
