import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The API's structured logger: JSON lines on stdout (pino). Fields are ids, statuses, routes,
 * timings and token prefixes only — never sequences, labels, sample values or whole tokens.
 */
export function createLogger(level = 'info'): Logger {
  // Its own destination, so that a closed stdout (EPIPE) is an ignored event, not a crash.
  const destination = pino.destination({ dest: 1, sync: true });
  destination.on('error', () => undefined);
  return pino({ level, base: { service: 'strand-api' } }, destination);
}

/** A logger that writes nothing (tests, embedding without logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
