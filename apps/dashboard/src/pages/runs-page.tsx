import { useQuery, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { StaleNotice } from '../components/stale-notice.tsx';
import {
  DATASETS_QUERY,
  NEW_RUN_CHOICES_QUERY,
  RUN_STATUS_CHANGED_SUBSCRIPTION,
  RUNS_QUERY,
  TRAINING_PROGRESS_SUBSCRIPTION,
} from '../graphql/operations.ts';
import type { RunStatus } from '../graphql/types.ts';
import { canEdit } from '../project/project-choice.ts';
import { useProject } from '../project/use-project.tsx';
import { MAX_COMPARED, routeHref } from '../routing/route.ts';
import { useSocketState } from '../use-socket-state.ts';
import type { LiveEpoch } from '../view/live-runs.ts';
import { epochOfEvent, withLiveEpoch } from '../view/live-runs.ts';
import { navigate } from '../routing/use-route.ts';
import { isActive } from '../view/progress-view.ts';
import { RunsTable, show } from './runs-table.tsx';
import { isStale } from '../socket-state.ts';
import {
  filtered,
  parseConfig,
  parseRunsView,
  runsTableMetrics,
  RUN_STATUSES,
  RUNS_PAGE_SIZE,
  runsVariables,
  varyingConfigFields,
} from '../view/runs-view.ts';

/**
 * Follows one active run's trainingProgress and hands each finished epoch to the table (no
 * polling: runStatusChanged reloads the list when a status changes, this moves a row between).
 */
function FollowRun(props: { runId: string; onEpoch: (runId: string, epoch: LiveEpoch) => void }) {
  const { runId, onEpoch } = props;
  useSubscription(TRAINING_PROGRESS_SUBSCRIPTION, {
    variables: { runId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const event = result.data?.trainingProgress;
      const epoch = event ? epochOfEvent(event) : null;
      if (epoch) onEpoch(runId, epoch);
    },
  });
  return null;
}

/**
 * Home: the runs table of the project, filtered, sorted and paged by the server, the view kept
 * in the URL; status, architecture, dataset, hyperparameters and final metrics per run; select
 * runs to compare them.
 */
export function RunsPage(props: { search?: string }): ReactNode {
  const view = useMemo(() => parseRunsView(props.search ?? ''), [props.search]);
  const { project } = useProject();
  const variables = { ...runsVariables(view), projectId: project?.id };
  const { data, error, loading, refetch } = useQuery(RUNS_QUERY, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const choices = useQuery(NEW_RUN_CHOICES_QUERY);
  const datasets = useQuery(DATASETS_QUERY, { variables: { first: 100, projectId: project?.id } });
  useSubscription(RUN_STATUS_CHANGED_SUBSCRIPTION, { onData: () => void refetch() });
  const [selected, setSelected] = useState<string[]>([]);
  // The cursors of the pages before this one, for Previous (a reloaded page offers First).
  const [previous, setPrevious] = useState<(string | null)[]>([]);

  // Each active run's latest epoch from its progress events, merged into its row.
  const [liveEpochs, setLiveEpochs] = useState<ReadonlyMap<string, LiveEpoch>>(new Map());
  const onEpoch = useCallback((runId: string, epoch: LiveEpoch) => {
    setLiveEpochs((map) => new Map(map).set(runId, epoch));
  }, []);
  // After the socket reconnects, events sent meanwhile are lost: load the list once.
  const socket = useSocketState();
  useEffect(() => {
    if (socket.connects > 1) void refetch();
  }, [socket.connects, refetch]);

  const stored = data?.runs.edges.map((e) => e.node) ?? [];
  const runs = stored.map((r) => withLiveEpoch(r, liveEpochs.get(r.id)));
  const active = stored.filter((r) => isActive(r.status)).map((r) => r.id);

  const params = view.params.length
    ? view.params
    : varyingConfigFields(
        runs.map((r) => parseConfig(r.config)),
        3,
      );
  const metrics = runsTableMetrics(runs, view.sort.key);
  const filtering = view.statuses.length > 0 || view.architecture || view.datasetId || view.tag;

  if (!data && loading) return <p className="muted">Loading runs…</p>;
  if (!data && error) return <p className="error-box">Could not load runs: {error.message}</p>;
  if (runs.length === 0 && !filtering && !view.after) {
    return (
      <section className="empty">
        <h1>No runs yet</h1>
        {canEdit(project?.viewerRole) ? (
          <p>
            Start one from <a href={routeHref({ page: 'new-run' })}>New run</a>: it generates a demo
            dataset (random DNA sequences, half of them with a planted motif) and trains a model to
            tell them apart. Loss and AUROC curves then grow here as it learns.
          </p>
        ) : (
          <p>
            Nobody has trained in this project yet. You are a VIEWER here: runs appear as an EDITOR
            or ADMIN starts them.
          </p>
        )}
      </section>
    );
  }
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const toggleStatus = (status: RunStatus) =>
    show(
      filtered(view, {
        statuses: view.statuses.includes(status)
          ? view.statuses.filter((s) => s !== status)
          : [...view.statuses, status],
      }),
    );
  const total = data?.runs.totalCount ?? 0;
  const pageIndex = previous.length;
  return (
    <section className="wide">
      <h1>Runs</h1>
      <StaleNotice what="runs" />
      {active.map((id) => (
        <FollowRun key={id} runId={id} onEpoch={onEpoch} />
      ))}
      <form
        className="runs-filters"
        data-testid="runs-filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset>
          <legend>status</legend>
          {RUN_STATUSES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={view.statuses.includes(s)}
                onChange={() => toggleStatus(s)}
              />{' '}
              {s.toLowerCase()}
            </label>
          ))}
        </fieldset>
        <label>
          architecture{' '}
          <select
            data-testid="filter-architecture"
            value={view.architecture ?? ''}
            onChange={(e) => show(filtered(view, { architecture: e.target.value || null }))}
          >
            <option value="">any</option>
            {(choices.data?.architectures ?? []).map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          dataset{' '}
          <select
            data-testid="filter-dataset"
            value={view.datasetId ?? ''}
            onChange={(e) => show(filtered(view, { datasetId: e.target.value || null }))}
          >
            <option value="">any</option>
            {(datasets.data?.datasets.edges ?? []).map(({ node: d }) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <TagInput
          value={view.tag ?? ''}
          onCommit={(tag) => show(filtered(view, { tag: tag.trim() || null }))}
        />
        {filtering ? (
          <button
            type="button"
            onClick={() =>
              show(filtered(view, { statuses: [], architecture: null, datasetId: null, tag: null }))
            }
          >
            Clear filters
          </button>
        ) : null}
      </form>
      {error ? <p className="error-box">Live refresh failed: {error.message}</p> : null}
      <div className="runs-actions">
        <span data-testid="runs-count">
          {total === 0
            ? 'No run matches these filters.'
            : view.after && pageIndex === 0
              ? `${runs.length} runs of ${total} (a later page)`
              : `Runs ${pageIndex * RUNS_PAGE_SIZE + 1}–${pageIndex * RUNS_PAGE_SIZE + runs.length} of ${total}`}
        </span>
        <button
          type="button"
          data-testid="compare-selected"
          disabled={selected.length < 2 || selected.length > MAX_COMPARED}
          title={`Select 2–${MAX_COMPARED} runs`}
          onClick={() => navigate({ page: 'compare', ids: selected })}
        >
          Compare {selected.length} selected
        </button>
        {selected.length > MAX_COMPARED ? (
          <span className="error-text">at most {MAX_COMPARED} runs at once</span>
        ) : null}
      </div>
      <RunsTable
        stale={isStale(socket)}
        runs={runs}
        view={view}
        params={params}
        metrics={metrics}
        selected={selected}
        onToggle={toggle}
      />
      <nav className="pager" aria-label="pages">
        <button
          type="button"
          disabled={!view.after}
          onClick={() => {
            setPrevious([]);
            show({ ...view, after: null });
          }}
        >
          First
        </button>
        <button
          type="button"
          disabled={previous.length === 0}
          onClick={() => {
            const before = previous.at(-1) ?? null;
            setPrevious(previous.slice(0, -1));
            show({ ...view, after: before });
          }}
        >
          ← Previous
        </button>
        <button
          type="button"
          data-testid="next-page"
          disabled={!data?.runs.pageInfo.hasNextPage}
          onClick={() => {
            setPrevious([...previous, view.after]);
            show({ ...view, after: data?.runs.pageInfo.endCursor ?? null });
          }}
        >
          Next →
        </button>
      </nav>
      <p className="muted small">
        Metric columns show the validation metrics of each run’s latest epoch (the one the table is
        sorted by is always among them). Hyperparameter columns show the config fields that differ
        on this page; choose others with <code>params=</code> in the URL.
      </p>
    </section>
  );
}

/** The tag filter: typed freely, applied on Enter or when the field is left. */
function TagInput(props: { value: string; onCommit: (tag: string) => void }): ReactNode {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text.trim() !== props.value) props.onCommit(text);
  };
  return (
    <label className="tag-filter">
      tag{' '}
      <input
        type="search"
        value={text}
        placeholder="any"
        data-testid="tag-filter"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
