/** The dashboard's pages, addressed by the URL hash. */
export type Route =
  | { page: 'runs' }
  | { page: 'new-run' }
  | { page: 'run'; id: string }
  | { page: 'not-found'; hash: string };

/** The route for a hash: `#/` runs, `#/new` new run, `#/runs/ID` a run. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/runs') return { page: 'runs' };
  if (path === '/new') return { page: 'new-run' };
  const run = /^\/runs\/([^/]+)$/.exec(path);
  if (run) {
    try {
      return { page: 'run', id: decodeURIComponent(run[1]) };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  return { page: 'not-found', hash };
}

/** The hash link of a route. */
export function routeHref(route: Exclude<Route, { page: 'not-found' }>): string {
  if (route.page === 'runs') return '#/';
  if (route.page === 'new-run') return '#/new';
  return `#/runs/${encodeURIComponent(route.id)}`;
}
