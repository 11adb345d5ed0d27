import type { ValidationRule } from 'graphql';
import { LimitError } from './limit-error.ts';

/**
 * Rejects documents with more than `maxAliases` aliased fields (TOO_MANY_ALIASES): aliases are
 * how one request asks for the same expensive field hundreds of times.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(node) {
          if (aliases > maxAliases) {
            context.reportError(
              new LimitError(
                'TOO_MANY_ALIASES',
                `the query has ${aliases} aliased fields, over the limit of ${maxAliases}`,
                [node],
              ),
            );
          }
        },
      },
    };
  };
}
