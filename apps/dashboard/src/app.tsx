import type { ReactNode } from 'react';
import { lazy, Suspense } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { TokenForm } from './components/token-form.tsx';
import { NewRunPage } from './pages/new-run-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RunPage } from './pages/run-page.tsx';
import { RunsPage } from './pages/runs-page.tsx';
import { useRoute } from './routing/use-route.ts';
import { useNeedsToken } from './use-auth-state.ts';

// The job pages (result views, attribution tracks, score tables) load on first visit, so the
// runs pages people open most stay as small as before.
const JobsPage = lazy(() => import('./pages/jobs-page.tsx').then((m) => ({ default: m.JobsPage })));
const JobPage = lazy(() => import('./pages/job-page.tsx').then((m) => ({ default: m.JobPage })));
const loading = <p className="muted">Loading…</p>;

/** The whole dashboard: header and the page the hash names (or the token form). */
export function App(): ReactNode {
  const route = useRoute();
  const needsToken = useNeedsToken();
  if (needsToken) {
    return (
      <>
        <AppHeader route={route} />
        <main>
          <TokenForm />
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader route={route} />
      <main>
        {route.page === 'runs' ? <RunsPage /> : null}
        {route.page === 'new-run' ? <NewRunPage /> : null}
        {/* Keyed by id: another run starts from a clean live state. */}
        {route.page === 'run' ? <RunPage key={route.id} id={route.id} /> : null}
        {route.page === 'jobs' ? (
          <Suspense fallback={loading}>
            <JobsPage />
          </Suspense>
        ) : null}
        {route.page === 'job' ? (
          <Suspense fallback={loading}>
            <JobPage key={route.id} id={route.id} />
          </Suspense>
        ) : null}
        {route.page === 'not-found' ? <NotFoundPage hash={route.hash} /> : null}
      </main>
    </>
  );
}
