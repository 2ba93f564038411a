// Layering is enforced here, not remembered (VS Code's `code-layering` idea):
//   src-main/core        — plain Node: never `electron`.
//   src-main/core/contract — shared with the renderer: only zod.
//   src-main/core/sources/sim — deterministic: no Math.random, Date.now, timers.
//   src-renderer         — browser only: no `electron`, Node built-ins or the AWS SDK.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = { name: 'electron', message: 'src-main/core runs under plain Node (CLI, web mode, tests): keep Electron in src-main/electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }],
    },
  },
  {
    files: ['src-main/core/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The contract is shared with the renderer: zod only.' }))],
          patterns: [{ group: ['@aws-sdk/*', '../*', '!./*'], message: 'The contract is shared with the renderer: import only zod and files in contract/.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/core/sources/sim/**/*.ts'],
    ignores: ['src-main/core/sources/sim/sim-source.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The simulator is deterministic: draw from the seeded stream (ctx.random(name)).' },
        { object: 'Date', property: 'now', message: 'The simulator runs on virtual time: use the engine clock.' },
        { object: 'performance', property: 'now', message: 'The simulator runs on virtual time: use the engine clock.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Schedule on the engine event queue, not the wall clock.' },
        { name: 'setInterval', message: 'Schedule on the engine event queue, not the wall clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock: pass virtual time.' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.flightdeck (src/api.ts).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser sandbox: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'AWS calls and credentials stay in the main process.' },
            { group: ['**/src-main/**', '!**/src-main/core/contract/**'], message: 'Only the contract is shared with the renderer (import from @contract).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'Sandboxed preloads cannot load Node built-ins.' })) }],
    },
  },
);
