import { create } from 'zustand';
import type { ReportGranularity } from '@plancia/contracts';
import { romeDate } from '../rome-day.js';

/** What the reports page shows: a queue (`queue:<id>`) or a channel (`channel:<name>`), how finely, which day. */
export interface ReportSelection {
  target: string;
  granularity: ReportGranularity;
  date: string;
  compare: boolean;
}

interface ReportsState extends ReportSelection {
  /** The month of the monthly export, YYYY-MM, and the language of its headings. */
  month: string;
  choose(patch: Partial<ReportSelection & { month: string }>): void;
}

const today = romeDate(Date.now());

export const useReportsStore = create<ReportsState>()((set) => ({
  target: '',
  granularity: '30',
  date: today,
  compare: true,
  month: today.slice(0, 7),
  choose: (patch) => set(patch),
}));
