import { parseCliArgs, HELP } from './cli-args.js';
import { runSimulation, type Stats } from './run.js';

const STOP_GRACE_MS = 2_000;

/** One stats line; the rate is over the time since the previous line. */
function statsLine(): (stats: Stats) => string {
  let previous = { sent: 0, at: Date.now() };
  return (stats) => {
    const now = Date.now();
    const rate = (stats.sent - previous.sent) / Math.max((now - previous.at) / 1000, 0.001);
    previous = { sent: stats.sent, at: now };
    return `sent ${stats.sent} · accepted ${stats.accepted} · duplicates ${stats.duplicates} · errors ${stats.errors}`
      + ` · retries ${stats.retries} · ${rate.toFixed(1)} ev/s${stats.simulatedTime ? ` · at ${stats.simulatedTime}` : ''}`;
  };
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
  const stopNow = () => {
    stop.abort();
    // Deliveries in flight get a moment to be acknowledged; retries against a server that went away must not
    // keep the process alive after its parent has stopped.
    setTimeout(() => process.exit(), STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stopNow);
  // Started by the server with an IPC channel (the demo): the channel closes when the server ends, however it ends
  // (a SIGKILL runs no shutdown hook), and a demo outliving its server would feed the next one a second copy.
  if (process.connected) {
    process.once('disconnect', stopNow);
    process.channel?.unref();
  }
  const line = statsLine();
  const { options } = parsed;
  console.log(`simulator: ${options.preset ?? 'normal'} → ${options.target} over ${options.transport ?? 'http'}, ${options.fast ? 'fast' : 'real time'}`);
  const errorsSeen = new Set<string>();
  const stats = await runSimulation({
    ...options,
    signal: stop.signal,
    onProgress: (s) => console.log(line(s)),
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
