// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import directions of ARCHITECTURE.md, enforced here and by one tsconfig per layer:
 *   renderer → shared, host → shared, electron → host + shared, server → shared.
 * Nothing imports renderer/ or electron/. shared/ imports no node:* and no DOM-only packages.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'child_process', 'http', 'https', 'crypto', 'stream', 'events', 'tty', 'url', 'util', 'zlib', 'dgram', 'dns', 'worker_threads', 'readline'];
const hostOnlyPackages = ['serialport', '@serialport/*', 'ssh2', 'telnet-stream', 'ws', 'iconv-lite', 'better-sqlite3', 'tsx', 'tsx/*'];

/** @param {string[]} groups @param {string} message */
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export const layerRules = {
  shared: restrict(
    [...nodeBuiltins, ...hostOnlyPackages, 'electron', 'react', 'react-dom', '**/host/**', '**/renderer/**', '**/electron/**', '**/server/**'],
    'shared/ runs anywhere: no Node built-ins, no DOM, no host/renderer/electron/server imports (ARCHITECTURE.md, layers).',
  ),
  renderer: restrict(
    [...nodeBuiltins, ...hostOnlyPackages, 'electron', '**/host/**', '**/electron/**', '**/server/**'],
    'renderer/ talks to the host only through the contract (ApiClient): no Node, no host/, electron/ or server/ imports.',
  ),
  host: restrict(
    ['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/**', '**/server/**'],
    'host/ runs in plain Node: it must not import electron, renderer/ or server/.',
  ),
  server: restrict(
    ['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/**', '**/host/**'],
    'server/ imports shared/ only.',
  ),
  electron: restrict(['**/renderer/**', '**/server/**'], 'electron/ wraps host/ and shared/; it never imports renderer/ or server/.'),
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', '**/dist/**', 'test/artifacts/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**', '.tsbuild/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}', 'bin/**', 'test/**', 'electron/build.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['shared/**/*.ts'], ignores: ['**/*.test.ts'], rules: layerRules.shared },
  { files: ['renderer/src/**/*.{ts,tsx}'], ignores: ['**/*.test.{ts,tsx}'], rules: layerRules.renderer, languageOptions: { globals: { ...globals.browser } } },
  { files: ['host/**/*.ts'], ignores: ['**/*.test.ts'], rules: layerRules.host },
  { files: ['server/**/*.ts'], ignores: ['**/*.test.ts'], rules: layerRules.server },
  { files: ['electron/**/*.ts'], ignores: ['**/*.test.ts'], rules: layerRules.electron },
);
