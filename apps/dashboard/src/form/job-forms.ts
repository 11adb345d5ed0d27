import type { JobKind, JobStatus, Role, UserError } from '../graphql/types.ts';

/**
 * The form of every job kind the API starts from a mutation, described once: its fields (named as
 * the mutation's input fields, so the API's userErrors land on them), how each is typed in, and
 * the role it needs. The pages render these; values go to the API as typed, and ranges are
 * checked by the API alone, so the messages shown are the API's own.
 */

/** How a field is typed in and sent. */
export type JobFieldType =
  | 'text' // a string, left out when blank
  | 'int' // an integer, left out when blank
  | 'float' // a number, left out when blank
  | 'bool' // a checkbox, sent as true/false
  | 'select' // one of `options` (blank: left out unless required)
  | 'dataset' // a dataset of the project (kinds in `datasetKinds`)
  | 'architecture' // an architecture name
  | 'json' // a JSON object, sent as its text
  | 'lines' // one value per line → a list of strings
  | 'list' // comma-separated → a list of strings
  | 'ints'; // comma-separated integers and ranges (3,4,10-20) → a list of integers

export interface JobField {
  name: string;
  label: string;
  type: JobFieldType;
  required?: boolean;
  hint?: string;
  options?: readonly string[];
  /** For `dataset`: the dataset kinds offered (all when absent). */
  datasetKinds?: readonly string[];
  /** Only shown when another field has one of these values (e.g. intervals-only fields). */
  when?: { field: string; values: readonly string[] };
}

/** Fields that pick a trained model: a SUCCEEDED run, or a registered model and alias/version. */
const MODEL_FIELDS: readonly JobField[] = [
  { name: 'runId', label: 'Run id', type: 'text', hint: 'A SUCCEEDED run whose model to use' },
  { name: 'modelName', label: 'or registered model', type: 'text', hint: 'with an alias' },
  { name: 'alias', label: 'alias', type: 'text', hint: 'e.g. production' },
  {
    name: 'modelVersionId',
    label: 'or model version id',
    type: 'text',
    hint: 'from the model registry',
  },
];

const SEQUENCE_KINDS = ['sequence-classification', 'sequence-regression'];
const TRAINABLE_KINDS = ['sequence-classification', 'sequence-regression', 'expression'];
const IMPORT_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'expression',
  'variants',
  'intervals',
];
const onlyFor = (values: string[]) => ({ field: 'kind', values });

export interface JobFormSpec {
  kind: JobKind;
  /** The mutation that starts it. */
  mutation: string;
  title: string;
  /** What it does, in a sentence. */
  summary: string;
  /** The least role that may start it. */
  role: 'EDITOR' | 'ADMIN';
  fields: readonly JobField[];
}

