// What the reader makes of a `##` line that checkMetaLine refused, when it is not strict: as
// htslib's bcf_hdr_parse_line does, whatever can be read is kept and the rest skipped.
import { parseMetaFields } from './vcf-meta-fields.ts';
import type { VcfMetaField } from './vcf-meta-fields.ts';
import type { VcfMetaLine } from './vcf-meta-line.ts';
import type { VcfVersion } from './vcf-version.ts';
import { vcfAtLeast } from './vcf-version.ts';

/** A refused meta line as read anyway: `meta` undefined when it was skipped. */
export interface LooseMetaLine {
  meta?: VcfMetaLine;
  /** The line as @gmod/vcf should see it (a definition rewritten with what was read). */
  parserText?: string;
  /** What the reader did, for the warning. */
  action: string;
}

const NUMBER = /^(\d+|A|R|G|\.)$/;
const NUMBER_44 = /^(\d+|A|R|G|\.|P|M|LA|LR|LG)$/;
const TYPES = {
  INFO: ['Integer', 'Float', 'Flag', 'Character', 'String'],
  FORMAT: ['Integer', 'Float', 'Character', 'String'],
};

const field = (fields: VcfMetaField[], key: string) => fields.find((f) => f.key === key);
const plain = (key: string, value: string): VcfMetaField => ({ key, value, quoted: false });

/** An INFO/FORMAT definition from its fields in any order; Number `.` and Type String when bad. */
function definition(
  kind: 'INFO' | 'FORMAT',
  fields: VcfMetaField[],
  version: VcfVersion,
): LooseMetaLine {
  const id = field(fields, 'ID')?.value;
  if (!id)
    return {
      action: `skipped the line (no ID); ${kind} keys it would define are read as undeclared`,
    };
  const numberText = field(fields, 'Number')?.value ?? '';
  const typeText = field(fields, 'Type')?.value ?? '';
  const number = (vcfAtLeast(version, '4.4') ? NUMBER_44 : NUMBER).test(numberText)
    ? numberText
    : '.';
  const type = TYPES[kind].includes(typeText) ? typeText : 'String';
  const description = field(fields, 'Description')?.value ?? '';
  const canonical = [
    plain('ID', id),
    plain('Number', number),
    plain('Type', type),
    { key: 'Description', value: description, quoted: true },
    ...fields.filter((f) => !['ID', 'Number', 'Type', 'Description'].includes(f.key)),
  ];
  const changed = number !== numberText || type !== typeText;
  const quoted = description.replace(/(["\\])/g, '\\$1');
  return {
    meta: {
      key: kind,
      value: `<ID=${id},Number=${number},Type=${type},Description="${quoted}">`,
      fields: canonical,
    },
    parserText: `##${kind}=<ID=${id},Number=${number},Type=${type},Description="${quoted}">`,
    action: changed
      ? `read it as ID=${id}, Number=${number}, Type=${type}`
      : 'read the definition as written',
  };
}

/** Reads what it can of a refused meta line (see the file comment). */
export function looseMetaLine(text: string, version: VcfVersion): LooseMetaLine {
  const eq = text.indexOf('=');
  const key = eq === -1 ? '' : text.slice(2, eq);
  const value = eq === -1 ? '' : text.slice(eq + 1);
  if (key === '' || value === '') return { action: 'skipped the line' };
  if (key === 'fileformat')
    return { action: 'skipped the line (the first line gives the version)' };
  if (!value.startsWith('<'))
    return { meta: { key, value }, parserText: text, action: 'kept it as text' };
  const fields = parseMetaFields(value);
  if (!Array.isArray(fields)) {
    return {
      action:
        key === 'INFO' || key === 'FORMAT'
          ? `skipped the line; ${key} keys it would define are read as undeclared`
          : 'skipped the line',
    };
  }
  if (key === 'INFO' || key === 'FORMAT') return definition(key, fields, version);
  if (key === 'contig') {
    const id = field(fields, 'ID')?.value;
    if (!id) return { action: 'skipped the line (no ID)' };
    const length = field(fields, 'length')?.value;
    const kept = fields.filter((f) => f.key !== 'length' || /^\d+$/.test(f.value));
    return {
      meta: { key, value, fields: [plain('ID', id), ...kept.filter((f) => f.key !== 'ID')] },
      parserText: text,
      action:
        length !== undefined && !/^\d+$/.test(length)
          ? 'read the contig without its length'
          : 'kept the contig',
    };
  }
  return { meta: { key, value, fields }, parserText: text, action: 'kept the line as written' };
}
