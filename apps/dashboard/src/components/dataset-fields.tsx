import type { ReactNode } from 'react';
import type { FieldErrors, NewRunValues } from '../form/new-run-values.ts';
import { formatCount } from '../format/number.ts';
import type { DatasetSummary, Motif } from '../graphql/types.ts';
import { Field } from './field.tsx';

export interface FieldsProps {
  values: NewRunValues;
  errors: FieldErrors;
  set: (changes: Partial<NewRunValues>) => void;
}

const datasetLabel = (d: DatasetSummary) => {
  const length = d.sequenceLength != null ? ` × ${d.sequenceLength} bp` : '';
  return `${d.name} — ${formatCount(d.recordCount)} records${length} (${d.status})`;
};

/** Step 1 of the New run form: generate a demo dataset, or pick an existing one. */
export function DatasetFields(
  props: FieldsProps & { motifs: readonly Motif[]; datasets: readonly DatasetSummary[] },
): ReactNode {
  const { values, errors, set } = props;
  const demo = values.source === 'demo';
  return (
    <fieldset>
      <legend>1. Data</legend>
      <div className="choice">
        <label>
          <input type="radio" checked={demo} onChange={() => set({ source: 'demo' })} />
          Generate a demo dataset
        </label>
        <label>
          <input type="radio" checked={!demo} onChange={() => set({ source: 'existing' })} />
          Use an existing dataset
        </label>
      </div>
      {demo ? (
        <div className="grid">
          <Field label="Name" error={errors.name} hint="optional">
            <input
              name="name"
              value={values.name}
              onChange={(e) => set({ name: e.target.value })}
              placeholder="generated"
            />
          </Field>
          <Field label="Sequences" error={errors.sequences}>
            <input
              name="sequences"
              type="number"
              min={2}
              step={1}
              value={values.sequences}
              onChange={(e) => set({ sequences: e.target.value })}
            />
          </Field>
          <Field label="Length (bp)" error={errors.length}>
            <input
              name="length"
              type="number"
              min={1}
              step={1}
              value={values.length}
              onChange={(e) => set({ length: e.target.value })}
            />
          </Field>
          <Field label="Planted motif" error={errors.motif}>
            <select
              name="motif"
              value={values.motif}
              onChange={(e) => set({ motif: e.target.value })}
            >
              {props.motifs.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.consensus}, {m.width} bp)
                </option>
              ))}
            </select>
          </Field>
          <Field label="Data seed" error={errors.dataSeed}>
            <input
              name="dataSeed"
              type="number"
              min={0}
              step={1}
              value={values.dataSeed}
              onChange={(e) => set({ dataSeed: e.target.value })}
            />
          </Field>
        </div>
      ) : (
        <Field label="Dataset" error={errors.datasetId}>
          <select
            name="datasetId"
            value={values.datasetId}
            onChange={(e) => set({ datasetId: e.target.value })}
          >
            {props.datasets.length === 0 ? <option value="">no datasets yet</option> : null}
            {props.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {datasetLabel(d)}
              </option>
            ))}
          </select>
        </Field>
      )}
    </fieldset>
  );
}
