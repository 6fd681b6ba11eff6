import { create } from 'zustand';
import type { Alert } from '@plancia/contracts';
import type { AlertListQuery, AlertStats, AlertStatsQuery } from '../lifecycle-contract.js';
import { controlApi } from '../control-api.js';
import type { CustomPeriod, Period } from '../history-period.js';
import { problemOf, type Remote } from '../remote.js';

export type StatsGrouping = NonNullable<AlertStatsQuery['by']>;

interface HistoryState {
  period: Period;
  /** The ends of the `custom` period, kept while another period is shown so switching back restores them. */
  custom: CustomPeriod;
  by: StatsGrouping;
  /** The query the history was last loaded with: the CSV link gives the same rows. */
  query: AlertListQuery | null;
  alerts: Remote<Alert[]>;
  stats: Remote<AlertStats['groups']>;
  setPeriod(period: Period): void;
  setCustom(custom: CustomPeriod): void;
  setBy(by: StatsGrouping): void;
  loadHistory(query: AlertListQuery): Promise<void>;
  loadStats(query: AlertStatsQuery): Promise<void>;
}

/**
 * The closed and open alerts of a period and their MTTA/MTTR, as the server answers them for the caller's reach.
 * A later answer wins: each load remembers its turn and an earlier one arriving late is dropped.
 */
export const useHistoryStore = create<HistoryState>()((set) => {
  let historyTurn = 0;
  let statsTurn = 0;
  return {
    period: 'last24h',
    custom: { from: '', to: '' },
    by: 'rule',
    query: null,
    alerts: { status: 'idle' },
    stats: { status: 'idle' },
    setPeriod: (period) => set({ period }),
    setCustom: (custom) => set({ custom }),
    setBy: (by) => set({ by }),
    loadHistory: async (query) => {
      const turn = ++historyTurn;
      set({ query, alerts: { status: 'loading' } });
      try {
        const { alerts } = await controlApi.history(query);
        if (turn === historyTurn) set({ alerts: { status: 'ready', data: alerts } });
      } catch (error) {
        if (turn === historyTurn) set({ alerts: { status: 'failed', problem: problemOf(error) } });
      }
    },
    loadStats: async (query) => {
      const turn = ++statsTurn;
      set({ stats: { status: 'loading' } });
      try {
        const { groups } = await controlApi.stats(query);
        if (turn === statsTurn) set({ stats: { status: 'ready', data: groups } });
      } catch (error) {
        if (turn === statsTurn) set({ stats: { status: 'failed', problem: problemOf(error) } });
      }
    },
  };
});
