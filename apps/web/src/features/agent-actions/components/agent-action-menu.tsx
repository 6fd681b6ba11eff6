import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import { logOffAgent, pauseAgent, type ActionResult } from '../agent-actions-api.js';
import { useAgentActionText } from '../agent-action-messages.js';

/**
 * A row's menu: pause with a reason, make available, log off. It only tells what the ACD answered: the row itself
 * changes when the ACD reports the agent's new state back, like any other change on the board.
 */
export function AgentActionMenu({ agent }: { agent: AgentSnapshot }) {
  const text = useAgentActionText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const run = async (action: () => Promise<ActionResult>) => {
    setBusy(true);
    setStatus(text('sending'));
    const result = await action();
    setBusy(false);
    setStatus(result.ok ? text('sent', { vendor: result.sent.vendor }) : text('failed', { reason: result.error }));
  };
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  const paused = agent.state === 'not_ready';

  return (
    <div className="agent-actions" data-testid="agent-actions" onKeyDown={onKeyDown}>
      <button type="button" ref={toggle} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}
        aria-label={text('open', { name: agent.name })} data-testid="agent-actions-toggle">⋯</button>
      {open && (
        <div id={panelId} className="agent-actions__panel" role="group" aria-label={text('open', { name: agent.name })}>
          {!paused && (
            <form onSubmit={(event) => { event.preventDefault(); void run(() => pauseAgent(agent.agentId, true, reason.trim() || undefined)); }}>
              <label>
                {text('reason')}
                <input value={reason} maxLength={64} placeholder={text('reasonHint')} onChange={(e) => setReason(e.target.value)}
                  data-testid="agent-pause-reason" autoFocus />
              </label>
              <button type="submit" disabled={busy} data-testid="agent-pause">{text('pause')}</button>
            </form>
          )}
          {paused && (
            <button type="button" disabled={busy} onClick={() => void run(() => pauseAgent(agent.agentId, false))} data-testid="agent-unpause" autoFocus>
              {text('unpause')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void run(() => logOffAgent(agent.agentId))} data-testid="agent-logoff">{text('logoff')}</button>
          <button type="button" onClick={close}>{text('close')}</button>
        </div>
      )}
      <span role="status" aria-live="polite" className="agent-actions__status" data-testid="agent-action-status">{status ?? ''}</span>
    </div>
  );
}
