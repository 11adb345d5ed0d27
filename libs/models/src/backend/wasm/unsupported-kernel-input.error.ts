/** A Strand kernel was called with inputs or attributes it does not implement. */
export class UnsupportedKernelInputError extends Error {
  readonly code = 'UNSUPPORTED_KERNEL_INPUT';

  constructor(kernelName: string, what: string, hint: string, backend = 'wasm') {
    super(`${kernelName} (${backend}, Strand): ${what} is not supported; ${hint}`);
    this.name = 'UnsupportedKernelInputError';
  }
}
