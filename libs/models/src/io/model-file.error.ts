/** A saved model file that is missing, unreadable or inconsistent; `file` is its path. */
export class ModelFileError extends Error {
  readonly code = 'MODEL_FILE';
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ModelFileError';
    this.file = file;
  }
}
