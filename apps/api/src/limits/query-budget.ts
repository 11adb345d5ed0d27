import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

/** What one operation (or one subscription event) may cost while it runs. */
export interface BudgetLimits {
  /** Fields resolved plus object-list items: the response's nodes. */
  maxNodes: number;
  /** Estimated bytes of the response's values (strings by length, other scalars 8 each). */
  maxResponseBytes: number;
  /** Wall-clock time from the start of execution. */
  maxMs: number;
}

/** Continuous resolving longer than this yields to the event loop (probes, other requests). */
export const YIELD_EVERY_MS = 10;

/**
 * The running cost of one operation, charged by the resolver wrapper (budgeted-schema.ts) as
 * fields resolve: nodes, response bytes and time. Once a limit is passed every later field fails
 * with the same QUERY_TOO_EXPENSIVE error, so the executor stops descending at once, and the
 * answer becomes that one error (see budgetedResult). The static cost rule refuses what it can
 * see before running; this bounds what only running shows (sizes of returned lists, time).
 */
export class QueryBudget {
  nodes = 0;
  bytes = 0;
  private deadline: number;
  private lastYield: number;
  /** Set once a limit was passed: the error the whole answer becomes. */
  exceeded: GraphQLError | null = null;

  constructor(
    readonly limits: BudgetLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + limits.maxMs;
    this.lastYield = now();
  }

  /** Starts over (each event of a subscription is a new answer). */
  reset(): void {
    this.nodes = 0;
    this.bytes = 0;
    this.exceeded = null;
    this.deadline = this.now() + this.limits.maxMs;
    this.lastYield = this.now();
  }

  /** Charges nodes and bytes; throws QUERY_TOO_EXPENSIVE when a limit is passed. */
  charge(nodes: number, bytes: number): void {
    if (this.exceeded) throw this.exceeded;
    this.nodes += nodes;
    this.bytes += bytes;
    const { maxNodes, maxResponseBytes, maxMs } = this.limits;
    if (this.nodes > maxNodes) {
      this.fail(`the answer is over ${maxNodes} nodes`);
    } else if (this.bytes > maxResponseBytes) {
      this.fail(`the answer is over ${maxResponseBytes} bytes`);
    } else if (this.now() > this.deadline) {
      this.fail(`the query ran longer than ${maxMs / 1000} s`);
    }
  }

  /** Whether resolving has run long enough without a break that it should yield now. */
  shouldYield(): boolean {
    const now = this.now();
    if (now - this.lastYield < YIELD_EVERY_MS) return false;
    this.lastYield = now;
    return true;
  }

  private fail(why: string): never {
    // A path makes graphql-js pass the error on as it is instead of wrapping it per field.
    this.exceeded = new GraphQLError(
      `${why}: ask for fewer items (a smaller first) or fewer nested fields`,
      { path: [], extensions: { code: 'QUERY_TOO_EXPENSIVE' } },
    );
    throw this.exceeded;
  }
}

/**
 * The one error to answer with when the operation's budget was exceeded while it ran (instead of
 * its partial, possibly huge data and a copy of the error per field); null when it was not.
 */
export function exceededError(budget: QueryBudget | undefined): GraphQLFormattedError | null {
  const error = budget?.exceeded;
  return error ? { message: error.message, extensions: { code: 'QUERY_TOO_EXPENSIVE' } } : null;
}
