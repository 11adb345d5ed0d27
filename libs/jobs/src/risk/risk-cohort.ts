import type { ExpressionValues, GeneBurden } from '@strand/genomics';
import { RiskPipelineError } from './risk-pipeline.error.ts';

/** What the pipeline reads: expression and burden per sample, and a class label per sample. */
export interface RiskCohortInput {
  /** Samples × genes expression (an ExpressionMatrix, for one); NaN = missing. */
  expression: ExpressionValues;
  /** Samples × genes variant burden (`geneBurden`'s result, or the same fields). */
  burden: Pick<GeneBurden, 'samples' | 'genes' | 'matrix'>;
  /** Class label per sample ID; empty or `NA` means unlabelled. Exactly two classes. */
  labels: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** The class predicted as 1 (at risk); default `case` when present, else the second in sorted order. */
  positiveLabel?: string;
}

/** The samples found in all three inputs, lined up, with 0/1 labels. */
export interface RiskCohort {
  samples: string[];
  /** Row-major [sample][expression gene]. */
  expression: Float32Array;
  expressionGenes: string[];
  /** Row-major [sample][burden gene]. */
  burden: Float32Array;
  burdenGenes: string[];
  /** 1 = positiveLabel. */
  y: Uint8Array;
  positiveLabel: string;
  negativeLabel: string;
  /** Samples left out, by reason. */
  excluded: { unlabelled: number; notInExpression: number; notInBurden: number };
}

const UNLABELLED = new Set(['', 'na', 'nan', 'n/a', 'null', '.', '?']);

/**
 * Lines up expression, burden and labels by sample ID, in the expression's sample order; keeps
 * samples present in all three and counts the rest (a caller shows those counts: a sample ID
 * spelt differently in one file must not vanish silently).
 */
export function alignCohort(input: RiskCohortInput): RiskCohort {
  const { expression, burden } = input;
  checkMatrix('expression', expression.samples, expression.genes, expression.values);
  checkMatrix('burden', burden.samples, burden.genes, burden.matrix);
  const labels = new Map<string, string>(
    input.labels instanceof Map ? input.labels : Object.entries(input.labels),
  );
  const burdenRow = new Map(burden.samples.map((s, i) => [s, i]));
  const expressionIds = new Set(expression.samples);
  const labelled = (id: string) => {
    const label = labels.get(id)?.trim();
    return label !== undefined && !UNLABELLED.has(label.toLowerCase()) ? label : undefined;
  };
  const rows: { id: string; e: number; b: number; label: string }[] = [];
  expression.samples.forEach((id, e) => {
    const b = burdenRow.get(id);
    const label = labelled(id);
    if (b !== undefined && label !== undefined) rows.push({ id, e, b, label });
  });
  const everyId = new Set([...expression.samples, ...burden.samples, ...labels.keys()]);
  const excluded = { unlabelled: 0, notInExpression: 0, notInBurden: 0 };
  for (const id of everyId) {
    if (!expressionIds.has(id)) excluded.notInExpression++;
    else if (!burdenRow.has(id)) excluded.notInBurden++;
    else if (labelled(id) === undefined) excluded.unlabelled++;
  }
  const classes = [...new Set(rows.map((r) => r.label))].sort();
  if (classes.length !== 2) {
    throw new RiskPipelineError(
      'INVALID_INPUT',
      `the ${rows.length} samples found in expression, burden and labels have ${classes.length} class(es) (${classes.join(', ')}); risk needs exactly two`,
      'labels',
    );
  }
  const positiveLabel = input.positiveLabel ?? (classes.includes('case') ? 'case' : classes[1]);
  if (!classes.includes(positiveLabel)) {
    throw new RiskPipelineError(
      'INVALID_INPUT',
      `positiveLabel "${positiveLabel}" is not one of the classes (${classes.join(', ')})`,
      'positiveLabel',
    );
  }
  const eCols = expression.genes.length;
  const bCols = burden.genes.length;
  const x = new Float32Array(rows.length * eCols);
  const v = new Float32Array(rows.length * bCols);
  rows.forEach((r, i) => {
    x.set(expression.values.subarray(r.e * eCols, (r.e + 1) * eCols), i * eCols);
    v.set(burden.matrix.subarray(r.b * bCols, (r.b + 1) * bCols), i * bCols);
  });
  return {
    samples: rows.map((r) => r.id),
    expression: x,
    expressionGenes: [...expression.genes],
    burden: v,
    burdenGenes: [...burden.genes],
    y: Uint8Array.from(rows, (r) => (r.label === positiveLabel ? 1 : 0)),
    positiveLabel,
    negativeLabel: classes.find((c) => c !== positiveLabel) as string,
    excluded,
  };
}

/** Checks the shape, and that no value is infinite (NaN is allowed: missing). */
function checkMatrix(
  field: string,
  samples: readonly string[],
  genes: readonly string[],
  values: Float32Array,
): void {
  if (
    samples.length === 0 ||
    genes.length === 0 ||
    values.length !== samples.length * genes.length
  ) {
    throw new RiskPipelineError(
      'INVALID_INPUT',
      `${field} holds ${values.length} values for ${samples.length} samples × ${genes.length} genes`,
      field,
    );
  }
  const at = values.findIndex((v) => v === Infinity || v === -Infinity);
  if (at >= 0) {
    const sample = samples[Math.floor(at / genes.length)];
    const gene = genes[at % genes.length];
    throw new RiskPipelineError(
      'INVALID_INPUT',
      `${field}: sample "${sample}" gene "${gene}" is ${values[at]}; values must be finite (or missing)`,
      field,
    );
  }
}
