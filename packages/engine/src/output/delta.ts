import type { Delta } from '@plancia/contracts';
import type { EngineCore } from '../engine-core.js';
import type { EntryBuilder } from './entries.js';
import { boundsOf } from './snapshot.js';

/**
 * Remembers what was last sent for each entry (its encoded form) and hands out only entries whose encoding
 * moved. Entries come from the builder's cache, so unchanged queues cost a lookup and a string compare.
 */
export class DeltaTracker {
  private readonly sent = new Map<string, string | number>();
  seq = 0;

  drain(core: EngineCore, entries: EntryBuilder): Delta | null {
    const delta: Omit<Delta, 'seq' | 'generatedAt'> = {};
    const bounds = boundsOf(core);
    if (this.moved('bounds', JSON.stringify(bounds))) delta.bounds = bounds;
    const centre = entries.aggregate('centre', null);
    if (this.moved('c:centre', JSON.stringify(centre))) delta.centre = centre;
    const channels = [...core.channelWindows.keys()].sort().map((c) => entries.aggregate(c, c)).filter((c) => this.moved(`c:${c.key}`, JSON.stringify(c)));
    if (channels.length) delta.channels = channels;
    const queues = core.knownQueueIds().map((q) => entries.queue(q)).filter((q) => this.moved(`q:${q.queueId}`, JSON.stringify(q)));
    if (queues.length) delta.queues = queues;
    const teams = [...core.teamAgents.keys()].sort().filter((t) => this.moved(`t:${t}`, core.versions.get('team', t))).map((t) => entries.team(t));
    if (teams.length) delta.teams = teams;
    const agents = entries.sortedAgents().filter((a) => this.moved(`a:${a.agentId}`, core.versions.get('agent', a.agentId)));
    if (agents.length) delta.agents = agents.map((a) => entries.agent(a));
    if (this.moved('anomalies', core.versions.getGlobal('anomalies'))) delta.anomalies = { ...core.anomalies };
    if (Object.keys(delta).length === 0) return null;
    this.seq++;
    return { seq: this.seq, generatedAt: new Date(core.clock).toISOString(), ...delta };
  }

  private moved(key: string, encoded: string | number): boolean {
    if (this.sent.get(key) === encoded) return false;
    this.sent.set(key, encoded);
    return true;
  }
}
