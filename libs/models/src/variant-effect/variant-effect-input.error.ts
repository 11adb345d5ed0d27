/** Windows, a model or an option `scoreVariantWindows` cannot use; the message names the value. */
export class VariantEffectInputError extends Error {
  readonly code = 'VARIANT_EFFECT_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'VariantEffectInputError';
  }
}
