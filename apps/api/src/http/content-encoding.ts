/** The compressed encodings the static handler sends, best first. */
export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to answer an `Accept-Encoding` header with: brotli if the client takes it, else
 * gzip, else none (identity). Quality values count (`br;q=0` refuses brotli; a higher q for gzip
 * picks gzip), and `*` stands for any coding the header does not name (RFC 9110 §12.5.3).
 * @example negotiateEncoding('gzip, deflate, br, zstd') // 'br'
 */
export function negotiateEncoding(header: string | string[] | undefined): ContentEncoding | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (coding: ContentEncoding) => q.get(coding) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}
