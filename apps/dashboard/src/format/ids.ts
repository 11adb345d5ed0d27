/** The start of an id (a UUID's first group), enough to tell items apart on one page. */
export function shortId(id: string): string {
  return id.split('-')[0].slice(0, 12) || id.slice(0, 12);
}
