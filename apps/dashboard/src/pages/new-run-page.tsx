import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { DatasetFields } from '../components/dataset-fields.tsx';
import { JobProgressBar } from '../components/job-progress-bar.tsx';
import { TrainingFields } from '../components/training-fields.tsx';
import type { FieldErrors, NewRunValues } from '../form/new-run-values.ts';
import {
  DEFAULT_VALUES,
  toDatasetInput,
  toTrainingInput,
  validateNewRun,
} from '../form/new-run-values.ts';
import { placeUserErrors } from '../form/user-errors.ts';
import {
  CREATE_DEMO_DATASET_MUTATION,
  DATASETS_QUERY,
  DEMO_JOB_QUERY,
  JOB_PROGRESS_SUBSCRIPTION,
  NEW_RUN_CHOICES_QUERY,
  START_TRAINING_MUTATION,
} from '../graphql/operations.ts';
import type { DemoJobQuery } from '../graphql/operations.ts';
import type { DatasetSummary } from '../graphql/types.ts';
import { followJob } from '../jobs/follow-job.ts';
import type { JobSource, JobState } from '../jobs/follow-job.ts';
import { jobProgressView } from '../jobs/job-progress.ts';
import { canEdit } from '../project/project-choice.ts';
import { useProject } from '../project/use-project.tsx';
import { routeHref } from '../routing/route.ts';
import { navigate } from '../routing/use-route.ts';

/** The form that creates a demo dataset (or picks one) and starts training on it. */
export function NewRunPage(): ReactNode {
  const { project } = useProject();
  if (!project) {
    return (
      <section>
        <h1>New run</h1>
        <p className="error-box">You are a member of no project yet: ask an ADMIN to invite you.</p>
      </section>
    );
  }
  if (!canEdit(project.viewerRole)) {
    return (
      <section>
        <h1>New run</h1>
        <p className="error-box" role="alert">
          You are a VIEWER in {project.name}: starting runs needs the EDITOR or ADMIN role.
        </p>
      </section>
    );
  }
  return <NewRunForm key={project.id} projectId={project.id} />;
}

