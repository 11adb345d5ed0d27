import { describe, expect, it } from 'vitest';
import { createSocketStore, isStale } from './socket-state.ts';

function fakeClient() {
  const handlers = new Map<string, () => void>();
  return {
    on: (event: string, handler: () => void) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    },
    emit: (event: string) => handlers.get(event)?.(),
  };
}

describe('createSocketStore', () => {
  it('follows the socket and counts connects, notifying subscribers', () => {
    const client = fakeClient();
    const store = createSocketStore(client as never);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    expect(store.getSnapshot()).toEqual({ status: 'idle', connects: 0 });
    client.emit('connecting');
    client.emit('connected');
    expect(store.getSnapshot()).toEqual({ status: 'connected', connects: 1 });
    client.emit('closed');
    client.emit('connected');
    expect(store.getSnapshot()).toEqual({ status: 'connected', connects: 2 });
    expect(notified).toBe(4);
    unsubscribe();
    client.emit('closed');
    expect(notified).toBe(4);
    expect(store.getSnapshot().status).toBe('closed');
  });
});

describe('isStale', () => {
  it('is true only after a first connection, while the socket is down or reconnecting', () => {
    expect(isStale({ status: 'idle', connects: 0 })).toBe(false);
    expect(isStale({ status: 'connecting', connects: 0 })).toBe(false);
    expect(isStale({ status: 'connected', connects: 1 })).toBe(false);
    expect(isStale({ status: 'closed', connects: 1 })).toBe(true);
    expect(isStale({ status: 'connecting', connects: 1 })).toBe(true);
    expect(isStale({ status: 'connected', connects: 2 })).toBe(false);
  });
});
