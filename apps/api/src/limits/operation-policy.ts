import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import { formatError } from './format-error.ts';
import { noIntrospectionRule } from './introspection-rule.ts';
import type { ApiLimits } from './limits.ts';
import { QueryBudget } from './query-budget.ts';
import { limitRules } from './validation-rules.ts';

/**
 * Everything that decides how an operation is checked, run and answered — one object for HTTP
 * (Apollo) and WebSocket (graphql-ws) alike, so the two transports cannot drift apart again:
 * the limit rules, introspection (off in production), the error format, and the runtime budget.
 */
export interface OperationPolicy {
  production: boolean;
  limits: ApiLimits;
  /** Run after graphql's own rules, on every document of either transport. */
  validationRules: ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** A fresh budget for one operation. */
  budget(): QueryBudget;
}

/**
 * `onInternal` hears every unexpected error (no code of ours) before it is masked: the server
 * logs its name and stack there, since neither leaves in the answer.
 */
export function operationPolicy(
  limits: ApiLimits,
  production: boolean,
  onInternal?: (error: unknown) => void,
): OperationPolicy {
  return {
    production,
    limits,
    validationRules: [...limitRules(limits), ...(production ? [noIntrospectionRule] : [])],
    formatError: formatError(production, onInternal),
    budget: () =>
      new QueryBudget({
        maxNodes: limits.maxNodes,
        maxResponseBytes: limits.maxResponseBytes,
        maxMs: limits.queryTimeoutMs,
      }),
  };
}
