/** Labels or scores a metric cannot be computed from; the message names the index and value. */
export class MetricInputError extends Error {
  readonly code = 'METRIC_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'MetricInputError';
  }
}
