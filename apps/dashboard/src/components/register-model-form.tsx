import { useMutation } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { REGISTER_MODEL_MUTATION } from '../graphql/operations.ts';
import { routeHref } from '../routing/route.ts';
import { modelNameError, suggestedModelName } from '../view/registry.ts';

/** Registers a SUCCEEDED run's model under a name (the next version of it). EDITOR and up. */
export function RegisterModelForm(props: {
  runId: string;
  architecture: string;
  datasetName: string;
}): ReactNode {
  const [name, setName] = useState(() => suggestedModelName(props.architecture, props.datasetName));
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [register, state] = useMutation(REGISTER_MODEL_MUTATION, {
    refetchQueries: ['RegisteredModels'],
  });
  async function onSubmit() {
    setDone(null);
    const local = modelNameError(name.trim());
    if (local) {
      setErrors([local]);
      return;
    }
    try {
      const result = await register({ variables: { name: name.trim(), runId: props.runId } });
      const payload = result.data?.registerModel;
      setErrors(payload?.userErrors.map((e) => e.message) ?? []);
      const v = payload?.modelVersion;
      if (v) setDone(`Registered as ${v.name} v${v.version}.`);
    } catch (err) {
      setErrors([err instanceof Error ? err.message : String(err)]);
    }
  }
  return (
    <form
      className="inline-form"
      data-testid="register-model"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <label>
        model name{' '}
        <input
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.length > 0}
        />
      </label>{' '}
      <button type="submit" disabled={state.loading}>
        {state.loading ? 'Registering…' : 'Register model'}
      </button>
      {done ? (
        <span role="status">
          {' '}
          {done} <a href={routeHref({ page: 'models' })}>Model registry →</a>
        </span>
      ) : null}
      {errors.map((message) => (
        <p key={message} className="error-box" role="alert">
          {message}
        </p>
      ))}
    </form>
  );
}
