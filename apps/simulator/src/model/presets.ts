/** A period during which arrivals to some queues are multiplied, against unchanged staffing. */
export interface Surge {
  /** `*` for every live-contact queue, otherwise a queue id. */
  queue: string;
  factor: number;
  /** Minutes after the run starts. */
  fromMinute: number;
  forMinutes: number;
}

export interface Preset {
  description: string;
  surges: readonly Surge[];
}

export type PresetName = 'normal' | 'surge' | 'outage';

/** Queue the outage floods; the first live-contact queue stands in when a run has fewer queues. */
export const OUTAGE_QUEUE = 'assistenza';

export const PRESETS: Record<PresetName, Preset> = {
  normal: {
    description: 'a normal day: arrivals sized to the staffing, nearly every caller answered within 20 s, no critical alert',
    surges: [],
  },
  surge: {
    description: 'Monday-morning surge: arrivals at 2 × the peak on every live queue from minute 2 for an hour, same staff',
    surges: [{ queue: '*', factor: 2, fromMinute: 2, forMinutes: 60 }],
  },
  outage: {
    description: `an outage floods "${OUTAGE_QUEUE}": arrivals at 6 × the peak from minute 2 for 45 minutes`,
    surges: [{ queue: OUTAGE_QUEUE, factor: 6, fromMinute: 2, forMinutes: 45 }],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
