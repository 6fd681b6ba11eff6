import { BOARD_SLICE_NAMES, type BoardSliceName, type Delta } from '@plancia/contracts';
import type { EngineCore } from '../engine-core.js';
import type { EntryBuilder } from './entries.js';
import { boundsOf } from './snapshot.js';

/**
 * Hands out a slice's changes since the last drain, or undefined when nothing in it moved. `discarding`: nobody reads
 * them, so what costs more to build than to find (agents' entries) may be left empty; what moved is still noted.
 */
type SliceProducer<K extends BoardSliceName> = (core: EngineCore, entries: EntryBuilder, moved: Moved, discarding: boolean) => Delta[K] | undefined;
type Moved = (key: string, encoded: string | number) => boolean;

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** One producer per slice the contract declares; a slice without one does not compile. */
const PRODUCERS: { [K in BoardSliceName]: SliceProducer<K> } = {
  bounds: (core, _entries, moved) => {
    const bounds = boundsOf(core);
    return moved('bounds', JSON.stringify(bounds)) ? bounds : undefined;
  },
  centre: (_core, entries, moved) => {
    const centre = entries.aggregate('centre', null);
    return moved('c:centre', JSON.stringify(centre)) ? centre : undefined;
  },
  channels: (core, entries, moved) => nonEmpty([...core.channelWindows.keys()].sort().map((c) => entries.aggregate(c, c)).filter((c) => moved(`c:${c.key}`, JSON.stringify(c)))),
  queues: (core, entries, moved) => nonEmpty(core.knownQueueIds().map((q) => entries.queue(q)).filter((q) => moved(`q:${q.queueId}`, JSON.stringify(q)))),
  // Teams and agents carry a version that moves with every change, which is cheaper to compare than their encoding.
  teams: (core, entries, moved) => nonEmpty([...core.teamAgents.keys()].sort().filter((t) => moved(`t:${t}`, core.versions.get('team', t))).map((t) => entries.team(t))),
  agents: (core, entries, moved, discarding) => {
    const changed = entries.sortedAgents().filter((a) => moved(`a:${a.agentId}`, core.versions.get('agent', a.agentId)));
    if (discarding) return changed.length > 0 ? [] : undefined; // moved all the same: the sequence moves as on a drain
    return nonEmpty(changed.map((a) => entries.agent(a)));
  },
  anomalies: (core, _entries, moved) => (moved('anomalies', core.versions.getGlobal('anomalies')) ? { ...core.anomalies } : undefined),
  waiting: (core, entries, moved) => nonEmpty(core.knownQueueIds().map((q) => entries.waiting(q)).filter((w) => moved(`w:${w.entry.queueId}`, w.serial)).map((w) => w.entry)),
};

/**
 * Remembers what was last sent for each entry (its encoded form or version) and hands out only entries that moved.
 * Entries come from the builder's cache, so unchanged queues cost a lookup and a string compare.
 */
export class DeltaTracker {
  private readonly sent = new Map<string, string | number>();
  private readonly moved: Moved = (key, encoded) => {
    if (this.sent.get(key) === encoded) return false;
    this.sent.set(key, encoded);
    return true;
  };
  seq = 0;

  drain(core: EngineCore, entries: EntryBuilder, discarding = false): Delta | null {
    const changes: Record<string, unknown> = {};
    let any = false;
    for (const name of BOARD_SLICE_NAMES) {
      const value = PRODUCERS[name](core, entries, this.moved, discarding);
      if (value === undefined) continue;
      changes[name] = value;
      any = true;
    }
    if (!any) return null;
    this.seq++;
    return { seq: this.seq, generatedAt: new Date(core.clock).toISOString(), ...changes };
  }
}
