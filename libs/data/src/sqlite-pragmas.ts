/** How long a connection waits for another connection's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Run on every new SQLite connection, not once: the pool replaces connections (the libsql knex
 * dialect retires one after 10 s), and busy_timeout and foreign_keys are per connection.
 * WAL lets readers (e.g. a job runner's thread) proceed while one writer commits;
 * synchronous=NORMAL is the setting SQLite recommends with WAL (durable across crashes of the
 * process; a power loss can drop the last commits, never corrupt the file).
 */
export const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  `busy_timeout = ${BUSY_TIMEOUT_MS}`,
  'foreign_keys = ON',
  'synchronous = NORMAL',
] as const;

interface PragmaConnection {
  pragma(source: string): unknown;
}

/** The knex pool's `afterCreate` hook applying CONNECTION_PRAGMAS. */
export function applyPragmas(
  connection: PragmaConnection,
  done: (error: Error | null, connection: PragmaConnection) => void,
): void {
  try {
    for (const pragma of CONNECTION_PRAGMAS) connection.pragma(pragma);
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}
