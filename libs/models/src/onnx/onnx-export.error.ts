/** A model ONNX export cannot represent (the caller predicts with TF.js instead). */
export class OnnxExportError extends Error {
  constructor(
    readonly code: 'UNSUPPORTED_MODEL' | 'UNSUPPORTED_LAYER',
    message: string,
  ) {
    super(message);
    this.name = 'OnnxExportError';
  }
}
