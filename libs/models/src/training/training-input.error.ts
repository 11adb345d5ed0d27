/** Training data or options `trainModel` cannot use; the message names the value and its place. */
export class TrainingInputError extends Error {
  readonly code = 'TRAINING_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'TrainingInputError';
  }
}
