// Type-aware lint, and the layers' dependency direction (see docs/architecture.md).
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'data-demo/', '.tmp/', 'src/db/migrations/', 'coverage/', 'bin/', 'scripts/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  layer(['src/domain/**'], ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', 'drizzle-orm*', 'fastify*', 'pg', 'react*'], 'src/domain is pure: no I/O, no framework.'),
  layer(['src/contracts/**'], ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', '**/domain/**'], 'contracts depend on zod only.'),
  layer(['src/web/**'], ['**/server/**', '**/db/**', '**/cli/**', 'drizzle-orm*', 'fastify*', 'pg'], 'the web app talks to the server over HTTP only.'),
  layer(['src/server/**/routes.ts', 'src/server/**/service.ts', 'src/server/**/access.ts', 'src/server/plugins/**'], ['drizzle-orm*', '**/db/schema*'], 'only repository.ts files touch Drizzle.'),
);
