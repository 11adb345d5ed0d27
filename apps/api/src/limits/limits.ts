import { DEFAULT_PROJECT_QUEUE_LIMIT } from '@strand/jobs';
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
  /** Requests per second per user, whatever the number of their tokens. */
  userRatePerSecond: number;
  /** Burst of the per-user bucket. */
  userRateBurst: number;
  /** Failed authentications per second one client address may make (refill rate). */
  failedAuthPerSecond: number;
  /** Failed authentications one address may make at once before the rate applies. */
  failedAuthBurst: number;
  /** Open WebSockets in all. */
  wsMaxConnections: number;
  /** Open WebSockets from one client address (authenticated or not). */
  wsMaxPerAddress: number;
  /** Open WebSockets of one user. */
  wsMaxPerUser: number;
  /** Open TCP connections in all (HTTP and WebSocket); more are dropped at accept. */
  maxConnections: number;
  /** Time a client has to send a request's headers (slow headers), in ms. */
  headersTimeoutMs: number;
  /** Time a client has to send a GraphQL request's body (slow bodies), in ms. */
  bodyTimeoutMs: number;
  /** Time a client has to send a whole request, uploads included, in ms. */
  requestTimeoutMs: number;
  /** A connection with no bytes either way for this long is closed, in ms. */
  idleTimeoutMs: number;
  /** Nodes (fields resolved and object-list items) one answer may hold (query-budget.ts). */
  maxNodes: number;
  /** Estimated bytes of one answer's values. */
  maxResponseBytes: number;
  /** Time one operation (or subscription event) may take to resolve, in ms. */
  queryTimeoutMs: number;
  /** Training runs, and apart background jobs, one project may have queued or running. */
  projectQueueLimit: number;
  /**
   * Training runs, and apart other jobs, one project may have RUNNING at once; the rest wait in
   * their turn (0: no limit). Scaled out, the workers' STRAND_PROJECT_RUNNING_LIMIT is the one.
   */
  projectRunningLimit: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 10,
  maxCost: 10_000,
  maxAliases: 20,
  maxTokens: 5_000,
  ratePerSecond: 50,
  rateBurst: 100,
  userRatePerSecond: 100,
  userRateBurst: 200,
  failedAuthPerSecond: 1,
  failedAuthBurst: 20,
  wsMaxConnections: 5_000,
  wsMaxPerAddress: 200,
  wsMaxPerUser: 100,
  maxConnections: 10_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  requestTimeoutMs: 300_000,
  idleTimeoutMs: 60_000,
  maxNodes: 50_000,
  maxResponseBytes: 64 * 1024 * 1024,
  queryTimeoutMs: 15_000,
  projectQueueLimit: DEFAULT_PROJECT_QUEUE_LIMIT,
  projectRunningLimit: 0,
};
