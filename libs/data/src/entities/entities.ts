import { Dataset } from './dataset.entity.ts';
import { EpochMetric } from './epoch-metric.entity.ts';
import { ModelArtifact } from './model-artifact.entity.ts';
import { Run } from './run.entity.ts';

/** Every entity, given to MikroORM explicitly (no folder discovery at runtime). */
export const ENTITIES = [Dataset, Run, EpochMetric, ModelArtifact];
