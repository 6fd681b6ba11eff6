import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

try {
  await startServer(loadConfig(process.env));
} catch (error) {
  // A configuration mistake is the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
