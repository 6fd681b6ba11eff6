import WebSocket from 'ws';

export interface HeapReading { rssMiB: number; heapUsedMiB: number }

/**
 * Reads a server's memory through the inspector it was started with (`--inspect=127.0.0.1:PORT`): a full garbage
 * collection first, so that what remains is what the server holds, not what it has yet to collect.
 */
export async function inspectorProbe(inspectPort: number) {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!target) throw new Error(`no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => { socket.once('open', ok); socket.once('error', fail); });
  let nextId = 1;
  const call = <T>(method: string, params: Record<string, unknown> = {}) => new Promise<T>((ok, fail) => {
    const id = nextId++;
    const onMessage = (raw: WebSocket.RawData) => {
      const reply = JSON.parse(String(raw)) as { id?: number; result?: T; error?: { message: string } };
      if (reply.id !== id) return;
      socket.off('message', onMessage);
      if (reply.error) fail(new Error(`${method}: ${reply.error.message}`));
      else ok(reply.result as T);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, params }));
  });
  return {
    async afterGc(): Promise<HeapReading> {
      await call('HeapProfiler.collectGarbage');
      const { result } = await call<{ result: { value: { rss: number; heapUsed: number } } }>('Runtime.evaluate', {
        expression: 'process.memoryUsage()', returnByValue: true,
      });
      return { rssMiB: result.value.rss / 2 ** 20, heapUsedMiB: result.value.heapUsed / 2 ** 20 };
    },
    close: () => socket.close(),
  };
}
