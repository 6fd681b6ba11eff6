import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import type { CallbackRecord } from '@plancia/store';
import { CallbackCipher } from './callback-cipher.js';
import { CallerPrivacy } from './caller-privacy.js';
import { CallerPseudonymiser } from './pseudonymiser.js';

const NUMBER = '+390612345678';
const NOW = Date.parse('2026-12-04T10:00:00Z');
const HOUR_MS = 3_600_000;

function event(type: string, id: string, data: Record<string, unknown>, timeMs = NOW): TimedEvent {
  return { specversion: '1.0', id, source: 'urn:acd:rome-1', type, time: new Date(timeMs).toISOString(), timeMs, data } as TimedEvent;
}

/** Callback storage in memory, as the repository keeps it. */
function memoryCallbacks() {
  const rows = new Map<string, CallbackRecord>();
  return {
    rows,
    keepCallbacks: async (records: readonly CallbackRecord[]) => {
      for (const record of records) rows.set(`${record.source}|${record.contactId}`, record);
    },
    findCallback: async (source: string, contactId: string, nowMs: number) => {
      const row = rows.get(`${source}|${contactId}`);
      return row && row.expiresAtMs > nowMs ? row : undefined;
    },
  };
}

function privacy(withCipher: boolean) {
  const callbacks = memoryCallbacks();
  const pseudonymiser = new CallerPseudonymiser([{ id: 'k1', secret: randomBytes(32) }]);
  const service = new CallerPrivacy({
    pseudonymiser, callbacks, retentionMs: 72 * HOUR_MS, now: () => NOW,
    cipher: withCipher ? new CallbackCipher(randomBytes(32)) : undefined,
  });
  return { service, callbacks, pseudonymiser };
}

describe('CallerPrivacy', () => {
  it('replaces every caller by its pseudonym and leaves the rest of the event alone', async () => {
    const { service, pseudonymiser } = privacy(true);
    const input = [
      event('contact.queued', 'e1', { contactId: 'c1', queueId: 'sales', channel: 'voice', caller: NUMBER }),
      event('contact.answered', 'e2', { contactId: 'c1', agentId: 'ada', caller: NUMBER }),
      event('agent.state', 'e3', { agentId: 'ada', state: 'available' }),
    ];
    const out = await service.protect(input);
    expect(out.map((e) => (e.data as { caller?: string }).caller)).toEqual([pseudonymiser.pseudonym(NUMBER), pseudonymiser.pseudonym(NUMBER), undefined]);
    expect(out[0]!.data).toMatchObject({ contactId: 'c1', queueId: 'sales', channel: 'voice' });
    expect(out[2]).toBe(input[2]);
    expect(JSON.stringify(out)).not.toContain('0612345678');
    // The producer's objects are not changed under it.
    expect((input[0]!.data as { caller: string }).caller).toBe(NUMBER);
  });

  it('answers a batch without callers as it came', async () => {
    const input = [event('contact.abandoned', 'e1', { contactId: 'c1' })];
    expect(await privacy(true).service.protect(input)).toBe(input);
  });

  it('drops a caller that is not text instead of keeping it', async () => {
    const out = await privacy(true).service.protect([event('ticket.created', 't1', { ticketId: 't', queueId: 'q', caller: { number: NUMBER } })]);
    expect(out[0]!.data).toEqual({ ticketId: 't', queueId: 'q' });
  });

  it('keeps the number sealed for queued and abandoned contacts only, and reveals it until it expires', async () => {
    const { service, callbacks } = privacy(true);
    await service.protect([
      event('contact.queued', 'e1', { contactId: 'c1', queueId: 'sales', channel: 'voice', caller: NUMBER }),
      event('contact.answered', 'e2', { contactId: 'c2', agentId: 'ada', caller: '+390699999999' }),
      event('contact.abandoned', 'e3', { contactId: 'c3', caller: '+390688888888' }, NOW - 80 * HOUR_MS),
    ]);
    expect([...callbacks.rows.keys()]).toEqual(['urn:acd:rome-1|c1']);
    expect(JSON.stringify([...callbacks.rows.values()])).not.toContain('0612345678');
    const revealed = await service.reveal('urn:acd:rome-1', 'c1');
    expect(revealed).toEqual({ ok: true, revealed: expect.objectContaining({ caller: NUMBER, queueId: 'sales', expiresAtMs: NOW + 72 * HOUR_MS }) });
    expect(await service.reveal('urn:acd:rome-1', 'c2')).toEqual({ ok: false, reason: 'not_kept' });
  });

  it('keeps no number at all without a callback key', async () => {
    const { service, callbacks } = privacy(false);
    const out = await service.protect([event('contact.abandoned', 'e1', { contactId: 'c1', caller: NUMBER })]);
    expect((out[0]!.data as { caller: string }).caller).toMatch(/^cp1:k1:/);
    expect(callbacks.rows.size).toBe(0);
    expect(await service.reveal('urn:acd:rome-1', 'c1')).toEqual({ ok: false, reason: 'not_kept' });
  });

  it('answers unreadable when the stored value does not authenticate', async () => {
    const { service, callbacks } = privacy(true);
    await service.protect([event('contact.abandoned', 'e1', { contactId: 'c1', caller: NUMBER })]);
    const row = callbacks.rows.get('urn:acd:rome-1|c1')!;
    // One character inside the ciphertext changed (the last ones may only carry base64 padding bits).
    const at = 20;
    const sealed = `${row.sealed.slice(0, at)}${row.sealed[at] === 'A' ? 'B' : 'A'}${row.sealed.slice(at + 1)}`;
    callbacks.rows.set('urn:acd:rome-1|c1', { ...row, sealed });
    expect(await service.reveal('urn:acd:rome-1', 'c1')).toEqual({ ok: false, reason: 'unreadable' });
  });
});
