/** Runs newest first by `createdAt`; ties keep the server's order. */
export function newestFirst<T extends { createdAt: string }>(runs: readonly T[]): T[] {
  const time = (run: T) => {
    const t = Date.parse(run.createdAt);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...runs].sort((a, b) => time(b) - time(a));
}
