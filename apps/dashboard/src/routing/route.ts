/** The dashboard's pages, addressed by the URL hash. */
export type Route =
  | { page: 'runs' }
  | { page: 'new-run' }
  | { page: 'run'; id: string }
  | { page: 'jobs' }
  | { page: 'job'; id: string }
  | { page: 'not-found'; hash: string };

/**
 * The route for a hash: `#/` runs, `#/new` new run, `#/runs/ID` a run, `#/jobs` background
 * jobs, `#/jobs/ID` a job.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/runs') return { page: 'runs' };
  if (path === '/new') return { page: 'new-run' };
  if (path === '/jobs') return { page: 'jobs' };
  const item = /^\/(runs|jobs)\/([^/]+)$/.exec(path);
  if (item) {
    try {
      const id = decodeURIComponent(item[2]);
      return item[1] === 'runs' ? { page: 'run', id } : { page: 'job', id };
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
  if (route.page === 'jobs') return '#/jobs';
  if (route.page === 'job') return `#/jobs/${encodeURIComponent(route.id)}`;
  return `#/runs/${encodeURIComponent(route.id)}`;
}
