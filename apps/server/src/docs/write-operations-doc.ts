// `npx tsx apps/server/src/docs/write-operations-doc.ts`: regenerates the limits tables of docs/operations.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { REPO_ROOT } from '../paths.js';
import { withLimitsTables } from './operations-doc.js';

const target = `${REPO_ROOT}docs/operations.md`;
writeFileSync(target, withLimitsTables(readFileSync(target, 'utf8')));
console.log(`wrote the limits tables of ${target}`);
