import { describe, expect, it } from 'vitest';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { sharedSubscribe } from './shared-subscribe.ts';

/** A hub that hands every subscriber the same event object, as the event bus does. */
function hub() {
  const listeners = new Set<(event: object) => void>();
  let closed = 0;
  return {
    publish: (event: object) => listeners.forEach((l) => l(event)),
    get listeners() {
      return listeners.size;
    },
    get closed() {
      return closed;
    },
    stream(): AsyncIterableIterator<object> {
      const queue: object[] = [];
      let wake: (() => void) | null = null;
      let done = false;
      const listener = (event: object) => {
        queue.push(event);
        wake?.();
      };
      listeners.add(listener);
      return {
        async next() {
          while (queue.length === 0 && !done) await new Promise<void>((r) => (wake = r));
          if (done) return { value: undefined, done: true };
          return { value: queue.shift()!, done: false };
        },
        async return() {
          listeners.delete(listener);
          closed++;
          done = true;
          wake?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
}

function setup() {
  const events = hub();
  let resolved = 0;
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: {
        type: GraphQLInt,
        resolve: (event: { n: number }) => {
          resolved++;
          return event.n;
        },
      },
    },
  });
  const field = { type: Tick, subscribe: () => events.stream(), resolve: (e: unknown) => e };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { x: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { progress: field, other: field },
    }),
  });
  const subscribe = sharedSubscribe(new Set(['progress']));
  const follow = async (query: string) => {
    const result = await subscribe({ schema, document: parse(query) });
    if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
    return result as AsyncIterableIterator<ExecutionResult>;
  };
  return { events, follow, resolvedCount: () => resolved };
}

describe('sharedSubscribe', () => {
  it('executes an event-only field once per event for all subscribers of the same query', async () => {
    const { events, follow, resolvedCount } = setup();
    const subscribers = await Promise.all(
      Array.from({ length: 5 }, () => follow('subscription { progress { n } }')),
    );
    for (const n of [1, 2]) {
      const answers = subscribers.map((s) => s.next());
      events.publish({ n });
      for (const answer of await Promise.all(answers)) {
        expect(answer).toEqual({ value: { data: { progress: { n } } }, done: false });
      }
    }
    expect(resolvedCount()).toBe(2);
    await Promise.all(subscribers.map((s) => s.return!()));
  });

  it('executes each subscriber apart for other fields and for other queries', async () => {
    const { events, follow, resolvedCount } = setup();
    const a = await follow('subscription { other { n } }');
    const b = await follow('subscription { other { n } }');
    const c = await follow('subscription { progress { n } }');
    const d = await follow('subscription { progress { m: n } }');
    const answers = [a, b, c, d].map((s) => s.next());
    events.publish({ n: 7 });
    const [, , third, fourth] = await Promise.all(answers);
    expect(third.value).toEqual({ data: { progress: { n: 7 } } });
    expect(fourth.value).toEqual({ data: { progress: { m: 7 } } });
    expect(resolvedCount()).toBe(4);
  });

  it('stops the event stream at once when the subscriber leaves while waiting', async () => {
    const { events, follow } = setup();
    const s = await follow('subscription { progress { n } }');
    const pending = s.next();
    expect(events.listeners).toBe(1);
    await s.return!();
    expect(events.listeners).toBe(0);
    expect(events.closed).toBe(1);
    await pending;
  });
});
