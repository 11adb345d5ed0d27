import { BUNDLED_MOTIFS } from './bundled-motifs.ts';
import type { Pfm } from './pfm.ts';

/** The version after the dot of a JASPAR ID (`MA0139.2` → 2), 0 when there is none. */
const versionOf = (id: string) => Number(id.slice(id.indexOf('.') + 1)) || 0;
const baseIdOf = (id: string) => id.split('.')[0];

/**
 * Finds a matrix by ID with version (`MA0139.2`), by ID without version (`MA0139`: the highest
 * version present) or by name (`ctcf`: the first in list order); all case-insensitive.
 * @example findMotif('MA0139')?.name // 'CTCF'
 */
export function findMotif(
  idOrName: string,
  motifs: readonly Pfm[] = BUNDLED_MOTIFS,
): Pfm | undefined {
  const key = idOrName.trim().toUpperCase();
  const exact = motifs.find((m) => m.id.toUpperCase() === key);
  if (exact) return exact;
  const versions = motifs.filter((m) => baseIdOf(m.id).toUpperCase() === key);
  if (versions.length > 0) {
    return versions.reduce((best, m) => (versionOf(m.id) > versionOf(best.id) ? m : best));
  }
  return motifs.find((m) => m.name.toUpperCase() === key);
}
