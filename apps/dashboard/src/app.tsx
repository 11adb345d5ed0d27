import type { ReactNode } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { TokenForm } from './components/token-form.tsx';
import { NewRunPage } from './pages/new-run-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RunPage } from './pages/run-page.tsx';
import { RunsPage } from './pages/runs-page.tsx';
import { useRoute } from './routing/use-route.ts';
import { useNeedsToken } from './use-auth-state.ts';

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
        {route.page === 'not-found' ? <NotFoundPage hash={route.hash} /> : null}
      </main>
    </>
  );
}
