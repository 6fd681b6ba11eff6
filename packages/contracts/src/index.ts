export * from './events.js';
export * from './validate.js';
export * from './config.js';
export * from './snapshot.js';
export * from './alerts.js';
export * from './socket.js';
export * from './ingest.js';
export * from './defaults.js';
