/** Probabilities are clipped to [LOGIT_EPSILON, 1 − LOGIT_EPSILON] before the logit. */
export const LOGIT_EPSILON = 1e-7;

/** log(p / (1 − p)) of p clipped to [1e-7, 1 − 1e-7], so 0 and 1 give finite values. */
export function clippedLogit(p: number): number {
  const q = Math.min(1 - LOGIT_EPSILON, Math.max(LOGIT_EPSILON, p));
  return Math.log(q / (1 - q));
}
