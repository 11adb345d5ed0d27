import { createSourceEventStream, execute, getOperationAST, Kind, print, subscribe } from 'graphql';
import type { ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * Root subscription fields whose answer to an event depends only on the event and the selection,
 * never on who asks: whether the caller may follow the run or job is decided once, when its own
 * event stream starts (progress-stream.ts, job-stream.ts).
 */
export const EVENT_ONLY_FIELDS: ReadonlySet<string> = new Set(['trainingProgress', 'jobProgress']);

type Answer = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-ws's `subscribe`: like graphql-js's, except that subscribers of an event-only field
 * with the same document and variables share one execution per event. A run watched by a
 * thousand dashboards is executed once per progress event, not a thousand times; each
 * subscriber still has its own event stream (and its own access check) and its own socket.
 */
export function sharedSubscribe(eventOnly: ReadonlySet<string> = EVENT_ONLY_FIELDS) {
  // Per event object (the bus hands every listener the same one), the answer per query.
  const answers = new WeakMap<object, Map<string, Answer>>();

  return async (
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const operation = getOperationAST(args.document, args.operationName);
    const roots = operation?.selectionSet.selections ?? [];
    const shareable =
      operation?.operation === 'subscription' &&
      roots.length === 1 &&
      roots[0].kind === Kind.FIELD &&
      eventOnly.has(roots[0].name.value);
    if (!shareable) return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const key = `${args.operationName ?? ''}\0${print(args.document)}\0${JSON.stringify(args.variableValues ?? {})}`;
    const answer = (event: unknown): Answer => {
      if (event === null || typeof event !== 'object')
        return execute({ ...args, rootValue: event });
      let byQuery = answers.get(event);
      if (!byQuery) answers.set(event, (byQuery = new Map()));
      let found = byQuery.get(key);
      if (!found) {
        found = execute({ ...args, rootValue: event });
        byQuery.set(key, found);
      }
      return found;
    };
    return mapEvents(source[Symbol.asyncIterator](), answer);
  };
}

/**
 * The answers to a stream of events. A plain iterator rather than an async generator, so that
 * return() (the client unsubscribed, the socket closed) reaches the event stream at once, even
 * while it waits for an event that may never come.
 */
function mapEvents(
  events: AsyncIterator<unknown>,
  answer: (event: unknown) => Answer,
): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      const next = await events.next();
      if (next.done) return { value: undefined, done: true };
      return { value: await answer(next.value), done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      if (events.throw) await events.throw(error);
      else await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
