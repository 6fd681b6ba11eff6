import type { QueueSnapshot } from '@plancia/contracts';
import type { MetricWindow } from '../../stores/window-store.js';
import { serviceLevelStatus, tileStatus } from './service-level.js';

/**
 * Where a tile puts the projection on a page of fixed cells (a TV): the tile takes two cells, across ('columns', the
 * projection beside the figures) or down ('rows', under them), or the page has room for neither ('none').
 * A board page lets the tile grow instead.
 */
export type ProjectionSpan = 'columns' | 'rows' | 'none';

/** A tile shows where its interval is going when its queue is not ok (warning or critical) in the window on screen. */
export function showsProjection(queue: QueueSnapshot | undefined, window: MetricWindow): boolean {
  if (!queue?.projection) return false;
  const status = tileStatus(queue.status, serviceLevelStatus(queue.windows[window].serviceLevel, queue.colours));
  return status === 'warn' || status === 'bad';
}
