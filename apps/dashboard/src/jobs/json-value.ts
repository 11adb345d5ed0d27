// Careful readers of JSON parsed from the API's JSON-text fields (Job.result, params, lineage):
// the shape depends on the job kind and the server version, so nothing is trusted by a cast.

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON text parsed, or undefined when it is absent or not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (text == null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A finite number, or null (JSON has no NaN: a missing metric comes as null). */
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const rec = (value: unknown): JsonRecord => (isRecord(value) ? value : {});

/** The finite numbers of a record (a metric table), keeping its key order. */
export function numberRecord(value: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, v] of Object.entries(rec(value))) {
    if (typeof v === 'number' || v === null) out[key] = num(v);
  }
  return out;
}
