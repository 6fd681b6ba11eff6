import type { ContactChannelName } from '@plancia/contracts';
import type { ContactStep } from './lifecycle.js';

/**
 * A finished contact that only a late event (or its forgetting) can still change, held as one small object: a busy
 * day keeps hundreds of thousands of them until the day ends, and as records (lifecycle, view, an object per event)
 * they were most of the engine's objects, of its heap and of a checkpoint's size and restore time.
 */
export class DormantContact {
  constructor(
    /** its events in time order, packed by `packSteps` */
    readonly packed: string,
    /** its last event's instant: when it can be forgotten follows from it */
    readonly lastAt: number,
    /** its deadline, already in the heap (its record's `due`) */
    readonly due: number,
  ) {}
}

/*
 * The packed form: every step's fields in a fixed order, joined by SEP. A string field is written as it is, escaped
 * when it holds SEP or ESC; null is ESC + 'n', and a source equal to the previous step's is ESC + 's'. `at` and `seq`
 * are written as the difference from the previous step's (short: a contact's events are minutes apart), or after
 * '=' as themselves when a difference could round (not integers) and for the first step.
 */
const SEP = '\u0001';
const ESC = '\u0002';
const NULL = `${ESC}n`;
const SAME = `${ESC}s`;
const FIELDS = 11;

const TYPES: readonly ContactStep['type'][] = [
  'contact.queued', 'contact.answered', 'contact.abandoned', 'contact.transferred', 'contact.ended', 'contact.completed',
];
const TYPE_CODE = new Map(TYPES.map((type, i) => [type, String(i)]));

function text(s: string | null): string {
  if (s === null) return NULL;
  if (!s.includes(SEP) && !s.includes(ESC)) return s;
  return s.replaceAll(ESC, `${ESC}b`).replaceAll(SEP, `${ESC}a`);
}

function readText(field: string): string | null {
  if (field === NULL) return null;
  if (!field.includes(ESC)) return field;
  return field.replaceAll(`${ESC}a`, SEP).replaceAll(`${ESC}b`, ESC);
}

/** `x` after `previous`: their difference when both are safe integers (exact), else `x` itself after '='. */
function relative(x: number, previous: number | null): string {
  return previous !== null && Number.isSafeInteger(x) && Number.isSafeInteger(previous) ? String(x - previous) : `=${x}`;
}

function readRelative(field: string, previous: number): number {
  return field.charCodeAt(0) === 61 /* = */ ? Number(field.slice(1)) : previous + Number(field);
}

/** One flat string (built by a join, not by concatenation, which would leave a tree of pieces in the heap). */
export function packSteps(steps: readonly ContactStep[]): string {
  const fields = new Array<string>(steps.length * FIELDS);
  let o = 0;
  let previous: ContactStep | null = null;
  for (const e of steps) {
    fields[o++] = TYPE_CODE.get(e.type)!;
    fields[o++] = relative(e.at, previous?.at ?? null);
    fields[o++] = relative(e.seq, previous?.seq ?? null);
    fields[o++] = text(e.id);
    fields[o++] = previous !== null && e.source === previous.source ? SAME : text(e.source);
    fields[o++] = text(e.queueId);
    fields[o++] = text(e.channel);
    fields[o++] = text(e.agentId);
    fields[o++] = e.priority === null ? NULL : String(e.priority);
    fields[o++] = e.vip === null ? NULL : e.vip ? '1' : '0';
    fields[o++] = text(e.caller);
    previous = e;
  }
  return fields.join(SEP);
}

/** The steps `packSteps` packed, equal field by field (new objects). */
export function unpackSteps(packed: string): ContactStep[] {
  const f = packed.split(SEP);
  const steps = new Array<ContactStep>(f.length / FIELDS);
  let previous: ContactStep | null = null;
  for (let i = 0, o = 0; o < f.length; i++, o += FIELDS) {
    const priority = f[o + 8]!;
    const vip = f[o + 9]!;
    const step: ContactStep = {
      type: TYPES[Number(f[o])]!,
      at: readRelative(f[o + 1]!, previous?.at ?? 0),
      id: readText(f[o + 3]!)!,
      source: f[o + 4] === SAME && previous !== null ? previous.source : readText(f[o + 4]!)!,
      seq: readRelative(f[o + 2]!, previous?.seq ?? 0),
      queueId: readText(f[o + 5]!),
      channel: readText(f[o + 6]!) as ContactChannelName | null,
      agentId: readText(f[o + 7]!),
      priority: priority === NULL ? null : Number(priority),
      vip: vip === NULL ? null : vip === '1',
      caller: readText(f[o + 10]!),
    };
    steps[i] = step;
    previous = step;
  }
  return steps;
}
