import type { BoardChanges } from '@plancia/contracts';

/** The changes a `changesDeflated` payload carries: base64 of the raw-deflated JSON, inflated by the browser itself. */
export async function inflateChanges(payload: string): Promise<BoardChanges> {
  const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(inflated).text()) as BoardChanges;
}

/**
 * Runs `apply` on each payload's changes in the order the payloads came: inflating is asynchronous, and a later
 * change must never land before an earlier one. A payload that cannot be read is reported and skipped; the next
 * snapshot (any resync) makes the board whole again.
 */
export function inOrderInflater(apply: (changes: BoardChanges) => void, failed: (error: Error) => void): (payload: string) => void {
  let last: Promise<void> = Promise.resolve();
  return (payload) => {
    const decoding = inflateChanges(payload);
    last = last.then(() => decoding).then(apply, (error: unknown) => failed(error instanceof Error ? error : new Error(String(error))));
  };
}
