import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../format/date.ts';
import { formatBytes, formatMetric } from '../format/number.ts';
import type { RegisteredModelsQuery } from '../graphql/generated.ts';
import { REGISTERED_MODELS_QUERY, SET_MODEL_ALIAS_MUTATION } from '../graphql/operations.ts';
import { metricValue } from '../live/metrics.ts';
import { canEdit } from '../project/project-choice.ts';
import { useProject } from '../project/use-project.tsx';
import { routeHref } from '../routing/route.ts';
import type { CursorPages } from '../jobs/cursor-pages.ts';
import { FIRST_PAGE, nextPage, pageNumber, previousPage } from '../jobs/cursor-pages.ts';
import { aliasError, aliasesByVersion } from '../view/registry.ts';
import { validationColumns } from '../view/runs-view.ts';

/** Models per page: `first: 5` in operations.graphql (the API's cost limit allows few with versions). */
const MODELS_PER_PAGE = 5;

export type RegisteredModel = RegisteredModelsQuery['registeredModels'][number];

/** The model registry of the project: each model's versions (newest first) and aliases. */
export function ModelsPage(): ReactNode {
  const { project } = useProject();
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const { data, previousData, error, loading } = useQuery(REGISTERED_MODELS_QUERY, {
    variables: { projectId: project?.id, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  if (!shown && loading) return <p className="muted">Loading the registry…</p>;
  if (!shown) return <p className="error-box">Could not load the registry: {error?.message}</p>;
  const models = shown.registeredModels;
  const last = models.at(-1)?.cursor;
  return (
    <section className="wide">
      <h1>Model registry</h1>
      {error ? <p className="error-box">Refresh failed: {error.message}</p> : null}
      {models.length === 0 ? (
        <p className="muted">
          No registered models in this project yet. Open a succeeded run and press Register model.
        </p>
      ) : (
        models.map((m) => <ModelCard key={`${m.project.id}:${m.name}`} model={m} />)
      )}
      <nav className="pager" aria-label="Pages of models">
        <button
          type="button"
          disabled={pages.after === null}
          onClick={() => setPages(previousPage(pages))}
        >
          ← Previous
        </button>
        <span>page {pageNumber(pages)} (by name)</span>
        <button
          type="button"
          disabled={models.length < MODELS_PER_PAGE || !last}
          onClick={() => last && setPages(nextPage(pages, last))}
        >
          Next →
        </button>
      </nav>
    </section>
  );
}

/** One registered model: aliases, versions newest first; alias forms only for EDITOR and up. */
export function ModelCard(props: { model: RegisteredModel }): ReactNode {
  const { model } = props;
  const editor = canEdit(model.project.viewerRole);
  const byVersion = aliasesByVersion(model.aliases);
  const versions = [...model.versions].reverse();
  const metrics = validationColumns(
    versions.map((v) => v.run),
    4,
  );
  return (
    <article className="model-card" data-testid="registered-model" data-model={model.name}>
      <h2>
        {model.name} <small className="muted">latest v{model.latestVersion}</small>
      </h2>
      <p>
        aliases:{' '}
        {model.aliases.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          model.aliases.map((a) => (
            <span key={a.alias} className="alias-chip">
              {a.alias} → v{a.version}
            </span>
          ))
        )}
      </p>
      <table className="data" data-testid="model-versions">
        <thead>
          <tr>
            <th>version</th>
            <th>aliases</th>
            <th>run</th>
            <th>architecture</th>
            <th>dataset</th>
            {metrics.map((name) => (
              <th key={name} className="num">
                {name}
              </th>
            ))}
            <th className="num">size</th>
            <th>registered</th>
            {editor ? <th>set alias</th> : null}
            {editor ? <th>use</th> : null}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>v{v.version}</td>
              <td>
                {(byVersion.get(v.version) ?? []).map((a) => (
                  <span key={a} className="alias-chip">
                    {a}
                  </span>
                ))}
              </td>
              <td>
                <StatusBadge status={v.run.status} />{' '}
                <a href={routeHref({ page: 'run', id: v.run.id })}>{v.run.id.slice(0, 8)}</a>
              </td>
              <td>{v.run.architecture}</td>
              <td>
                <a href={routeHref({ page: 'dataset', id: v.run.dataset.id })}>
                  {v.run.dataset.name}
                </a>
              </td>
              {metrics.map((name) => (
                <td key={name} className="num">
                  {formatMetric(metricValue(v.run.metrics, name))}
                </td>
              ))}
              <td className="num">{formatBytes(v.artifact.sizeBytes)}</td>
              <td>{formatDateTime(v.createdAt)}</td>
              {editor ? (
                <td>
                  <AliasForm model={model} version={v.version} />
                </td>
              ) : null}
              {editor ? (
                <td className="apply-links">
                  {(['SCORE_VARIANTS', 'EXPLAIN_SEQUENCE', 'DISCOVER_MOTIFS'] as const).map(
                    (kind) => (
                      <a
                        key={kind}
                        href={routeHref({
                          page: 'new-job',
                          kind,
                          search: `modelVersionId=${encodeURIComponent(v.id)}`,
                        })}
                      >
                        {APPLY_NAMES[kind]}
                      </a>
                    ),
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** What a version can be used for from the registry: a job form with the version filled in. */
const APPLY_NAMES = {
  SCORE_VARIANTS: 'score variants',
  EXPLAIN_SEQUENCE: 'explain',
  DISCOVER_MOTIFS: 'find motifs',
} as const;

/** Points an alias (new or moved) at a version. Shown to EDITORs and ADMINs only. */
function AliasForm(props: { model: RegisteredModel; version: number }): ReactNode {
  const { model, version } = props;
  const [alias, setAlias] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [setModelAlias, state] = useMutation(SET_MODEL_ALIAS_MUTATION, {
    refetchQueries: ['RegisteredModels'],
  });
  async function onSubmit() {
    const local = aliasError(alias.trim());
    if (local) {
      setErrors([local]);
      return;
    }
    try {
      const result = await setModelAlias({
        variables: { alias: alias.trim(), name: model.name, projectId: model.project.id, version },
      });
      const userErrors = result.data?.setModelAlias.userErrors ?? [];
      setErrors(userErrors.map((e) => e.message));
      if (userErrors.length === 0) setAlias('');
    } catch (err) {
      setErrors([err instanceof Error ? err.message : String(err)]);
    }
  }
  return (
    <form
      className="alias-form"
      data-testid={`alias-form-v${version}`}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <input
        aria-label={`alias for v${version}`}
        placeholder="production"
        value={alias}
        size={12}
        onChange={(e) => setAlias(e.target.value)}
      />{' '}
      <button type="submit" disabled={state.loading || alias.trim() === ''}>
        Set
      </button>
      {errors.map((message) => (
        <p key={message} className="error-text" role="alert">
          {message}
        </p>
      ))}
    </form>
  );
}
