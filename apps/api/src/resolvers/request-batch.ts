/**
 * A minimal per-request DataLoader: field resolvers of the items of one list (e.g. `tags` of
 * 100 runs) start in the same turn of the event loop, so their ids are collected and loaded
 * with one query on the next turn instead of one query per item. Scoped by the request's
 * EntityManager fork, so nothing is shared across requests or callers.
 */
type Load<V> = (ids: string[]) => Promise<Map<string, V>>;

interface Batch {
  ids: Set<string>;
  result: Promise<Map<string, unknown>>;
}

const batches = new WeakMap<object, Map<string, Batch>>();

/** `load`'s value for `id`, loaded with the other ids asked for under `key` in this turn. */
export function loadBatched<V>(
  scope: object,
  key: string,
  load: Load<V>,
  id: string,
): Promise<V | undefined> {
  let byKey = batches.get(scope);
  if (!byKey) {
    byKey = new Map();
    batches.set(scope, byKey);
  }
  const open = byKey;
  let batch = open.get(key);
  if (!batch) {
    const ids = new Set<string>();
    const result = new Promise<Map<string, unknown>>((resolve, reject) => {
      setImmediate(() => {
        open.delete(key);
        load([...ids]).then(resolve, reject);
      });
    });
    batch = { ids, result };
    open.set(key, batch);
  }
  batch.ids.add(id);
  return batch.result.then((values) => values.get(id) as V | undefined);
}
