/**
 * The contract every job kind fulfils (training, import, scoring, explanation, risk, CV, sweep).
 * A kind is two steps:
 *   prepare — on the caller's request, in the API process: checks the raw parameters, resolves
 *             every reference inside the caller's project (dataset, run, model version) and
 *             returns the parameters to store and the job's lineage. Nothing is queued on error.
 *   run     — when the queue reaches the job: does the work (heavy work in a worker thread, see
 *             runInWorker), reports progress, honours the abort signal, and returns the small
 *             result to store. `run` may be called again for the same job after a crash or a
 *             shutdown, so it must either resume from what it left in `workDir` or start over
 *             without leaving duplicates.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { JobKindName, JsonObject, Role, StrandDatabase } from '@strand/data';
import type { Outcome } from '../errors/user-error.ts';
import type { Lane } from '../cluster/engine.ts';
import type { TrainingDetail } from '../events/event-bus.ts';

/** A progress report; `total` null when unknown. */
export interface ProgressUpdate {
  done: number;
  total?: number | null;
  unit?: string;
  message?: string | null;
  /**
   * A TRAIN job's batch or epoch: published at once as an event of its own (never merged with
   * another by the throttle), so a subscriber sees every epoch.
   */
  training?: TrainingDetail;
}

/** What a job read and used, stored with it before it starts. */
export interface JobLineage {
  datasetId?: string | null;
  runId?: string | null;
  modelVersionId?: string | null;
  /** The rest: reference checksum, split, input file checksums, … */
  details?: JsonObject;
}

export interface PreparedJob<P extends JsonObject> {
  params: P;
  lineage: JobLineage;
}

/** What a finished job stores. */
export interface JobOutcome {
  result: JsonObject;
  /** A dataset the job made (an import's), linked as the job's output. */
  outputDatasetId?: string;
  /**
   * The work is whole even if a stop came meanwhile (too late to stop it): the job succeeds. By
   * default a kind that returns after a stop is taken to have stopped part-way.
   */
  complete?: boolean;
}

/** Services a running job may use besides its own parameters. */
export interface JobServices {
  /** Starts a training run as part of this job (a sweep's trials); returns its id or errors. */
  startChildRun(input: JsonObject, groupLabel: string): Promise<Outcome<string>>;
  /** Asks a child run to stop (a pruned trial). */
  cancelChildRun(runId: string): Promise<void>;
  /**
   * Training runs that run at once (the training queue's concurrency; scaled out, that of every
   * worker of the cluster): child runs beyond it wait.
   */
  readonly trainingSlots: number;
}

export interface JobRunContext<P extends JsonObject> {
  jobId: string;
  projectId: string;
  params: P;
  db: StrandDatabase;
  /** An entity manager of this job's own (forked). */
  em: EntityManager;
  /** The job's own directory (absolute), kept across restarts; results files go here. */
  workDir: string;
  /** Reports progress; cheap to call often (stored and published throttled). */
  progress(update: ProgressUpdate): void;
  /**
   * Aborted on cancel or shutdown; stop soon after, leaving workDir consistent. Its `reason` is
   * `'cancel'` or `'shutdown'` (after a shutdown the job runs again at the next start).
   */
  signal: AbortSignal;
  services: JobServices;
}

export interface JobKind<P extends JsonObject = JsonObject> {
  name: JobKindName;
  /** The least role in the project that may start it. */
  role: Role;
  /**
   * The queue it waits in (default `jobs`). Training has its own lane, with one slot per core:
   * a job that waits on training runs (a sweep, a CV) never holds the slot they need.
   */
  lane?: Lane;
  prepare(
    em: EntityManager,
    db: StrandDatabase,
    projectId: string,
    raw: JsonObject,
  ): Promise<Outcome<PreparedJob<P>>>;
  run(context: JobRunContext<P>): Promise<JobOutcome>;
  /**
   * Optional: frees what the job was given to read (an upload's files) when it ends without
   * `run` (cancelled while still queued). `run` frees them itself when it ends.
   */
  discard?(db: StrandDatabase, params: P): Promise<void>;
  /**
   * Optional (TRAIN): the training detail of the job's last progress event, read from what was
   * stored once the job ended (the run's final state); null when there is none to tell.
   */
  finalTraining?(db: StrandDatabase, params: P): Promise<TrainingDetail | null>;
}

/**
 * An expected failure inside `run` (bad data met mid-way, a gross reference mismatch): the job
 * ends FAILED with this message, which must name the file and line or the reason — and never hold
 * sequence or sample values. Any other error ends the job FAILED with a generic message. `code`,
 * when given, is stored as the job's errorCode: a reason a client can act on (PREFLIGHT_FAILED:
 * the same input with force goes through).
 */
export class JobError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'JobError';
  }
}
