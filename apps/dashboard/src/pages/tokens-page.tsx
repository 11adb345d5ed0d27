import { useMutation, useQuery } from '@apollo/client/react';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { readToken } from '../auth-token.ts';
import { Field } from '../components/field.tsx';
import { signOut } from '../components/token-form.tsx';
import { formatDateTime } from '../format/date.ts';
import {
  CREATE_TOKEN_MUTATION,
  MY_TOKENS_QUERY,
  REVOKE_TOKEN_MUTATION,
} from '../graphql/operations.ts';
import type { MyTokensQuery } from '../graphql/generated.ts';
import {
  checkTokenName,
  expiresAtFor,
  isThisBrowsersToken,
  TOKEN_LIFETIMES,
} from '../view/tokens.ts';

type ApiToken = MyTokensQuery['me']['tokens'][number];

/** `#/tokens`: the caller's live API tokens; make one (its secret shown once) or revoke one. */
export function TokensPage(): ReactNode {
  const { data, error, loading, refetch } = useQuery(MY_TOKENS_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  if (!data && loading) return <p className="muted">Loading tokens…</p>;
  if (!data && error) return <p className="error-box">Could not load tokens: {error.message}</p>;
  const tokens = data?.me.tokens ?? [];
  return (
    <section data-testid="tokens-page">
      <h1>API tokens</h1>
      <p className="muted">
        Tokens of {data?.me.name}: each opens every project you belong to, with your role in it.
      </p>
      {issued ? (
        <div className="details" data-testid="new-token" role="status">
          <p>
            <strong>{issued.name}</strong>: copy it now, it is not shown again.
          </p>
          <p className="token-secret" data-testid="new-token-secret">
            {issued.token}
          </p>
          <button type="button" onClick={() => setIssued(null)}>
            I have stored it
          </button>
        </div>
      ) : null}
      <CreateTokenForm
        onCreated={(name, token) => {
          setIssued({ name, token });
          void refetch();
        }}
      />
      <h2>Live tokens ({tokens.length})</h2>
      <TokenTable tokens={tokens} onRevoked={() => void refetch()} />
    </section>
  );
}

function CreateTokenForm(props: { onCreated: (name: string, token: string) => void }): ReactNode {
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<{ name?: string; expiresAt?: string; general?: string }>({});
  const [createToken, { loading }] = useMutation(CREATE_TOKEN_MUTATION);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkTokenName(name);
    if (!checked.ok) return setErrors({ name: checked.message });
    setErrors({});
    const lifetime = TOKEN_LIFETIMES.find((l) => String(l.days ?? '') === days);
    try {
      const { data } = await createToken({
        variables: {
          name: checked.name,
          expiresAt: expiresAtFor(lifetime?.days ?? null, Date.now()),
        },
      });
      const payload = data?.createToken;
      if (payload?.token && payload.apiToken) {
        setName('');
        props.onCreated(payload.apiToken.name, payload.token);
        return;
      }
      const found: typeof errors = {};
      for (const e of payload?.userErrors ?? []) {
        if (e.field === 'name' || e.field === 'expiresAt') found[e.field] = e.message;
        else found.general = found.general ? `${found.general}; ${e.message}` : e.message;
      }
      setErrors(found);
    } catch (err) {
      setErrors({ general: err instanceof Error ? err.message : String(err) });
    }
  }
  return (
    <form className="new-run" data-testid="create-token-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>New token</legend>
        {errors.general ? (
          <p className="error-box" role="alert">
            {errors.general}
          </p>
        ) : null}
        <div className="grid">
          <Field label="Name" error={errors.name} hint="where it is used: laptop, CI, …">
            <input name="tokenName" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Expires" error={errors.expiresAt}>
            <select name="lifetime" value={days} onChange={(e) => setDays(e.target.value)}>
              {TOKEN_LIFETIMES.map((l) => (
                <option key={l.label} value={String(l.days ?? '')}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p>
          <button type="submit" className="primary" disabled={loading} data-testid="create-token">
            {loading ? 'Creating…' : 'Create token'}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** The live tokens; Revoke asks once more, and revoking this browser's token signs it out. */
export function TokenTable(props: {
  tokens: readonly ApiToken[];
  onRevoked: () => void;
}): ReactNode {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [revokeToken, { loading }] = useMutation(REVOKE_TOKEN_MUTATION);
  const stored = typeof localStorage === 'undefined' ? null : readToken(localStorage);
  async function revoke(token: ApiToken) {
    setMessage(null);
    try {
      const { data } = await revokeToken({ variables: { id: token.id } });
      const errors = data?.revokeToken.userErrors ?? [];
      if (errors.length > 0) return setMessage(errors.map((e) => e.message).join('; '));
      setConfirming(null);
      if (isThisBrowsersToken(token.prefix, stored)) signOut();
      else props.onRevoked();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  }
  if (props.tokens.length === 0) return <p className="muted">No live tokens.</p>;
  return (
    <>
      {message ? (
        <p className="error-box" role="alert">
          {message}
        </p>
      ) : null}
      <table data-testid="token-table">
        <thead>
          <tr>
            <th>name</th>
            <th>starts with</th>
            <th>created</th>
            <th>expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((t) => {
            const mine = isThisBrowsersToken(t.prefix, stored);
            return (
              <tr key={t.id}>
                <td>
                  {t.name} {mine ? <span className="muted">(this browser)</span> : null}
                </td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'never'}</td>
                <td>
                  {confirming === t.id ? (
                    <>
                      <button
                        type="button"
                        className="danger"
                        disabled={loading}
                        onClick={() => void revoke(t)}
                        data-testid="confirm-revoke"
                      >
                        {mine ? 'Revoke and sign out' : 'Revoke now'}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setConfirming(t.id)} data-testid="revoke">
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
