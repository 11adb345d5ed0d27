import type { ReactNode } from 'react';
import { routeHref } from '../routing/route.ts';

/** One line of a run's training options: a label and what it was set to. */
export interface OptionLine {
  key: string;
  label: string;
  value: ReactNode;
}

type Stored = Record<string, unknown>;

const on = (v: unknown) => (v === true ? 'on' : String(v));

function featureSelection(v: unknown): string {
  if (v === 'none') return 'none (every feature)';
  if (typeof v === 'object' && v !== null) {
    const { method, k } = v as { method?: unknown; k?: unknown };
    return `top ${String(k)} by ${String(method)}, on each training set`;
  }
  return String(v);
}

function classWeights(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v as Record<string, unknown>)
      .map(([name, w]) => `${name} = ${String(w)}`)
      .join(', ');
  }
  return v === 'auto' ? 'auto (inverse class frequency)' : String(v);
}

function freeze(v: unknown): string {
  if (typeof v === 'number') return `the first ${v} layer${v === 1 ? '' : 's'} with weights`;
  if (v === 'conv') return 'the convolutions';
  if (v === 'all-but-head') return 'every copied layer but the head';
  return String(v);
}

/** The source model of a fine-tuned run: a link to its run (and the registry for a version). */
function InitFrom(props: { from: Stored }): ReactNode {
  const { from } = props;
  const runId = typeof from['runId'] === 'string' ? from['runId'] : null;
  const model = String(from['model'] ?? runId ?? '');
  const version = typeof from['modelVersionId'] === 'string' ? from['modelVersionId'] : null;
  return (
    <span data-testid="init-from">
      {runId ? (
        <a href={routeHref({ page: 'run', id: runId })}>
          {model === runId ? `run ${runId}` : model}
        </a>
      ) : (
        model
      )}
      {version ? (
        <>
          {' '}
          (<a href={routeHref({ page: 'models' })}>model version {version}</a>)
        </>
      ) : null}
      {typeof from['architecture'] === 'string' ? `, ${from['architecture']}` : null}
    </span>
  );
}

/**
 * The lines of a run's stored training options (Run.trainingOptions, only what differs from the
 * defaults), in a fixed order; options this page does not know are listed as they are stored.
 */
export function trainingOptionLines(json: string | null | undefined): OptionLine[] {
  let stored: Stored = {};
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      stored = parsed as Stored;
  } catch {
    return [{ key: 'raw', label: 'options', value: String(json) }];
  }
  const known: [string, string, (v: unknown, all: Stored) => ReactNode][] = [
    ['initFrom', 'initialised from', (v) => <InitFrom from={v as Stored} />],
    ['freeze', 'frozen layers', freeze],
    ['reverseComplement', 'reverse-complement augmentation', on],
    ['rcAverage', 'reverse-complement averaging (test time)', on],
    ['classWeights', 'class weights', classWeights],
    [
      'lrSchedule',
      'learning-rate schedule',
      (v, all) =>
        v === 'plateau' && all['plateauPatience'] !== undefined
          ? `plateau (halve after ${String(all['plateauPatience'])} flat epochs)`
          : String(v),
    ],
    ['weightDecay', 'weight decay', (v) => `${String(v)} (L2 on kernels)`],
    ['normalize', 'normalisation', String],
    [
      'impute',
      'imputation',
      (v, all) =>
        v === 'knn' && all['imputeK'] !== undefined
          ? `kNN (k = ${String(all['imputeK'])})`
          : String(v),
    ],
    [
      'kmer',
      'k-mer counts',
      (v, all) => `k = ${String(v)}${all['kmerCanonical'] === true ? ', canonical' : ''}`,
    ],
    ['featureSelection', 'feature selection', featureSelection],
  ];
  const shown = new Set([...known.map(([k]) => k), 'plateauPatience', 'imputeK', 'kmerCanonical']);
  const lines: OptionLine[] = known
    .filter(([key]) => stored[key] !== undefined)
    .map(([key, label, show]) => ({ key, label, value: show(stored[key], stored) }));
  for (const [key, value] of Object.entries(stored)) {
    if (shown.has(key)) continue;
    lines.push({
      key,
      label: key,
      value: typeof value === 'object' ? JSON.stringify(value) : String(value),
    });
  }
  return lines;
}

/** The run page's "Training options" section: what the run was started with beyond defaults. */
export function TrainingOptions(props: { json: string | null | undefined }): ReactNode {
  const lines = trainingOptionLines(props.json);
  return (
    <section className="details" data-testid="training-options">
      {lines.length === 0 ? (
        <p className="muted">
          Every default: no augmentation or averaging, no class weights, a constant learning rate,
          no weight decay, one-hot or raw inputs, automatic feature selection, random initial
          weights.
        </p>
      ) : (
        <dl>
          {lines.map((line) => (
            <div key={line.key}>
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
