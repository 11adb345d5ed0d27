import type { ReactNode } from 'react';

/** A labelled form control with its hint or error message underneath. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}): ReactNode {
  return (
    <label className={props.error ? 'field invalid' : 'field'}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.error ? (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      ) : props.hint ? (
        <span className="field-hint">{props.hint}</span>
      ) : null}
    </label>
  );
}