export const JOB_FORMS: readonly JobFormSpec[] = [
  {
    kind: 'IMPORT_DATASET',
    mutation: 'importDataset',
    title: 'Import a dataset',
    summary:
      'Imports a file from the server’s import directory (STRAND_IMPORT_DIR); intervals cut windows of a reference at the regions of a BED file.',
    role: 'ADMIN',
    fields: [
      { name: 'kind', label: 'Kind', type: 'select', required: true, options: IMPORT_KINDS },
      {
        name: 'path',
        label: 'File on the server',
        type: 'text',
        required: true,
        hint: 'relative to the import directory',
      },
      { name: 'name', label: 'Dataset name', type: 'text' },
      { name: 'genomeBuild', label: 'Genome build', type: 'text', hint: 'e.g. GRCh38' },
      {
        name: 'labelColumn',
        label: 'Label column(s)',
        type: 'text',
        hint: 'comma-separated for several tasks',
      },
      {
        name: 'labelsPath',
        label: 'Sample table',
        type: 'text',
        when: onlyFor(['expression']),
      },
      {
        name: 'orientation',
        label: 'Orientation',
        type: 'select',
        options: ['genes-by-samples', 'samples-by-genes'],
        when: onlyFor(['expression']),
      },
      {
        name: 'referencePath',
        label: 'Reference FASTA',
        type: 'text',
        when: onlyFor(['intervals']),
      },
      {
        name: 'taskPaths',
        label: 'Task BED files',
        type: 'list',
        hint: 'comma-separated',
        when: onlyFor(['intervals']),
      },
      {
        name: 'negatives',
        label: 'Negatives',
        type: 'select',
        options: ['gc-matched', 'shuffled'],
        when: onlyFor(['intervals']),
      },
      { name: 'windowWidth', label: 'Window width', type: 'int', when: onlyFor(['intervals']) },
      { name: 'seed', label: 'Seed', type: 'int', when: onlyFor(['intervals']) },
      {
        name: 'featureColumns',
        label: 'Feature columns',
        type: 'list',
        hint: 'numeric columns or prefixes (cpg_)',
        when: onlyFor(SEQUENCE_KINDS),
      },
      {
        name: 'profileColumn',
        label: 'Profile column',
        type: 'text',
        when: onlyFor(['sequence-regression']),
      },
      {
        name: 'strict',
        label: 'Strict',
        type: 'bool',
        hint: 'refuse what the format forbids instead of keeping a warning',
      },
    ],
  },
  {
    kind: 'SCORE_VARIANTS',
    mutation: 'scoreVariants',
    title: 'Score variants',
    summary:
      'Scores every ALT allele of a variants dataset with a trained model; a pre-flight checks the variants against the reference first.',
    role: 'EDITOR',
    fields: [
      ...MODEL_FIELDS,
      {
        name: 'datasetId',
        label: 'Variants dataset',
        type: 'dataset',
        required: true,
        datasetKinds: ['variants'],
      },
      {
        name: 'reference',
        label: 'Reference FASTA',
        type: 'text',
        required: true,
        hint: 'relative to the import directory',
      },
      { name: 'reverseComplement', label: 'Average both strands', type: 'bool' },
      { name: 'shifts', label: 'Shifts', type: 'int', hint: '0–10: average over 2N+1 windows' },
      {
        name: 'background',
        label: 'Background',
        type: 'text',
        hint: '“random”, or a variants dataset id: each score gets a quantile',
      },
      { name: 'backgroundSize', label: 'Background size', type: 'int', hint: 'default 10,000' },
      {
        name: 'ismTop',
        label: 'ISM of the top',
        type: 'int',
        hint: '0–50 variants: per-base attribution logos',
      },
      { name: 'chunkSize', label: 'Records per chunk', type: 'int' },
      {
        name: 'force',
        label: 'Force',
        type: 'bool',
        hint: 'score even when the pre-flight finds a gross mismatch',
      },
    ],
  },
  {
    kind: 'EXPLAIN_SEQUENCE',
    mutation: 'explainSequence',
    title: 'Explain sequences',
    summary:
      'Attributes a model’s predictions for up to 100 sequences (or genomic regions) to their positions and bases.',
    role: 'EDITOR',
    fields: [
      ...MODEL_FIELDS,
      {
        name: 'method',
        label: 'Method',
        type: 'select',
        required: true,
        options: ['DEEPSHAP', 'DEEPLIFT', 'IG', 'GRADXINPUT', 'SALIENCY', 'ISM'],
      },
      {
        name: 'sequences',
        label: 'Sequences',
        type: 'lines',
        hint: 'one per line, of the model’s input length; or a dataset below',
      },
      {
        name: 'datasetId',
        label: 'or a dataset',
        type: 'dataset',
        datasetKinds: SEQUENCE_KINDS,
      },
      { name: 'limit', label: 'First records', type: 'int', hint: 'with a dataset; default 10' },
      {
        name: 'regions',
        label: 'or genomic regions',
        type: 'lines',
        hint: 'chrom:start-end (1-based, inclusive; :- for the minus strand), one per line, each of the model’s input length',
      },
      {
        name: 'reference',
        label: 'Reference FASTA',
        type: 'text',
        hint: 'for regions (or an intervals dataset’s genome view); relative to the import directory',
      },
      { name: 'task', label: 'Output (task)', type: 'int', hint: '0-based; default 0' },
    ],
  },
  {
    kind: 'DISCOVER_MOTIFS',
    mutation: 'discoverMotifs',
    title: 'Discover motifs',
    summary:
      'Finds motifs in a model’s DeepSHAP attributions over a dataset (TF-MoDISco-lite) and matches them to JASPAR.',
    role: 'EDITOR',
    fields: [
      ...MODEL_FIELDS,
      {
        name: 'datasetId',
        label: 'Sequence dataset',
        type: 'dataset',
        required: true,
        datasetKinds: SEQUENCE_KINDS,
      },
      { name: 'label', label: 'Only records labelled', type: 'text', hint: 'e.g. 1' },
      { name: 'limit', label: 'At most records', type: 'int', hint: 'default 10000' },
      { name: 'shuffles', label: 'Shuffles per sequence', type: 'int', hint: 'default 10' },
      { name: 'task', label: 'Output (task)', type: 'int' },
      { name: 'jaspar', label: 'JASPAR file', type: 'text', hint: 'default: bundled motifs' },
    ],
  },
  {
    kind: 'MARGINALIZE',
    mutation: 'marginalize',
    title: 'Marginalise a motif',
    summary:
      'Inserts a motif into dinucleotide-shuffled backgrounds and reports its effect on the model’s output (mean and spread), by position, with a second motif by spacing, and the drop when its match is ablated.',
    role: 'EDITOR',
    fields: [
      ...MODEL_FIELDS,
      {
        name: 'datasetId',
        label: 'Sequence dataset',
        type: 'dataset',
        required: true,
        datasetKinds: SEQUENCE_KINDS,
        hint: 'its first records make the backgrounds',
      },
      { name: 'label', label: 'Only records labelled', type: 'text', hint: 'e.g. 0' },
      {
        name: 'motif',
        label: 'Motif',
        type: 'text',
        required: true,
        hint: 'JASPAR id or name (CTCF, MA0139.2) or a consensus',
      },
      { name: 'position', label: 'Position', type: 'int', hint: '0-based start; default centred' },
      {
        name: 'positionStep',
        label: 'Scan every N positions',
        type: 'int',
        hint: 'effect by position; blank: no scan',
      },
      { name: 'secondMotif', label: 'Second motif', type: 'text', hint: 'for a spacing scan' },
      { name: 'minSpacing', label: 'From spacing', type: 'int', hint: 'default 0' },
      { name: 'maxSpacing', label: 'To spacing', type: 'int', hint: 'default 20' },
      {
        name: 'ablate',
        label: 'Ablate',
        type: 'bool',
        hint: 'shuffle the motif’s best match in the records themselves',
      },
      { name: 'backgrounds', label: 'Backgrounds', type: 'int', hint: 'default 100' },
      { name: 'task', label: 'Output (task)', type: 'int' },
      { name: 'seed', label: 'Seed', type: 'int' },
      { name: 'jaspar', label: 'JASPAR file', type: 'text', hint: 'default: bundled motifs' },
    ],
  },
  {
    kind: 'DESIGN',
    mutation: 'designSequence',
    title: 'Design a sequence',
    summary:
      'Edits a start sequence base by base to raise or lower the model’s output, within at most N edits, fixed positions and a GC range, and keeps the trajectory.',
    role: 'EDITOR',
    fields: [
      ...MODEL_FIELDS,
      {
        name: 'sequence',
        label: 'Start sequence',
        type: 'text',
        required: true,
        hint: 'A, C, G, T, of the model’s input length',
      },
      {
        name: 'method',
        label: 'Method',
        type: 'select',
        options: ['GREEDY', 'BEAM', 'EVOLUTION'],
      },
      { name: 'direction', label: 'Direction', type: 'select', options: ['UP', 'DOWN'] },
      { name: 'maxEdits', label: 'At most edits', type: 'int', hint: 'default 10' },
      {
        name: 'fixedPositions',
        label: 'Fixed positions',
        type: 'ints',
        hint: '0-based, e.g. 0-5,40',
      },
      { name: 'gcMin', label: 'GC at least', type: 'float', hint: 'e.g. 0.35' },
      { name: 'gcMax', label: 'GC at most', type: 'float', hint: 'e.g. 0.65' },
      { name: 'beamWidth', label: 'Beam width', type: 'int', hint: 'BEAM; default 4' },
      { name: 'population', label: 'Population', type: 'int', hint: 'EVOLUTION; default 20' },
      { name: 'generations', label: 'Generations', type: 'int', hint: 'EVOLUTION' },
      { name: 'task', label: 'Output (task)', type: 'int' },
      { name: 'seed', label: 'Seed', type: 'int' },
    ],
  },
  {
    kind: 'CROSS_VALIDATION',
    mutation: 'startCrossValidation',
    title: 'Cross-validate',
    summary: 'Trains an architecture on k folds of a dataset, with a logistic-regression baseline.',
    role: 'EDITOR',
    fields: [
      { name: 'architecture', label: 'Architecture', type: 'architecture', required: true },
      {
        name: 'datasetId',
        label: 'Dataset',
        type: 'dataset',
        required: true,
        datasetKinds: ['sequence-classification', 'expression'],
      },
      { name: 'folds', label: 'Folds', type: 'int', hint: 'default 5' },
      { name: 'epochs', label: 'Epochs per fold', type: 'int', hint: 'default 30' },
      { name: 'batchSize', label: 'Batch size', type: 'int' },
      { name: 'learningRate', label: 'Learning rate', type: 'float' },
      { name: 'seed', label: 'Seed', type: 'int' },
      { name: 'config', label: 'Config (JSON)', type: 'json' },
      {
        name: 'baselineMotif',
        label: 'PWM baseline motif',
        type: 'text',
        hint: 'e.g. CTCF or MA0139.2',
      },
      { name: 'selectFeatures', label: 'Select features', type: 'int', hint: 'expression' },
    ],
  },
  {
    kind: 'SWEEP',
    mutation: 'startSweep',
    title: 'Sweep hyper-parameters',
    summary: 'Trains one run per point of a search space and reports the best.',
    role: 'EDITOR',
    fields: [
      { name: 'architecture', label: 'Architecture', type: 'architecture', required: true },
      {
        name: 'datasetId',
        label: 'Dataset',
        type: 'dataset',
        required: true,
        datasetKinds: TRAINABLE_KINDS,
      },
      {
        name: 'space',
        label: 'Search space (JSON)',
        type: 'json',
        required: true,
        hint: '{"learningRate": [0.01, 0.001], "config.filters": [16, 32]}',
      },
      { name: 'method', label: 'Method', type: 'select', options: ['GRID', 'RANDOM'] },
      { name: 'metric', label: 'Metric', type: 'text', hint: 'default val_auroc / val_accuracy' },
      { name: 'direction', label: 'Direction', type: 'select', options: ['MAXIMIZE', 'MINIMIZE'] },
      { name: 'maxTrials', label: 'At most trials', type: 'int' },
      { name: 'epochs', label: 'Epochs per trial', type: 'int', hint: 'default 10' },
      { name: 'batchSize', label: 'Batch size', type: 'int' },
      { name: 'learningRate', label: 'Learning rate', type: 'float' },
      { name: 'seed', label: 'Seed', type: 'int' },
      { name: 'config', label: 'Shared config (JSON)', type: 'json' },
      {
        name: 'earlyStop.afterEpochs',
        label: 'Prune after epochs',
        type: 'int',
        hint: 'blank: every trial trains every epoch',
      },
    ],
  },
  {
    kind: 'PREDICT_RISK',
    mutation: 'predictRisk',
    title: 'Predict risk',
    summary:
      'Cross-validates a risk model on an expression dataset and the gene burden of a variants dataset.',
    role: 'EDITOR',
    fields: [
      {
        name: 'expressionDatasetId',
        label: 'Expression dataset',
        type: 'dataset',
        required: true,
        datasetKinds: ['expression'],
      },
      {
        name: 'variantsDatasetId',
        label: 'Variants dataset',
        type: 'dataset',
        required: true,
        datasetKinds: ['variants'],
      },
      {
        name: 'genes',
        label: 'Genes BED',
        type: 'text',
        required: true,
        hint: 'relative to the import directory',
      },
      { name: 'positiveLabel', label: 'At-risk class', type: 'text' },
      { name: 'maxAf', label: 'Max allele frequency', type: 'float' },
      { name: 'folds', label: 'Folds', type: 'int' },
      { name: 'epochs', label: 'Epochs', type: 'int' },
      { name: 'top', label: 'Top features', type: 'int' },
      { name: 'seed', label: 'Seed', type: 'int' },
    ],
  },
  {
    kind: 'CALL_VARIANTS',
    mutation: 'callVariants',
    title: 'Call variants',
    summary: 'Calls variants in an indexed BAM or CRAM of the import directory.',
    role: 'EDITOR',
    fields: [
      { name: 'bam', label: 'BAM or CRAM', type: 'text', required: true },
      { name: 'reference', label: 'Reference FASTA', type: 'text', required: true },
      { name: 'region', label: 'Region', type: 'text', hint: 'chr1:1000-2000; default all' },
      { name: 'minQual', label: 'Minimum QUAL', type: 'float' },
      {
        name: 'importAs',
        label: 'Import calls as',
        type: 'text',
        hint: 'a dataset name, ready for scoring',
      },
    ],
  },
];

