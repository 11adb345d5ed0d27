import { MAX_ALIASES_PER_MODEL } from '@strand/data';
import {
  DESIGN_LIMITS,
  EXPLAIN_LIMITS,
  MARGINALIZE_LIMITS,
  MAX_ISM_TOP,
  MAX_PROBES,
  SWEEP_LIMITS,
  TRAINING_LIMITS,
} from '@strand/jobs';

/**
 * The fixed bounds of the schema's lists of objects (see list-bound.ts), each true by
 * construction: a limit on what can be created, or a cap where the list is made.
 */
export const BOUNDS = Object.freeze({
  /** Metrics of one epoch: a few per task kind plus per-task ones for at most 32 tasks. */
  metrics: 100,
  /** Epochs of a run (startTraining's maximum). */
  epochs: TRAINING_LIMITS.epochs[1],
  /** Child runs of a job: a sweep's trials. */
  jobRuns: SWEEP_LIMITS.maxTrials,
  /** Label counts of a dataset: the most frequent ones. */
  labelCounts: 100,
  /** Projects a user may belong to (createProject and accepting an invitation check it). */
  projectsPerUser: 100,
  /** Members of a project (invitations and createUser check it). */
  membersPerProject: 500,
  /** Live API tokens of a user (createToken checks it). */
  tokensPerUser: 20,
  /** Runs of one comparison. */
  comparedRuns: 10,
  /** Metric names and parameters of one comparison. */
  comparedValues: 1000,
  /** Model names in one registeredModels answer (page with `after`). */
  registeredModels: 50,
  /** Versions of one model name in registeredModels (the latest; older: modelVersion). */
  modelVersions: 50,
  /** Aliases of one model name (setModelAlias checks it). */
  modelAliases: MAX_ALIASES_PER_MODEL,
  /** Sequences of one explanation. */
  explainedSequences: EXPLAIN_LIMITS.sequences,
  /** Probes of a training run (startTraining checks it). */
  probes: MAX_PROBES,
  /** Variants with a per-base ISM of one scoring job (scoreVariants(ismTop) checks it). */
  variantAttributions: MAX_ISM_TOP,
  /** Top positions of one explained sequence. */
  topPositions: 10,
  /** Warning rules of a dataset (every reader's rules together are fewer). */
  warningRules: 100,
  /** Examples kept per warning rule (ReadWarnings keeps WARNING_EXAMPLES). */
  warningExamples: 10,
  /** JASPAR matches of a discovered motif (discoverMotifs keeps 3). */
  motifMatches: 10,
  /** Motifs of one discovery: at most 40 clusters of each sign. */
  discoveredMotifs: 80,
  /** Starts of one marginalisation's position scan (marginalize checks it). */
  marginalPositions: MARGINALIZE_LIMITS.positions,
  /** Spacings of one marginalisation (marginalize checks it). */
  spacings: MARGINALIZE_LIMITS.spacings,
  /** Steps of a design's trajectory: the start and one per edit or generation. */
  designSteps: Math.max(DESIGN_LIMITS.maxEdits, DESIGN_LIMITS.generations) + 1,
  /** Edits of one designed sequence (designSequence checks maxEdits). */
  designEdits: DESIGN_LIMITS.maxEdits,
  /** Entries of a bundled catalogue (architectures, motifs). */
  catalogue: 1000,
});
