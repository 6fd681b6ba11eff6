import { describe, expect, it } from 'vitest';
import { expectValid } from '../../test-support/fixtures.js';
import { ZendeskTicketMapper } from './ticket-mapper.js';

// Shaped as Zendesk documents its ticket event webhooks (no captured sample is shared).
const envelope = (type: string, id: string, detail: object, event: object = {}) => ({
  type: `zen:event-type:${type}`, account_id: 22129848, id, time: '2026-03-02T09:15:00Z', zendesk_event_version: '2022-11-06',
  subject: 'zen:ticket:35436', detail: { id: '35436', status: 'OPEN', group_id: '360001', priority: 'HIGH', via: { channel: 'email' }, ...detail }, event,
});

function run(payloads: object[]) {
  const mapper = new ZendeskTicketMapper({ source: 'zendesk:acme' });
  const events = payloads.flatMap((p) => mapper.map(p as Record<string, unknown>));
  expectValid(events);
  return events.map((e) => [e.type, e.id, e.data]);
}

describe('ZendeskTicketMapper', () => {
  it('created: group → queue, via → channel, priority', () => {
    expect(run([envelope('ticket.created', 'e1', {})])).toEqual([
      ['ticket.created', 'zendesk:e1', { ticketId: '35436', queueId: '360001', channel: 'email', priority: 'high' }],
    ]);
    expect(run([envelope('ticket.created', 'e2', { group_id: null, via: { channel: 'twitter' }, priority: null })])[0]![2])
      .toEqual({ ticketId: '35436', queueId: 'unassigned', channel: 'social' });
  });

  it('status changes: into solved/closed → solved, out of them → reopened, others → nothing', () => {
    expect(run([
      envelope('ticket.status_changed', 'e3', {}, { current: 'SOLVED', previous: 'OPEN' }),
      envelope('ticket.status_changed', 'e4', {}, { current: 'OPEN', previous: 'SOLVED' }),
      envelope('ticket.status_changed', 'e5', {}, { current: 'PENDING', previous: 'OPEN' }),
    ]).map(([type]) => type)).toEqual(['ticket.solved', 'ticket.reopened']);
  });

  it('a public comment by staff is a reply; private notes and customer comments are not', () => {
    const comment = (is_public: boolean, is_staff: boolean) => ({ comment: { id: '1', body: 'Ciao', is_public, author: { id: '900', is_staff, name: 'Giulia' } } });
    expect(run([
      envelope('ticket.comment_added', 'e6', {}, comment(true, true)),
      envelope('ticket.comment_added', 'e7', {}, comment(false, true)),
      envelope('ticket.comment_added', 'e8', {}, comment(true, false)),
    ])).toEqual([['ticket.replied', 'zendesk:e6', { ticketId: '35436', agentId: '900' }]]);
  });

  it('priority and group changes map to nothing; other event families are ignored; missing fields are named', () => {
    expect(run([envelope('ticket.priority_changed', 'e9', {}, { current: 'URGENT', previous: 'HIGH' }), { type: 'zen:event-type:user.created' }])).toEqual([]);
    const mapper = new ZendeskTicketMapper({ source: 'zendesk:acme' });
    expect(() => mapper.map({ ...envelope('ticket.created', 'e10', {}), time: undefined })).toThrow(/time/);
    expect(() => mapper.map({ type: 'zen:event-type:ticket.created', detail: {} })).toThrow(/detail\.id/);
  });
});
