export { buildServer, startServer } from './server.js';
export { loadConfig, ConfigError, type ServerConfig } from './config.js';
export type { LiveState } from './live/live-state.js';
