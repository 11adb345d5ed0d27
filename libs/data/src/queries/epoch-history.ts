import type { EntityManager } from '@mikro-orm/core';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';

/**
 * The stored metrics of a run's epochs, in epoch order; without the probes' attributions (up to
 * 8 × length × 4 numbers an epoch: probeAttributionsAt reads one epoch's).
 */
export function epochHistory(
  em: EntityManager,
  runId: string,
): Promise<Omit<EpochMetric, 'probeAttributions'>[]> {
  return em.find(
    EpochMetric,
    { run: runId },
    { orderBy: { epoch: 'asc' }, exclude: ['probeAttributions'] },
  );
}

/**
 * A run's probe attributions at `epoch` (null: its latest epoch that has them), with that epoch;
 * null when there is none.
 */
export async function probeAttributionsAt(
  em: EntityManager,
  runId: string,
  epoch: number | null,
): Promise<Pick<EpochMetric, 'epoch' | 'probeAttributions'> | null> {
  const row = await em.findOne(
    EpochMetric,
    epoch === null ? { run: runId, probeAttributions: { $ne: null } } : { run: runId, epoch },
    {
      fields: ['epoch', 'probeAttributions'],
      orderBy: { epoch: 'desc' },
      // A read of one column: not merged into an entity `em` may hold with other fields.
      disableIdentityMap: true,
    },
  );
  return row?.probeAttributions ? row : null;
}
