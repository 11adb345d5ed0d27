import { stat } from 'node:fs/promises';
import { resolveJobModel } from '@strand/jobs';
import type { ModelChoice } from '@strand/jobs';
import { CliError } from './cli-error.ts';
import { openEmbeddedStore } from './embedded-store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How `--model` is described in every command's help. */
export const MODEL_HELP = `--model DIR|ID       a directory written by \`strand train --out\`, or a model stored in the
                       embedded store (--data-dir): a run id, a model version id, or NAME@ALIAS`;

/**
 * The model directory `--model` names: a directory as given, else a stored model of the
 * embedded store's default project (a SUCCEEDED run's id, a registered version's id, or
 * `name@alias`), resolved the way the API's jobs resolve theirs.
 */
export async function modelDirOf(
  command: string,
  value: string,
  dataDir?: string,
): Promise<string> {
  if (
    await stat(value).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    return value;
  const at = value.lastIndexOf('@');
  const choices: ModelChoice[] = UUID.test(value)
    ? [{ runId: value }, { modelVersionId: value }]
    : at > 0
      ? [{ modelName: value.slice(0, at), alias: value.slice(at + 1) }]
      : [];
  if (choices.length === 0) {
    throw new CliError(
      `strand ${command}: --model "${value}" is neither a directory nor a stored model (run id, version id or NAME@ALIAS)`,
      2,
    );
  }
  const { db, project } = await openEmbeddedStore(dataDir);
  try {
    let message = '';
    for (const choice of choices) {
      const found = await resolveJobModel(db.fork(), db, project.id, choice);
      if (found.ok) return db.artifacts.resolve(found.value.modelPath);
      const [error] = found.errors;
      // A run id that is no run may be a version id: keep looking; report the most telling error.
      if (error && (error.code !== 'NOT_FOUND' || !message)) message = error.message;
    }
    throw new CliError(`strand ${command}: --model ${value}: ${message}`);
  } finally {
    await db.close();
  }
}
