import type { ActionStatus } from '../hooks/use-alert-action.js';
import { useControlText } from '../control-messages.js';
import { problemText } from '../remote.js';

/** What became of the last action: announced to screen readers, a refusal as an alert. */
export function ActionStatusLine({ status }: { status: ActionStatus }) {
  const t = useControlText();
  if (status.kind === 'failed') return <p role="alert" className="error" data-testid="action-error">{problemText(status.problem, t)}</p>;
  return <p role="status" className="muted">{status.kind === 'done' ? t('done') : status.kind === 'busy' ? t('loading') : ''}</p>;
}
