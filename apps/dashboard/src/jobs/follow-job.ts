import type { JobProgress, JobStatus } from '../graphql/types.ts';

/** What the follower reports while a job runs. */
export interface JobState {
  status: JobStatus;
  progress: JobProgress;
}

/** Where a job is read and heard from (the API, or a fake in specs). */
export interface JobSource<T extends JobState> {
  /** The stored job, read afresh. */
  read(): Promise<T>;
  /** Live progress events (the last one has done: true); returns the unsubscribe. */
  subscribe(onEvent: (event: JobState & { done: boolean }) => void): () => void;
}

const FINAL: readonly JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/**
 * Waits for a job to end and resolves with the stored job then (its error, its output dataset).
 * Progress comes live from the subscription; the stored job is also read every `pollMs`, since
 * events sent while the socket was down are lost and the last one may be among them. A read
 * that fails rejects.
 */
export function followJob<T extends JobState>(
  source: JobSource<T>,
  onUpdate: (state: JobState) => void,
  pollMs = 1000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let ended = false;
    let heardLive = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: () => void = () => undefined;
    const end = () => {
      ended = true;
      clearTimeout(timer);
      unsubscribe();
    };
    const check = async () => {
      clearTimeout(timer);
      try {
        const job = await source.read();
        if (ended) return;
        if (FINAL.includes(job.status)) {
          end();
          onUpdate({ status: job.status, progress: job.progress });
          resolve(job);
          return;
        }
        // The stored progress lags the live one (it is stored every few seconds).
        if (!heardLive) onUpdate({ status: job.status, progress: job.progress });
        timer = setTimeout(() => void check(), pollMs);
      } catch (error) {
        if (ended) return;
        end();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    unsubscribe = source.subscribe((event) => {
      if (ended) return;
      heardLive = true;
      onUpdate({ status: event.status, progress: event.progress });
      if (event.done) void check();
    });
    void check();
  });
}
