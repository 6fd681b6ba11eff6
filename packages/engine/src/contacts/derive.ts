import type { AbandonPolicyName, ContactChannelName, ServiceLevelSettings } from '@plancia/contracts';
import { K } from '../windows/facts.js';
import type { AgentMark, ContactView } from './contact-view.js';
import type { ContactStep, Handle, Lifecycle, Segment } from './lifecycle.js';

export type { AgentMark };

export interface DeriveContext {
  clock: number;
  graceMs: number;
  staleMs: number;
  /** When an event at `atMs` falls out of every window the engine keeps (today, the longest rolling window). */
  forgetAt(atMs: number): number;
  /** a queue's and a channel's numbers for counting */
  queueNumber(queueId: string): number;
  channelNumber(channel: string): number;
  serviceLevelOf(queue: number): ServiceLevelSettings;
  /** When the agent next changed state for any other reason than this contact (closes a wrap-up with no completion). */
  agentChangeAfter(agentId: string, atMs: number, contactId: string): number | null;
}

/**
 * [numerator, denominator] shares of a contact abandoned within T, per policy (Cisco's three types); `exclude` leaves
 * abandons out whatever their wait (see segmentFacts).
 */
const ABANDON_SHARE: Record<AbandonPolicyName, readonly [number, number]> = { ignore: [0, 0], negative: [0, 1], positive: [1, 1], exclude: [0, 0] };
const MET_SHARE = [1, 1] as const;

/** Numbers the queue and channel of a segment or handle once; a handle taken from no queue has none. */
function numbered(part: { queueId: string | null; channel: ContactChannelName | null; queueNo: number; channelNo: number }, ctx: DeriveContext): void {
  if (part.queueNo >= 0 || part.queueId === null) return;
  part.queueNo = ctx.queueNumber(part.queueId);
  part.channelNo = part.channel ? ctx.channelNumber(part.channel) : -1;
}

function segmentFacts(seg: Segment, sl: ServiceLevelSettings, clock: number, out: ContactView): void {
  const { queueNo: q, channelNo: ch, since, endKind, endAt } = seg;
  const wait = endKind ? endAt - since : 0;
  if (endKind === 'abandoned' && wait < sl.shortAbandonSeconds * 1000) {
    out.counted(K.shortAbandoned, q, ch, endAt);
    return;
  }
  out.counted(K.offered, q, ch, since);
  const deadline = since + sl.thresholdSeconds * 1000;
  if (endKind) {
    const kind = endKind === 'answered' ? K.answered : endKind === 'abandoned' ? K.abandoned : K.transferredOut;
    out.ended(kind, q, ch, endAt, wait, endAt <= deadline ? 1 : 0);
  }
  // Answered within T ÷ answered (Asterisk's ServicelevelPerf): an abandon settles nothing, even after a miss at T.
  if (endKind === 'abandoned' && sl.abandonPolicy === 'exclude') return;
  if (endKind && endAt <= deadline) {
    const share = endKind === 'abandoned' ? ABANDON_SHARE[sl.abandonPolicy] : MET_SHARE;
    out.settled(q, ch, endAt, share[0], share[1]);
  } else if (endKind || clock >= deadline) {
    out.settled(q, ch, deadline, 0, 1);
  }
}

/** Counts a handle once it is over: at completion, or at the agent's next change / the stale timeout when completion never comes. */
function handleFacts(h: Handle, ctx: DeriveContext, contactId: string, out: ContactView): boolean {
  out.mark(h.agentId, h.answeredAt, 'on_contact', contactId);
  if (h.endedAt === null) return false;
  if (h.completedAt === null || h.endedAt < h.completedAt) out.mark(h.agentId, h.endedAt, 'wrap_up', contactId);
  const talk = h.endedAt - h.answeredAt;
  if (h.completedAt !== null) {
    out.mark(h.agentId, h.completedAt, 'available', contactId);
    if (h.queueNo >= 0) out.handled(h.queueNo, h.channelNo, h.completedAt, h.completedAt - h.answeredAt, talk, h.completedAt - h.endedAt);
    return true;
  }
  const staleAt = h.endedAt + ctx.staleMs;
  const closedAt = ctx.agentChangeAfter(h.agentId, h.endedAt, contactId) ?? (ctx.clock >= staleAt ? staleAt : null);
  if (closedAt !== null && h.queueNo >= 0) out.handled(h.queueNo, h.channelNo, closedAt, talk, talk, 0);
  return false;
}

/** The earlier of `deadline` and `at`, counting only instants still ahead of the clock. */
function sooner(deadline: number, at: number, clock: number): number {
  return at > clock && at < deadline ? at : deadline;
}

/**
 * Fills `out` with the contact's view from its events and their lifecycle; `previous` (the last view) only lends its
 * equal marks for reuse.
 */
export function deriveContact(
  contactId: string, events: readonly ContactStep[], life: Lifecycle, ctx: DeriveContext, previous: ContactView, out: ContactView,
): void {
  const clock = ctx.clock;
  out.begin(previous);
  let changesAt = Infinity;
  for (const seg of life.segments) {
    numbered(seg, ctx);
    const sl = ctx.serviceLevelOf(seg.queueNo);
    segmentFacts(seg, sl, clock, out);
    if (seg.endKind === null) changesAt = sooner(changesAt, seg.since + sl.thresholdSeconds * 1000, clock);
  }
  let wrapAgent: string | null = null;
  let handleDone = false;
  for (const h of life.handles) {
    numbered(h, ctx);
    handleDone = handleFacts(h, ctx, contactId, out);
    if (h.endedAt !== null && h.completedAt === null) { wrapAgent = h.agentId; changesAt = sooner(changesAt, h.endedAt + ctx.staleMs, clock); }
  }
  out.end();
  const last = life.segments[life.segments.length - 1];
  const open = last && last.endKind === null ? last : null;
  const ghost = open !== null && clock >= open.since + ctx.staleMs;
  if (open && !ghost) changesAt = sooner(changesAt, open.since + ctx.staleMs, clock);
  const first = events[0]!.at;
  const orphan = life.segments.length === 0 && clock >= first + ctx.graceMs;
  if (life.segments.length === 0) changesAt = sooner(changesAt, first + ctx.graceMs, clock);
  // A contact transferred after its answer has a completed handle but waits again in the next queue: not finished.
  const finished = ghost || orphan || (!open && (last?.endKind === 'abandoned' || handleDone));
  const waiting = open && !ghost ? open : null;
  out.waitingQueue = waiting ? waiting.queueId : null;
  out.waitingChannel = waiting ? waiting.channel : '';
  out.waitingSince = waiting ? waiting.since : 0;
  out.waitingPriority = waiting ? waiting.priority : 0;
  out.waitingVip = waiting ? waiting.vip : false;
  out.waitingCaller = waiting ? waiting.caller : null;
  out.ghost = ghost;
  out.orphan = orphan;
  out.conflicts = life.conflicts;
  out.wrapAgent = wrapAgent;
  out.finished = finished;
  out.changesAt = changesAt;
  // A finished contact is kept while a late event of it could still land in a window: forgotten sooner, the late
  // event would start a contact of its own (an answer ten minutes late would leave its caller waiting for ever).
  out.deadline = finished ? sooner(changesAt, ctx.forgetAt(events[events.length - 1]!.at), clock) : changesAt;
}
