/**
 * Where job lifecycle logs go: a subset of pino's Logger, so the API passes its pino logger and
 * libs/jobs does not depend on pino. Fields are ids, statuses, epochs and timings only — never
 * sequences, labels or sample values.
 */
export interface JobLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A JobLog that drops everything (the default). */
export const SILENT_JOB_LOG: JobLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
