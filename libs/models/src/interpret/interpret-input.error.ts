/** A model, sequence or option the interpretation functions cannot use; names the value. */
export class InterpretInputError extends Error {
  readonly code = 'INTERPRET_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'InterpretInputError';
  }
}
