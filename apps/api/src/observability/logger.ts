import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The API's structured logger: JSON lines on stdout (pino). Fields are ids, statuses, routes,
 * timings and token prefixes only — never sequences, labels, sample values or whole tokens.
 */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'strand-api' } });
}

/** A logger that writes nothing (tests, embedding without logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
