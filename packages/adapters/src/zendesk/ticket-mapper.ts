import type { EventType, PlanciaEvent, TicketChannelName, TicketPriority } from '@plancia/contracts';
import { AdapterError } from '../common/errors.js';
import { cloudEvent } from '../common/events.js';

export interface ZendeskMapperOptions {
  /** Names the Zendesk account in every event's `source`, e.g. `zendesk:acme`. */
  source: string;
  /** Queue for tickets without a group. Default `unassigned`. */
  ungroupedQueueId?: string;
}

type Json = Record<string, unknown>;

const PREFIX = 'zen:event-type:ticket.';
const SOLVED = new Set(['SOLVED', 'CLOSED']);
// Zendesk `via.channel` values → the contract's ticket channels; anything else counts as web.
const CHANNELS: Record<string, TicketChannelName> = {
  email: 'email', web: 'web', web_form: 'web', web_widget: 'web', api: 'web', web_service: 'web', mobile: 'web',
  twitter: 'social', facebook: 'social', instagram_dm: 'social', whatsapp: 'social', any_channel: 'social',
};

/**
 * Maps Zendesk ticket event webhooks (`zen:event-type:ticket.*`, body of the webhook) to Plancia ticket events:
 * the ticket's group is its queue, `via.channel` its channel. Ids are Zendesk's event ids (`zendesk:<id>`).
 */
export class ZendeskTicketMapper {
  constructor(private readonly options: ZendeskMapperOptions) {
    if (!options.source) throw new AdapterError('zendesk', 'source', 'a source name is required');
  }

  map(payload: Json): PlanciaEvent[] {
    const type = String(payload.type ?? '');
    if (!type.startsWith(PREFIX)) return [];
    const detail = obj(payload.detail);
    const event = obj(payload.event);
    const ticketId = need(detail.id, 'detail.id');
    const emit = (t: EventType, data: Json): PlanciaEvent[] => [cloudEvent({
      type: t, id: `zendesk:${need(payload.id, 'id')}`, source: this.options.source, timeMs: timeOf(payload.time), data: { ticketId, ...data },
    })];
    switch (type.slice(PREFIX.length)) {
      case 'created':
        return emit('ticket.created', this.created(detail));
      case 'status_changed': {
        const current = String(event.current ?? detail.status ?? '').toUpperCase();
        const previous = String(event.previous ?? '').toUpperCase();
        if (SOLVED.has(current) && !SOLVED.has(previous)) return emit('ticket.solved', {});
        if (SOLVED.has(previous) && !SOLVED.has(current)) return emit('ticket.reopened', {});
        return [];
      }
      case 'comment_added': {
        const comment = obj(event.comment);
        const author = obj(comment.author);
        // Only a public comment by staff is a reply the customer sees (first response).
        if (comment.is_public !== true || author.is_staff !== true) return [];
        return emit('ticket.replied', { agentId: need(author.id, 'event.comment.author.id') });
      }
      default:
        return []; // priority and group changes: the event contract has no ticket update yet
    }
  }

  private created(detail: Json): Json {
    const via = String(obj(detail.via).channel ?? '');
    const priority = String(detail.priority ?? '').toLowerCase();
    return {
      queueId: detail.group_id ? String(detail.group_id) : (this.options.ungroupedQueueId ?? 'unassigned'),
      channel: CHANNELS[via] ?? 'web',
      ...(['low', 'normal', 'high', 'urgent'].includes(priority) ? { priority: priority as TicketPriority } : {}),
    };
  }
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function need(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw new AdapterError('zendesk', field, 'missing');
  return String(value);
}

function timeOf(time: unknown): number {
  const ms = typeof time === 'string' ? Date.parse(time) : NaN;
  if (Number.isNaN(ms)) throw new AdapterError('zendesk', 'time', 'missing or not a date-time');
  return ms;
}
