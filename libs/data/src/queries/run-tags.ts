import type { EntityManager } from '@mikro-orm/core';
import type { Run } from '../entities/run.entity.ts';
import { RunTag } from '../entities/run-tag.entity.ts';
import { TrackingError } from '../errors/tracking-error.ts';

/** Most tags one run may carry. */
export const MAX_RUN_TAGS = 20;
/** Longest tag, in characters (after normalising). */
export const MAX_TAG_LENGTH = 40;

const TAG = /^[a-z0-9][a-z0-9._:/=-]*$/;

/**
 * A tag as stored: trimmed, lower-case, inner whitespace as `-` (`" Best Run "` → `best-run`),
 * so `Baseline` and `baseline` are one tag. BAD_TAG when empty, too long or of other characters.
 */
export function normaliseTag(tag: string): string {
  const normal = tag.trim().toLowerCase().replace(/\s+/g, '-');
  const shown = tag.length > 60 ? `${tag.slice(0, 60)}…` : tag;
  if (normal.length === 0) throw new TrackingError('BAD_TAG', 'tags', 'a tag is empty');
  if (normal.length > MAX_TAG_LENGTH) {
    throw new TrackingError(
      'BAD_TAG',
      'tags',
      `tag "${shown}" is longer than ${MAX_TAG_LENGTH} characters`,
    );
  }
  if (!TAG.test(normal)) {
    throw new TrackingError(
      'BAD_TAG',
      'tags',
      `tag "${shown}" may only hold letters, digits and . _ : / = - (and start with a letter or digit)`,
    );
  }
  return normal;
}

/** Adds tags to a run (ones it has already are kept once); returns all its tags, sorted. */
export async function tagRun(em: EntityManager, run: Run, tags: string[]): Promise<string[]> {
  const wanted = [...new Set(tags.map(normaliseTag))];
  return em.transactional(async (tx) => {
    const have = new Set((await tx.find(RunTag, { run: run.id })).map((t) => t.tag));
    const added = wanted.filter((t) => !have.has(t));
    if (have.size + added.length > MAX_RUN_TAGS) {
      throw new TrackingError(
        'TOO_MANY_TAGS',
        'tags',
        `run ${run.id} would have ${have.size + added.length} tags; at most ${MAX_RUN_TAGS} are allowed`,
      );
    }
    for (const tag of added) tx.persist(new RunTag(run, tag));
    return [...have, ...added].sort();
  });
}

/** Removes tags from a run (unknown ones are ignored); returns the tags left, sorted. */
export async function untagRun(em: EntityManager, run: Run, tags: string[]): Promise<string[]> {
  const gone = [...new Set(tags.map(normaliseTag))];
  await em.nativeDelete(RunTag, { run: run.id, tag: { $in: gone } });
  return (await runTags(em, [run.id])).get(run.id) ?? [];
}

/** The sorted tags of each run (runs without tags are absent from the map). */
export async function runTags(em: EntityManager, runIds: string[]): Promise<Map<string, string[]>> {
  const rows = await em.find(RunTag, { run: { $in: runIds } }, { orderBy: { tag: 'asc' } });
  const byRun = new Map<string, string[]>();
  for (const row of rows) {
    const list = byRun.get(row.run.id) ?? [];
    list.push(row.tag);
    byRun.set(row.run.id, list);
  }
  return byRun;
}
