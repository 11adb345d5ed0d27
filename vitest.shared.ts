import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * One vitest configuration for every project. graphql 16 has no `exports` map, so Vite would
 * pick its .mjs build while type-graphql (loaded by Node) gets the .js one: alias it to the one
 * Node resolves so there is a single graphql module.
 */
export function defineProject(root: string, extra: { environment?: string } = {}) {
  return defineConfig({
    root,
    resolve: { alias: { graphql: require.resolve('graphql') } },
    test: {
      include: ['**/*.spec.ts', '**/*.spec.tsx'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: extra.environment ?? 'node',
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      passWithNoTests: false,
    },
  });
}
