import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { storeToken } from '../auth-token.ts';
import { Field } from './field.tsx';

/**
 * Shown when the API refuses the request for want of a valid token: stores the token in
 * localStorage['strand.token'] and reloads, so every request and the socket use it.
 */
export function TokenForm(): ReactNode {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) return setError('Paste your API token (it starts with strand_).');
    if (!storeToken(localStorage, token))
      return setError('This browser does not allow storing the token.');
    window.location.reload();
  };
  return (
    <section>
      <h1>API token needed</h1>
      <p>
        The Strand API needs a valid token. The first start of the server printed an admin token; an
        admin can make more (<code>createUser</code>, <code>createToken</code>).
      </p>
      <form className="token-form" data-testid="token-form" onSubmit={submit} noValidate>
        <Field label="API token" error={error}>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="strand_…"
          />
        </Field>
        <button type="submit" className="primary">
          Save and reload
        </button>
      </form>
    </section>
  );
}
