export { generate, generateFromPlan } from './model/generate.js';
export { planSimulation, type ModelOptions, type SimulationPlan, type QueuePlan } from './model/plan.js';
export { OUTAGE_QUEUE, PRESETS, PRESET_NAMES, type PresetName } from './model/presets.js';
export { runSimulation, planRun, type RunOptions, type Stats, type TransportName } from './run.js';
export { httpTransport } from './transport/http.js';
export { webhookTransport, signWebhook } from './transport/webhook.js';
export { webSocketTransport } from './transport/websocket.js';
export type { Transport, Delivery } from './transport/transport.js';
