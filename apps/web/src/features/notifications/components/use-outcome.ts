import { useState } from 'react';

export type Outcome = { kind: 'idle' | 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; message: string };

/** Runs one call and keeps what came of it for a status line: the server's refusal, which names the field, as it said it. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const run = async (call: () => Promise<string>) => {
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'done', text: await call() });
      return true;
    } catch (error) {
      setOutcome({ kind: 'failed', message: (error as Error).message });
      return false;
    }
  };
  return { outcome, run };
}
