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
  /** Nodes (fields resolved and object-list items) one answer may hold (query-budget.ts). */
  maxNodes: number;
  /** Estimated bytes of one answer's values. */
  maxResponseBytes: number;
  /** Time one operation (or subscription event) may take to resolve, in ms. */
  queryTimeoutMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 10,
  maxCost: 10_000,
  maxAliases: 20,
  maxTokens: 5_000,
  ratePerSecond: 50,
  rateBurst: 100,
  maxNodes: 50_000,
  maxResponseBytes: 64 * 1024 * 1024,
  queryTimeoutMs: 15_000,
};
