// Lint: typescript-eslint's strict, type-checked rules over every TypeScript file, each read
// with the tsconfig that builds it (web, worker, node tools); React's hook rules over the web.
// Formatting is Biome's job (biome.json), not ESLint's. See docs/development.md, "Lint and format".
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.wrangler/**', '.tmp/**', 'worker-configuration.d.ts', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // the first project that includes a file checks it: tsconfig.json (web, forms, contract),
        // tsconfig.worker.json (worker, its tests, the bench's worker), tsconfig.node.json (tools)
        project: ['./tsconfig.json', './tsconfig.worker.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // numbers read naturally in messages and paths (`第 ${row} 行`)
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the idiom React code is written in
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `_unused` arguments keep a handler's signature readable
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Tests read answers as the client sees them (`await res.json()`); each answer's shape is
    // checked at run time against the OpenAPI document (worker/test/answer-check.ts), and a test
    // that indexes into a missing part fails loudly, which is what a `!` says there.
    files: ['**/*.test.{ts,tsx}', 'test/**', 'worker/test/**', 'forms/engine/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
