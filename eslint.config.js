// ESLint flat config. Besides style, it enforces the layering (docs/architecture.md#conventions):
// src-shared is pure, Electron and keytar are imported only at main's edges, the renderer never
// reaches for Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Bare module names only, anchored: a gitignore-style group would also match our own relative
// paths such as './net/loopback' or './path'.
const nodeBuiltinsRegex =
  '^(node:.+|fs|path|os|http|https|net|crypto|child_process|url|stream|events|util|buffer)(/.*)?$';
const electronAndSecretsRegex = '^(electron|keytar)(/.*)?$';
const electronAndSecrets = ['electron', 'electron/*', 'keytar'];
const electronOnlyAtEdges = {
  group: electronAndSecrets,
  message: 'Electron and keytar are imported only in src-main/index.ts and src-main/platform/.',
};
const noTestCodeInApp = {
  group: ['**/e2e/**', '**/test-support/**', 'vitest', 'fast-check', '@playwright/test'],
  message: 'The app never imports test support, test libraries or the e2e harness.',
};

/** What the renderer may not import: it reaches main only through window.fieldbook. */
const rendererBoundary = [
  { regex: nodeBuiltinsRegex, message: 'The renderer reaches main only through window.fieldbook.' },
  {
    regex: '^(electron|keytar|ky)(/.*)?$',
    message: 'The renderer reaches main only through window.fieldbook.',
  },
  {
    group: ['**/src-main/**', '**/sandbox/**'],
    message: 'The renderer imports nothing of main or the sandbox.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  // Type-aware rules: a promise nobody awaits loses its error silently, and a
  // switch over a union that misses a member is a state the sync engine forgot.
  {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  // Electron and keytar only at main's edges (and in the preload, which is Electron by nature).
  {
    files: ['**/*.{ts,svelte}'],
    ignores: ['src-main/index.ts', 'src-main/platform/**', 'src-preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnlyAtEdges] }],
    },
  },
  // What ships in main never pulls in test support or the e2e harness (a later block replaces
  // the rule above for these files, so it repeats the Electron restriction where it applies).
  {
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnlyAtEdges, noTestCodeInApp] }],
    },
  },
  {
    files: ['src-main/index.ts', 'src-main/platform/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTestCodeInApp] }],
    },
  },
  // src-shared is pure TypeScript: no Electron, no Node, no DOM, nothing of main/renderer/preload.
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: nodeBuiltinsRegex,
              message: 'src-shared is pure: no Node built-ins.',
            },
            {
              regex: electronAndSecretsRegex,
              message: 'src-shared is pure: no Electron or keytar.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**', '**/sandbox/**'],
              message: 'src-shared imports nothing of main, renderer, preload or sandbox.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  // The renderer never touches the network stack, Node or secrets directly.
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: rendererBoundary,
        },
      ],
    },
  },
  // The one exception to the renderer's boundary: its Node-run tests (`*.node.test.ts`, e.g. the
  // sync adapters over real HTTP) need the real sandbox and main's services, reached through a
  // test-support world. App code may import neither those nor any test support (next block).
  {
    files: ['src-renderer/**/*.node.test.ts', 'src-renderer/**/test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(electron|keytar|ky)(/.*)?$',
              message:
                'Renderer tests reach main through its services and IPC router, as the app does.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...rendererBoundary, noTestCodeInApp],
        },
      ],
    },
  },
  // The descriptors' tests check summaries against list rows rendered exactly as the sandbox
  // renders them, so they may import sandbox code (still nothing of main, renderer or Node).
  {
    files: ['src-shared/connectors/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltinsRegex, message: 'src-shared is pure: no Node built-ins.' },
            {
              regex: electronAndSecretsRegex,
              message: 'src-shared is pure: no Electron or keytar.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
              message: 'src-shared tests import nothing of main, renderer or preload.',
            },
          ],
        },
      ],
    },
  },
);
