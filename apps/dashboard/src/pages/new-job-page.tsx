import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { Field } from '../components/field.tsx';
import { JobProgressBar } from '../components/job-progress-bar.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import type { JobField, JobFormSpec, JobFormValues } from '../form/job-forms.ts';
import {
  canStart,
  isShown,
  JOB_FORMS,
  jobForm,
  placeJobErrors,
  refusedByPreflight,
  toJobInput,
  valuesFromSearch,
} from '../form/job-forms.ts';
import type { JobKind, JobSummary, UserError } from '../graphql/types.ts';
import {
  CALL_VARIANTS_MUTATION,
  DATASETS_QUERY,
  DESIGN_SEQUENCE_MUTATION,
  DISCOVER_MOTIFS_MUTATION,
  EXPLAIN_SEQUENCE_MUTATION,
  IMPORT_DATASET_MUTATION,
  JOB_STATE_QUERY,
  MARGINALIZE_MUTATION,
  NEW_RUN_CHOICES_QUERY,
  PREDICT_RISK_MUTATION,
  SCORE_VARIANTS_MUTATION,
  START_CROSS_VALIDATION_MUTATION,
  START_SWEEP_MUTATION,
} from '../graphql/operations.ts';
import { jobProgressView, latestProgress } from '../jobs/job-progress.ts';
import { useLiveJob } from '../jobs/use-live-job.ts';
import { useProject } from '../project/use-project.tsx';
import { routeHref } from '../routing/route.ts';

/** `#/jobs/new?kind=…`: a tab per job kind, and that kind's form. */
export function NewJobPage(props: { kind?: string; search?: string }): ReactNode {
  const { project } = useProject();
  const spec = jobForm(props.kind ?? '') ?? JOB_FORMS[0];
  if (!project) {
    return (
      <section>
        <h1>New job</h1>
        <p className="error-box">You are a member of no project yet: ask an ADMIN to invite you.</p>
      </section>
    );
  }
  const allowed = JOB_FORMS.filter((f) => canStart(f, project.viewerRole));
  return (
    <section data-testid="new-job-page">
      <p className="crumbs">
        <a href={routeHref({ page: 'jobs' })}>← Jobs</a>
      </p>
      <h1>New job</h1>
      {allowed.length === 0 ? (
        <p className="error-box" role="alert">
          You are a VIEWER in {project.name}: starting jobs needs the EDITOR role (imports ADMIN).
        </p>
      ) : (
        <>
          <nav className="job-kinds" aria-label="Job kind">
            {JOB_FORMS.map((f) => (
              <a
                key={f.kind}
                href={routeHref({ page: 'new-job', kind: f.kind })}
                aria-current={f.kind === spec.kind ? 'page' : undefined}
                className={f.kind === spec.kind ? 'current' : undefined}
              >
                {f.title}
              </a>
            ))}
          </nav>
          {canStart(spec, project.viewerRole) ? (
            <JobForm
              key={`${project.id}:${spec.kind}:${props.search ?? ''}`}
              spec={spec}
              projectId={project.id}
              initial={valuesFromSearch(spec, props.search ?? '')}
            />
          ) : (
            <p className="error-box" role="alert">
              {spec.title} needs the {spec.role} role; you are {project.viewerRole} in{' '}
              {project.name}.
            </p>
          )}
        </>
      )}
    </section>
  );
}

interface Payload {
  job: JobSummary | null;
  userErrors: readonly UserError[];
}

