// Every GraphQL operation the dashboard sends, each typed with its hand-written result and
// variables so hooks infer them. The contract is the API's schema; keep these selections in it.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  Architecture,
  DatasetSummary,
  Motif,
  RunDetail,
  RunStatus,
  RunSummary,
  TrainingProgress,
  UserError,
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
}
export const RUNS_QUERY: TypedDocumentNode<RunsData, RunsVariables> = gql`
  query Runs($first: Int, $after: String, $filter: RunFilterInput) {
    runs(first: $first, after: $after, filter: $filter) {
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
export const DATASETS_QUERY: TypedDocumentNode<DatasetsData, PageVariables> = gql`
  query Datasets($first: Int, $after: String) {
    datasets(first: $first, after: $after) {
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
