import type { CallbackEntry } from '@plancia/contracts';
import type { Reach } from '../tenancy/reach.js';

/** An entry of no known queue belongs to no scope: only a reach over the whole installation holds it. */
export const inReach = (reach: Reach, entry: Pick<CallbackEntry, 'queueId'>): boolean =>
  entry.queueId === null ? reach.whole : reach.hasQueue(entry.queueId);