/** Sends a kind's mutation with an untyped input (checked by the API) and returns its payload. */
function useStartJob(kind: JobKind): (input: Record<string, unknown>) => Promise<Payload | null> {
  const [importDataset] = useMutation(IMPORT_DATASET_MUTATION);
  const [scoreVariants] = useMutation(SCORE_VARIANTS_MUTATION);
  const [explainSequence] = useMutation(EXPLAIN_SEQUENCE_MUTATION);
  const [discoverMotifs] = useMutation(DISCOVER_MOTIFS_MUTATION);
  const [marginalize] = useMutation(MARGINALIZE_MUTATION);
  const [designSequence] = useMutation(DESIGN_SEQUENCE_MUTATION);
  const [crossValidate] = useMutation(START_CROSS_VALIDATION_MUTATION);
  const [sweep] = useMutation(START_SWEEP_MUTATION);
  const [predictRisk] = useMutation(PREDICT_RISK_MUTATION);
  const [callVariants] = useMutation(CALL_VARIANTS_MUTATION);
  // The form's fields are the input type's fields (job-forms.ts); the API validates the rest.
  return async (input) => {
    const variables = { input } as never;
    switch (kind) {
      case 'IMPORT_DATASET':
        return (await importDataset({ variables })).data?.importDataset ?? null;
      case 'SCORE_VARIANTS':
        return (await scoreVariants({ variables })).data?.scoreVariants ?? null;
      case 'EXPLAIN_SEQUENCE':
        return (await explainSequence({ variables })).data?.explainSequence ?? null;
      case 'DISCOVER_MOTIFS':
        return (await discoverMotifs({ variables })).data?.discoverMotifs ?? null;
      case 'MARGINALIZE':
        return (await marginalize({ variables })).data?.marginalize ?? null;
      case 'DESIGN':
        return (await designSequence({ variables })).data?.designSequence ?? null;
      case 'CROSS_VALIDATION':
        return (await crossValidate({ variables })).data?.startCrossValidation ?? null;
      case 'SWEEP':
        return (await sweep({ variables })).data?.startSweep ?? null;
      case 'PREDICT_RISK':
        return (await predictRisk({ variables })).data?.predictRisk ?? null;
      case 'CALL_VARIANTS':
        return (await callVariants({ variables })).data?.callVariants ?? null;
      default:
        // Kinds with no form here (training, a demo dataset, an upload's import).
        return null;
    }
  };
}

