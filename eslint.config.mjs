// Flat config: typescript-eslint recommended plus the folder boundaries of docs/architecture.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
];

/** Builds a no-restricted-imports rule from forbidden module patterns and messages. */
function restrict(groups) {
  return ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.vite/**',
      'out/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'bin/**',
      '.tmp/**',
      'test/fixtures/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Build and test scripts load some CommonJS-only tools by path at run time.
    files: ['scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Config files are loaded by tools that expect a default export.
    files: ['*.config.{ts,mts,mjs}', 'forge.config.ts', 'playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // ---- Architecture boundaries -------------------------------------------------------------
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron'], 'src/shared is pure: no Electron.'],
        [nodeBuiltins, 'src/shared is pure: no Node built-ins (it runs in the renderer too).'],
        [
          [
            '**/main/**',
            '**/renderer/**',
            '**/host/**',
            '**/registry/**',
            '**/preload/**',
            '**/node/**',
          ],
          'src/shared imports nothing from the other layers.',
        ],
        [
          ['react', 'react-dom', 'dexie', 'ws', 'fastify', 'pg'],
          'src/shared holds no UI, storage or network code.',
        ],
      ]),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: [
      'src/main/index.ts',
      'src/main/window/**',
      'src/main/security/appProtocol.ts',
      'src/main/security/hardenContents.ts',
      'src/main/**/*.electron.ts',
    ],
    rules: {
      'no-restricted-imports': restrict([
        [
          ['electron'],
          'Main-process services never import electron: only the [E] adapters (index.ts, window/, security/appProtocol.ts, security/hardenContents.ts, *.electron.ts) may, so src/host can reuse them.',
        ],
        [
          ['**/renderer/**', '**/host/**', '**/preload/**'],
          'src/main imports only src/shared (and the registry client).',
        ],
        [
          ['**/registry/**', '!**/registry/client/**', '!**/registry/client'],
          'From src/registry, main may import only its published client (src/registry/client).',
        ],
      ]),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [
          ['zod', '**/shared/ipc/contract'],
          'The preload imports contract types only (import type) so zod stays out of it.',
        ],
        [
          ['**/main/**', '**/renderer/**', '**/host/**', '**/registry/**', '**/node/**'],
          'The preload imports only src/shared.',
        ],
      ]),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron'], 'The renderer never touches Electron: use platform/clerk.ts.'],
        [nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'],
        [
          ['**/main/**', '**/host/**', '**/registry/**', '**/preload/**', '**/node/**'],
          'The renderer imports only src/shared (IPC goes through window.clerk).',
        ],
      ]),
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron'], 'The host runs without Electron.'],
        [
          [
            '**/renderer/**',
            '**/registry/**',
            '**/preload/**',
            '**/main/index',
            '**/main/window/**',
          ],
          'The host reuses only the Electron-free modules of src/main.',
        ],
      ]),
    },
  },
  {
    // Node-only code shared by main, the registry, the host and the CLI (password hashing).
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron'], 'src/node runs in plain Node: no Electron.'],
        [
          ['**/main/**', '**/host/**', '**/renderer/**', '**/preload/**', '**/registry/**'],
          'src/node imports only src/shared.',
        ],
      ]),
    },
  },
  {
    files: ['src/registry/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron'], 'The registry is a server: no Electron.'],
        [
          ['**/main/**', '**/host/**', '**/renderer/**', '**/preload/**'],
          'The registry imports only src/shared.',
        ],
      ]),
    },
  },
);
