#!/usr/bin/env node
// The `strand` command. Strand runs its TypeScript source directly: register tsx, then load the CLI.
import { fileURLToPath } from 'node:url';

// tsx reads compiler options (decorators for the entities) from the working directory's
// tsconfig.json; point it at the repo's so `strand` works from any directory.
process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
