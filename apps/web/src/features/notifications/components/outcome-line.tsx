import { useNotificationsText } from '../notifications-messages.js';
import type { Outcome } from './use-outcome.js';

/** The result of the last call: a polite status when it went through, an alert naming the refused field when not. */
export function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const t = useNotificationsText();
  if (outcome.kind === 'failed') return <p role="alert" className="settings-error" data-testid={testId}>{t('failed', { message: outcome.message })}</p>;
  return <p role="status" data-testid={testId}>{outcome.kind === 'done' ? outcome.text : outcome.kind === 'busy' ? t('loading') : ''}</p>;
}
