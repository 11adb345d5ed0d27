import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule.ts';
import { costLimitRule } from './cost-limit.rule.ts';
import { depthLimitRule } from './depth-limit.rule.ts';
import type { ApiLimits } from './limits.ts';

/** The limit rules, run with graphql's own rules over HTTP and WebSocket alike. */
export function limitRules(limits: ApiLimits): ValidationRule[] {
  return [
    depthLimitRule(limits.maxDepth),
    aliasLimitRule(limits.maxAliases),
    costLimitRule(limits.maxCost),
  ];
}
