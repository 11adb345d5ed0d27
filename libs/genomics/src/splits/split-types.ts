/** Record indexes of a train / validation / test split, each sorted ascending. */
export interface Split {
  train: number[];
  valid: number[];
  test: number[];
}

/** One fold of a k-fold split: the fold's records are the test set. */
export interface Fold {
  train: number[];
  test: number[];
}

/** Indexes of records grouped by a key, groups in order of first appearance. */
export function groupIndexes<K>(keys: readonly K[]): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  keys.forEach((key, i) => {
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

export const ascending = (a: number, b: number) => a - b;
