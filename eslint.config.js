// ESLint 9 flat config, run by `npm run lint` (scripts/lint.js).
// typescript-eslint loads `typescript` as a library and TypeScript 7 (the kit's tsc) has none:
// this first import makes every require('typescript') in the process load TypeScript 5.9
// (scripts/typescript-api, see CONTRIBUTING.md "Lint and format"). It must stay the first import.
import 'loyalty-elements-typescript-api';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', '**/node_modules/**', 'test/frameworks/*/dist/**', 'src/locales/**', 'custom-elements.json'],
  },
  js.configs.recommended,
  // TypeScript (src, test, demo, configs): the type-checked rules, with the project's tsconfig.json
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // files outside tsconfig.json's `include` (src, test) get its compiler options
          allowDefaultProject: ['demo/*.ts', 'vite.config.ts', 'test/frameworks/vue/shims.d.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_` marks a parameter kept for its position (a callback's signature)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Lit templates and custom-element classes: the kit's own base class counts as an element base
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement', 'LoyaltyElement'] } },
  },
  // plain JavaScript: the sandbox, scripts, bench and configs run in Node; demo, bench pages and
  // the classic script in the browser. No type information (they are not in a tsconfig).
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['demo/**/*.js', 'bench/pages/**/*.js', 'src/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
