const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A slug made from a name: `Chromatin QTL 2026` → `chromatin-qtl-2026`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Why `slug` is not a valid project slug, or null when it is. */
export function slugError(slug: string): string | null {
  return SLUG.test(slug)
    ? null
    : `slug "${slug.slice(0, 80)}" must be 1–64 of a–z, 0–9 and "-", not starting or ending with "-"`;
}
