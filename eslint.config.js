import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// The pure core may not reach the outside world: no servers, databases, sockets, files or wall clock.
const ioModules = [
  'fastify', 'fastify-plugin', '@fastify/*', 'pg', 'kysely', '@electric-sql/*', 'socket.io', 'socket.io-client',
  'ws', 'node:*', 'fs', 'fs/promises', 'net', 'http', 'https', 'dgram', 'child_process', 'worker_threads', 'os',
  '@plancia/store', '@plancia/server',
];
const wallClock = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core takes time as an argument: no Date.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core takes time as an argument: no new Date() without a value.' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'The core takes time as an argument.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core is deterministic: no Math.random().' },
];

// The web app's rooms (bulletproof-react): features stand alone; app/ composes them; lib/, components/ and stores/
// are shared by all and import neither a feature nor the app. Every folder under features/ is a feature.
const web = './apps/web/src';
const webFeatures = readdirSync(new URL('apps/web/src/features', import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const webZones = [
  ...webFeatures.map((feature) => ({
    target: `${web}/features/${feature}`, from: `${web}/features`, except: [`./${feature}`],
    message: 'Features do not import each other: compose them in app/, share board state through src/stores.',
  })),
  { target: [`${web}/lib`, `${web}/components`, `${web}/stores`], from: [`${web}/features`, `${web}/app`], message: 'Shared layers import no feature and not the app.' },
  { target: `${web}/features`, from: `${web}/app`, message: 'A feature does not import the app that composes it.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and a switch over a union must name every member.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'apps/web/tsconfig.json' })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: webZones }] },
  },
  {
    files: ['packages/engine/src/**/*.ts', 'packages/contracts/src/**/*.ts', 'packages/adapters/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioModules, message: 'The pure core has no I/O: pass data and time in.' }] }],
      'no-restricted-syntax': ['error', ...wallClock],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...ioModules, '@plancia/*'], message: 'Contracts are a leaf: they import nothing of ours and no I/O.' }] }],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...ioModules, '@plancia/adapters'], message: 'The engine imports only contracts and pure libraries.' }] }],
    },
  },
  {
    files: ['packages/adapters/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...ioModules, '@plancia/*', '!@plancia/contracts'], message: 'Adapters map vendor messages to contract events: they import only contracts and no I/O.' }] }],
    },
  },
  {
    files: ['packages/store/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@plancia/*', '!@plancia/contracts'], message: 'The store keeps what the contracts describe: it imports only contracts.' }] }],
    },
  },
  {
    // Only repositories touch the query builder.
    files: ['apps/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['kysely', 'pg', '@electric-sql/*'], message: 'Only packages/store touches the database.' }] }],
    },
  },
);
