import type { ReactNode } from 'react';
import { lazy, Suspense } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { TokenForm } from './components/token-form.tsx';
import { NewRunPage } from './pages/new-run-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ProjectProvider, useProject } from './project/use-project.tsx';
import { RunPage } from './pages/run-page.tsx';
import { RunsPage } from './pages/runs-page.tsx';
import type { Route } from './routing/route.ts';
import { useRoute } from './routing/use-route.ts';
import { useNeedsToken } from './use-auth-state.ts';

// The job pages (result views, attribution tracks, score tables) load on first visit, so the
// runs pages people open most stay as small as before.
const JobsPage = lazy(() => import('./pages/jobs-page.tsx').then((m) => ({ default: m.JobsPage })));
const JobPage = lazy(() => import('./pages/job-page.tsx').then((m) => ({ default: m.JobPage })));
// The workbench pages (compare, datasets, registry) load on first visit too.
const ComparePage = lazy(() =>
  import('./pages/compare-page.tsx').then((m) => ({ default: m.ComparePage })),
);
const DatasetsPage = lazy(() =>
  import('./pages/datasets-page.tsx').then((m) => ({ default: m.DatasetsPage })),
);
const DatasetPage = lazy(() =>
  import('./pages/dataset-page.tsx').then((m) => ({ default: m.DatasetPage })),
);
const ModelsPage = lazy(() =>
  import('./pages/models-page.tsx').then((m) => ({ default: m.ModelsPage })),
);
const NewJobPage = lazy(() =>
  import('./pages/new-job-page.tsx').then((m) => ({ default: m.NewJobPage })),
);
const TokensPage = lazy(() =>
  import('./pages/tokens-page.tsx').then((m) => ({ default: m.TokensPage })),
);
const pending = <p className="muted">Loading…</p>;

/** The whole dashboard: header and the page the hash names (or the token form). */
export function App(): ReactNode {
  const route = useRoute();
  const needsToken = useNeedsToken();
  if (needsToken) {
    return (
      <>
        <AppHeader route={route} signedIn={false} />
        <main>
          <TokenForm />
        </main>
      </>
    );
  }
  return (
    <ProjectProvider>
      <AppHeader route={route} />
      <main>
        <Pages route={route} />
      </main>
    </ProjectProvider>
  );
}

/** The page the route names, once the caller's projects are known (every list is of one). */
function Pages(props: { route: Route }): ReactNode {
  const { route } = props;
  const { loading, unknown, project } = useProject();
  if (loading) return pending;
  return (
    <>
      {unknown ? (
        <p className="error-box" role="alert">
          You are not a member of a project “{unknown}”
          {project ? `: showing ${project.name} instead` : ''}.
        </p>
      ) : null}
      {route.page === 'runs' ? <RunsPage search={route.search} /> : null}
      {route.page === 'new-run' ? <NewRunPage /> : null}
      {/* Keyed by id: another run starts from a clean live state. */}
      {route.page === 'run' ? <RunPage key={route.id} id={route.id} /> : null}
      {route.page === 'jobs' ? (
        <Suspense fallback={pending}>
          <JobsPage />
        </Suspense>
      ) : null}
      {route.page === 'job' ? (
        <Suspense fallback={pending}>
          <JobPage key={route.id} id={route.id} />
        </Suspense>
      ) : null}
      {route.page === 'compare' ? (
        <Suspense fallback={pending}>
          <ComparePage key={route.ids.join(',')} ids={route.ids} />
        </Suspense>
      ) : null}
      {route.page === 'datasets' ? (
        <Suspense fallback={pending}>
          <DatasetsPage />
        </Suspense>
      ) : null}
      {route.page === 'dataset' ? (
        <Suspense fallback={pending}>
          <DatasetPage key={route.id} id={route.id} />
        </Suspense>
      ) : null}
      {route.page === 'models' ? (
        <Suspense fallback={pending}>
          <ModelsPage />
        </Suspense>
      ) : null}
      {route.page === 'new-job' ? (
        <Suspense fallback={pending}>
          <NewJobPage kind={route.kind} search={route.search} />
        </Suspense>
      ) : null}
      {route.page === 'tokens' ? (
        <Suspense fallback={pending}>
          <TokensPage />
        </Suspense>
      ) : null}
      {route.page === 'not-found' ? <NotFoundPage hash={route.hash} /> : null}
    </>
  );
}
