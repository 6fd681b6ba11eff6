import type { ContactChannelName } from '@plancia/contracts';
import type { ContactStep } from './lifecycle.js';
import { ESC, NULL, SEP, readRelative, readText, relative, text } from '../state/packing.js';

/**
 * A finished contact that only a late event (or its forgetting) can still change, held as one string: a busy day keeps
 * hundreds of thousands of them until the day ends, and as records (lifecycle, view, an object per event) they were
 * most of the engine's objects, of its heap and of a checkpoint's size and restore time. The string is its last
 * event's instant (when it can be forgotten follows from it), its deadline (already in the heap: its record's `due`)
 * and its events (`packSteps`), joined by SEP; one string, not an object holding them, because the collector's work
 * and a restart's both grow with the number of objects.
 */
export type DormantContact = string;

export function dormantContact(steps: readonly ContactStep[], lastAt: number, due: number): DormantContact {
  return [String(lastAt), String(due), packSteps(steps)].join(SEP);
}

export function dormantLastAt(d: DormantContact): number {
  return Number(d.slice(0, d.indexOf(SEP)));
}

export function dormantDue(d: DormantContact): number {
  const from = d.indexOf(SEP) + 1;
  return Number(d.slice(from, d.indexOf(SEP, from)));
}

export function dormantSteps(d: DormantContact): ContactStep[] {
  return unpackSteps(d.slice(d.indexOf(SEP, d.indexOf(SEP) + 1) + 1));
}

/*
 * The packed form (see state/packing.ts): each step's fields joined by SEP, in a fixed order. First those every step
 * has: type, `at`, `seq`, id, source; then only those its type carries (see `contactStep`: the others are null): a
 * queued event's queue, channel and waiting fields, a transfer's queue and waiting fields, an answer's agent. A source
 * equal to the previous step's is ESC + 's'. `at` and `seq` are differences from the previous step's (`relative`).
 */
const SAME = `${ESC}s`;

const TYPES: readonly ContactStep['type'][] = [
  'contact.queued', 'contact.answered', 'contact.abandoned', 'contact.transferred', 'contact.ended', 'contact.completed',
];
const TYPE_CODE = new Map(TYPES.map((type, i) => [type, String(i)]));

/** The fields of the stay a queued event or a transfer starts, as the waiting list shows it. */
function pushWaiting(fields: string[], e: ContactStep): void {
  fields.push(e.priority === null ? NULL : String(e.priority), e.vip === null ? NULL : e.vip ? '1' : '0', text(e.caller));
}

/** One flat string (built by a join, not by concatenation, which would leave a tree of pieces in the heap). */
export function packSteps(steps: readonly ContactStep[]): string {
  const fields: string[] = [];
  let previous: ContactStep | null = null;
  for (const e of steps) {
    const source = previous !== null && e.source === previous.source ? SAME : text(e.source);
    fields.push(TYPE_CODE.get(e.type)!, relative(e.at, previous?.at ?? null), relative(e.seq, previous?.seq ?? null), text(e.id), source);
    if (e.type === 'contact.queued') {
      fields.push(text(e.queueId), text(e.channel));
      pushWaiting(fields, e);
    } else if (e.type === 'contact.transferred') {
      fields.push(text(e.queueId));
      pushWaiting(fields, e);
    } else if (e.type === 'contact.answered') {
      fields.push(text(e.agentId));
    }
    previous = e;
  }
  return fields.join(SEP);
}

/** Reads the packed fields back, one step at a time. */
class StepReader {
  private at = 0;

  constructor(private readonly fields: readonly string[]) {}

  get done(): boolean {
    return this.at >= this.fields.length;
  }

  next(): string {
    return this.fields[this.at++]!;
  }

  text(): string | null {
    return readText(this.next());
  }

  step(previous: ContactStep | null): ContactStep {
    const type = TYPES[Number(this.next())]!;
    const at = readRelative(this.next(), previous?.at ?? 0);
    const seq = readRelative(this.next(), previous?.seq ?? 0);
    const id = this.text()!;
    const sourceField = this.next();
    const source = sourceField === SAME && previous !== null ? previous.source : readText(sourceField)!;
    const queueId = type === 'contact.queued' || type === 'contact.transferred' ? this.text() : null;
    const channel = type === 'contact.queued' ? (this.text() as ContactChannelName | null) : null;
    const agentId = type === 'contact.answered' ? this.text() : null;
    const waiting = type === 'contact.queued' || type === 'contact.transferred';
    const priority = waiting ? this.next() : NULL;
    const vip = waiting ? this.next() : NULL;
    const caller = waiting ? this.text() : null;
    return {
      type, at, id, source, seq, queueId, channel, agentId,
      priority: priority === NULL ? null : Number(priority), vip: vip === NULL ? null : vip === '1', caller,
    };
  }
}

/** The steps `packSteps` packed, equal field by field (new objects). */
export function unpackSteps(packed: string): ContactStep[] {
  const reader = new StepReader(packed.split(SEP));
  const steps: ContactStep[] = [];
  let previous: ContactStep | null = null;
  while (!reader.done) {
    previous = reader.step(previous);
    steps.push(previous);
  }
  return steps;
}
