// A readable key/value summary of any JSON value (a job's params, lineage details, or a result
// of a kind this dashboard has no view for): nested objects become dotted keys, lists of
// numbers a range, lists of objects a small table — never a raw JSON dump.
import { formatNumber } from '../format/number.ts';
import { isRecord } from './json-value.ts';

/** One line of a summary: a text value, or a list of objects shown as a table. */
export type SummaryItem =
  | { key: string; text: string }
  | { key: string; table: { columns: string[]; rows: string[][]; more: number } };

export interface SummaryOptions {
  /** Object levels flattened into dotted keys before a value is summarised as a whole. */
  maxDepth?: number;
  /** Items listed at most; the rest are counted in a last `…` item. */
  maxItems?: number;
  /** Rows of a table at most. */
  maxRows?: number;
  /** Characters of a string at most. */
  maxText?: number;
}

const DEFAULTS: Required<SummaryOptions> = { maxDepth: 3, maxItems: 60, maxRows: 20, maxText: 160 };

/** A scalar as text: `—` for null, yes/no, numbers as `formatNumber`, strings cut to `maxText`. */
export function scalarText(value: unknown, maxText = DEFAULTS.maxText): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    return value.length > maxText ? `${value.slice(0, maxText - 1)}…` : value;
  }
  return Array.isArray(value) ? `${value.length} items` : `${Object.keys(value).length} fields`;
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function arrayItem(key: string, list: unknown[], o: Required<SummaryOptions>): SummaryItem {
  if (list.length === 0) return { key, text: 'none' };
  if (list.every((v) => typeof v === 'number') && list.length > 8) {
    const numbers = list as number[];
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    return {
      key,
      text: `${list.length} numbers from ${formatNumber(min)} to ${formatNumber(max)}`,
    };
  }
  if (list.every(isScalar)) {
    const shown = list.slice(0, 8).map((v) => scalarText(v, o.maxText));
    const rest = list.length - shown.length;
    return { key, text: shown.join(', ') + (rest > 0 ? ` … (${list.length} in all)` : '') };
  }
  if (list.every(isRecord)) {
    const columns: string[] = [];
    for (const row of list.slice(0, o.maxRows)) {
      for (const [k, v] of Object.entries(row)) {
        if (!columns.includes(k) && (isScalar(v) || Array.isArray(v) || isRecord(v))) {
          columns.push(k);
        }
      }
    }
    const rows = list
      .slice(0, o.maxRows)
      .map((row) => columns.map((c) => cellText(row[c], o.maxText)));
    return { key, table: { columns, rows, more: Math.max(0, list.length - o.maxRows) } };
  }
  return { key, text: `${list.length} items` };
}

/** A table cell: scalars as text, a small object as `k v, k v`, anything bigger counted. */
function cellText(value: unknown, maxText: number): string {
  if (isScalar(value) || value === undefined) return scalarText(value, maxText);
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length <= 4 && entries.every(([, v]) => isScalar(v))) {
      return entries.map(([k, v]) => `${k} ${scalarText(v, 40)}`).join(', ');
    }
  }
  if (Array.isArray(value) && value.length <= 6 && value.every(isScalar)) {
    return value.map((v) => scalarText(v, 40)).join(', ');
  }
  return scalarText(value, maxText);
}

/**
 * The summary items of a JSON value. An object is walked into dotted keys (`reference.name`) up
 * to `maxDepth` levels; a scalar at the top has the key ''.
 */
export function summarizeJson(value: unknown, options: SummaryOptions = {}): SummaryItem[] {
  const o = { ...DEFAULTS, ...options };
  const items: SummaryItem[] = [];
  let skipped = 0;
  const add = (item: SummaryItem) => {
    if (items.length < o.maxItems) items.push(item);
    else skipped++;
  };
  const walk = (key: string, v: unknown, depth: number) => {
    if (isRecord(v) && depth < o.maxDepth) {
      const entries = Object.entries(v);
      if (entries.length === 0 && key) add({ key, text: 'none' });
      for (const [k, child] of entries) walk(key ? `${key}.${k}` : k, child, depth + 1);
    } else if (Array.isArray(v)) {
      add(arrayItem(key, v, o));
    } else {
      add({ key, text: scalarText(v, o.maxText) });
    }
  };
  walk('', value, 0);
  if (skipped > 0) items.push({ key: '…', text: `${skipped} more fields` });
  return items;
}

/**
 * A summary key for people: camelCase words split and lower-cased, levels joined by ` › `
 * (`reference.faiSha256` → `reference › fai sha256`); acronyms stay whole (`modelSHA` → `model sha`).
 */
export function humanKey(key: string): string {
  return key
    .split('.')
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .replace(/[_-]+/g, ' ')
        .toLowerCase(),
    )
    .join(' › ');
}
