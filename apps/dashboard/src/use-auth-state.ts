import { useSyncExternalStore } from 'react';
import { authStore } from './apollo.ts';

/** Whether the API asked for a token; re-renders when it does. */
export function useNeedsToken(): boolean {
  return useSyncExternalStore(authStore.subscribe, authStore.getSnapshot);
}
