import { RUN_STATUSES } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import type { Jobs } from '@strand/jobs';

/**
 * Job gauges in the Prometheus text format: runs by state (counts over all projects), queue
 * depth, and each running run's training samples/s of its last stored epoch (labelled by run id
 * only: no names, no project, no data).
 */
export async function renderJobMetrics(db: StrandDatabase, jobs: Jobs): Promise<string[]> {
  const em = db.fork();
  const rows = await em
    .getConnection()
    .execute<{ status: string; n: number }[]>(
      'select status, count(*) as n from run group by status',
    );
  const counts = new Map(rows.map((row) => [row.status, Number(row.n)]));
  const lines = [
    '# HELP strand_runs Training runs by state.',
    '# TYPE strand_runs gauge',
    ...RUN_STATUSES.map((s) => `strand_runs{state="${s}"} ${counts.get(s) ?? 0}`),
    '# HELP strand_queue_depth Runs waiting for a free worker in this process.',
    '# TYPE strand_queue_depth gauge',
    `strand_queue_depth ${jobs.queueDepth}`,
    '# HELP strand_training_samples_per_second Training samples/s of the last epoch, per running run.',
    '# TYPE strand_training_samples_per_second gauge',
  ];
  // From the stored epochs, not from this process: in a cluster the runs train in the workers.
  const throughput = await em
    .getConnection()
    .execute<{ run_id: string; samples_per_second: number }[]>(
      `select e.run_id, e.samples_per_second from epoch_metric e join run r on r.id = e.run_id
     where r.status = 'RUNNING'
       and e.epoch = (select max(m.epoch) from epoch_metric m where m.run_id = e.run_id)`,
    );
  for (const row of throughput) {
    lines.push(
      `strand_training_samples_per_second{run_id="${row.run_id}"} ${Number(row.samples_per_second)}`,
    );
  }
  return lines;
}
