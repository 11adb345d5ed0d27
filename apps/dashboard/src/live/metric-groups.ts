// Which charts a run gets, from the metric names it reports (libs/models task-metrics.ts):
// `loss` and `val_loss`; per head of a multi-output model `val_<head>_<metric>`; per class
// `val_<metric>_c<i>` and per task or track `val_<metric>_t<i>`; a softmax head's confusion cells
// `val_confusion_<actual>_<predicted>` (a table, not curves). A name of no known shape still gets
// a chart, so a metric added in the models shows up before the dashboard knows its meaning.

/** How a group's y axis is scaled. */
export type MetricScale =
  /** from 0 up: losses and errors. */
  | 'zero'
  /** [0.5, 1] or [0, 1]: AUROC, AUPRC, accuracy, F1. */
  | 'score'
  /** 0 and 1 in view, further if the data goes: correlations and R². */
  | 'fit'
  /** the data's extent. */
  | 'free';

export interface MetricGroup {
  /** Stable, for React keys and test ids: `loss`, `classification`, `counts-error`, `auroc-c`… */
  key: string;
  title: string;
  metrics: string[];
  scale: MetricScale;
}

type Family = 'classification' | 'error' | 'fit';

/** The metric names training reports, by family (longest first where one ends another). */
const FAMILY: Readonly<Record<string, Family>> = {
  macro_f1: 'classification',
  auroc: 'classification',
  auprc: 'classification',
  accuracy: 'classification',
  mse: 'error',
  mae: 'error',
  pearson: 'fit',
  spearman: 'fit',
  r2: 'fit',
};
const KNOWN = Object.keys(FAMILY);

const LABEL: Readonly<Record<string, string>> = {
  macro_f1: 'macro-F1',
  auroc: 'AUROC',
  auprc: 'AUPRC',
  accuracy: 'accuracy',
  mse: 'MSE',
  mae: 'MAE',
  pearson: 'Pearson r',
  spearman: 'Spearman ρ',
  r2: 'R²',
};

const FAMILY_TITLE: Readonly<Record<Family, string>> = {
  classification: 'Validation AUROC / AUPRC / accuracy',
  error: 'Validation error (MSE / MAE)',
  fit: 'Validation correlation / R²',
};
const FAMILY_SCALE: Readonly<Record<Family, MetricScale>> = {
  classification: 'score',
  error: 'zero',
  fit: 'fit',
};

/** A confusion-matrix cell, of the model or of one head. */
export const CONFUSION_CELL = /^val_(?:([a-z][a-z0-9_]*)_)?confusion_(\d+)_(\d+)$/;

/** A reported name taken apart; null for a name of no known shape. */
export interface ParsedMetric {
  /** The output head of a multi-output model; null for the model's own metrics. */
  head: string | null;
  /** `loss` or one of the known metrics (auroc, mse, …). */
  metric: string;
  /** `c` per class, `t` per task/track; null for a summary value. */
  per: 'c' | 't' | null;
  index: number | null;
}

/** Takes `val_counts_pearson_t2` apart into head `counts`, metric `pearson`, per `t`, index 2. */
export function parseMetricName(name: string): ParsedMetric | null {
  if (!name.startsWith('val_')) return null;
  let rest = name.slice(4);
  let per: 'c' | 't' | null = null;
  let index: number | null = null;
  const indexed = /^(.*)_([ct])(\d+)$/.exec(rest);
  if (indexed) {
    rest = indexed[1] as string;
    per = indexed[2] as 'c' | 't';
    index = Number(indexed[3]);
  }
  for (const metric of ['loss', ...KNOWN]) {
    if (rest === metric) return { head: null, metric, per, index };
    if (rest.endsWith(`_${metric}`)) {
      return { head: rest.slice(0, -metric.length - 1), metric, per, index };
    }
  }
  return null;
}

const PER_TITLE = { c: 'per class (one-vs-rest)', t: 'per task' } as const;

/**
 * The charts of a run: the loss curves first (training and validation loss; the heads' own
 * losses apart), then per head the summary families (classification, error, fit), then the
 * per-class / per-task curves, one chart per metric, then names of no known shape. Confusion
 * cells are left out (see `confusionFromMetrics`).
 */
export function metricGroups(names: Iterable<string>): MetricGroup[] {
  const groups = new Map<string, MetricGroup & { rank: number }>();
  const add = (key: string, rank: number, title: string, scale: MetricScale, name: string) => {
    const group = groups.get(key) ?? { key, title, metrics: [], scale, rank };
    if (!group.metrics.includes(name)) group.metrics.push(name);
    groups.set(key, group);
  };
  // The loss chart is always there (the live batch loss is drawn on it from the first batch).
  add('loss', 0, 'Loss', 'zero', 'loss');
  add('loss', 0, 'Loss', 'zero', 'val_loss');
  for (const name of names) {
    if (name === 'loss' || name === 'val_loss' || CONFUSION_CELL.test(name)) continue;
    const parsed = parseMetricName(name);
    if (!parsed) {
      add('other', 5, 'Other metrics', 'free', name);
      continue;
    }
    const { head, metric, per } = parsed;
    const of = head ? `${head}: ` : '';
    const headKey = head ? `${head}-` : '';
    if (metric === 'loss' && !per) {
      add('head-loss', 1, 'Validation loss by head', 'zero', name);
      continue;
    }
    const family = FAMILY[metric];
    if (per) {
      const title = `${of}${LABEL[metric] ?? metric} ${PER_TITLE[per]}`;
      add(`${headKey}${metric}-${per}`, 3, title, family ? FAMILY_SCALE[family] : 'free', name);
    } else if (family) {
      add(`${headKey}${family}`, 2, `${of}${FAMILY_TITLE[family]}`, FAMILY_SCALE[family], name);
    } else {
      add(`${headKey}${metric}`, 4, `${of}${metric}`, 'free', name);
    }
  }
  return [...groups.values()]
    .map((g, order) => ({ g, order }))
    .sort((a, b) => a.g.rank - b.g.rank || a.order - b.order)
    .map(({ g: { rank: _rank, ...group } }) => group)
    .map((group) => ({ ...group, metrics: sortIndexed(group.metrics) }));
}

/** Per-class and per-task names in index order (c2 before c10). */
function sortIndexed(metrics: string[]): string[] {
  const index = (name: string) => parseMetricName(name)?.index ?? -1;
  return [...metrics].sort((a, b) => index(a) - index(b));
}

/**
 * The epoch table's columns: every reported summary value (loss first), leaving out the per-class
 * and per-task curves and the confusion cells, which have their own charts and table.
 */
export function tableMetrics(names: Iterable<string>): string[] {
  return metricGroups(names)
    .filter((g) => !/-[ct]$/.test(g.key))
    .flatMap((g) => g.metrics);
}

/** Every metric name in a run's epochs, in first-seen order. */
export function reportedNames(epochs: readonly { metrics: Readonly<Record<string, number>> }[]) {
  const names = new Set<string>();
  for (const e of epochs) for (const name of Object.keys(e.metrics)) names.add(name);
  return [...names];
}
