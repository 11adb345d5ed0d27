/** Writes apps/api/schema.graphql from the code (`npm run schema`); a test fails when it is stale. */
import { writeFile } from 'node:fs/promises';
import { createEventBus } from '@strand/jobs';
import { buildStrandSchema } from './schema/build-schema.ts';
import { printStrandSchema, SCHEMA_FILE } from './schema/print-schema.ts';

await writeFile(SCHEMA_FILE, printStrandSchema(await buildStrandSchema(createEventBus())));
console.log(`wrote ${SCHEMA_FILE.pathname}`);
