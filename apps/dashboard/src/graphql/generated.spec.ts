import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_FILE } from '../../codegen.ts';

describe('generated.ts', () => {
  it('is what `npm run codegen` makes from schema.graphql and operations.graphql now', async () => {
    // In memory: the same config, not written, formatted as the codegen hook formats it.
    const [output] = await generate({ ...config, hooks: {}, silent: true }, false);
    expect(output?.filename).toBe(GENERATED_FILE);
    const fresh = await format(output!.content, {
      ...(await resolveConfig(GENERATED_FILE)),
      filepath: GENERATED_FILE,
    });
    const committed = await readFile(GENERATED_FILE, 'utf8');
    // On failure: run `npm run codegen` and commit apps/dashboard/src/graphql/generated.ts.
    expect(committed === fresh, 'generated.ts is stale: run npm run codegen').toBe(true);
  }, 120_000);
});
