/** `currentBackend()` was called before `initBackend()` had finished. */
export class BackendNotInitialisedError extends Error {
  readonly code = 'BACKEND_NOT_INITIALISED';

  constructor() {
    super('currentBackend(): no backend chosen yet: await initBackend() first');
    this.name = 'BackendNotInitialisedError';
  }
}
