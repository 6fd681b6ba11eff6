import { parseCliArgs, HELP } from './cli-args.js';
import { runSimulation, type Stats } from './run.js';

function line(stats: Stats, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  return `sent ${stats.sent} · accepted ${stats.accepted} · duplicates ${stats.duplicates} · errors ${stats.errors} · retries ${stats.retries}`
    + ` · ${(stats.sent / Math.max(seconds, 0.001)).toFixed(1)} ev/s${stats.simulatedTime ? ` · at ${stats.simulatedTime}` : ''}`;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2).filter((arg) => arg !== '--'));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return;
  }
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
  const startedAt = Date.now();
  const { options } = parsed;
  console.log(`simulator: ${options.preset ?? 'normal'} → ${options.target} over ${options.transport ?? 'http'}, ${options.fast ? 'fast' : 'real time'}`);
  const errorsSeen = new Set<string>();
  const stats = await runSimulation({
    ...options,
    signal: stop.signal,
    onProgress: (s) => console.log(line(s, startedAt)),
    // The same failure repeated every batch would drown the stats lines.
    onError: (message) => {
      if (errorsSeen.has(message)) return;
      errorsSeen.add(message);
      console.error(`simulator: ${message}`);
    },
  });
  if (stats.errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
