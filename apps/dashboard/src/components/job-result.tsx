import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { JOB_RESULT_QUERY } from '../graphql/operations.ts';
import type { JobDetail } from '../graphql/types.ts';
import { parseCvResult } from '../jobs/cv-result.ts';
import { parseImportResult } from '../jobs/import-result.ts';
import { summarizeJson } from '../jobs/json-summary.ts';
import { isJobActive } from '../jobs/job-kinds.ts';
import { parseJson, rec, str } from '../jobs/json-value.ts';
import { parseRiskResult } from '../jobs/risk-result.ts';
import { parseScoreResult } from '../jobs/score-result.ts';
import { parseSweepResult } from '../jobs/sweep-result.ts';
import { CvResult } from './cv-result-view.tsx';
import { ExplanationView } from './explanation-view.tsx';
import { ImportResult } from './import-result-view.tsx';
import { KeyValues } from './key-values.tsx';
import { MarginalizationView } from './marginalization-view.tsx';
import { MotifDiscoveryView } from './motif-discovery-view.tsx';
import { RiskResult } from './risk-result-view.tsx';
import { ScoreResult } from './score-result-view.tsx';
import { SequenceDesignView } from './sequence-design-view.tsx';
import { SweepResult } from './sweep-result-view.tsx';
import { SweepTrialsLive } from './sweep-trials-live.tsx';
import { routeHref } from '../routing/route.ts';

/** The view of a result by kind; null when the result is not of the shape the view knows. */
function kindView(job: JobDetail, result: unknown): ReactNode {
  switch (job.kind) {
    case 'IMPORT_DATASET':
    case 'IMPORT_UPLOAD':
    case 'CREATE_DEMO_DATASET': {
      const view = parseImportResult(result);
      return view ? <ImportResult result={view} output={job.outputDataset} /> : null;
    }
    case 'SCORE_VARIANTS': {
      const view = parseScoreResult(result);
      const referenceName = str(rec(rec(parseJson(job.lineage)).reference).name);
      return view ? (
        <ScoreResult
          jobId={job.id}
          status={job.status}
          result={view}
          referenceName={referenceName}
        />
      ) : null;
    }
    case 'CROSS_VALIDATION': {
      const view = parseCvResult(result);
      return view ? <CvResult result={view} /> : null;
    }
    case 'SWEEP': {
      const view = parseSweepResult(result);
      return view ? <SweepResult result={view} runs={job.runs} /> : null;
    }
    case 'PREDICT_RISK': {
      const view = parseRiskResult(result);
      return view ? <RiskResult result={view} /> : null;
    }
    default:
      return null;
  }
}

/** A TRAIN job's result is its run: epochs, curves, evaluation and model are on the run's page. */
export function TrainedRun(props: { job: JobDetail }): ReactNode {
  const { run } = props.job;
  if (!run) return <p className="muted">This training job's run is gone.</p>;
  return (
    <p data-testid="job-trained-run">
      The run is the record of this training: its epochs, curves, evaluation and model are on{' '}
      <a href={routeHref({ page: 'run', id: run.id })}>run {run.id}</a>{' '}
      <span className="muted">({run.architecture})</span>.
    </p>
  );
}

/** The metric a sweep ranks its trials by, from its stored parameters. */
const sweepMetric = (params: string): string | null => str(rec(parseJson(params)).metric);

const NO_RESULT: Record<string, string> = {
  QUEUED: 'The result appears here when the job has succeeded.',
  RUNNING: 'The result appears here when the job has succeeded.',
  FAILED: 'No result: the job failed (see above).',
  CANCELLED: 'No result: the job was cancelled.',
  SUCCEEDED: 'This job stored no result.',
};

/**
 * A job's result by kind. The JSON is read on its own query once the job has ended (a refused
 * variant scoring keeps its pre-flight as the result of a FAILED job); an explanation is read
 * through `explanation`, discovered motifs through `motifDiscovery`, a marginalisation through
 * `marginalization` and a design through `sequenceDesign`. A result of a shape no view knows is listed as key/values.
 */
export function JobResult(props: { job: JobDetail }): ReactNode {
  const { job } = props;
  const ended = job.status === 'SUCCEEDED' || job.status === 'FAILED';
  const ownQuery = ['EXPLAIN_SEQUENCE', 'DISCOVER_MOTIFS', 'MARGINALIZE', 'DESIGN'];
  const wanted = ended && !ownQuery.includes(job.kind);
  const { data, error, loading } = useQuery(
    JOB_RESULT_QUERY,
    wanted ? { variables: { id: job.id } } : skipToken,
  );
  if (job.kind === 'TRAIN') return <TrainedRun job={job} />;
  if (job.kind === 'EXPLAIN_SEQUENCE')
    return (
      <ExplanationView
        jobId={job.id}
        status={job.status}
        referenceName={str(rec(rec(parseJson(job.lineage)).reference).name)}
      />
    );
  if (job.kind === 'DISCOVER_MOTIFS')
    return <MotifDiscoveryView jobId={job.id} status={job.status} />;
  if (job.kind === 'MARGINALIZE') return <MarginalizationView jobId={job.id} status={job.status} />;
  if (job.kind === 'DESIGN') return <SequenceDesignView jobId={job.id} status={job.status} />;
  const live =
    job.kind === 'SWEEP' ? (
      <SweepTrialsLive
        jobId={job.id}
        runs={job.runs}
        metric={sweepMetric(job.params)}
        live={isJobActive(job.status)}
      />
    ) : null;
  if (!wanted) {
    return (
      <>
        <p className="muted">{NO_RESULT[job.status]}</p>
        {live}
      </>
    );
  }
  if (!data && loading) return <p className="muted">Loading the result…</p>;
  if (error) return <p className="error-box">Could not load the result: {error.message}</p>;
  const text = data?.job?.result ?? null;
  if (text == null) {
    return (
      <>
        <p className="muted">{NO_RESULT[job.status]}</p>
        {live}
      </>
    );
  }
  const result = parseJson(text);
  const view = kindView(job, result);
  if (view !== null) return view;
  return (
    <>
      <KeyValues items={summarizeJson(result)} testId="job-result-summary" />
      {live}
    </>
  );
}
