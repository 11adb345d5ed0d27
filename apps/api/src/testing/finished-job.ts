import type { TestServer } from './test-server.ts';

/** What finishedJob reads of a job. */
export interface FinishedJob {
  status: string;
  error: string | null;
  result: string | null;
  outputDataset: { id: string } | null;
}

/** Follows a job to its end through jobProgress (as a client would), then reads it. */
export async function finishedJob(server: TestServer, jobId: string): Promise<FinishedJob> {
  await server.subscribe<{ jobProgress: { done: boolean } }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { done } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
  );
  const res = await server.request<{ job: FinishedJob }>(
    `query ($id: ID!) { job(id: $id) { status error result outputDataset { id } } }`,
    { id: jobId },
  );
  return res.data!.job;
}