/** One kind's form: fields, the API's errors on them, then the started job's live progress. */
function JobForm(props: { spec: JobFormSpec; projectId: string; initial: JobFormValues }) {
  const { spec, projectId } = props;
  const first = (f: JobField) => (f.type === 'select' && f.required ? (f.options?.[0] ?? '') : '');
  const [values, setValues] = useState<JobFormValues>(() => ({
    ...Object.fromEntries(spec.fields.map((f) => [f.name, first(f)])),
    ...props.initial,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartJob(spec.kind);
  const needsChoices = spec.fields.some((f) => f.type === 'dataset' || f.type === 'architecture');
  const datasets = useQuery(
    DATASETS_QUERY,
    needsChoices
      ? { variables: { first: 100, projectId }, fetchPolicy: 'cache-and-network' }
      : skipToken,
  );
  const choices = useQuery(
    NEW_RUN_CHOICES_QUERY,
    spec.fields.some((f) => f.type === 'architecture') ? {} : skipToken,
  );
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function send(extra: Record<string, unknown> = {}) {
    const parsed = toJobInput(spec, values);
    setGeneral([]);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    // The previous job's panel goes: what shows next is this submission's job or errors.
    setJobId(null);
    setBusy(true);
    try {
      const payload = await start({ ...parsed.input, ...extra, projectId });
      if (payload?.job) {
        setJobId(payload.job.id);
        return;
      }
      const placed = placeJobErrors(spec, payload?.userErrors ?? []);
      setErrors(placed.fields);
      setGeneral(
        placed.general.length > 0 || Object.keys(placed.fields).length > 0
          ? placed.general
          : ['The API started no job and said why not.'],
      );
    } catch (err) {
      setGeneral([err instanceof Error ? err.message : String(err)]);
    } finally {
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const datasetList = datasets.data?.datasets.edges.map((e) => e.node) ?? [];
  const architectures = choices.data?.architectures ?? [];
  return (
    <>
      <p className="muted">{spec.summary}</p>
      <form
        className="new-run job-form"
        data-testid="job-form"
        data-kind={spec.kind}
        onSubmit={submit}
        noValidate
      >
        {general.length > 0 ? (
          <ul className="error-box" role="alert" data-testid="job-form-errors">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <fieldset>
          <legend>{spec.title}</legend>
          <div className="grid">
            {spec.fields
              .filter((f) => isShown(f, values))
              .map((f) => (
                <JobFieldInput
                  key={f.name}
                  field={f}
                  value={values[f.name] ?? ''}
                  error={errors[f.name]}
                  set={(v) => set(f.name, v)}
                  datasets={datasetList.filter(
                    (d) => !f.datasetKinds || f.datasetKinds.includes(d.kind),
                  )}
                  architectures={architectures.map((a) => a.name)}
                />
              ))}
          </div>
        </fieldset>
        <button type="submit" className="primary" data-testid="start-job" disabled={busy}>
          {busy ? 'Starting…' : `Start: ${spec.title.toLowerCase()}`}
        </button>
      </form>
      {jobId ? (
        <StartedJob
          key={jobId}
          id={jobId}
          retryWithForce={busy ? undefined : () => void send({ force: true })}
        />
      ) : null}
    </>
  );
}

function JobFieldInput(props: {
  field: JobField;
  value: string;
  error: string | undefined;
  set: (value: string) => void;
  datasets: readonly { id: string; name: string; kind: string; recordCount: number }[];
  architectures: readonly string[];
}): ReactNode {
  const { field: f, value, set } = props;
  const label = f.required ? `${f.label} *` : f.label;
  let control: ReactNode;
  switch (f.type) {
    case 'bool':
      return (
        <label className="field check">
          <span>
            <input
              type="checkbox"
              name={f.name}
              checked={value === 'true'}
              onChange={(e) => set(e.target.checked ? 'true' : '')}
            />{' '}
            {f.label}
          </span>
          {props.error ? (
            <span className="field-error" role="alert">
              {props.error}
            </span>
          ) : f.hint ? (
            <span className="field-hint">{f.hint}</span>
          ) : null}
        </label>
      );
    case 'select':
    case 'dataset':
    case 'architecture': {
      const options =
        f.type === 'dataset'
          ? props.datasets.map((d) => ({
              value: d.id,
              label: `${d.name} (${d.kind}, ${d.recordCount})`,
            }))
          : (f.type === 'architecture' ? props.architectures : (f.options ?? [])).map((o) => ({
              value: o,
              label: o,
            }));
      control = (
        <select name={f.name} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">
            {f.required ? 'choose…' : f.type === 'dataset' ? 'none' : 'default'}
          </option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'json':
    case 'lines':
      control = (
        <textarea
          name={f.name}
          rows={f.type === 'lines' ? 4 : 3}
          value={value}
          onChange={(e) => set(e.target.value)}
          spellCheck={false}
          placeholder={f.type === 'json' ? '{ }' : undefined}
        />
      );
      break;
    default:
      control = (
        <input
          name={f.name}
          inputMode={f.type === 'int' || f.type === 'float' ? 'decimal' : undefined}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
  }
  return (
    <Field label={label} error={props.error} hint={f.hint}>
      {control}
    </Field>
  );
}

/** The job just started: its live progress (jobProgress), its end, and retry-with-force. */
function StartedJob(props: { id: string; retryWithForce: (() => void) | undefined }): ReactNode {
  const { id } = props;
  const { data, refetch } = useQuery(JOB_STATE_QUERY, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const job = data?.job ?? null;
  const live = useLiveJob(id, job?.status, refetch);
  if (!job) return <p className="muted">Job {id} started…</p>;
  const shown = latestProgress(job, live);
  return (
    <section
      className="progress started-job"
      data-testid="started-job"
      data-job={id}
      data-status={shown.status}
    >
      <header className="run-head">
        <h2>
          <a href={routeHref({ page: 'job', id })}>Job {id}</a>
        </h2>
        <StatusBadge status={shown.status} />
      </header>
      <JobProgressBar
        view={jobProgressView(shown.progress, shown.status)}
        testId="started-job-progress"
      />
      {job.status === 'FAILED' ? (
        <p className="error-box" role="alert">
          The job failed: {job.error ?? 'no reason was recorded.'}
        </p>
      ) : null}
      {refusedByPreflight(job) && props.retryWithForce ? (
        <p>
          The pre-flight refused these variants.{' '}
          <button
            type="button"
            className="primary"
            data-testid="retry-force"
            onClick={props.retryWithForce}
          >
            Retry with force
          </button>
        </p>
      ) : null}
    </section>
  );
}
