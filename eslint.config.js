// One flat ESLint config for the whole workspace (style guide: "One flat ESLint config").
// Correctness and package boundaries only: no formatting rules, so it never argues with an editor.
// Not type-aware: typed linting took almost 4 minutes on 2 cores; tsc/vue-tsc check the types.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinModules } from 'node:module';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Turns off every rule of these plugins that only checks layout (indentation, line breaks...). */
function layoutRulesOff(plugins) {
  const off = {};
  for (const [prefix, plugin] of Object.entries(plugins)) {
    for (const [name, rule] of Object.entries(plugin.rules ?? {})) {
      if (rule.meta?.type === 'layout') off[`${prefix}/${name}`] = 'off';
    }
  }
  return off;
}

// Package boundaries (style guide, each folder's README).
const SERVER_CODE = { group: ['@watchfloor/server', '@watchfloor/server/*', '**/server/src/**', '**/server/dist/**'], message: 'Only the server imports server code: share it through @watchfloor/shared.' };
const CLIENT_CODE = { group: ['@watchfloor/client', '@watchfloor/client/*', '**/client/src/**'], message: 'Only the client imports client code.' };
const NO_NODE_IN_SHARED = 'shared runs in the browser too: no Node APIs, no I/O.';
const SHARED_BY_PATH = { group: ['**/shared/src/**', '**/shared/dist/**'], message: 'Import shared by its package name, @watchfloor/shared.' };

// Client libraries that one module (or folder) owns: nothing else in the client imports them.
const OWNED_LIBRARIES = [
  { owner: 'client/src/realtime/connection.ts', group: ['socket.io-client', 'socket.io-client/*'], message: 'Only realtime/connection.ts owns the socket: components read stores.' },
  { owner: 'client/src/map/**', group: ['maplibre-gl', 'maplibre-gl/*'], message: 'MapLibre lives behind map/ (map-controller.ts, MapView.vue).' },
  { owner: 'client/src/charts/**', group: ['echarts', 'echarts/*'], message: 'ECharts lives behind charts/ (echarts-setup.ts, EChart.vue).' },
];

/** The client's import rule, letting `owned` (one of OWNED_LIBRARIES) through. */
function clientImports(owned) {
  const libraries = OWNED_LIBRARIES.filter((lib) => lib !== owned).map(({ group, message }) => ({ group, message }));
  return { 'no-restricted-imports': ['error', { patterns: [SERVER_CODE, SHARED_BY_PATH, ...libraries] }] };
}

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', '**/coverage/', 'data/', 'test-results/', 'e2e/artifacts/', 'bench/out/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],

  {
    rules: {
      // A leading underscore marks a deliberately unused name, e.g. `const { id: _id, ...rest } = x`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `catch {}` in a retry loop means "not yet, try again".
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Module augmentation (vue-i18n's DefineLocaleMessage) needs an interface that only extends.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // vue-tsc reports undefined names, and no-undef misreads type-only names.
    rules: { 'no-undef': 'off' },
  },

  { files: ['client/**'], languageOptions: { globals: globals.browser } },
  { files: ['server/**', 'scripts/**', '*.js', '*.ts'], languageOptions: { globals: globals.node } },
  // Node tools that also pass callbacks to page.evaluate, which run in the browser.
  { files: ['e2e/**', 'bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },

  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.map((name) => ({ name, message: NO_NODE_IN_SHARED })),
        patterns: [SERVER_CODE, CLIENT_CODE, { group: ['node:*'], message: NO_NODE_IN_SHARED }],
      }],
    },
  },
  { files: ['server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [CLIENT_CODE, SHARED_BY_PATH] }] } },
  { files: ['client/**'], rules: clientImports() },
  ...OWNED_LIBRARIES.map((lib) => ({ files: [lib.owner], rules: clientImports(lib) })),

  // Last, so nothing above turns a layout rule back on.
  { rules: layoutRulesOff({ vue: pluginVue }) },
]);
