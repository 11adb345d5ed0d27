import type { EntityManager } from '@mikro-orm/core';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';
import type { Run } from '../entities/run.entity.ts';

/** One epoch of a comparison: for each metric, one value per run (null where a run has none). */
export interface ComparedEpoch {
  epoch: number;
  values: Record<string, (number | null)[]>;
}

/** A parameter whose value is not the same in every compared run (JSON text per run, or null). */
export interface ParamDifference {
  name: string;
  values: (string | null)[];
}

export interface RunComparison {
  /** Every metric any run recorded, sorted. */
  metrics: string[];
  /** Every epoch any run recorded, in order. */
  epochs: ComparedEpoch[];
  params: ParamDifference[];
}

/**
 * Lines up the metric histories of runs epoch by epoch and lists only the parameters that
 * differ: architecture, dataset, epochs, batchSize, learningRate, seed and each config field
 * (`config.filters`). Values are in the order of `runs`.
 */
export async function compareRuns(em: EntityManager, runs: readonly Run[]): Promise<RunComparison> {
  const index = new Map(runs.map((run, i) => [run.id, i]));
  const rows = await em.find(
    EpochMetric,
    { run: { $in: [...index.keys()] } },
    { orderBy: { epoch: 'asc' } },
  );
  const metrics = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))].sort();
  const byEpoch = new Map<number, ComparedEpoch>();
  for (const row of rows) {
    let epoch = byEpoch.get(row.epoch);
    if (!epoch) {
      const values = Object.fromEntries(metrics.map((m) => [m, runs.map(() => null)]));
      epoch = { epoch: row.epoch, values };
      byEpoch.set(row.epoch, epoch);
    }
    const column = index.get(row.run.id) ?? -1;
    for (const [name, value] of Object.entries(row.metrics)) {
      epoch.values[name][column] = Number.isFinite(value) ? value : null;
    }
  }
  return { metrics, epochs: [...byEpoch.values()], params: differingParams(runs) };
}

function differingParams(runs: readonly Run[]): ParamDifference[] {
  const columns: [string, (run: Run) => unknown][] = [
    ['architecture', (r) => r.architecture],
    ['dataset', (r) => r.dataset.id],
    ['epochs', (r) => r.epochs],
    ['batchSize', (r) => r.batchSize],
    ['learningRate', (r) => r.learningRate],
    ['seed', (r) => r.seed],
  ];
  const configKeys = [...new Set(runs.flatMap((r) => Object.keys(r.config)))].sort();
  for (const key of configKeys) {
    columns.push([`config.${key}`, (r) => (key in r.config ? r.config[key] : undefined)]);
  }
  const differences: ParamDifference[] = [];
  for (const [name, read] of columns) {
    const values = runs.map((run) => {
      const value = read(run);
      return value === undefined ? null : JSON.stringify(value);
    });
    if (new Set(values).size > 1) differences.push({ name, values });
  }
  return differences;
}
