import type { AgentStateName } from '@plancia/contracts';
import { SEP, readRelative, readText, relative, text } from '../state/packing.js';
import { entryOf, spanKindOf, type Entry, type OfferOutcome, type SpanTargets } from './agent-spans.js';
import { DayTally } from './agent-today.js';
import { AGENT_STATES as STATES, STATE_NUMBER as STATE_CODE } from './timeline.js';

/** Entries always left unpacked at a timeline's end: the current state and the one before, which most changes read. */
const KEEP = 2;
/** Fewer entries than this are not worth a chunk (a string, and a slot in two arrays). */
const MIN_PACK = 4;

/**
 * The settled start of an agent's timeline, packed: the entries no change is expected to reach any more, held as a
 * few strings instead of an object of 17 fields each. An agent's whole day stays in its timeline so that late events
 * count (see AgentBook.prune), and by evening those entries were most of the engine's objects, of its heap and of
 * what a restart from a checkpoint decodes. What the recent entries read of the start is kept beside it (the last
 * state, since when, the contact in talk, the day's tally), so the usual change never unpacks it; any change that
 * reaches into it unpacks it first (`Agent.timeline`), and from then on the code sees the one array it always did.
 *
 * The packed form (see state/packing.ts), per entry: a code (rank, state, said state, offer, conflict, and which of
 * the optional fields follow), `at` and `seq` as differences, the key, then the contact (unless none or the key), the
 * reason and the said reason (unless null or the reason). Spans are not written: an entry is only packed when what
 * it counted is what its state and the next entry's instant give, so it is worked out again when unpacked.
 */
export class TimelineArchive {
  /**
   * The packed entries, in time order, in chunks of which each counted its spans for one set of targets (`targets`,
   * in the same order). Nearly every archive has one chunk: it is then held as the string and its targets, not in
   * lists, which would be two objects more per agent.
   */
  chunks: string | string[] = [];
  targets: SpanTargets | null | (SpanTargets | null)[] = [];
  count = 0;
  /** the second entry's instant: pruning reaches into the archive only when it is before the horizon */
  secondAt = 0;
  lastAt = 0;
  lastState: AgentStateName = 'offline';
  lastReason: string | null = null;
  /** where the run of entries in the last entry's state and reason starts (AgentBook.since) */
  runStart = 0;
  /** the contact in talk after the last entry: the latest mark's, when that mark is an answer (AgentBook's contactInTalk) */
  talking: string | null = null;
  /** the tally of the archived entries' day, once asked for (AgentBook.today) */
  tally: DayTally | null = null;
}

const OFFERS: readonly (OfferOutcome | null)[] = [null, 'missed', 'rejected'];


/** Whether what the entry counted is what its state and the next entry give (AgentSpans.respan), so need not be kept. */
function spanAsDerived(e: Entry, next: Entry): boolean {
  const kind = spanKindOf(e.state);
  if (kind < 0) return e.spanKind === -1 && e.spanAt === 0 && e.spanMs === 0 && e.spanTargets === null;
  return e.spanKind === kind && e.spanAt === next.at && e.spanMs === next.at - e.at && e.spanTargets !== null;
}

function packEntry(fields: string[], e: Entry, previous: Entry | null): void {
  const contact = e.contactId === null ? 0 : e.contactId === e.key ? 1 : 2;
  const saidReason = e.saidReason === null ? 0 : e.saidReason === e.reason ? 1 : 2;
  const code = e.rank | (STATE_CODE[e.state] << 1) | (STATE_CODE[e.said] << 4) | (OFFERS.indexOf(e.offer) << 7)
    | (e.conflict ? 1 << 9 : 0) | (contact << 10) | (e.reason === null ? 0 : 1 << 12) | (saidReason << 13);
  fields.push(code.toString(36), relative(e.at, previous?.at ?? null), relative(e.seq, previous?.seq ?? null), text(e.key));
  if (contact === 2) fields.push(text(e.contactId));
  if (e.reason !== null) fields.push(text(e.reason));
  if (saidReason === 2) fields.push(text(e.saidReason));
}

