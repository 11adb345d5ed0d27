import { useSyncExternalStore } from 'react';
import { socketStore } from './apollo.ts';
import type { SocketState } from './socket-state.ts';

/** The subscription socket's state; re-renders when it connects or drops. */
export function useSocketState(): SocketState {
  return useSyncExternalStore(socketStore.subscribe, socketStore.getSnapshot);
}
