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
          // the root Vite config is in no tsconfig: it gets tsconfig.json's compiler options
          // (demo/ has its own tsconfig.json)
          allowDefaultProject: ['vite.config.ts', 'scripts/minify-templates.d.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_` marks a parameter kept for its position (a callback's signature)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // passing on a reason received (an AbortSignal's `reason`, a caught error) is not making up a
      // non-Error one, which is what the rule is for
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  // Lit templates and custom-element classes: the kit's own base class counts as an element base
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement', 'LoyaltyElement'] } },
    rules: {
      // every element extends LitElement, which has all the lifecycle callbacks, and TypeScript
      // already rejects a `super.x()` the base class lacks: a guard would be dead code
      'wc/guard-super-call': 'off',
    },
  },
  // Lit calls a template's event listeners with `this` set to the host element
  // (`@click=${this.signOut}`, Lit's documented pattern): a method bound in a template is not unbound
  {
    files: ['src/elements/**/*.ts', 'src/session/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  // the demo pages' scripts use async event listeners: a failure there goes to the console, which
  // is all a demo page needs
  {
    files: ['demo/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }] },
  },
  // Tests read the sandbox's raw JSON (`any` by design: they check what the server sent) and use
  // chai, whose DOM-diff plugin types every `.equal()` as a Promise although it only is for DOM
  // snapshots (`.dom`/`.shadowDom`): those rules do not apply to them.
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's property assertions are expressions: `expect(x).to.be.true`
      '@typescript-eslint/no-unused-expressions': 'off',
      // test doubles: a stubbed platform method is saved to be put back (`const original =
      // window.matchMedia`), a fake `fetch`/`sleep` is `async` to match the signature it stands in
      // for, and a fake `fetch` reads its `input` (a string or URL from the kit) with String()
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: ['Equal', 'equal', 'eq', 'equals'] }] },
      ],
    },
  },
  // plain JavaScript: the sandbox, scripts, bench and configs run in Node; demo, bench pages and
  // the classic script in the browser. No type information (they are not in a tsconfig).
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `const { list, ...rest } = v` leaves `list` out of `rest`
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // bench/run.js and the screenshot scripts also hold functions that puppeteer runs in the page
    files: ['demo/**/*.js', 'bench/pages/**/*.js', 'src/**/*.js', 'bench/run.js', 'scripts/gallery.js', 'scripts/screenshot.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
