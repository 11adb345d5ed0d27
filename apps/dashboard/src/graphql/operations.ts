// Every GraphQL operation the dashboard sends, each typed with its hand-written result and
// variables so hooks infer them. The contract is the API's schema; keep these selections in it.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  Architecture,
  DatasetSummary,
  Explanation,
  JobDetail,
  JobKind,
  JobProgressEvent,
  JobRun,
  JobStatus,
  JobSummary,
  Motif,
  Role,
  RunDetail,
  RunStatus,
  RunSummary,
  SortDirection,
  TrainingProgress,
  UserError,
  VariantScore,
  VariantScoreSortField,
} from './types.ts';

const RUN_SUMMARY_FIELDS = gql`
  fragment RunSummaryFields on Run {
    id
    status
    architecture
    epochs
    currentEpoch
    metrics {
      name
      value
    }
    createdAt
    dataset {
      id
      name
    }
  }
`;

const DATASET_FIELDS = gql`
  fragment DatasetFields on Dataset {
    id
    name
    kind
    status
    recordCount
    sequenceLength
    createdAt
  }
`;

/** A page of a connection, reduced to the nodes the dashboard lists. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface PageVariables {
  first?: number;
  after?: string;
}

export interface RunsData {
  runs: Connection<RunSummary & { tags: string[] }>;
}
/** Which runs the list shows; the server normalises the tag (case, spaces). */
export interface RunsVariables extends PageVariables {
  filter?: { tag?: string } | null;
  projectId?: string | null;
}
export const RUNS_QUERY: TypedDocumentNode<RunsData, RunsVariables> = gql`
  query Runs($first: Int, $after: String, $filter: RunFilterInput, $projectId: ID) {
    runs(first: $first, after: $after, filter: $filter, projectId: $projectId) {
      edges {
        cursor
        node {
          ...RunSummaryFields
          tags
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${RUN_SUMMARY_FIELDS}
`;

export interface RunData {
  run: RunDetail | null;
}
export const RUN_QUERY: TypedDocumentNode<RunData, { id: string }> = gql`
  query Run($id: ID!) {
    run(id: $id) {
      ...RunSummaryFields
      project {
        id
        viewerRole
      }
      backend
      batchSize
      learningRate
      seed
      config
      error
      startedAt
      finishedAt
      history {
        epoch
        metrics {
          name
          value
        }
        samplesPerSecond
        seconds
      }
      dataset {
        ...DatasetFields
      }
    }
  }
  ${RUN_SUMMARY_FIELDS}
  ${DATASET_FIELDS}
`;

export interface DatasetsData {
  datasets: Connection<DatasetSummary>;
}
export const DATASETS_QUERY: TypedDocumentNode<
  DatasetsData,
  PageVariables & { projectId?: string | null }
> = gql`
  query Datasets($first: Int, $after: String, $projectId: ID) {
    datasets(first: $first, after: $after, projectId: $projectId) {
      edges {
        cursor
        node {
          ...DatasetFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${DATASET_FIELDS}
`;

export interface NewRunChoicesData {
  architectures: Architecture[];
  motifs: Motif[];
}
/** The choices the New run form offers: architectures and bundled motifs. */
export const NEW_RUN_CHOICES_QUERY: TypedDocumentNode<
  NewRunChoicesData,
  Record<string, never>
> = gql`
  query NewRunChoices {
    architectures {
      name
      description
      defaultConfig
    }
    motifs {
      id
      name
      width
      consensus
    }
  }
`;

export interface CreateDemoDatasetInput {
  name?: string | null;
  sequences: number;
  length: number;
  motifs?: string[] | null;
  seed?: number | null;
  projectId?: string | null;
}
export interface CreateDemoDatasetData {
  createDemoDataset: { dataset: DatasetSummary | null; userErrors: UserError[] };
}
export const CREATE_DEMO_DATASET_MUTATION: TypedDocumentNode<
  CreateDemoDatasetData,
  { input: CreateDemoDatasetInput }
> = gql`
  mutation CreateDemoDataset($input: CreateDemoDatasetInput!) {
    createDemoDataset(input: $input) {
      dataset {
        ...DatasetFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${DATASET_FIELDS}
`;

