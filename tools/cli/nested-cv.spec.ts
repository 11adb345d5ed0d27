import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
import { cv } from './commands/cv.ts';
import { train } from './commands/train.ts';

/** What `work` writes to stdout. */
async function captured(work: () => Promise<unknown>): Promise<string> {
  const write = process.stdout.write;
  let text = '';
  process.stdout.write = ((chunk: string) => {
    text += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  return text;
}

describe('strand cv --inner-folds and strand train --init-from on the command line', () => {
  it('documents them in --help and refuses an inner fold count out of range', async () => {
    const cvHelp = await captured(() => cv(['--help']));
    expect(cvHelp).toContain('--inner-folds K');
    expect(cvHelp).toContain('weight\n                        decay {0, 0.01}');
    const trainHelp = await captured(() => train(['--help']));
    expect(trainHelp).toContain('--init-from MODEL');
    expect(trainHelp).toContain('--freeze RULE');
    for (const bad of ['1', '11', 'x']) {
      const error = await cv(['--train', 'x.tsv', '--inner-folds', bad]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(
        `strand cv: --inner-folds must be an integer from 2 to 10; got "${bad}"`,
      );
    }
  });
});
