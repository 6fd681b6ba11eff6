import { useEffect, useState } from 'react';
import type { Assignee } from '../lifecycle-contract.js';
import { controlApi } from '../control-api.js';

/**
 * The people an open alert may be assigned to, as the server answers for it. `null` while unknown or when the server
 * offers nobody (an installation without accounts): the console then takes a name as typed.
 */
export function useAssignees(alertId: string): Assignee[] | null {
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  useEffect(() => {
    let current = true;
    setAssignees(null);
    controlApi.assignees(alertId).then(
      ({ assignees: offered }) => current && setAssignees(offered.length > 0 ? offered : null),
      () => current && setAssignees(null),
    );
    return () => void (current = false);
  }, [alertId]);
  return assignees;
}