export interface StartTrainingInput {
  datasetId: string;
  architecture: string;
  epochs: number;
  batchSize?: number | null;
  learningRate?: number | null;
  seed?: number | null;
  projectId?: string | null;
}
export interface StartTrainingData {
  startTraining: { run: RunSummary | null; userErrors: UserError[] };
}
export const START_TRAINING_MUTATION: TypedDocumentNode<
  StartTrainingData,
  { input: StartTrainingInput }
> = gql`
  mutation StartTraining($input: StartTrainingInput!) {
    startTraining(input: $input) {
      run {
        ...RunSummaryFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${RUN_SUMMARY_FIELDS}
`;

export interface CancelRunData {
  cancelRun: { run: { id: string; status: RunStatus } | null; userErrors: UserError[] };
}
export const CANCEL_RUN_MUTATION: TypedDocumentNode<CancelRunData, { id: string }> = gql`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      run {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface TrainingProgressData {
  trainingProgress: TrainingProgress;
}
export const TRAINING_PROGRESS_SUBSCRIPTION: TypedDocumentNode<
  TrainingProgressData,
  { runId: string }
> = gql`
  subscription TrainingProgress($runId: ID!) {
    trainingProgress(runId: $runId) {
      runId
      status
      epoch
      epochs
      batch
      batches
      loss
      metrics {
        name
        value
      }
      samplesPerSecond
      etaSeconds
      done
    }
  }
`;

export interface RunStatusChangedData {
  runStatusChanged: RunSummary & {
    backend: string;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
  };
}
/** Selects what changes with a status so the cached Run (list and page) updates in place. */
export const RUN_STATUS_CHANGED_SUBSCRIPTION: TypedDocumentNode<
  RunStatusChangedData,
  Record<string, never>
> = gql`
  subscription RunStatusChanged {
    runStatusChanged {
      ...RunSummaryFields
      backend
      error
      startedAt
      finishedAt
    }
  }
  ${RUN_SUMMARY_FIELDS}
`;

const JOB_PROGRESS_FIELDS = gql`
  fragment JobProgressFields on JobProgress {
    done
    total
    unit
    message
    fraction
  }
`;

const JOB_SUMMARY_FIELDS = gql`
  fragment JobSummaryFields on Job {
    id
    kind
    status
    progress {
      ...JobProgressFields
    }
    error
    createdAt
    startedAt
    finishedAt
  }
  ${JOB_PROGRESS_FIELDS}
`;

const JOB_DATASET_FIELDS = gql`
  fragment JobDatasetFields on Dataset {
    id
    name
    kind
    status
    recordCount
    checksum
    warningCount
    warnings {
      rule
      count
      examples {
        file
        line
        message
      }
    }
  }
