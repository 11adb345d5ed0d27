import { isFieldKey } from './vcf-names.ts';
import type { VcfRecordContext } from './vcf-record-context.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { SIGNED_RESERVED, reservedField } from './vcf-reserved.ts';
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

/** Checks a field's values against its Number and Type. */
export function valuesProblem(
  what: string,
  values: string[],
  definition: VcfFieldDefinition,
  context: VcfRecordContext,
  ploidy: number | null,
): Problem {
  if (values.length === 1 && values[0] === '.') return undefined;
  const expected = expectedCount(definition.number, context.altCount, ploidy);
  if (expected !== undefined && expected > 0 && values.length !== expected) {
    return `${what} has ${values.length} value(s), Number=${definition.number} requires ${expected}`;
  }
  for (const value of values) {
    if (value === '.') continue;
    const problem = typeProblem(definition.type, value, context.header.version);
    if (problem) return `${what} value ${problem} (Type=${definition.type})`;
  }
  return undefined;
}

function entryProblem(key: string, value: string | undefined, context: VcfRecordContext): Problem {
  const { version } = context.header;
  const definition = context.header.info.get(key) ?? reservedField('INFO', key, version);
  if (value !== undefined) {
    if (value === '' || splitValues(value).includes('')) return `INFO ${key} has an empty value`;
    if (!vcfAtLeast(version, '4.3') && /\s/.test(value))
      return `INFO ${key} value contains white-space`;
  }
  if (!definition) return undefined;
  if (definition.type === 'Flag') {
    // Flags take no value; 0 and 1 are tolerated as vcf-validator does.
    return value === undefined || value === '0' || value === '1'
      ? undefined
      : `INFO ${key} is a Flag and cannot have the value ${excerpt(value)}`;
  }
  if (value === undefined) {
    return definition.number === '0'
      ? undefined
      : `INFO ${key} has no value (Type=${definition.type})`;
  }
  const values = splitValues(value);
  const problem = valuesProblem(key, values, definition, context, null);
  if (problem) return `INFO ${problem}`;
  return reservedField('INFO', key, version)
    ? reservedValueProblem(key, values, definition.type === 'Integer')
    : undefined;
}

/** Checks the INFO column: `.` or `;`-separated `key[=value]` entries, each key once. */
export function infoProblem(info: string, context: VcfRecordContext): Problem {
  if (info === '.') return undefined;
  if (info === '') return 'INFO is empty (use ".")';
  const seen = new Set<string>();
  for (const entry of info.split(';')) {
    const eq = entry.indexOf('=');
    const key = eq === -1 ? entry : entry.slice(0, eq);
    if (!isFieldKey('INFO', key, context.header.version)) {
      return `INFO key ${excerpt(key)} is not a valid key`;
    }
    if (seen.has(key)) return `INFO key ${key} appears twice`;
    seen.add(key);
    const problem = entryProblem(key, eq === -1 ? undefined : entry.slice(eq + 1), context);
    if (problem) return problem;
  }
  return undefined;
}
