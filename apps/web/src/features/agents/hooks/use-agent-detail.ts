import { useEffect, useState } from 'react';
import type { AgentDetail } from '@plancia/contracts';
import { boardParams } from '../../../lib/board-params.js';
import { fetchAgentDetail } from '../agent-detail-api.js';

/**
 * The agent-detail level of the board's tenant, asked once when the agents panel first shows; undefined until the
 * answer (or when it fails: the panel then simply shows what the snapshot holds).
 */
export function useAgentDetail(): AgentDetail | undefined {
  const [detail, setDetail] = useState<AgentDetail | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetchAgentDetail(boardParams(window.location.search).token, controller.signal).then(setDetail, () => undefined);
    return () => controller.abort();
  }, []);
  return detail;
}
