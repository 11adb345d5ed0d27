import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { checkToken, clearToken, readToken, storeToken } from '../auth-token.ts';
import { Field } from './field.tsx';

const post = (init: RequestInit) => fetch('/graphql', init);

/**
 * Shown when the API refuses the request for want of a valid token: checks the token with the
 * API first (a mistyped, revoked or expired one is refused here, with a message), then stores
 * it in localStorage['strand.token'] and reloads, so every request and the socket use it.
 */
export function TokenForm(): ReactNode {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  // A stored token the API refused: revoked, expired, or of a user since removed.
  const [stale] = useState(() => readToken(localStorage) != null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) return setError('Paste your API token (it starts with strand_).');
    setChecking(true);
    const check = await checkToken(token, post);
    setChecking(false);
    if (check === 'rejected')
      return setError('The API rejected this token: it is mistyped, revoked or expired.');
    if (check !== 'accepted')
      return setError(`Could not check the token with the API (${check.unreachable}).`);
    if (!storeToken(localStorage, token))
      return setError('This browser does not allow storing the token.');
    window.location.reload();
  };
  return (
    <section>
      <h1>API token needed</h1>
      {stale ? (
        <p className="error-box" role="alert">
          The API no longer accepts the token this browser kept (revoked, expired, or its user
          removed). Paste a valid one.
        </p>
      ) : null}
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
        <button type="submit" className="primary" disabled={checking}>
          {checking ? 'Checking…' : 'Save and reload'}
        </button>
      </form>
    </section>
  );
}

/** Forgets this browser's token and reloads into the token form. */
export function signOut(): void {
  clearToken(localStorage);
  window.location.reload();
}
