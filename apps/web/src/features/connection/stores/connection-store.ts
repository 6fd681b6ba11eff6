import { create } from 'zustand';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

interface ConnectionState {
  status: ConnectionStatus;
  /** When anything last arrived from the server (data or heartbeat), in ms. */
  lastMessageAt: number | null;
  /** When the connection was lost, in ms; null while connected. */
  offlineSince: number | null;
  error: string | null;
  connected(at: number): void;
  heard(at: number): void;
  lost(at: number, error?: string): void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'connecting',
  lastMessageAt: null,
  offlineSince: null,
  error: null,
  connected: (at) => set({ status: 'live', lastMessageAt: at, offlineSince: null, error: null }),
  heard: (at) => set({ lastMessageAt: at }),
  lost: (at, error) => set((state) => ({ status: 'offline', offlineSince: state.offlineSince ?? at, error: error ?? null })),
}));
