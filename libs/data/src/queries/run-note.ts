import type { EntityManager } from '@mikro-orm/core';
import type { Run } from '../entities/run.entity.ts';
import { RunNote } from '../entities/run-note.entity.ts';
import { TrackingError } from '../errors/tracking-error.ts';

/** Longest note, in characters. */
export const MAX_NOTE_LENGTH = 10_000;

/**
 * Sets (replaces) a run's note; a blank note removes it. Returns the stored text, or null.
 * NOTE_TOO_LONG above MAX_NOTE_LENGTH characters.
 */
export async function setRunNote(
  em: EntityManager,
  run: Run,
  note: string,
): Promise<string | null> {
  const text = note.trim();
  if (text.length > MAX_NOTE_LENGTH) {
    throw new TrackingError(
      'NOTE_TOO_LONG',
      'note',
      `note is ${text.length} characters long; at most ${MAX_NOTE_LENGTH} are allowed`,
    );
  }
  if (text.length === 0) {
    await em.nativeDelete(RunNote, { run: run.id });
    return null;
  }
  await em.upsert(RunNote, new RunNote(run, text), {
    onConflictFields: ['run'],
    onConflictAction: 'merge',
    onConflictExcludeFields: ['id', 'createdAt'],
  });
  return text;
}

/** The note of each run (runs without a note are absent from the map). */
export async function runNotes(em: EntityManager, runIds: string[]): Promise<Map<string, string>> {
  const rows = await em.find(RunNote, { run: { $in: runIds } });
  return new Map(rows.map((row) => [row.run.id, row.text]));
}
