import { stat } from 'node:fs/promises';
import { modelRefChoices, resolveModelRef } from '@strand/jobs';
import type { ModelPurpose } from '@strand/jobs';
import { CliError } from './cli-error.ts';
import { openEmbeddedStore } from './embedded-store.ts';

/** How `--model` is described in every command's help. */
export const MODEL_HELP = `--model DIR|ID       a directory written by \`strand train --out\`, or a model stored in the
                       embedded store (--data-dir): a run id, a model version id, or NAME@ALIAS`;

/**
 * The model directory `--model` names: a directory as given, else a stored model of the
 * embedded store's default project (a SUCCEEDED run's id, a registered version's id, or
 * `name@alias`), resolved by `resolveModelRef`, as the API's jobs resolve theirs. `purpose`
 * is what the command needs (`pileup` for `strand call`; a DNA sequence model otherwise).
 */
export async function modelDirOf(
  command: string,
  value: string,
  dataDir?: string,
  purpose: ModelPurpose = 'sequence',
): Promise<string> {
  if (
    await stat(value).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    return value;
  if (!modelRefChoices(value).ok) {
    throw new CliError(
      `strand ${command}: --model "${value}" is neither a directory nor a stored model (run id, version id or NAME@ALIAS)`,
      2,
    );
  }
  const { db, project } = await openEmbeddedStore(dataDir);
  try {
    const found = await resolveModelRef(db.fork(), db, project.id, value, purpose);
    if (found.ok) return await db.artifacts.pull(found.value.modelPath);
    throw new CliError(`strand ${command}: --model ${value}: ${found.errors[0]?.message}`);
  } finally {
    await db.close();
  }
}
