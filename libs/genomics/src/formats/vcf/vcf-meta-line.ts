// Checks of `##key=value` meta lines. Map: field-order and Description helpers; INFO/FORMAT
// (ID, Number, Type, Description); `structured` dispatches FILTER, ALT, contig, SAMPLE,
// PEDIGREE, META; `checkMetaLine` (the entry) handles fileformat, assembly/pedigreeDB URLs and
// generic lines. Rules follow the VCF spec of each version and EBI vcf-validator's grammar
// (src/vcf/vcf_v4*.ragel) where the spec is silent.
import { isContigName, isFieldKey, IDENTIFIER, isUrl, symbolicIdProblem } from './vcf-names.ts';
import { parseMetaFields } from './vcf-meta-fields.ts';
import type { VcfMetaField } from './vcf-meta-fields.ts';
import type { VcfVersion } from './vcf-version.ts';
import { excerpt, vcfAtLeast } from './vcf-version.ts';

/** A `##key=value` line of the meta section. */
export interface VcfMetaLine {
  key: string;
  /** The value as written. */
  value: string;
  /** The fields of a structured `<...>` value. */
  fields?: VcfMetaField[];
}

type Problem = string | undefined;

const NUMBER = /^(\d+|A|R|G|\.)$/;
// 4.4 adds P (one per GT allele) and M; 4.5 the local-allele counts LA, LR, LG.
const NUMBER_44 = /^(\d+|A|R|G|\.|P|M|LA|LR|LG)$/;
const INFO_TYPES = ['Integer', 'Float', 'Flag', 'Character', 'String'];
const FORMAT_TYPES = ['Integer', 'Float', 'Character', 'String'];

/** Checks that the fields start with these keys, in this order. */
function leadingKeys(fields: VcfMetaField[], keys: string[]): Problem {
  for (let i = 0; i < keys.length; i++) {
    if (fields[i]?.key !== keys[i]) {
      const got = fields[i] ? `"${fields[i].key}"` : 'nothing';
      return `field ${i + 1} must be ${keys[i]} (fields start ${keys.join(', ')}), got ${got}`;
    }
  }
  return undefined;
}

function quotedDescription(field: VcfMetaField): Problem {
  return field.quoted ? undefined : 'Description must be in double quotes';
}

function infoOrFormat(kind: 'INFO' | 'FORMAT', f: VcfMetaField[], version: VcfVersion): Problem {
  const order = leadingKeys(f, ['ID', 'Number', 'Type', 'Description']);
  if (order) return order;
  const [id, number, type, description] = f;
  if (!isFieldKey(kind, id.value, version)) return `ID ${excerpt(id.value)} is not a valid key`;
  if (!(vcfAtLeast(version, '4.4') ? NUMBER_44 : NUMBER).test(number.value)) {
    return `Number ${excerpt(number.value)} is not an integer, A, R, G or "."`;
  }
  const types = kind === 'INFO' ? INFO_TYPES : FORMAT_TYPES;
  if (!types.includes(type.value)) {
    return `Type ${excerpt(type.value)} is not one of ${types.join(', ')}`;
  }
  return quotedDescription(description);
}

function structured(key: string, f: VcfMetaField[], version: VcfVersion): Problem {
  switch (key) {
    case 'INFO':
    case 'FORMAT':
      return infoOrFormat(key, f, version);
    case 'FILTER': {
      const order = leadingKeys(f, ['ID', 'Description']);
      if (order) return order;
      if (!/^[^\s;]+$/.test(f[0].value))
        return `ID ${excerpt(f[0].value)} contains white-space or ";"`;
      return quotedDescription(f[1]);
    }
    case 'ALT': {
      const order = leadingKeys(f, ['ID', 'Description']);
      if (order) return order;
      const problem = symbolicIdProblem(f[0].value);
      return problem ? `ID ${excerpt(f[0].value)} ${problem}` : quotedDescription(f[1]);
    }
    case 'contig': {
      const order = leadingKeys(f, ['ID']);
      if (order) return order;
      if (!isContigName(f[0].value, version))
        return `ID ${excerpt(f[0].value)} is not a valid contig name`;
      const length = f.find((field) => field.key === 'length');
      if (length && !/^\d+$/.test(length.value))
        return `length ${excerpt(length.value)} is not an integer`;
      return undefined;
    }
    case 'SAMPLE':
      return sample(f, version);
    case 'PEDIGREE': {
      if (vcfAtLeast(version, '4.3')) {
        const order = leadingKeys(f, ['ID']);
        if (order) return order;
      }
      const bad = f.find((field) => !IDENTIFIER.test(field.value));
      return bad ? `${bad.key} ${excerpt(bad.value)} is not a valid identifier` : undefined;
    }
    case 'META':
      return vcfAtLeast(version, '4.3') ? meta(f) : undefined;
    default:
      return undefined;
  }
}

