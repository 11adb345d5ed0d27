import type { ReactNode } from 'react';
import { canEdit } from '../project/project-choice.ts';
import { switchProject, useProject } from '../project/use-project.tsx';
import type { Route } from '../routing/route.ts';
import { useSocketState } from '../use-socket-state.ts';
import { signOut } from './token-form.tsx';

const SOCKET_TEXT = {
  idle: '',
  connecting: 'connecting…',
  connected: 'live',
  closed: 'offline, retrying',
} as const;

/**
 * The top bar: name, navigation (New run and New job only for those who may start them), the project
 * switcher with the caller's role, sign out, and whether live updates are flowing. `signedIn`
 * is false while the token form shows.
 */
export function AppHeader(props: { route: Route; signedIn?: boolean }): ReactNode {
  const socket = useSocketState();
  const { project, projects } = useProject();
  const page = props.route.page;
  const signedIn = props.signedIn ?? true;
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        Strand
      </a>
      {signedIn ? (
        <nav>
          <a
            href="#/"
            aria-current={
              page === 'runs' || page === 'run' || page === 'compare' ? 'page' : undefined
            }
          >
            Runs
          </a>
          {canEdit(project?.viewerRole) ? (
            <a href="#/new" aria-current={page === 'new-run' ? 'page' : undefined}>
              New run
            </a>
          ) : null}
          <a
            href="#/datasets"
            aria-current={page === 'datasets' || page === 'dataset' ? 'page' : undefined}
          >
            Datasets
          </a>
          <a href="#/models" aria-current={page === 'models' ? 'page' : undefined}>
            Models
          </a>
          <a href="#/jobs" aria-current={page === 'jobs' || page === 'job' ? 'page' : undefined}>
            Jobs
          </a>
          {canEdit(project?.viewerRole) ? (
            <a href="#/jobs/new" aria-current={page === 'new-job' ? 'page' : undefined}>
              New job
            </a>
          ) : null}
          <a href="#/tokens" aria-current={page === 'tokens' ? 'page' : undefined}>
            Tokens
          </a>
        </nav>
      ) : null}
      {signedIn && project ? (
        <label className="project-switcher">
          project{' '}
          <select
            data-testid="project-switcher"
            value={project.slug}
            onChange={(e) => switchProject(e.target.value)}
            disabled={projects.length < 2}
          >
            {projects.map((p) => (
              <option key={p.id} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>{' '}
          <span className="muted" data-testid="project-role">
            {project.viewerRole}
          </span>
        </label>
      ) : null}
      <span className={`socket socket-${socket.status}`} title="Live updates (WebSocket)">
        {SOCKET_TEXT[socket.status]}
      </span>
      {signedIn ? (
        <button type="button" className="sign-out" onClick={signOut}>
          Sign out
        </button>
      ) : null}
    </header>
  );
}
