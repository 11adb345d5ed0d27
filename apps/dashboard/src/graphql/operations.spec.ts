import { readFileSync } from 'node:fs';
import { buildSchema, validate } from 'graphql';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from './operations.ts';

// The committed schema the API emits (apps/api/schema.graphql): the dashboard's operations must
// stay valid against it, so an API change that breaks the dashboard fails here, not in a browser.
const schema = buildSchema(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);

const documents = Object.entries(operations).filter(
  (entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === 'Document',
);

describe('dashboard operations', () => {
  it('are all checked', () => {
    expect(documents.length).toBeGreaterThanOrEqual(17);
  });

  it.each(documents)('%s is valid against apps/api/schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});
