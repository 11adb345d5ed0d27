/** An inference engine that was demanded but cannot run here (or cannot run this model). */
export class PredictorUnavailableError extends Error {
  readonly code = 'PREDICTOR_UNAVAILABLE';

  constructor(message: string) {
    super(message);
    this.name = 'PredictorUnavailableError';
  }
}
