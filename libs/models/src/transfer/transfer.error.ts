/** A transfer-learning request that cannot be carried out (e.g. freezing an unknown layer). */
export class TransferError extends Error {
  readonly code = 'TRANSFER';

  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}
