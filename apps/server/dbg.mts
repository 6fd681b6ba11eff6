import { buildServer } from './src/server.js';
import { loadConfig } from './src/config.js';
const config = loadConfig({ ...process.env, PORT: '18105', LOG_LEVEL: 'warn', PLANCIA_DEMO: '0' });
const p = buildServer(config);
setTimeout(async () => { console.log('still pending'); process.exit(1); }, 15000);
const app = await p; console.log('built');
setTimeout(() => { console.log(app.printPlugins()); }, 8000).unref();
await app.ready(); console.log('ready'); await app.close(); console.log('closed'); process.exit(0);
