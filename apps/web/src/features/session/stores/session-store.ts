import { create } from 'zustand';
import type { SessionInfo } from '@plancia/contracts';

interface SessionState {
  /** The signed-in user, if any. */
  user: SessionInfo | null;
  /** The server refused the board without a session: the login form is shown instead. */
  required: boolean;
  /** Grows at every login and logout: the board's socket connects again with the new cookie (or none). */
  generation: number;
  /** The board's socket was refused as unauthorized. */
  require(): void;
  signedIn(user: SessionInfo): void;
  signedOut(): void;
  /** What GET /api/v1/session said at start. */
  found(user: SessionInfo | null): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  user: null,
  required: false,
  generation: 0,
  require: () => set({ required: true, user: null }),
  signedIn: (user) => set((state) => ({ user, required: false, generation: state.generation + 1 })),
  signedOut: () => set((state) => ({ user: null, generation: state.generation + 1 })),
  found: (user) => set({ user }),
}));
