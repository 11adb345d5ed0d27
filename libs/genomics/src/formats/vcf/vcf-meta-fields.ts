/** One `key=value` of a structured meta line such as `##INFO=<ID=DP,Number=1,...>`. */
export interface VcfMetaField {
  key: string;
  /** The value, unquoted and with `\"`-style escapes resolved. */
  value: string;
  /** Whether the value was written in double quotes. */
  quoted: boolean;
}

/** Where a value that starts at `start` ends (exclusive), and the reason when it is malformed. */
function valueEnd(inner: string, start: number): number | { reason: string } {
  const first = inner[start];
  if (first === '"') {
    for (let i = start + 1; i < inner.length; i++) {
      if (inner[i] === '\\') i++;
      else if (inner[i] === '"') return i + 1;
    }
    return { reason: 'a quoted value has no closing quote' };
  }
  if (first === '[') {
    const close = inner.indexOf(']', start);
    if (close === -1) return { reason: 'a "[" list has no closing "]"' };
    return close + 1;
  }
  const comma = inner.indexOf(',', start);
  return comma === -1 ? inner.length : comma;
}

/**
 * Splits the `<...>` value of a structured meta line into its fields, in order. Values are
 * quoted (`"..."`, backslash escapes), bracketed lists (`[a, b]`), or plain text up to the
 * next comma. Returns the reason when the text is not a well-formed `<key=value,...>` list.
 */
export function parseMetaFields(text: string): VcfMetaField[] | { reason: string } {
  if (!text.startsWith('<') || !text.endsWith('>') || text.length < 2) {
    return { reason: 'a structured value must be enclosed in "<" and ">"' };
  }
  const inner = text.slice(1, -1);
  const fields: VcfMetaField[] = [];
  let i = 0;
  while (i < inner.length || fields.length === 0) {
    const eq = inner.indexOf('=', i);
    const comma = inner.indexOf(',', i);
    if (eq === -1 || (comma !== -1 && comma < eq)) {
      const bare = inner.slice(i, comma === -1 ? inner.length : comma);
      return { reason: `field ${JSON.stringify(bare)} is not of the form key=value` };
    }
    const key = inner.slice(i, eq);
    const end = valueEnd(inner, eq + 1);
    if (typeof end !== 'number') return { reason: `${key}: ${end.reason}` };
    const raw = inner.slice(eq + 1, end);
    if (raw === '') return { reason: `${key} has an empty value` };
    if (end < inner.length && inner[end] !== ',') {
      return { reason: `${key}: unexpected ${JSON.stringify(inner[end])} after the value` };
    }
    const quoted = raw.startsWith('"');
    const value = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    fields.push({ key, value, quoted });
    i = end + 1;
    if (end === inner.length) break;
    if (i === inner.length) return { reason: 'the field list ends with a comma' };
  }
  return fields;
}
