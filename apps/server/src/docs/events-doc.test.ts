import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEvents } from '@plancia/contracts';
import { EntityCaps } from '../ingest/entity-caps.js';
import { LIMIT_ERRORS, renderEventsDoc } from './events-doc.js';
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

  it('names the 422 codes the queue and agent limits really answer', () => {
    const at = Date.parse('2026-03-02T10:00:00Z');
    const event = (id: string, type: string, data: object) => ({ specversion: '1.0', id, source: 'urn:test', type, time: '2026-03-02T10:00:00Z', data });
    const checked = validateEvents([
      event('1', 'contact.queued', { contactId: 'c1', queueId: 'sales', channel: 'voice' }),
      event('2', 'agent.state', { agentId: 'a1', state: 'available' }),
    ], at);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const [queued, agent] = checked.events;
    const caps = new EntityCaps({ queues: 0, agents: 0 });
    const refused = { queue: caps.admit([queued!])?.error, agent: caps.admit([agent!])?.error };
    expect(refused).toEqual(LIMIT_ERRORS);
    expect(renderEventsDoc()).toContain(`"${refused.queue}" or "${refused.agent}"`);
  });
});
