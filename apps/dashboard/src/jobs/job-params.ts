import type { JobKind } from '../graphql/types.ts';
import { arr, isRecord } from './json-value.ts';

const basename = (path: string) => path.split(/[/\\]/).filter(Boolean).pop() ?? path;

/**
 * A job's stored parameters as the page lists them: inline sequences are counted, not spelt out
 * (they can be 100 × 1,000 bases), and a server path is shown by its file name only (the
 * server's directory layout is not a project member's business).
 */
export function paramsForDisplay(kind: JobKind, params: unknown): unknown {
  if (!isRecord(params)) return params;
  const shown: Record<string, unknown> = { ...params };
  if (kind === 'EXPLAIN_SEQUENCE' && Array.isArray(params.sequences)) {
    const sequences = arr(params.sequences);
    const lengths = sequences.map((s) =>
      isRecord(s) && typeof s.sequence === 'string' ? s.sequence.length : 0,
    );
    const bp = lengths.length > 0 ? ` of ${Math.max(...lengths)} bp` : '';
    shown.sequences = `${sequences.length} given inline${bp}`;
  }
  if (kind === 'EXPLAIN_SEQUENCE' && Array.isArray(params.regions)) {
    const n = params.regions.length;
    shown.regions = `${n} genomic region${n === 1 ? '' : 's'}`;
  }
  for (const key of ['reference', 'genes', 'genesBed', 'bed', 'path', 'labelsPath']) {
    const value = params[key];
    if (typeof value === 'string' && /^([a-z]:)?[/\\]/i.test(value)) shown[key] = basename(value);
  }
  return shown;
}
