import { it } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real-data folder (`../shared/data` from the repo root), resolved from this file. */
const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** Absolute path of a file under the shared real-data folder, e.g. `sharedDataPath('motifs', x)`. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

/** The JASPAR 2024 CORE vertebrates non-redundant file (879 matrices) in the shared data. */
export const SHARED_JASPAR_PATH = sharedDataPath(
  'motifs',
  'JASPAR2024_CORE_vertebrates_non-redundant.jaspar',
);

/** Whether the shared JASPAR file is present; tests that need it skip when it is not. */
export const HAS_SHARED_JASPAR = existsSync(SHARED_JASPAR_PATH);

/**
 * A test that reads the shared JASPAR file; when the file is absent it is skipped, and its title
 * says why.
 */
export function itWithSharedJaspar(title: string, fn: () => Promise<void> | void): void {
  const shown = HAS_SHARED_JASPAR ? title : `${title} (skipped: ${SHARED_JASPAR_PATH} not found)`;
  it.skipIf(!HAS_SHARED_JASPAR)(shown, fn);
}

/**
 * A test that reads files under the shared real-data folder (paths relative to it); when any is
 * absent the test is skipped and its title says which.
 */
export function itWithSharedData(
  title: string,
  files: string[],
  fn: (...paths: string[]) => Promise<void> | void,
  timeout?: number,
): void {
  const paths = files.map((file) => sharedDataPath(file));
  const missing = paths.find((path) => !existsSync(path));
  const shown = missing ? `${title} (skipped: ${missing} not found)` : title;
  it.skipIf(missing !== undefined)(shown, () => fn(...paths), timeout);
}
