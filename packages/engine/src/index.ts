export type { ClosedInterval, EngineConfig, PlanciaEngine } from './engine-api.js';
export { Engine, createEngine } from './engine.js';
export { Calendar } from './calendar/business-calendar.js';
export { agentsRequired } from './staffing/erlang-c.js';
export { RELATIVE_ACCURACY as WAIT_SKETCH_RELATIVE_ACCURACY } from './windows/wait-histogram.js';
