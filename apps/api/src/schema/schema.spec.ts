import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '@strand/jobs';
import { buildStrandSchema } from './build-schema.ts';
import { printStrandSchema, SCHEMA_FILE } from './print-schema.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const built = printStrandSchema(await buildStrandSchema(createEventBus()));
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(built);
  });
});
