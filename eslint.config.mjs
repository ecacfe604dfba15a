// `npm run lint`: typescript-eslint's strict type-checked rules over every TypeScript file (the
// project service finds each file's tsconfig), Lit's and the web-components rules over the
// elements. Prettier owns formatting, so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.cache/**',
      '.data/**',
      '.tmp/**',
      'coverage/**',
      'bench/results/**',
      '**/*.generated.ts',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers read fine in messages; objects, undefined and null are what this rule is for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `@click=${() => this.close()}` is Lit's idiom; a void value in a statement is still caught.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `this: void` declares a method safe to pass around unbound.
      '@typescript-eslint/no-invalid-void-type': ['error', { allowAsThisParameter: true }],
      // `_name` marks what a signature or a destructuring must name but does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests and benchmarks: node:test's describe/it return promises the runner awaits; `!` on a
    // value the test just created is an assertion (it throws on the next line if wrong); chai's
    // property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts', 'packages/*/test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: [
                'describe',
                'it',
                'test',
                'suite',
                'before',
                'after',
                'beforeEach',
                'afterEach',
              ],
            },
            // @open-wc/semantic-dom-diff types every chai `equal` as a promise for the sake of
            // `.dom.to.equal`; this project has no DOM snapshots, and the axe check
            // (`accessible()`) stays checked.
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['equal', 'Equal'] },
          ],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Clean-up hooks run after a failed setup too (`await world?.close()`), and tests probe
      // values the types promise on purpose to prove the runtime agrees.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests drive supabase-js, pg and PGlite without generated database types on purpose, to
      // exercise the raw HTTP and SQL contract; the `any` rows they get are asserted at once.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // A fake that answers an async interface at once (`accessToken: async () => token`).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Lit calls a template's event listeners with `this` set to the host element
    // (`@click=${this.handleClick}`), so passing a method unbound there is the idiom.
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
);
