// `npm run codegen`: the dashboard's operation types and typed documents, generated from the
// API's committed schema (apps/api/schema.graphql) and src/graphql/operations.graphql into
// src/graphql/generated.ts. src/graphql/generated.spec.ts fails when the committed file differs
// from a fresh run, so a schema or operation change without `npm run codegen` does not pass CI.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where the generated file goes. */
export const GENERATED_FILE = here('src/graphql/generated.ts');

const config: CodegenConfig = {
  schema: here('../api/schema.graphql'),
  documents: here('src/graphql/operations.graphql'),
  generates: {
    [GENERATED_FILE]: {
      // typescript-operations (v5) writes the enums and inputs the operations use itself.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // String unions, not TS enums: the dashboard compares statuses as strings.
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTimeISO: 'string', ID: 'string' },
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
