// The runs table's view: filters, sort, page and extra columns, kept in the hash query
// (`#/?status=FAILED,RUNNING&arch=deepbind&sort=metric:val_auroc:DESC`) so a view can be shared
// and survives a reload. Sorting and paging happen on the server (runs(orderBy, first, after)).
import type { RunFilterInput, RunOrderInput, RunSortField } from '../graphql/generated.ts';
import type { RunStatus, SortDirection } from '../graphql/types.ts';

export const RUN_STATUSES: readonly RunStatus[] = [
  'QUEUED',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'STALLED',
];

/** Columns the server sorts by, with the URL key of each. */
export const SORT_FIELDS: Readonly<Record<string, RunSortField>> = {
  status: 'STATUS',
  architecture: 'ARCHITECTURE',
  epochs: 'EPOCHS',
  batchSize: 'BATCH_SIZE',
  learningRate: 'LEARNING_RATE',
  seed: 'SEED',
};

/** A sort: `created`, a run column (SORT_FIELDS) or `metric:<name>`. */
export interface RunsSort {
  key: string;
  direction: SortDirection;
}

export interface RunsView {
  statuses: RunStatus[];
  architecture: string | null;
  datasetId: string | null;
  tag: string | null;
  sort: RunsSort;
  /** The cursor the shown page continues from (null: the first page). */
  after: string | null;
  /** Config fields shown as columns (e.g. filters, kernel_size). */
  params: string[];
}

export const NEWEST: RunsSort = { key: 'created', direction: 'DESC' };
export const RUNS_PAGE_SIZE = 25;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The view a hash query names; unknown or malformed parts fall back to the defaults. */
export function parseRunsView(search: string): RunsView {
  const q = new URLSearchParams(search);
  const text = (key: string) => q.get(key)?.trim() || null;
  const statuses = (q.get('status') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is RunStatus => (RUN_STATUSES as string[]).includes(s));
  const params = (q.get('params') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => NAME.test(s));
  return {
    statuses: [...new Set(statuses)],
    architecture: text('arch'),
    datasetId: text('dataset'),
    tag: text('tag'),
    sort: parseSort(q.get('sort')),
    after: text('after'),
    params: [...new Set(params)],
  };
}

function parseSort(text: string | null): RunsSort {
  if (!text) return NEWEST;
  const parts = text.split(':');
  const direction = parts.at(-1) === 'ASC' ? 'ASC' : 'DESC';
  const key =
    parts.at(-1) === 'ASC' || parts.at(-1) === 'DESC' ? parts.slice(0, -1).join(':') : text;
  if (key === 'created' || key in SORT_FIELDS) return { key, direction };
  const metric = /^metric:(.+)$/.exec(key)?.[1];
  return metric && NAME.test(metric) ? { key, direction } : NEWEST;
}

