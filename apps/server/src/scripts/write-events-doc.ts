import { writeFileSync } from 'node:fs';
import { renderEventsDoc } from '../docs/events-doc.js';
import { REPO_ROOT } from '../paths.js';

const target = `${REPO_ROOT}docs/events.md`;
writeFileSync(target, renderEventsDoc());
console.log(`wrote ${target}`);
