import type { Alert, AlertWebhookBody, NotificationLanguage } from '@plancia/contracts';

/** What the outbox row carries: everything a message needs, frozen at the transition. */
export interface MessagePayload {
  /** The transition announced (repeats and escalations announce a raise again). */
  event: 'raised' | 'acknowledged' | 'resolved';
  /** repeat / escalation: a reminder of a raise still open. */
  reminder?: 'repeat' | 'escalation';
  alert: Alert;
  language: NotificationLanguage;
  /** The alert on the console: <public URL>/control?alert=<id>. */
  url: string;
  /** Repeats: the next one falls due this long after this one. */
  repeatMs?: number;
  /** A "send test" message. */
  test?: boolean;
}

const TEXT = {
  it: {
    raised: 'Allarme', acknowledged: 'Preso in carico', resolved: 'Risolto', repeat: 'Ancora aperto', escalation: 'Escalation: non preso in carico',
    critical: 'critico', warning: 'avviso', value: 'Valore', threshold: 'Soglia', scope: 'Ambito', by: 'da', open: 'Apri nella console', test: 'Messaggio di prova da Plancia',
    alerts: 'allarmi', more: 'e altri',
  },
  en: {
    raised: 'Alert', acknowledged: 'Acknowledged', resolved: 'Resolved', repeat: 'Still open', escalation: 'Escalation: not acknowledged',
    critical: 'critical', warning: 'warning', value: 'Value', threshold: 'Threshold', scope: 'Scope', by: 'by', open: 'Open in the console', test: 'Test message from Plancia',
    alerts: 'alerts', more: 'and more',
  },
} as const;

export const alertUrl = (publicUrl: string, alertId: string) => `${publicUrl}/control?alert=${encodeURIComponent(alertId)}`;

/** A message's payloads: one, or a batch of one group's alerts (same channel, same kind); never empty. */
export type Batch = readonly [MessagePayload, ...MessagePayload[]];

/** Slack and Teams cards list at most this many alerts of a batch; the rest are counted (the webhook carries all). */
const LISTED = 20;

/** One alert's message in words: a title line and the facts, in the tenant's language. */
export function describe(payload: MessagePayload): { title: string; facts: [string, string][]; linkText: string } {
  const t = TEXT[payload.language];
  const { alert } = payload;
  if (payload.test) return { title: t.test, facts: [], linkText: t.open };
  const head = t[payload.reminder ?? payload.event];
  const who = payload.event === 'acknowledged' && alert.acknowledgedBy ? ` ${t.by} ${alert.acknowledgedBy}` : '';
  const scope = alert.scope.name ?? alert.scope.id ?? alert.scope.kind;
  return {
    title: `${head}${who} · ${t[alert.severity]} · ${alert.ruleName}`,
    facts: [[t.scope, String(scope)], [t.value, alert.value === null ? '—' : String(alert.value)], [t.threshold, String(alert.threshold)]],
    linkText: t.open,
  };
}

/** A batch's title: the one alert's, or what happened to how many ("Alert · 3 alerts · Longest wait, Abandon rate"). */
export function batchTitle(batch: Batch): string {
  if (batch.length === 1) return describe(batch[0]).title;
  const t = TEXT[batch[0].language];
  const rules = [...new Set(batch.map((p) => p.alert.ruleName))].join(', ');
  return `${t[batch[0].reminder ?? batch[0].event]} · ${batch.length} ${t.alerts} · ${rules}`;
}

/** What the card lists, and how many more it leaves out. */
function listed(batch: Batch): { shown: readonly MessagePayload[]; more: string | null } {
  const t = TEXT[batch[0].language];
  return { shown: batch.slice(0, LISTED), more: batch.length > LISTED ? `${t.more} ${batch.length - LISTED}` : null };
}

function webhookAlert(payload: MessagePayload) {
  const { alert } = payload;
  return {
    ...alert,
    url: payload.url,
    ...(alert.scope.kind === 'queue' && alert.scope.id ? { queueId: alert.scope.id } : {}),
    ...(payload.reminder ? { reminder: payload.reminder } : {}),
    ...(payload.test ? { test: true } : {}),
  };
}

