import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import fs from 'node:fs';
import { URL } from 'node:url';

/**
 * The layer order of src/ (src/layers.json) as lint rules: a file in a folder may import only the
 * folders its layer `uses` and none of the package groups it lists (the engine is pure: no Node,
 * exceljs, React or Fluent UI). test/architecture/layers.test.ts checks the real import graph too.
 */
function layerRules() {
  const spec = JSON.parse(fs.readFileSync(new URL('./src/layers.json', import.meta.url), 'utf8'));
  const folders = spec.layers.map((l) => l.folder);
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return spec.layers.map((layer) => {
    const barred = folders.filter((f) => f !== layer.folder && !layer.uses.includes(f));
    // a relative import that climbs out of the folder and into a barred one: ../../app, ../ui/x
    const paths = barred.map((f) => {
      const [top, sub] = f.split('/');
      const sibling = sub && layer.folder.startsWith(`${top}/`) ? `|${escape(sub)}` : '';
      const target = sub ? `${escape(top)}/${escape(sub)}` : escape(top);
      return {
        regex: `^(\\.\\./)+(${target}${sibling})(/|$)`,
        message: `Layers (src/layers.json, docs/architecture.md): src/${layer.folder} does not import src/${f}.`,
      };
    });
    const packages = layer.packages.map((g) => ({
      group: spec.packageGroups[g],
      message: `Layers (src/layers.json): src/${layer.folder} does not import ${g} packages.`,
    }));
    return {
      files: [`src/${layer.folder}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns: [...paths, ...packages] }] },
    };
  });
}

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
  ...layerRules(),
  {
    // The .xlsx reader runs in the browser too: no Node globals (docs/reader.md).
    files: ['src/adapters/xlsx/reader/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', '__dirname', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'The reader runs in the browser too: no Node globals.',
        })),
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
