export type { ClosedInterval, EngineConfig, PlanciaEngine } from './engine-api.js';
export type { AlertAction } from './alerts/alert-engine.js';
export { Engine, RESTORED_ALERT_STEP_MS, createEngine } from './engine.js';
export { Calendar } from './calendar/business-calendar.js';
export { agentsRequired } from './staffing/erlang-c.js';
export { RELATIVE_ACCURACY as WAIT_SKETCH_RELATIVE_ACCURACY } from './windows/wait-histogram.js';
export { FIELD_COUNT as WINDOW_FIELD_COUNT } from './windows/fields.js';
export { calendarProblems, configProblems, settingsProblems, type ConfigProblem } from './config-problems.js';
export { queueProblems } from './config-problems.js';