/** The generic webhook's body: { type, timestamp, data: { alert, alerts } }; `alert` is the batch's first, `alerts` all. */
export function webhookBody(batch: Batch, nowMs: number): AlertWebhookBody {
  const alerts = batch.map(webhookAlert);
  return { type: `alert.${batch[0].event}`, timestamp: new Date(nowMs).toISOString(), data: { alert: alerts[0]!, alerts } };
}

/** Slack incoming webhook: fallback text plus Block Kit blocks (header, fields or one line per alert, link buttons). */
export function slackBody(batch: Batch) {
  const title = batchTitle(batch);
  const header = { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } };
  const button = (payload: MessagePayload, text: string) => ({ type: 'button', text: { type: 'plain_text', text: text.slice(0, 75) }, url: payload.url });
  if (batch.length === 1) {
    const { facts, linkText } = describe(batch[0]);
    return {
      text: title,
      blocks: [
        header,
        ...(facts.length > 0 ? [{ type: 'section', fields: facts.map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })) }] : []),
        { type: 'actions', elements: [button(batch[0], linkText)] },
      ],
    };
  }
  const { shown, more } = listed(batch);
  const lines = shown.map((payload) => {
    const { title: line, facts } = describe(payload);
    return { type: 'section', text: { type: 'mrkdwn', text: `*${line}*\n${facts.map(([k, v]) => `${k}: ${v}`).join(' · ')}` } };
  });
  return {
    text: title,
    blocks: [
      header, ...lines,
      ...(more ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: more }] }] : []),
      { type: 'actions', elements: shown.map((payload) => button(payload, `${describe(payload).linkText}: ${payload.alert.ruleName}`)) },
    ],
  };
}

/** Teams Workflows webhook: a message with one Adaptive Card 1.5 attachment (a title, then each alert's facts). */
export function teamsBody(batch: Batch) {
  const { shown, more } = listed(batch);
  const single = batch.length === 1;
  const elements = shown.flatMap((payload) => {
    const { title, facts } = describe(payload);
    return [
      ...(single ? [] : [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true, separator: true }]),
      ...(facts.length > 0 ? [{ type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) }] : []),
    ];
  });
  const actions = shown.map((payload) => {
    const { linkText } = describe(payload);
    return { type: 'Action.OpenUrl', title: single ? linkText : `${linkText}: ${payload.alert.ruleName}`, url: payload.url };
  });
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: batchTitle(batch), weight: 'Bolder', size: 'Medium', wrap: true },
          ...elements,
          ...(more ? [{ type: 'TextBlock', text: more, isSubtle: true, wrap: true }] : []),
        ],
        actions,
      },
    }],
  };
}

const PD_ACTION = { raised: 'trigger', acknowledged: 'acknowledge', resolved: 'resolve' } as const;

/**
 * PagerDuty Events API v2, one event per alert (PagerDuty groups by itself): the alert id is the dedup_key, so
 * acknowledge and resolve reach the same incident.
 */
export function pagerDutyBody(payload: MessagePayload, routingKey: string) {
  const { alert } = payload;
  const action = PD_ACTION[payload.event];
  const base = { routing_key: routingKey, event_action: action, dedup_key: payload.test ? `plancia-test-${alert.id}` : alert.id };
  if (action !== 'trigger') return base;
  return {
    ...base,
    payload: {
      summary: describe(payload).title.slice(0, 1024),
      source: alert.scope.name ?? alert.scope.id ?? 'plancia',
      severity: alert.severity === 'critical' ? 'critical' : 'warning',
      timestamp: alert.raisedAt,
      component: alert.scope.kind,
      class: alert.ruleId,
      custom_details: { value: alert.value, threshold: alert.threshold, metric: alert.metric, window: alert.window },
    },
    links: [{ href: payload.url, text: describe(payload).linkText }],
  };
}

/** Email: a subject and a plain-text body listing each alert with its link. */
export function emailMessage(batch: Batch): { subject: string; text: string } {
  const title = batchTitle(batch);
  const parts = batch.map((payload) => {
    const { title: line, facts, linkText } = describe(payload);
    return [...(batch.length > 1 ? [line] : []), ...facts.map(([k, v]) => `${k}: ${v}`), '', `${linkText}: ${payload.url}`, ''];
  });
  return { subject: `[Plancia] ${title}`, text: [title, '', ...parts.flat()].join('\n') };
}