/** Reads one chunk's entries onto `out`, spans not set yet. */
function unpackChunk(packed: string, agentId: string, out: Entry[]): void {
  const f = packed.split(SEP);
  let i = 0;
  let previous: Entry | null = null;
  while (i < f.length) {
    const code = parseInt(f[i++]!, 36);
    const at = readRelative(f[i++]!, previous?.at ?? 0);
    const seq = readRelative(f[i++]!, previous?.seq ?? 0);
    const key = readText(f[i++]!)!;
    const contact = (code >> 10) & 3;
    const contactId = contact === 0 ? null : contact === 1 ? key : readText(f[i++]!);
    const reason = (code >> 12) & 1 ? readText(f[i++]!) : null;
    const saidReason = (code >> 13) & 3;
    const e = entryOf(agentId, at, (code & 1) as 0 | 1, key, seq, STATES[(code >> 1) & 7]!, reason, contactId, null, OFFERS[(code >> 7) & 3]!);
    e.said = STATES[(code >> 4) & 7]!;
    e.saidReason = saidReason === 0 ? null : saidReason === 1 ? reason : readText(f[i++]!);
    e.conflict = ((code >> 9) & 1) === 1;
    out.push(e);
    previous = e;
  }
}

/** The archived entries as they were (new objects), their spans up to `next`, the first entry after them. */
/** The archive's chunks and their targets as lists. */
function chunksOf(archive: TimelineArchive): { chunks: string[]; targets: (SpanTargets | null)[] } {
  if (Array.isArray(archive.chunks)) return { chunks: archive.chunks, targets: archive.targets as (SpanTargets | null)[] };
  return { chunks: [archive.chunks], targets: [archive.targets as SpanTargets | null] };
}

function setChunks(archive: TimelineArchive, chunks: string[], targets: (SpanTargets | null)[]): void {
  archive.chunks = chunks.length === 1 ? chunks[0]! : chunks;
  archive.targets = chunks.length === 1 ? targets[0]! : targets;
}

export function unpackArchive(archive: TimelineArchive, agentId: string, next: Entry): Entry[] {
  const { chunks, targets } = chunksOf(archive);
  const out: Entry[] = [];
  const ends: number[] = [];
  for (const chunk of chunks) {
    unpackChunk(chunk, agentId, out);
    ends.push(out.length);
  }
  // Spans once all are read: a chunk's last entry lasts until the next chunk's first.
  let c = 0;
  for (let i = 0; i < out.length; i++) {
    while (i >= ends[c]!) c++;
    const e = out[i]!;
    const kind = spanKindOf(e.state);
    if (kind < 0) continue;
    const end = (out[i + 1] ?? next).at;
    e.spanKind = kind;
    e.spanAt = end;
    e.spanMs = end - e.at;
    e.spanTargets = targets[c]!;
  }
  return out;
}

/** The tally of the archived entries' day from `dayStartMs` (their last state lasts until `next`). */
export function tallyOf(entries: readonly Entry[], dayStartMs: number, next: Entry): DayTally {
  const tally = new DayTally(dayStartMs);
  for (let i = 0; i < entries.length; i++) tally.add(entries[i]!, (entries[i + 1] ?? next).at, Infinity);
  return tally;
}

/**
 * How many entries from the start of `t` may be packed: not the last KEEP, none from the first mark of a contact not
 * settled (a contact that is not dormant holds its marks as objects and edits them), none whose span is not as derived.
 */
function settledCount(t: readonly Entry[], agentId: string, settled: (contactId: string) => boolean): number {
  let n = 0;
  while (n < t.length - KEEP) {
    const e = t[n]!;
    if (e.agentId !== agentId || e.memberships !== null || (e.rank === 1 && !settled(e.key)) || !spanAsDerived(e, t[n + 1]!)) break;
    n++;
  }
  return n;
}

