import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The agent-action menu's texts in English and Italian, in the board's current language. */
const AGENT_ACTION_MESSAGES = {
  en: {
    column: 'Actions', open: 'Actions for {name}', close: 'Close', reason: 'Pause reason', reasonHint: 'optional, e.g. Briefing',
    pause: 'Pause', unpause: 'Make available', logoff: 'Log off', sending: 'Sending to the phone system…',
    sent: 'Sent to the phone system ({vendor}): the row changes when it reports the new state',
    failed: 'Not done: {reason}',
  },
  it: {
    column: 'Azioni', open: 'Azioni per {name}', close: 'Chiudi', reason: 'Motivo della pausa', reasonHint: 'facoltativo, es. Riunione',
    pause: 'Metti in pausa', unpause: 'Rendi disponibile', logoff: 'Disconnetti', sending: 'Invio al centralino…',
    sent: 'Inviato al centralino ({vendor}): la riga cambia quando riporta il nuovo stato',
    failed: 'Non eseguito: {reason}',
  },
} as const;

export type AgentActionKey = keyof (typeof AGENT_ACTION_MESSAGES)['en'];

export function useAgentActionText(): (key: AgentActionKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => AGENT_ACTION_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
