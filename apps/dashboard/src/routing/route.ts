/** The dashboard's pages, addressed by the URL hash. */
export type Route =
  | { page: 'runs'; search?: string }
  | { page: 'new-run' }
  | { page: 'run'; id: string }
  | { page: 'compare'; ids: string[] }
  | { page: 'datasets' }
  | { page: 'dataset'; id: string }
  | { page: 'models' }
  | { page: 'jobs' }
  | { page: 'new-job'; kind?: string; search?: string }
  | { page: 'tokens' }
  | { page: 'job'; id: string }
  | { page: 'not-found'; hash: string };

/** Most runs compareRuns takes at once. */
export const MAX_COMPARED = 10;

const ITEM_PAGES = { runs: 'run', jobs: 'job', datasets: 'dataset' } as const;

/**
 * The route for a hash: `#/` runs (`#/?status=…` a filtered, sorted view), `#/new` new run,
 * `#/runs/ID` a run, `#/compare?ids=A,B` runs side by side, `#/datasets` and `#/datasets/ID`,
 * `#/models` the model registry, `#/jobs` background jobs, `#/jobs/new?kind=KIND&field=value` a
 * job's form (fields pre-filled from the URL), `#/jobs/ID` a job, `#/tokens` the caller's tokens.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '') || '/';
  const search = q < 0 ? '' : raw.slice(q + 1);
  if (path === '/' || path === '/runs') return search ? { page: 'runs', search } : { page: 'runs' };
  if (path === '/new') return { page: 'new-run' };
  if (path === '/jobs') return { page: 'jobs' };
  if (path === '/jobs/new') {
    const kind = new URLSearchParams(search).get('kind') ?? undefined;
    return search ? { page: 'new-job', kind, search } : { page: 'new-job' };
  }
  if (path === '/tokens') return { page: 'tokens' };
  if (path === '/datasets') return { page: 'datasets' };
  if (path === '/models') return { page: 'models' };
  if (path === '/compare') {
    const ids = (new URLSearchParams(search).get('ids') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return { page: 'compare', ids: [...new Set(ids)] };
  }
  const item = /^\/(runs|jobs|datasets)\/([^/]+)$/.exec(path);
  if (item) {
    try {
      const id = decodeURIComponent(item[2]);
      return { page: ITEM_PAGES[item[1] as keyof typeof ITEM_PAGES], id };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  return { page: 'not-found', hash };
}

/** The hash link of a route. */
export function routeHref(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'runs':
      return route.search ? `#/?${route.search}` : '#/';
    case 'new-run':
      return '#/new';
    case 'jobs':
      return '#/jobs';
    case 'new-job': {
      const params = new URLSearchParams(route.search ?? '');
      if (route.kind) params.set('kind', route.kind);
      const search = params.toString();
      return search ? `#/jobs/new?${search}` : '#/jobs/new';
    }
    case 'tokens':
      return '#/tokens';
    case 'datasets':
      return '#/datasets';
    case 'models':
      return '#/models';
    case 'compare':
      return `#/compare?ids=${route.ids.map(encodeURIComponent).join(',')}`;
    case 'job':
      return `#/jobs/${encodeURIComponent(route.id)}`;
    case 'dataset':
      return `#/datasets/${encodeURIComponent(route.id)}`;
    case 'run':
      return `#/runs/${encodeURIComponent(route.id)}`;
  }
}