/** Adds the first n entries of `t` to the archive, a chunk per run of entries that counted for the same targets. */
function append(archive: TimelineArchive, t: readonly Entry[], n: number): void {
  const { chunks, targets } = chunksOf(archive);
  let start = 0;
  while (start < n) {
    let chunkTargets = t[start]!.spanTargets;
    let end = start + 1;
    for (; end < n; end++) {
      const next = t[end]!.spanTargets;
      if (next !== null && chunkTargets !== null && next !== chunkTargets) break;
      chunkTargets ??= next;
    }
    const fields: string[] = [];
    for (let i = start; i < end; i++) packEntry(fields, t[i]!, i === start ? null : t[i - 1]!);
    const last = chunks.length - 1;
    const lastTargets = last >= 0 ? targets[last]! : undefined;
    // A chunk the last one's targets fit grows it (its first entry's instant is written whole, so it reads on). By
    // concatenation: V8 links the two strings rather than copying the day so far, and flattens them once, when the
    // chunk is next read or written to a checkpoint.
    if (lastTargets !== undefined && (lastTargets === chunkTargets || lastTargets === null || chunkTargets === null)) {
      chunks[last] = chunks[last] + SEP + fields.join(SEP);
      targets[last] = lastTargets ?? chunkTargets;
    } else {
      chunks.push(fields.join(SEP));
      targets.push(chunkTargets);
    }
    start = end;
  }
  setChunks(archive, chunks, targets);
}

/** Notes what the recent entries read of the archive's end, the first n entries of `t` having just been added. */
function noteEnd(archive: TimelineArchive, t: readonly Entry[], n: number, dayStartMs: number): void {
  const last = t[n - 1]!;
  let i = n - 1;
  while (i > 0 && t[i - 1]!.state === last.state && t[i - 1]!.reason === last.reason) i--;
  const runContinues = i === 0 && archive.count > 0 && archive.lastState === last.state && archive.lastReason === last.reason;
  if (!runContinues) archive.runStart = t[i]!.at;
  for (let j = n - 1; j >= 0; j--) {
    const e = t[j]!;
    if (e.rank !== 1) continue;
    archive.talking = e.state === 'on_contact' ? e.contactId : null;
    break;
  }
  if (archive.count === 0) archive.secondAt = t[1]!.at;
  archive.lastAt = last.at;
  archive.lastState = last.state;
  archive.lastReason = last.reason;
  // The day's tally grows with it, begun with the archive, so that no restart or board unpacks it to count the day;
  // a tally of another day is worked out again when asked for (AgentBook.today).
  if (archive.count === 0) archive.tally = new DayTally(dayStartMs);
  archive.count += n;
  if (archive.tally?.dayStartMs === dayStartMs) for (let j = 0; j < n; j++) archive.tally.add(t[j]!, t[j + 1]!.at, Infinity);
}

/**
 * Packs the settled start of a timeline into `archive` (a new one when null) and takes it out of `t`; returns the
 * archive, or null when there was too little to pack (and no archive). `dayStartMs`: the start of today, whose tally
 * the archive keeps.
 */
export function archiveSettled(
  archive: TimelineArchive | null, t: Entry[], agentId: string, settled: (contactId: string) => boolean, dayStartMs: number,
): TimelineArchive | null {
  const n = settledCount(t, agentId, settled);
  if (n < MIN_PACK) return archive;
  const into = archive ?? new TimelineArchive();
  append(into, t, n);
  noteEnd(into, t, n, dayStartMs);
  // A plain loop, as in AgentBook.prune: copyWithin's generic path is slow on ordinary arrays.
  for (let i = n; i < t.length; i++) t[i - n] = t[i]!;
  t.length -= n;
  return into;
}

/**
 * Whether a pack is worth trying now that `t` (the recent entries) grew by one: when it holds enough, and then at
 * every MIN_PACK-th entry only, since the entries that can be packed change little from one entry to the next.
 */
export const worthArchiving = (t: readonly Entry[]): boolean => t.length >= KEEP + MIN_PACK && (t.length - KEEP) % MIN_PACK === 0;
