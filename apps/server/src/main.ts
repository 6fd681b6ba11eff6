import { ConfigError, loadConfig } from './config.js';
import { prefetchCheckpoint } from './checkpoints/checkpoint-prefetch.js';

try {
  const config = loadConfig(process.env);
  // Read and inflated while the server's modules load (a restart's largest wait beside them, checkpoint-prefetch.ts):
  // hence the server is imported only now.
  const checkpoint = prefetchCheckpoint(config);
  const { startServer } = await import('./server.js');
  await startServer(config, { checkpoint });
} catch (error) {
  // A configuration mistake is the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
