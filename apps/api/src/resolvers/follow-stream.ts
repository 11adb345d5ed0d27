import { GraphQLError } from 'graphql';

/** What a stream's object is now: unknown to the caller, finished (its last event), or going on. */
export type StreamStart<E> = { found: false; notFound: string } | { found: true; final: E | null };

/**
 * The live events of one run or job, ending after the event with `done: true`. The listener is
 * registered before the object is read, so no event falls between the two; an object that has
 * already finished gives its final event at once; one the caller cannot read is NOT_FOUND, exactly
 * like an id that does not exist.
 */
export async function* followStream<E extends { done: boolean }>(
  events: AsyncIterable<E>,
  start: () => Promise<StreamStart<E>>,
): AsyncGenerator<E> {
  const iterator = events[Symbol.asyncIterator]();
  const first = iterator.next();
  try {
    const now = await start();
    if (!now.found) {
      throw new GraphQLError(now.notFound, { extensions: { code: 'NOT_FOUND' } });
    }
    if (now.final) {
      yield now.final;
      return;
    }
    for (let next = await first; !next.done; next = await iterator.next()) {
      yield next.value;
      if (next.value.done) return;
    }
  } finally {
    await iterator.return?.();
  }
}
