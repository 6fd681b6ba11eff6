import { useMemo, type ReactNode } from 'react';
import type { AgentSnapshot } from '@plancia/contracts';
import { useAgentActionText } from '../agent-action-messages.js';
import { AgentActionMenu } from './agent-action-menu.js';

/** What a table of agents needs to show a column of row actions: its heading and each row's cell. */
export interface RowActions {
  label: string;
  render(agent: AgentSnapshot): ReactNode;
}

const render = (agent: AgentSnapshot) => <AgentActionMenu agent={agent} />;

/** The actions column, stable across renders (rows are memoised) and labelled in the board's language. */
export function useAgentActionsColumn(): RowActions {
  const text = useAgentActionText();
  const label = text('column');
  return useMemo(() => ({ label, render }), [label]);
}
