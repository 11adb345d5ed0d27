/**
 * TRAIN: a training run as a job. The Run row stays the record of what is trained (its
 * configuration, epochs, checkpoints and model); the job is how it goes through the queue, like
 * every other kind: one queue interface, one executor (platform/job-executor.ts), one recovery,
 * one cancel path. `prepare` validates the request and stores the run QUEUED
 * (training/start-training.ts); `run` hands it to the training executor, which runs the training
 * worker thread and stores its epochs, and turns the run's outcome into the job's. The job's
 * progress stream is the run's: each batch and epoch is an event carrying the run's training
 * detail, and the last event carries the run's final state.
 *
 * Delivered again after a crash (at-least-once), `run` finds the run RUNNING with nobody running
 * it (the queue gives an item to one worker at a time): the run goes back to QUEUED and resumes
 * from its last checkpoint. Delivered after the run finished, it only reports the stored outcome:
 * a run finishes once.
 */
import { Run } from '@strand/data';
import type { JsonObject, StrandDatabase } from '@strand/data';
import type { EventBus } from '../events/event-bus.ts';
import { userError } from '../errors/user-error.ts';
import type { JobKind, JobOutcome } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { createTrainingRun } from '../training/start-training.ts';
import type { StartTrainingInput } from '../training/start-training.ts';
import type { TrainingExecutor } from '../training/training-executor.ts';
import { epochsDone, finalTraining } from '../training/training-detail.ts';

export type TrainParams = { runId: string } & JsonObject;

/** The TRAIN kind of a Jobs instance: it runs on that instance's training executor. */
export function trainKind(executor: TrainingExecutor, bus: EventBus): JobKind<TrainParams> {
  return {
    name: 'TRAIN',
    role: 'editor',
    lane: 'training',

    async prepare(em, db, projectId, raw) {
      if ('runId' in raw) {
        // Only Jobs queues an existing run (recovery); a caller always describes a new one.
        return {
          ok: false,
          errors: [userError('runId', 'INVALID_VALUE', 'runId is not an input')],
        };
      }
      const made = await createTrainingRun(
        em,
        { ...(raw as unknown as StartTrainingInput), projectId },
        db,
      );
      if (!made.ok) return made;
      const run = made.value;
      return {
        ok: true,
        value: { params: { runId: run.id }, lineage: { datasetId: run.dataset.id, runId: run.id } },
      };
    },

    async run({ params, db, em, signal, progress }): Promise<JobOutcome> {
      const { runId } = params;
      // A RUNNING run whose job is delivered here lost its worker: it resumes from its checkpoint.
      await em.nativeUpdate(Run, { id: runId, status: 'RUNNING' }, { status: 'QUEUED' });
      const stop = () =>
        executor.requestStop(runId, signal.reason === 'shutdown' ? 'shutdown' : 'cancel');
      signal.addEventListener('abort', stop, { once: true });
      try {
        if (!signal.aborted) {
          // Every batch and epoch is an event of the job's progress stream, with the run's detail.
          await executor.execute(runId, (training) =>
            progress({
              done: epochsDone(training),
              total: training.epochs,
              unit: 'epochs',
              training,
            }),
          );
        }
      } finally {
        signal.removeEventListener('abort', stop);
      }
      return outcomeOf(db, runId);
    },

    /** Cancelled while queued: the run is cancelled with its job. */
    async discard(db: StrandDatabase, params) {
      const em = db.fork();
      const run = await em.findOne(Run, { id: params.runId });
      if (!run || run.status !== 'QUEUED') return;
      run.status = 'CANCELLED';
      run.finishedAt = new Date();
      await em.flush();
      bus.publish('RUN_STATUS', { runId: run.id, projectId: run.project.id, status: 'CANCELLED' });
    },

    /** The job's last event tells the run's final state (status, epochs, final metrics). */
    async finalTraining(db: StrandDatabase, params) {
      const run = await db.fork().findOne(Run, { id: params.runId });
      return run ? finalTraining(run) : null;
    },
  };
}

/** The job's outcome from the run's stored one. */
async function outcomeOf(db: StrandDatabase, runId: string): Promise<JobOutcome> {
  const run = await db.fork().findOne(Run, { id: runId });
  if (!run) throw new JobError(`run "${runId}" no longer exists`);
  switch (run.status) {
    case 'SUCCEEDED':
      return {
        result: { runId, epochs: run.currentEpoch, finalMetrics: run.finalMetrics ?? null },
        // Trained and stored: a stop asked after the last epoch changes nothing.
        complete: true,
      };
    case 'FAILED':
      throw new JobError(run.error ?? 'training failed');
    case 'STALLED':
      throw new JobError(run.error ?? 'training stalled', 'STALLED');
    case 'CANCELLED':
      throw new JobError('the run was cancelled', 'CANCELLED');
    default:
      // QUEUED again: a shutdown stopped it (the executor leaves the job QUEUED too).
      return { result: { runId, status: run.status } };
  }
}
