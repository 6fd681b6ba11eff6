import { readFileSync, writeFileSync } from 'node:fs';
import { withEnvTable } from '../docs/env-doc.js';
import { REPO_ROOT } from '../paths.js';

const target = `${REPO_ROOT}README.md`;
writeFileSync(target, withEnvTable(readFileSync(target, 'utf8')));
console.log(`wrote the configuration table of ${target}`);
