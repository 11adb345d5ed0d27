/** The API's request limits (README: "Limits"); each is enforced by a file of this folder. */
export interface ApiLimits {
  /** Deepest field nesting of an operation (introspection fields excepted). */
  maxDepth: number;
  /** Highest estimated cost (see cost-limit.rule.ts). */
  maxCost: number;
  /** Most aliased fields in one document. */
  maxAliases: number;
  /** Most lexical tokens the parser reads before giving up. */
  maxTokens: number;
  /** Requests per second per API token (token bucket refill rate). */
  ratePerSecond: number;
  /** Requests a token may make at once before the refill rate applies (bucket size). */
  rateBurst: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 10,
  maxCost: 10_000,
  maxAliases: 20,
  maxTokens: 5_000,
  ratePerSecond: 50,
  rateBurst: 100,
};
