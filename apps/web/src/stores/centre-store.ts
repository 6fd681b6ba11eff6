import { create } from 'zustand';
import type { AggregateSnapshot, Snapshot } from '@plancia/contracts';

interface CentreState {
  centre: AggregateSnapshot | null;
  bounds: Snapshot['bounds'] | null;
  /** The server time of the last state received. */
  generatedAt: string | null;
  /** The change sequence the board shows; older changes are ignored. */
  seq: number;
  set(update: Partial<Pick<CentreState, 'centre' | 'bounds' | 'generatedAt' | 'seq'>>): void;
}

export const useCentreStore = create<CentreState>()((set) => ({
  centre: null,
  bounds: null,
  generatedAt: null,
  seq: 0,
  set: (update) => set(update),
}));
