import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'coverage/',
      'test-artifacts/',
      'package/',
      'bin/',
      'scripts/*.mjs',
      '*.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      // The engine is pure: it never reaches Office, the DOM, Node or an adapter.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The engine is pure: no Node APIs.',
            },
            {
              group: ['exceljs', 'react', 'react-dom', '@fluentui/*'],
              message: 'The engine is pure: no adapters or UI.',
            },
            {
              group: ['**/adapters/**', '**/cli/**', '**/taskpane/**', '**/office/**'],
              message: 'Data flows one way: the engine does not import its callers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
