import type { ReactNode } from 'react';
import { isStale } from '../socket-state.ts';
import { useSocketState } from '../use-socket-state.ts';

/**
 * Says that a live page's data may be out of date while the subscription socket is down; the
 * page refetches once when it reconnects (its `connects` effect), and the notice goes.
 */
export function StaleNotice(props: { what: string }): ReactNode {
  const state = useSocketState();
  if (!isStale(state)) return null;
  return (
    <p className="stale-notice" role="status" data-testid="stale-notice">
      Live updates are paused: the connection to the server dropped. The {props.what} shown may be
      out of date; {state.status === 'connecting' ? 'reconnecting…' : 'waiting to reconnect.'}
    </p>
  );
}
