/**
 * The event bus across processes (scaled-out mode): an EventTarget for `createPubSub` whose
 * events travel through Redis pub/sub, so a subscription on one API replica sees what a worker
 * (or another replica) publishes. Each topic is one Redis channel `strand:<topic>`, subscribed
 * while someone in this process listens to it. Event payloads are JSON; non-finite numbers (a
 * NaN loss) survive the trip.
 */
import type { Redis } from 'ioredis';

export const CHANNEL_PREFIX = 'strand:';

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
export function createRedisEventTarget(publish: Redis, subscribe: Redis) {
  const listeners = new Map<string, Set<Listener>>();
  subscribe.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    const type = channel.slice(CHANNEL_PREFIX.length);
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
        void subscribe.subscribe(CHANNEL_PREFIX + type);
      }
      set.add(listener);
    },
    removeEventListener(type: string, listener: Listener | null): void {
      const set = listeners.get(type);
      if (!set || !listener) return;
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(type);
        void subscribe.unsubscribe(CHANNEL_PREFIX + type);
      }
    },
    dispatchEvent(event: Event): boolean {
      const detail = (event as CustomEvent).detail;
      void publish.publish(CHANNEL_PREFIX + event.type, encodeEvent(detail));
      return true;
    },
  };
}
