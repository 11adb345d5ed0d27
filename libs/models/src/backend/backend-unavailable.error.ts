/** A backend that was asked for (argument or `STRAND_BACKEND`) cannot be loaded here. */
export class BackendUnavailableError extends Error {
  readonly code = 'BACKEND_UNAVAILABLE';

  constructor(backend: string, source: string, reason: string) {
    super(`${source}: backend "${backend}" is not available: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}