/** The form itself, in one project the caller may edit. */
function NewRunForm(props: { projectId: string }): ReactNode {
  const { projectId } = props;
  const choices = useQuery(NEW_RUN_CHOICES_QUERY);
  const datasets = useQuery(DATASETS_QUERY, {
    variables: { first: 100, projectId },
    fetchPolicy: 'cache-and-network',
  });
  const client = useApolloClient();
  const [createDataset] = useMutation(CREATE_DEMO_DATASET_MUTATION);
  const [startTraining] = useMutation(START_TRAINING_MUTATION);
  const [edited, setValues] = useState<NewRunValues>(DEFAULT_VALUES);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState<'dataset' | 'training' | null>(null);
  const [created, setCreated] = useState<DatasetSummary | null>(null);
  /** The demo dataset's job while it runs: the form waits for it, showing its progress. */
  const [demoJob, setDemoJob] = useState<({ id: string } & JobState) | null>(null);

  /** The demo job, read from the API and heard through jobProgress. */
  const demoJobSource = (id: string): JobSource<NonNullable<DemoJobQuery['job']>> => ({
    read: async () => {
      const { data } = await client.query({
        query: DEMO_JOB_QUERY,
        variables: { id },
        fetchPolicy: 'network-only',
      });
      if (!data?.job) throw new Error(`the demo dataset's job ${id} is gone`);
      return data.job;
    },
    subscribe: (onEvent) => {
      const subscription = client
        .subscribe({ query: JOB_PROGRESS_SUBSCRIPTION, variables: { jobId: id } })
        .subscribe({
          next: ({ data }) => {
            if (data?.jobProgress) onEvent(data.jobProgress);
          },
          // A lost socket: the polls still find the end.
          error: () => undefined,
        });
      return () => subscription.unsubscribe();
    },
  });

  const motifs = choices.data?.motifs ?? [];
  const architectures = choices.data?.architectures ?? [];
  const known = datasets.data?.datasets.edges.map((e) => e.node) ?? [];
  const datasetList =
    created && !known.some((d) => d.id === created.id) ? [created, ...known] : known;
  // Choices arrive after the first render: fall back to the first one offered until a person picks.
  const values: NewRunValues = {
    ...edited,
    motif: edited.motif || motifs[0]?.id || '',
    architecture: architectures.some((a) => a.name === edited.architecture)
      ? edited.architecture
      : (architectures[0]?.name ?? edited.architecture),
    datasetId: edited.datasetId || datasetList[0]?.id || '',
  };
  const set = (changes: Partial<NewRunValues>) => setValues((v) => ({ ...v, ...changes }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = validateNewRun(values);
    setErrors(invalid);
    setGeneral([]);
    if (Object.keys(invalid).length > 0) return;
    try {
      let datasetId = values.datasetId;
      if (values.source === 'demo') {
        const input = toDatasetInput(values);
        if (!input.ok) return;
        setBusy('dataset');
        const { data } = await createDataset({
          variables: { input: { ...input.input, projectId } },
        });
        const payload = data?.createDemoDataset;
        if (!payload?.job) {
          const placed = placeUserErrors(payload?.userErrors ?? [], 'createDemoDataset');
          setErrors(placed.fields);
          setGeneral(placed.general);
          return;
        }
        // Generated as a job: follow it until the dataset exists.
        const jobId = payload.job.id;
        setDemoJob({ id: jobId, status: payload.job.status, progress: payload.job.progress });
        const job = await followJob(demoJobSource(jobId), (state) =>
          setDemoJob({ id: jobId, ...state }),
        ).finally(() => setDemoJob(null));
        if (job.status !== 'SUCCEEDED' || !job.outputDataset) {
          setGeneral([
            job.status === 'CANCELLED'
              ? 'The demo dataset was cancelled before it was made.'
              : `The demo dataset could not be made: ${job.error ?? 'no reason was recorded.'}`,
          ]);
          return;
        }
        datasetId = job.outputDataset.id;
        // Point the form at the new dataset, so a retry after a training error reuses it.
        setCreated(job.outputDataset);
        set({ source: 'existing', datasetId });
        void datasets.refetch();
      }
      const input = toTrainingInput(values, datasetId);
      if (!input.ok) return;
      setBusy('training');
      const { data } = await startTraining({
        variables: { input: { ...input.input, projectId } },
      });
      const payload = data?.startTraining;
      if (payload?.run) {
        navigate({ page: 'run', id: payload.run.id });
        return;
      }
      const placed = placeUserErrors(payload?.userErrors ?? [], 'startTraining');
      setErrors(placed.fields);
      setGeneral(placed.general);
    } catch (err) {
      setGeneral([err instanceof Error ? err.message : String(err)]);
    } finally {
      setBusy(null);
    }
  }

  const loadError = choices.error ?? datasets.error;
  const label = values.source === 'demo' ? 'Create dataset and train' : 'Start training';
  return (
    <section>
      <h1>New run</h1>
      {loadError ? <p className="error-box">Could not load choices: {loadError.message}</p> : null}
      <form className="new-run" data-testid="new-run-form" onSubmit={submit} noValidate>
        {general.length > 0 ? (
          <ul className="error-box" role="alert">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <DatasetFields
          values={values}
          errors={errors}
          set={set}
          motifs={motifs}
          datasets={datasetList}
        />
        <TrainingFields values={values} errors={errors} set={set} architectures={architectures} />
        {demoJob ? (
          <div className="demo-job" data-testid="demo-job">
            <p>
              Generating the demo dataset (
              <a href={routeHref({ page: 'job', id: demoJob.id })}>job</a>)…
            </p>
            <JobProgressBar
              view={jobProgressView(demoJob.progress, demoJob.status)}
              testId="demo-job-progress"
            />
          </div>
        ) : null}
        <button
          type="submit"
          className="primary"
          data-testid="create-and-train"
          disabled={busy != null}
        >
          {busy === 'dataset' ? 'Creating dataset…' : busy === 'training' ? 'Starting…' : label}
        </button>
      </form>
    </section>
  );
}
