import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'crypto', 'url', 'stream', 'events', 'util', 'zlib', 'net']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Served to the browser as window.ledger by the browser host.
    files: ['electron/host/browser-bridge.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // shared/ is pure: it runs on both sides, so no Node, Electron or DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: nodeBuiltins, message: 'shared/ may not import Node APIs.' },
        { regex: '^electron(/|$)', message: 'shared/ may not import Electron.' },
        { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'antd'], message: 'shared/ may not import from electron/ or renderer/.' },
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // renderer/ talks to the core only through window.ledger.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^electron(/|$)', message: 'renderer/ may not import Electron.' },
        { group: ['**/electron/**'], message: 'renderer/ may not import from electron/.' },
        { group: nodeBuiltins, message: 'renderer/ runs in the browser: no Node APIs.' },
      ] }],
    },
  },
  {
    // Electron itself stays in the thin shell so tests never load it.
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import Electron.' },
        { group: ['**/electron/main/**', '**/electron/preload/**'], message: 'The Electron shell is never loaded by the core or by tests.' },
      ] }],
    },
  },
)
