import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
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
    // Only repositories touch the query builder.
    files: ['apps/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['kysely', 'pg', '@electric-sql/*'], message: 'Only packages/store touches the database.' }] }],
    },
  },
);
