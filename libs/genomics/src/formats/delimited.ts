/** Tab or comma, whichever the header line uses (tab wins when both appear). */
export function detectDelimiter(header: string): '\t' | ',' {
  return header.includes('\t') || !header.includes(',') ? '\t' : ',';
}

/**
 * Splits one line of a TSV or CSV. Double-quoted fields may hold the delimiter, and `""`
 * stands for a quote inside them (RFC 4180); fields are returned unquoted.
 */
export function splitDelimited(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
