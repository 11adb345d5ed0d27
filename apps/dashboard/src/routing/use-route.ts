import { useSyncExternalStore } from 'react';
import type { Route } from './route.ts';
import { parseRoute, routeHref } from './route.ts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current hash route; re-renders on `hashchange`. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Go to a route (adds a history entry, so Back works). */
export function navigate(route: Exclude<Route, { page: 'not-found' }>): void {
  window.location.hash = routeHref(route);
}
