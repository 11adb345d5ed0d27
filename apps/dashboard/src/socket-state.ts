import type { Client } from 'graphql-ws';

/** What the header shows about the subscription socket. */
export interface SocketState {
  status: 'idle' | 'connecting' | 'connected' | 'closed';
  /** Increments on every successful (re)connect: pages refetch what they missed meanwhile. */
  connects: number;
}

/** A tiny external store over graphql-ws events, for `useSyncExternalStore`. */
export function createSocketStore(client: Pick<Client, 'on'>) {
  let state: SocketState = { status: 'idle', connects: 0 };
  const listeners = new Set<() => void>();
  const set = (next: SocketState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  client.on('connecting', () => set({ ...state, status: 'connecting' }));
  client.on('connected', () => set({ status: 'connected', connects: state.connects + 1 }));
  client.on('closed', () => set({ ...state, status: 'closed' }));
  return {
    getSnapshot: (): SocketState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Whether live data may be out of date: the socket had connected and is now down (closed or
 * reconnecting), so events are being missed until it is back (pages then refetch once).
 */
export function isStale(state: SocketState): boolean {
  return state.connects > 0 && state.status !== 'connected';
}