/** The hash query of a view (defaults left out, so the plain view is `#/`). */
export function runsViewSearch(view: RunsView): string {
  const q = new URLSearchParams();
  if (view.statuses.length) q.set('status', view.statuses.join(','));
  if (view.architecture) q.set('arch', view.architecture);
  if (view.datasetId) q.set('dataset', view.datasetId);
  if (view.tag) q.set('tag', view.tag);
  if (view.sort.key !== NEWEST.key || view.sort.direction !== NEWEST.direction) {
    q.set('sort', `${view.sort.key}:${view.sort.direction}`);
  }
  if (view.params.length) q.set('params', view.params.join(','));
  if (view.after) q.set('after', view.after);
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** The `runs` query's filter, order and page for a view. */
export function runsVariables(view: RunsView): {
  filter: RunFilterInput | null;
  orderBy: RunOrderInput;
  first: number;
  after: string | null;
} {
  const filter: RunFilterInput = {};
  if (view.statuses.length) filter.status = view.statuses;
  if (view.architecture) filter.architecture = view.architecture;
  if (view.datasetId) filter.datasetId = view.datasetId;
  if (view.tag) filter.tag = view.tag;
  const { key, direction } = view.sort;
  const orderBy: RunOrderInput = { direction };
  if (key in SORT_FIELDS) orderBy.field = SORT_FIELDS[key];
  else if (key.startsWith('metric:')) orderBy.metric = key.slice('metric:'.length);
  return {
    filter: Object.keys(filter).length ? filter : null,
    orderBy,
    first: RUNS_PAGE_SIZE,
    after: view.after,
  };
}

/**
 * The view after a click on a column's header: that column, descending first (largest metric,
 * newest) and flipped on a second click; back to the first page, as a new order's cursors differ.
 */
export function sortedBy(view: RunsView, key: string): RunsView {
  const direction: SortDirection =
    view.sort.key === key ? (view.sort.direction === 'DESC' ? 'ASC' : 'DESC') : 'DESC';
  return { ...view, sort: { key, direction }, after: null };
}

/** The view with other filters: always back to the first page. */
export function filtered(view: RunsView, change: Partial<RunsView>): RunsView {
  return { ...view, ...change, after: null };
}

const HIDDEN_METRIC = /_confusion_\d+_\d+$|_[ct]\d+$/;
const METRIC_FIRST = ['loss', 'val_loss'];

/**
 * The metric columns for a page of runs: every summary metric any of them reports (not per-class,
 * per-task or confusion cells), losses first, then by name; at most `max`.
 */
export function metricColumns(
  runs: readonly { metrics: readonly { name: string }[] }[],
  max = 6,
): string[] {
  const names = new Set<string>();
  for (const run of runs)
    for (const m of run.metrics) if (!HIDDEN_METRIC.test(m.name)) names.add(m.name);
  const rank = (n: string) => (METRIC_FIRST.includes(n) ? METRIC_FIRST.indexOf(n) : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, max);
}

/**
 * Metric columns for compact tables (a dataset's runs, model versions): the validation metrics
 * only, as the training loss says little about which run or version is better.
 */
export function validationColumns(
  runs: readonly { metrics: readonly { name: string }[] }[],
  max: number,
): string[] {
  return metricColumns(runs, Number.MAX_SAFE_INTEGER)
    .filter((name) => name.startsWith('val_'))
    .slice(0, max);
}

/**
 * The runs table's metric columns: the validation metrics (at most `max`), the metric the table
 * is sorted by always among them; runs that report no validation metric show their others.
 */
export function runsTableMetrics(
  runs: readonly { metrics: readonly { name: string }[] }[],
  sortKey: string,
  max = 4,
): string[] {
  const names = validationColumns(runs, max);
  const sorted = sortKey.startsWith('metric:') ? sortKey.slice('metric:'.length) : null;
  if (sorted && !names.includes(sorted)) return [...names.slice(0, max - 1), sorted];
  return names.length > 0 ? names : metricColumns(runs, max);
}

/**
 * Config fields worth a column: scalar fields whose value differs between the runs of the page
 * (a field every run shares tells nothing), by name; at most `max`. Unreadable configs ({}) are
 * left out.
 */
export function varyingConfigFields(
  configs: readonly Record<string, unknown>[],
  max = 4,
): string[] {
  const known = configs.filter((c) => Object.keys(c).length > 0);
  const values = new Map<string, { seen: Set<string>; runs: number }>();
  for (const config of known) {
    for (const [key, value] of Object.entries(config)) {
      if (value !== null && typeof value === 'object') continue;
      const entry = values.get(key) ?? { seen: new Set<string>(), runs: 0 };
      entry.seen.add(JSON.stringify(value));
      entry.runs += 1;
      values.set(key, entry);
    }
  }
  // A field only some runs have differs too (the others use a default or another architecture).
  return [...values]
    .filter(([, e]) => e.seen.size > 1 || e.runs < known.length)
    .map(([key]) => key)
    .sort()
    .slice(0, max);
}

/** A run's config JSON text as an object ({} when it is not one). */
export function parseConfig(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** A config value as a table cell: numbers and text as they are, anything else as JSON. */
export function configCell(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
