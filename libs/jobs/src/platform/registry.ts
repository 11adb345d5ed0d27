import { CALL_VARIANTS_KIND } from '../kinds/call-variants.kind.ts';
import { CREATE_DEMO_DATASET_KIND } from '../kinds/create-demo-dataset.kind.ts';
import { CROSS_VALIDATION_KIND } from '../kinds/cross-validation.kind.ts';
import { DESIGN_KIND } from '../kinds/design.kind.ts';
import { DISCOVER_MOTIFS_KIND } from '../kinds/discover-motifs.kind.ts';
import { EXPLAIN_SEQUENCE_KIND } from '../kinds/explain-sequence.kind.ts';
import { IMPORT_DATASET_KIND } from '../kinds/import-dataset.kind.ts';
import { IMPORT_UPLOAD_KIND } from '../kinds/import-upload.kind.ts';
import { MARGINALIZE_KIND } from '../kinds/marginalize.kind.ts';
import { PREDICT_RISK_KIND } from '../kinds/predict-risk.kind.ts';
import { SCORE_VARIANTS_KIND } from '../kinds/score-variants.kind.ts';
import { SWEEP_KIND } from '../kinds/sweep.kind.ts';
import type { JobKind } from './job-kind.ts';

/** Every background job kind this build runs (see job-kind.ts). */
export const JOB_KIND_REGISTRY: readonly JobKind[] = [
  IMPORT_DATASET_KIND as unknown as JobKind,
  SCORE_VARIANTS_KIND as unknown as JobKind,
  EXPLAIN_SEQUENCE_KIND as unknown as JobKind,
  CROSS_VALIDATION_KIND as unknown as JobKind,
  SWEEP_KIND as unknown as JobKind,
  PREDICT_RISK_KIND as unknown as JobKind,
  DISCOVER_MOTIFS_KIND as unknown as JobKind,
  CALL_VARIANTS_KIND as unknown as JobKind,
  CREATE_DEMO_DATASET_KIND as unknown as JobKind,
  IMPORT_UPLOAD_KIND as unknown as JobKind,
  MARGINALIZE_KIND as unknown as JobKind,
  DESIGN_KIND as unknown as JobKind,
];