function sample(f: VcfMetaField[], version: VcfVersion): Problem {
  // 4.1/4.2 §1.4.8: exactly ID, Genomes, Mixture (plain) and Description (quoted).
  const keys = vcfAtLeast(version, '4.3') ? ['ID'] : ['ID', 'Genomes', 'Mixture', 'Description'];
  const order = leadingKeys(f, keys);
  if (order) return order;
  if (!IDENTIFIER.test(f[0].value)) return `ID ${excerpt(f[0].value)} is not a valid identifier`;
  if (!vcfAtLeast(version, '4.3')) {
    if (f[1].quoted || f[2].quoted) return 'Genomes and Mixture must not be quoted';
    return quotedDescription(f[3]);
  }
  return undefined;
}

/** 4.3 §1.4.8: `##META=<ID=Assay,Number=.,Type=String,Values=[WholeGenome, Exome]>`. */
function meta(f: VcfMetaField[]): Problem {
  const order = leadingKeys(f, ['ID', 'Number', 'Type', 'Values']);
  if (order) return order;
  if (!IDENTIFIER.test(f[0].value)) return `ID ${excerpt(f[0].value)} is not a valid identifier`;
  if (f[1].value !== '.') return `Number must be ".", got ${excerpt(f[1].value)}`;
  if (f[2].value !== 'String') return `Type must be String, got ${excerpt(f[2].value)}`;
  if (!/^\[[^\]]+\]$/.test(f[3].value)) return 'Values must be a list in square brackets';
  return undefined;
}

/** Keys whose value must be a structured `<...>` list. */
const STRUCTURED = new Set(['INFO', 'FORMAT', 'FILTER', 'ALT', 'contig', 'SAMPLE', 'PEDIGREE']);

/**
 * Checks one meta line (`##key=value`) against the rules of its key for this version, and
 * returns it split, or the reason it is invalid.
 */
export function checkMetaLine(text: string, version: VcfVersion): VcfMetaLine | { reason: string } {
  const eq = text.indexOf('=');
  if (!text.startsWith('##') || eq === -1) {
    return { reason: `meta line ${excerpt(text)} is not of the form ##key=value` };
  }
  const key = text.slice(2, eq);
  const value = text.slice(eq + 1);
  if (key === '') return { reason: 'meta line has an empty key' };
  if (value === '') return { reason: `##${key} has an empty value` };
  if (key === 'fileformat') return { reason: '##fileformat may only appear on the first line' };
  if (key === 'assembly' || key === 'pedigreeDB') {
    const url =
      key === 'pedigreeDB' && value.startsWith('<') && value.endsWith('>')
        ? value.slice(1, -1)
        : value;
    return isUrl(url)
      ? { key, value }
      : { reason: `##${key} ${excerpt(value)} is not a valid URL` };
  }
  const isStructured = STRUCTURED.has(key) || (key === 'META' && vcfAtLeast(version, '4.3'));
  // A generic value may be free text, or (as vcf-validator reads it) `<"quoted text">`.
  if (!isStructured && (!value.startsWith('<') || /^<".*">$/.test(value))) return { key, value };
  const fields = parseMetaFields(value);
  if (!Array.isArray(fields)) return { reason: `##${key}: ${fields.reason}` };
  const badKey = fields.find((f) => !IDENTIFIER.test(f.key));
  if (badKey) return { reason: `##${key}: field name ${excerpt(badKey.key)} is not valid` };
  const problem = structured(key, fields, version);
  return problem ? { reason: `##${key}: ${problem}` } : { key, value, fields };
}