`;

/** A job as the jobs table lists it: its summary and the datasets it read or made. */
export type JobListItem = JobSummary & {
  dataset: { id: string; name: string } | null;
  outputDataset: { id: string; name: string } | null;
};
export interface JobsData {
  jobs: Connection<JobListItem>;
}
/** One page of jobs, newest first; `kind` and `status` narrow the list. */
export interface JobsVariables extends PageVariables {
  kind?: JobKind | null;
  status?: JobStatus | null;
  projectId?: string | null;
}
export const JOBS_QUERY: TypedDocumentNode<JobsData, JobsVariables> = gql`
  query Jobs($first: Int, $after: String, $kind: JobKind, $status: JobStatus, $projectId: ID) {
    jobs(first: $first, after: $after, kind: $kind, status: $status, projectId: $projectId) {
      edges {
        cursor
        node {
          ...JobSummaryFields
          dataset {
            id
            name
          }
          outputDataset {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${JOB_SUMMARY_FIELDS}
`;

const TRIAL_RUN_FIELDS = gql`
  fragment TrialRunFields on Run {
    id
    status
    architecture
    currentEpoch
    epochs
    learningRate
    batchSize
    metrics {
      name
      value
    }
    tags
    groupLabel
  }
`;

export interface JobData {
  job: JobDetail | null;
}
/** A job with its lineage and parameters; the result comes from JOB_RESULT_QUERY. */
export const JOB_QUERY: TypedDocumentNode<JobData, { id: string }> = gql`
  query Job($id: ID!) {
    job(id: $id) {
      ...JobSummaryFields
      project {
        id
        viewerRole
      }
      params
      lineage
      dataset {
        ...JobDatasetFields
      }
      outputDataset {
        ...JobDatasetFields
      }
      run {
        id
        architecture
        status
      }
      modelVersion {
        id
        name
        version
        aliases
      }
      runs {
        ...TrialRunFields
      }
    }
  }
  ${JOB_SUMMARY_FIELDS}
  ${JOB_DATASET_FIELDS}
  ${TRIAL_RUN_FIELDS}
`;

export interface JobResultData {
  job: { id: string; result: string | null } | null;
}
/**
 * A job's result (JSON text), asked for apart from the job: an explanation's result holds every
 * attribution matrix, which the page reads through EXPLANATION_QUERY instead.
 */
export const JOB_RESULT_QUERY: TypedDocumentNode<JobResultData, { id: string }> = gql`
  query JobResult($id: ID!) {
    job(id: $id) {
      id
      result
    }
  }
`;

export interface CancelJobData {
  cancelJob: { job: JobSummary | null; userErrors: UserError[] };
}
export const CANCEL_JOB_MUTATION: TypedDocumentNode<CancelJobData, { id: string }> = gql`
  mutation CancelJob($id: ID!) {
    cancelJob(id: $id) {
      job {
        ...JobSummaryFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${JOB_SUMMARY_FIELDS}
`;

export interface JobProgressData {
  jobProgress: JobProgressEvent;
}
export const JOB_PROGRESS_SUBSCRIPTION: TypedDocumentNode<JobProgressData, { jobId: string }> = gql`
  subscription JobProgress($jobId: ID!) {
    jobProgress(jobId: $jobId) {
      jobId
      status
      done
      progress {
        ...JobProgressFields
      }
    }
  }
  ${JOB_PROGRESS_FIELDS}
`;

export interface JobStatusChangedData {
  jobStatusChanged: JobSummary;
}
/** Selects the summary fields, so the cached Job (list and page) updates in place. */
export const JOB_STATUS_CHANGED_SUBSCRIPTION: TypedDocumentNode<
  JobStatusChangedData,
  Record<string, never>
> = gql`
  subscription JobStatusChanged {
    jobStatusChanged {
      ...JobSummaryFields
    }
  }
  ${JOB_SUMMARY_FIELDS}
`;

export interface SweepTrialChangedData {
  runStatusChanged: JobRun & { parentJob: { id: string } | null };
}
/** A run changed status, with what a sweep's trial table shows of it and the job it belongs to. */
export const SWEEP_TRIAL_CHANGED_SUBSCRIPTION: TypedDocumentNode<
  SweepTrialChangedData,
  Record<string, never>
> = gql`
  subscription SweepTrialChanged {
    runStatusChanged {
      ...TrialRunFields
      parentJob {
        id
      }
    }
  }
  ${TRIAL_RUN_FIELDS}
`;

export interface VariantScoresData {
  variantScores: Connection<VariantScore>;
}
export interface VariantScoresVariables extends PageVariables {
  jobId: string;
  filter?: { chrom?: string | null; minAbsDiff?: number | null; task?: string | null } | null;
  orderBy?: { field: VariantScoreSortField; direction: SortDirection } | null;
}
export const VARIANT_SCORES_QUERY: TypedDocumentNode<VariantScoresData, VariantScoresVariables> =
  gql`
    query VariantScores(
      $jobId: ID!
      $first: Int
      $after: String
      $filter: VariantScoreFilterInput
      $orderBy: VariantScoreOrderInput
    ) {
      variantScores(
        jobId: $jobId
        first: $first
        after: $after
        filter: $filter
        orderBy: $orderBy
      ) {
        edges {
          cursor
          node {
            row
            chrom
            pos
            variantId
            ref
            alt
            task
            refPred
            altPred
            diff
            absDiff
            logOddsChange
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `;

export interface ExplanationData {
  explanation: Explanation | null;
}
export const EXPLANATION_QUERY: TypedDocumentNode<ExplanationData, { jobId: string }> = gql`
  query Explanation($jobId: ID!) {
    explanation(jobId: $jobId) {
      jobId
      method
      task
      taskName
      backend
      inputLength
      summary
      target
      sequences {
        id
        prediction
        explained
        reference
        scores
        positionScores
        topPositions {
          position
          score
        }
      }
    }
  }
`;

export interface ProjectsData {
  projects: { id: string; name: string; slug: string; viewerRole: Role }[];
}
/** The caller's projects with their role in each: the project switcher's choices. */
export const PROJECTS_QUERY: TypedDocumentNode<ProjectsData, Record<string, never>> = gql`
  query Projects {
    projects {
      id
      name
      slug
      viewerRole
    }
  }
`;
