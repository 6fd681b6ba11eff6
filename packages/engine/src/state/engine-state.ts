import { Agent } from '../agents/agent.js';
import { AgentBook } from '../agents/agent-book.js';
import { DayTally } from '../agents/agent-today.js';
import { TimelineArchive } from '../agents/timeline-archive.js';
import { AgentSpans } from '../agents/agent-spans.js';
import { AlertEngine } from '../alerts/alert-engine.js';
import { Calendar } from '../calendar/business-calendar.js';
import { ContactBook, ContactRecord } from '../contacts/contact-book.js';
import { ContactView } from '../contacts/contact-view.js';
import { DeadlineHeap } from '../contacts/deadline-heap.js';
import { WaitingLine } from '../contacts/waiting-line.js';
import { DeltaTracker } from '../output/delta.js';
import { EntryBuilder } from '../output/entries.js';
import { Versions } from '../output/versions.js';
import { SurveyAccumulator } from '../surveys/survey-facts.js';
import { MinHeap } from '../tickets/min-heap.js';
import { PendingEvents } from '../tickets/pending-events.js';
import { TicketTracker } from '../tickets/ticket-tracker.js';
import { Acc } from '../windows/acc.js';
import { BucketRing } from '../windows/bucket-ring.js';
import { Fact } from '../windows/facts.js';
import { ScopeNumbers } from '../windows/scope-numbers.js';
import { ScopeWindows } from '../windows/scope-windows.js';
import { classesIn, register, type StateGraph } from './state-graph.js';

/**
 * Raise it whenever the engine's state changes shape in a way restore cannot tell by itself (a field that keeps its
 * name but changes meaning): a checkpoint of another version is ignored and the journal replayed in full. A field
 * added or removed, or a new class, is told apart anyway (restore refuses it).
 */
export const ENGINE_STATE_VERSION = 8;

/**
 * The engine's whole state as plain data: typed arrays, strings and small records, no cycles, no classes, so a structured
 * clone (v8.serialize, postMessage) carries it as it is. Version 1 was one JSON record per object; version 3 added the
 * waiting lists' `total` to the cached entries; version 4 made a contact view's marks the agent's timeline entries
 * themselves (an entry now names its agent), so marks and entries are one object shared by view and timeline, and a view's marks array keeps
 * null slots past its `markCount`; version 5 leaves an object's null and undefined fields out of the value streams,
 * its shape naming them (`nulls`, `undefs`); version 6 holds finished contacts the clock can no longer change as
 * DormantContact (their events packed in one string) instead of records, so a record is no longer every contact;
 * version 7 has a phone system's own on_contact during a contact in talk name that contact (an entry's `contactId`,
 * null before); version 8 makes agents objects of a class and packs the settled start of their timelines
 * (TimelineArchive), with a tally of its day (DayTally), and holds a dormant contact as one string, not an object.
 */
export interface EngineState {
  version: number;
  graph: StateGraph;
}

/**
 * Classes whose objects only events create (so a fresh engine may hold none to take the prototype from). A class a
 * later change adds and creates on events only belongs here: restore names it when it is missing.
 */
const CLASSES: readonly (abstract new (...args: never[]) => object)[] = [
  Agent, AgentBook, AgentSpans, AlertEngine, Calendar, ContactBook, ContactRecord, ContactView, DeadlineHeap, WaitingLine, DeltaTracker,
  DayTally, EntryBuilder, TimelineArchive, Versions, SurveyAccumulator, MinHeap, PendingEvents, TicketTracker, Acc, BucketRing, Fact, ScopeNumbers, ScopeWindows,
];

/** The prototypes a restore may create objects of: the listed classes and every class the fresh engine holds. */
export function engineClasses(fresh: object): Map<string, object> {
  const classes = new Map<string, object>();
  for (const c of CLASSES) register(classes, c.name, c.prototype as object);
  return classesIn(fresh, classes);
}
