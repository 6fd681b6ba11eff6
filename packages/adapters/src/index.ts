export { AdapterError } from './common/errors.js';
export * from './signatures/index.js';
export * from './asterisk/index.js';
export * from './twilio/index.js';
export * from './amazon-connect/index.js';
export * from './freeswitch/index.js';
export * from './zendesk/index.js';
