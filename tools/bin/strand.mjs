#!/usr/bin/env node
// The `strand` command. Strand runs its TypeScript source directly: register tsx, then load the CLI.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
