import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { AgentSources } from './agent-sources.js';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const state = (agentId: string, source: string, atMs: number, type = 'agent.state'): TimedEvent =>
  ({ specversion: '1.0', id: `${source}-${atMs}`, source, type, time: new Date(atMs).toISOString(), timeMs: atMs, data: { agentId, state: 'available' } }) as TimedEvent;

describe('AgentSources', () => {
  it('names the source of the latest agent state by event time, whatever the arrival order', () => {
    const sources = new AgentSources();
    sources.note([state('ada', 'urn:pbx:new', T0 + 2_000), state('bob', 'urn:pbx:old', T0)]);
    sources.note([state('ada', 'urn:pbx:old', T0 + 1_000), state('ada', 'urn:pbx:other', T0 + 5_000, 'agent.login')]);
    expect([sources.of('ada'), sources.of('bob'), sources.of('cleo')]).toEqual(['urn:pbx:new', 'urn:pbx:old', undefined]);
    sources.note([state('ada', 'urn:pbx:moved', T0 + 2_000)]);
    expect(sources.of('ada')).toBe('urn:pbx:moved');
  });
});
