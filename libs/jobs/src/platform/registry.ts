import { IMPORT_DATASET_KIND } from '../kinds/import-dataset.kind.ts';
import type { JobKind } from './job-kind.ts';

/** Every background job kind this build runs (see job-kind.ts). */
export const JOB_KIND_REGISTRY: readonly JobKind[] = [IMPORT_DATASET_KIND as unknown as JobKind];
