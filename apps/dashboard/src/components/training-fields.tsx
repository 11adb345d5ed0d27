import type { ReactNode } from 'react';
import type { Architecture } from '../graphql/types.ts';
import type { FieldsProps } from './dataset-fields.tsx';
import { Field } from './field.tsx';

/** Step 2 of the New run form: architecture and training hyper-parameters. */
export function TrainingFields(
  props: FieldsProps & { architectures: readonly Architecture[] },
): ReactNode {
  const { values, errors, set } = props;
  const chosen = props.architectures.find((a) => a.name === values.architecture);
  return (
    <fieldset>
      <legend>2. Training</legend>
      <div className="grid">
        <Field label="Architecture" error={errors.architecture} hint={chosen?.description}>
          <select
            name="architecture"
            value={values.architecture}
            onChange={(e) => set({ architecture: e.target.value })}
          >
            {props.architectures.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Epochs" error={errors.epochs}>
          <input
            name="epochs"
            type="number"
            min={1}
            step={1}
            value={values.epochs}
            onChange={(e) => set({ epochs: e.target.value })}
          />
        </Field>
        <Field label="Batch size" error={errors.batchSize}>
          <input
            name="batchSize"
            type="number"
            min={1}
            step={1}
            value={values.batchSize}
            onChange={(e) => set({ batchSize: e.target.value })}
          />
        </Field>
        <Field label="Learning rate" error={errors.learningRate}>
          <input
            name="learningRate"
            type="number"
            min={0}
            step="any"
            value={values.learningRate}
            onChange={(e) => set({ learningRate: e.target.value })}
          />
        </Field>
        <Field label="Seed" error={errors.seed}>
          <input
            name="seed"
            type="number"
            min={0}
            step={1}
            value={values.seed}
            onChange={(e) => set({ seed: e.target.value })}
          />
        </Field>
      </div>
      <Field
        label="Probes (optional)"
        error={errors.probes}
        hint="Up to 8 DNA sequences of the dataset's length, one per line: the run page shows what the model reads in each, epoch by epoch."
      >
        <textarea
          name="probes"
          rows={3}
          spellCheck={false}
          value={values.probes}
          onChange={(e) => set({ probes: e.target.value })}
        />
      </Field>
    </fieldset>
  );
}
