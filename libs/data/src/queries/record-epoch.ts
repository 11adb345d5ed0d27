import type { EntityManager } from '@mikro-orm/core';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';
import type { MetricValues, ProbeAttributionValues } from '../entities/json.ts';
import type { Run } from '../entities/run.entity.ts';
import { DataError } from '../errors/data-error.ts';

export interface EpochRecord {
  /** 1-based. */
  epoch: number;
  metrics: MetricValues;
  samplesPerSecond: number;
  seconds: number;
  /** The run's probes' attributions at this epoch (live interpretation); absent: none. */
  probeAttributions?: ProbeAttributionValues[] | null;
}

/**
 * Stores one epoch's metrics, replacing what was stored for the same (run, epoch) — a retried
 * message never makes a second row — and moves `run.currentEpoch` forward to it. Both happen in
 * one transaction, which also flushes other pending changes of `em`.
 */
export async function recordEpoch(
  em: EntityManager,
  run: Run,
  record: EpochRecord,
): Promise<EpochMetric> {
  const { epoch, metrics, samplesPerSecond, seconds } = record;
  if (!Number.isInteger(epoch) || epoch < 1) {
    throw new DataError('BAD_EPOCH', `run ${run.id}: epoch ${epoch} is not a whole number ≥ 1`);
  }
  const stored = await em.transactional(async (tx) => {
    const row = new EpochMetric(run, epoch, metrics, samplesPerSecond, seconds);
    row.probeAttributions = record.probeAttributions ?? null;
    const upserted = await tx.upsert(EpochMetric, row, {
      onConflictFields: ['run', 'epoch'],
      onConflictAction: 'merge',
      onConflictExcludeFields: ['id', 'createdAt'],
    });
    // Never backwards: re-storing an earlier epoch (a retry) must not rewind the progress.
    if (epoch > run.currentEpoch) run.currentEpoch = epoch;
    return upserted;
  });
  // On a conflict, a row `em` already manages was updated in place: hand back that instance.
  return em.getUnitOfWork().getById<EpochMetric>(EpochMetric.name, stored.id) ?? stored;
}