/** The form of a kind, or undefined for a kind no mutation starts. */
export function jobForm(kind: string): JobFormSpec | undefined {
  return JOB_FORMS.find((f) => f.kind === kind);
}

/** Whether a role may start a kind of job (ADMIN for imports, EDITOR or ADMIN otherwise). */
export function canStart(spec: JobFormSpec, role: Role | null | undefined): boolean {
  if (spec.role === 'ADMIN') return role === 'ADMIN';
  return role === 'EDITOR' || role === 'ADMIN';
}

/** What a person typed, by field name (checkboxes as 'true' / ''). */
export type JobFormValues = Record<string, string>;

/** Whether a field is in play given the other values (its `when`). */
export function isShown(field: JobField, values: JobFormValues): boolean {
  return !field.when || field.when.values.includes(values[field.when.field] ?? '');
}

/** Set `a.b` paths as nested objects. */
function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * The mutation's input for the typed values, or the fields that cannot be sent as typed (blank
 * but required, not a number, not a JSON object). Ranges are left to the API.
 */
export function toJobInput(
  spec: JobFormSpec,
  values: JobFormValues,
): { ok: true; input: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    if (!isShown(field, values)) continue;
    const raw = (values[field.name] ?? '').trim();
    if (field.type === 'bool') {
      if (raw === 'true') put(input, field.name, true);
      continue;
    }
    if (raw === '') {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    switch (field.type) {
      case 'int': {
        if (!/^-?\d+$/.test(raw)) errors[field.name] = `${field.label} must be a whole number`;
        else put(input, field.name, Number(raw));
        break;
      }
      case 'float': {
        const n = Number(raw);
        if (!Number.isFinite(n)) errors[field.name] = `${field.label} must be a number`;
        else put(input, field.name, n);
        break;
      }
      case 'json': {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch (err) {
          errors[field.name] =
            `${field.label} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
          break;
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          errors[field.name] = `${field.label} must be a JSON object ({ … })`;
        } else put(input, field.name, raw);
        break;
      }
      case 'lines':
        put(
          input,
          field.name,
          raw
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        );
        break;
      case 'list':
        put(
          input,
          field.name,
          raw
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        );
        break;
      case 'ints': {
        const list: number[] = [];
        for (const part of raw.split(',').map((p) => p.trim())) {
          if (part === '') continue;
          const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
          if (
            !m ||
            Number(m[2] ?? m[1]) < Number(m[1]) ||
            Number(m[2] ?? m[1]) - Number(m[1]) > 100_000
          ) {
            errors[field.name] =
              `${field.label}: "${part.slice(0, 20)}" is not a whole number or a range like 10-20`;
            break;
          }
          for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) list.push(p);
        }
        if (!errors[field.name]) put(input, field.name, list);
        break;
      }
      case 'select':
        if (field.options && !field.options.includes(raw)) {
          errors[field.name] = `${field.label} must be one of ${field.options.join(', ')}`;
        } else put(input, field.name, raw);
        break;
      default:
        put(input, field.name, raw);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/**
 * Place a job mutation's userErrors on the form's fields: `input.` prefixes and list indexes are
 * dropped (`input.sequences[2]` and `sequences.2` land on sequences, `input.earlyStop.afterEpochs` on its field);
 * errors naming no field of the form are general, prefixed with their field when they have one.
 */
export function placeJobErrors(
  spec: JobFormSpec,
  errors: readonly UserError[],
): { fields: Record<string, string>; general: string[] } {
  const names = new Set(spec.fields.map((f) => f.name));
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    const path = (e.field ?? '')
      .replace(/^input\./, '')
      .replace(/\[\d+\]/g, '')
      .replace(/\.\d+(?=\.|$)/g, '');
    if (path && names.has(path)) {
      fields[path] = fields[path] ? `${fields[path]}; ${e.message}` : e.message;
    } else general.push(path ? `${path}: ${e.message}` : e.message);
  }
  return { fields, general };
}

/**
 * Whether a job failed on the variant-scoring pre-flight (a gross mismatch with the reference,
 * e.g. a wrong genome build), so that the same input with force may be offered.
 */
export function refusedByPreflight(job: {
  kind: JobKind;
  status: JobStatus;
  errorCode: string | null;
}): boolean {
  return (
    job.kind === 'SCORE_VARIANTS' && job.status === 'FAILED' && job.errorCode === 'PREFLIGHT_FAILED'
  );
}

/** The form's values read from a URL search string (`kind=…&runId=…`): known fields only. */
export function valuesFromSearch(spec: JobFormSpec, search: string): JobFormValues {
  const params = new URLSearchParams(search);
  const values: JobFormValues = {};
  for (const field of spec.fields) {
    const value = params.get(field.name);
    if (value != null) values[field.name] = value;
  }
  return values;
}
