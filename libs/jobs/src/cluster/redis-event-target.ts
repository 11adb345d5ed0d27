/**
 * The event bus across processes (scaled-out mode): an EventTarget for `createPubSub` whose
 * events travel through Redis pub/sub, so a subscription on one API replica sees what a worker
 * (or another replica) publishes. Each topic is one Redis channel `<prefix>:<topic>` (prefix: the
 * cluster's queue prefix, `strand` by default), subscribed while someone in this process listens
 * to it. Redis pub/sub channels are global to the server (not per database number): several
 * clusters on one Redis stay apart by their prefix only. Event payloads are JSON; non-finite
 * numbers (a NaN loss) survive the trip.
 */
import type { Redis } from 'ioredis';

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { $num: String(value) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$num' in value && Object.keys(value).length === 1) {
    return Number((value as { $num: string }).$num);
  }
  return value;
}

/** Serialises an event payload for a Redis channel (see reviver). */
export function encodeEvent(detail: unknown): string {
  return JSON.stringify(detail, replacer);
}

export function decodeEvent(message: string): unknown {
  return JSON.parse(message, reviver);
}

/**
 * `publish` sends; `subscribe` must be a connection of its own (Redis puts a subscribing
 * connection in a mode where it can do nothing else).
 */
export function createRedisEventTarget(publish: Redis, subscribe: Redis, prefix = 'strand') {
  const channelPrefix = `${prefix}:`;
  const listeners = new Map<string, Set<Listener>>();
  subscribe.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    const type = channel.slice(channelPrefix.length);
    const set = listeners.get(type);
    if (!set) return;
    const event = new CustomEvent(type, { detail: decodeEvent(message) });
    for (const listener of [...set]) {
      if (typeof listener === 'function') listener(event);
      else listener.handleEvent(event);
    }
  });
  return {
    addEventListener(type: string, listener: Listener | null): void {
      if (!listener) return;
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
        void subscribe.subscribe(channelPrefix + type);
      }
      set.add(listener);
    },
    removeEventListener(type: string, listener: Listener | null): void {
      const set = listeners.get(type);
      if (!set || !listener) return;
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(type);
        void subscribe.unsubscribe(channelPrefix + type);
      }
    },
    dispatchEvent(event: Event): boolean {
      const detail = (event as CustomEvent).detail;
      void publish.publish(channelPrefix + event.type, encodeEvent(detail));
      return true;
    },
  };
}
