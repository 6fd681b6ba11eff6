/** Something held open with a session (a socket): `end` closes it. */
interface Holder {
  digest: string;
  username: string;
  /** When to ask the store again whether the session still lives (0: at the next sweep). */
  checkAtMs: number;
  end: () => void;
}

/** An ending as it travels between nodes: every session of a user, or one session by its digest. */
export type Ending = { username: string } | { digest: string };

export const endingId = (ending: Ending) => ('username' in ending ? `user:${ending.username}` : `session:${ending.digest}`);

export function endingOf(id: string): Ending | undefined {
  if (id.startsWith('user:')) return { username: id.slice('user:'.length) };
  if (id.startsWith('session:')) return { digest: id.slice('session:'.length) };
  return undefined;
}

/**
 * What is held open with which session. A session is checked only where it opens something; sockets outlive that
 * moment, so whoever ends sessions (logout, a change of access, a deleted user, a new password, the clock) says so
 * here and the sockets opened with them close at once.
 */
export class SessionEnds {
  readonly #holders = new Set<Holder>();

  /** Keeps `end` until the session of `digest` (of `username`) ends; the returned function forgets it. */
  hold(digest: string, username: string, end: () => void): () => void {
    const holder: Holder = { digest, username, checkAtMs: 0, end };
    this.#holders.add(holder);
    return () => void this.#holders.delete(holder);
  }

  ended(ending: Ending): void {
    const matches = 'username' in ending ? (h: Holder) => h.username === ending.username : (h: Holder) => h.digest === ending.digest;
    for (const holder of [...this.#holders]) if (matches(holder)) this.#end(holder);
  }

  /**
   * Sessions that may have expired: each is asked once, then again only at the expiry the store gives it (activity
   * moves it). `expiryOf` answers undefined for a session that is over.
   */
  async sweep(nowMs: number, expiryOf: (digest: string) => Promise<number | undefined>): Promise<void> {
    const due = new Map<string, Holder[]>();
    for (const holder of this.#holders) {
      if (holder.checkAtMs <= nowMs) due.set(holder.digest, [...(due.get(holder.digest) ?? []), holder]);
    }
    for (const [digest, holders] of due) {
      const expiresAtMs = await expiryOf(digest);
      for (const holder of holders) {
        if (expiresAtMs === undefined) this.#end(holder);
        else holder.checkAtMs = expiresAtMs;
      }
    }
  }

  get size(): number {
    return this.#holders.size;
  }

  #end(holder: Holder): void {
    if (!this.#holders.delete(holder)) return;
    holder.end();
  }
}
