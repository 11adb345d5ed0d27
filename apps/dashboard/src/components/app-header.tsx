import type { ReactNode } from 'react';
import type { Route } from '../routing/route.ts';
import { useSocketState } from '../use-socket-state.ts';

const SOCKET_TEXT = {
  idle: '',
  connecting: 'connecting…',
  connected: 'live',
  closed: 'offline, retrying',
} as const;

/** The top bar: name, navigation, and whether live updates are flowing. */
export function AppHeader(props: { route: Route }): ReactNode {
  const socket = useSocketState();
  const page = props.route.page;
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        Strand
      </a>
      <nav>
        <a href="#/" aria-current={page === 'runs' || page === 'run' ? 'page' : undefined}>
          Runs
        </a>
        <a href="#/new" aria-current={page === 'new-run' ? 'page' : undefined}>
          New run
        </a>
        <a href="#/jobs" aria-current={page === 'jobs' || page === 'job' ? 'page' : undefined}>
          Jobs
        </a>
      </nav>
      <span className={`socket socket-${socket.status}`} title="Live updates (WebSocket)">
        {SOCKET_TEXT[socket.status]}
      </span>
    </header>
  );
}
