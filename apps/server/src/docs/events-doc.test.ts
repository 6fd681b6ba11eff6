import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventsDoc } from './events-doc.js';
import { REPO_ROOT } from '../paths.js';

describe('docs/events.md', () => {
  it('matches the contract schemas (regenerate with `pnpm --filter @plancia/server docs:events`)', () => {
    expect(readFileSync(`${REPO_ROOT}docs/events.md`, 'utf8')).toBe(renderEventsDoc());
  });

  it('documents every field of every type', () => {
    const doc = renderEventsDoc();
    expect(doc).toContain('| `toQueueId` | yes | string, 1–128 chars | the queue it enters |');
    expect(doc).toContain('| `csat` | no | integer, 1–5 |');
    expect(doc).toContain('| `channel` | yes | one of `"voice"`, `"chat"`, `"messaging"`, `"email"`, `"social"`, `"callback"` |');
  });
});
