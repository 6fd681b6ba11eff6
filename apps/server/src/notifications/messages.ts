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
  },
  en: {
    raised: 'Alert', acknowledged: 'Acknowledged', resolved: 'Resolved', repeat: 'Still open', escalation: 'Escalation: not acknowledged',
    critical: 'critical', warning: 'warning', value: 'Value', threshold: 'Threshold', scope: 'Scope', by: 'by', open: 'Open in the console', test: 'Test message from Plancia',
  },
} as const;

export const alertUrl = (publicUrl: string, alertId: string) => `${publicUrl}/control?alert=${encodeURIComponent(alertId)}`;

/** The message in words: a title line and the facts, in the tenant's language. */
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

/** The generic webhook's body: { type, timestamp, data: { alert } } with the alert's link and queue. */
export function webhookBody(payload: MessagePayload, nowMs: number): AlertWebhookBody {
  const { alert } = payload;
  return {
    type: `alert.${payload.event}`,
    timestamp: new Date(nowMs).toISOString(),
    data: {
      alert: {
        ...alert,
        url: payload.url,
        ...(alert.scope.kind === 'queue' && alert.scope.id ? { queueId: alert.scope.id } : {}),
        ...(payload.reminder ? { reminder: payload.reminder } : {}),
        ...(payload.test ? { test: true } : {}),
      },
    },
  };
}

/** Slack incoming webhook: fallback text plus Block Kit blocks (header, fields, a link button). */
export function slackBody(payload: MessagePayload) {
  const { title, facts, linkText } = describe(payload);
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } },
      ...(facts.length > 0 ? [{ type: 'section', fields: facts.map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })) }] : []),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: linkText }, url: payload.url }] },
    ],
  };
}

/** Teams Workflows webhook: a message with one Adaptive Card 1.5 attachment. */
export function teamsBody(payload: MessagePayload) {
  const { title, facts, linkText } = describe(payload);
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
          { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
          ...(facts.length > 0 ? [{ type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) }] : []),
        ],
        actions: [{ type: 'Action.OpenUrl', title: linkText, url: payload.url }],
      },
    }],
  };
}

const PD_ACTION = { raised: 'trigger', acknowledged: 'acknowledge', resolved: 'resolve' } as const;

/** PagerDuty Events API v2: the alert id is the dedup_key, so acknowledge and resolve reach the same incident. */
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

/** Email: a subject and a plain-text body with the link. */
export function emailMessage(payload: MessagePayload): { subject: string; text: string } {
  const { title, facts, linkText } = describe(payload);
  return { subject: `[Plancia] ${title}`, text: [title, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `${linkText}: ${payload.url}`, ''].join('\n') };
}
