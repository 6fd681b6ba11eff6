import type { FastifyInstance } from 'fastify';
import type { Alert, ShiftNote, ShiftNoteRequest } from '@plancia/contracts';
import { actorName } from '../plugins/app/principal.js';
import type { Audience } from '../tenancy/audience.js';
import { noteVisible, toShiftNote } from './shift-notes.js';

/** How far back a note's alert is looked for among the alerts no longer open. */
const CLOSED_ALERTS_LOOKED_AT = 1_000;

export type Written = { ok: true; note: ShiftNote } | { ok: false; status: 403 | 404; message: string };

/** The alert as `audience` shows it (an agent's alert may carry a pseudonym in its id), open or among the latest closed. */
async function alertShownAs(fastify: FastifyInstance, audience: Audience, shownId: string): Promise<Alert | undefined> {
  const shown = (alert: Alert) => audience.alertEvent({ kind: 'updated', alert })?.alert;
  const open = fastify.live.snapshot().alerts.map(shown).find((alert) => alert?.id === shownId);
  if (open) return open;
  const closed = await fastify.store.alerts.history({ limit: CLOSED_ALERTS_LOOKED_AT });
  return closed.map(shown).find((alert) => alert?.id === shownId);
}

/** Writes a note under the writer's name; a queue or alert it names must be in the writer's scope. */
export async function writeNote(fastify: FastifyInstance, audience: Audience, request: ShiftNoteRequest): Promise<Written> {
  const { principal, reach } = audience;
  const queueId = request.queueId ?? null;
  if (queueId !== null && !reach.hasQueue(queueId)) return { ok: false, status: 403, message: `queueId: outside your scope: ${queueId}` };
  const alert = request.alertId === undefined ? undefined : await alertShownAs(fastify, audience, request.alertId);
  // As acknowledging does: an alert outside the writer's scope is as unknown as one that never was.
  if (request.alertId !== undefined && !alert) return { ok: false, status: 404, message: `alertId: no alert ${request.alertId}` };
  const stored = await fastify.store.shiftLog.add({
    tenant: principal.tenant,
    atMs: Date.now(),
    author: actorName(principal),
    text: request.text,
    alertId: alert?.id ?? null,
    queueId,
    alertScope: alert ? { kind: alert.scope.kind, id: alert.scope.id } : null,
  });
  return { ok: true, note: toShiftNote(stored) };
}

/** The notes of [fromMs, toMs) the reader may see, newest first. */
export async function readNotes(fastify: FastifyInstance, audience: Audience, fromMs: number, toMs: number): Promise<ShiftNote[]> {
  const notes = await fastify.store.shiftLog.list({ tenant: audience.principal.tenant, fromMs, toMs });
  return notes.filter((note) => noteVisible(note, audience.reach)).map(toShiftNote);
}

/** The alerts open now, as the reader's audience shows them. */
export function openAlertsFor(fastify: FastifyInstance, audience: Audience): Alert[] {
  return fastify.live.snapshot().alerts.flatMap((alert) => audience.alertEvent({ kind: 'updated', alert })?.alert ?? []);
}
