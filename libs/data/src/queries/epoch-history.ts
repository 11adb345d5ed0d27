import type { EntityManager } from '@mikro-orm/core';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';

/** The stored metrics of a run's epochs, in epoch order. */
export function epochHistory(em: EntityManager, runId: string): Promise<EpochMetric[]> {
  return em.find(EpochMetric, { run: runId }, { orderBy: { epoch: 'asc' } });
}
