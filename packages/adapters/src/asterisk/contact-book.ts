/** Where one caller (an AMI Uniqueid) stands in its current queue stint. */
export interface ContactRecord {
  contactId: string;
  queueId: string;
  /** Whole seconds since the epoch at which it joined the current queue. */
  queuedSec: number | null;
  stage: 'waiting' | 'left' | 'answered' | 'abandoned' | 'ended' | 'exited';
  leftSec: number | null;
  agentId: string | null;
  queueStatus: string | null;
  stints: number;
  lastSec: number;
}

// Finished callers are forgotten an hour (of event time) after their last event, once the book is large.
const PRUNE_ABOVE = 10_000;
const KEEP_FINISHED_SEC = 3600;

/** Callers by Uniqueid; a caller who joins again after finishing becomes a new contact (`<Uniqueid>#2`, …). */
export class ContactBook {
  private readonly contacts = new Map<string, ContactRecord>();

  get(uniqueid: string): ContactRecord | undefined {
    return this.contacts.get(uniqueid);
  }

  /** Opens a new queue stint for a caller that is not waiting or pending a leave. */
  open(uniqueid: string, queueId: string, queuedSec: number | null): ContactRecord {
    const previous = this.contacts.get(uniqueid);
    const stints = (previous?.stints ?? 0) + 1;
    const record: ContactRecord = {
      contactId: stints === 1 ? uniqueid : `${uniqueid}#${stints}`,
      queueId, queuedSec, stage: 'waiting', leftSec: null, agentId: null, queueStatus: null, stints,
      lastSec: queuedSec ?? previous?.lastSec ?? 0,
    };
    this.contacts.set(uniqueid, record);
    if (this.contacts.size > PRUNE_ABOVE) this.prune(record.lastSec);
    return record;
  }

  /** The latest call answered by one of these member names (MemberName, Interface) that has not ended, in `queueId` if given. */
  answeredBy(member: readonly string[], queueId: string | undefined): ContactRecord | undefined {
    let found: ContactRecord | undefined;
    for (const c of this.contacts.values()) {
      if (c.stage !== 'answered' || c.agentId === null || !member.includes(c.agentId)) continue;
      if (queueId !== undefined && c.queueId !== queueId) continue;
      if (!found || c.lastSec >= found.lastSec) found = c;
    }
    return found;
  }

  private prune(nowSec: number): void {
    for (const [uniqueid, c] of this.contacts) {
      const finished = c.stage !== 'waiting' && c.stage !== 'left' && c.stage !== 'answered';
      if (finished && nowSec - c.lastSec > KEEP_FINISHED_SEC) this.contacts.delete(uniqueid);
    }
  }
}
