export { AdapterError } from './common/errors.js';
export * from './asterisk/index.js';
