import { LearningError } from '@strand/jobs';
import { CliError } from '../cli-error.ts';

/** Codes that mean the command line asked for something impossible (exit code 2). */
const USAGE_CODES = new Set([
  'UNKNOWN_ARCHITECTURE',
  'INCOMPATIBLE_ARCHITECTURE',
  'INVALID_CONFIG',
  'INVALID_OPTIONS',
]);

/** Runs `work`, turning the learning engine's errors into one-line CLI errors. */
export async function withCliErrors<T>(command: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof LearningError)) throw error;
    if (USAGE_CODES.has(error.code)) throw new CliError(`${command}: ${error.message}`, 2);
    throw new CliError(error.message, 1);
  }
}
