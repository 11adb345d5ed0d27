import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * The import table of ARCHITECTURE.md, enforced: a project may import only the libraries its
 * scope allows. `@strand/<lib>` is the only way in (no deep paths).
 */
const allow = (from, to) => ({
  sourceTag: `scope:${from}`,
  onlyDependOnLibsWithTags: to.map((t) => `scope:${t}`),
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.nx',
      '**/vite.config.*.timestamp*',
      '**/test-output',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: [
            allow('genomics', []),
            allow('models', ['genomics']),
            allow('data', ['genomics']),
            allow('jobs', ['genomics', 'models', 'data']),
            allow('api', ['genomics', 'models', 'data', 'jobs']),
            allow('tools', ['genomics', 'models', 'data', 'jobs']),
            allow('worker', ['genomics', 'models', 'data', 'jobs']),
            allow('dashboard', []),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@strand/*/src/*', '@strand/*/src'],
              message: 'Import a library through its public entry, @strand/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/testing.ts', '**/testing/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Config files reach the shared vitest setup at the root by a relative path on purpose.
    files: ['**/vitest.config.ts', '**/vitest.*.config.ts', '**/vite.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
