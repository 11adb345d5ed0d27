import { Kind } from 'graphql';
import type { SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { LimitError } from './limit-error.ts';

/**
 * Rejects operations nested deeper than `maxDepth` fields (QUERY_TOO_DEEP). Fragments count
 * where they are spread. Introspection fields (`__schema`, `__type`) are not counted: tools'
 * introspection query nests `ofType` deeply, and it is off in production anyway.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const depth = depthOf(context, node.selectionSet, 0, new Set(), maxDepth);
      if (depth > maxDepth) {
        context.reportError(
          new LimitError(
            'QUERY_TOO_DEEP',
            `query depth is over the limit of ${maxDepth} nested fields`,
            [node],
          ),
        );
      }
    },
  });
}

function depthOf(
  context: ValidationContext,
  set: SelectionSetNode,
  depth: number,
  spread: Set<string>,
  max: number,
): number {
  let deepest = depth;
  for (const selection of set.selections) {
    if (deepest > max) return deepest; // already over: no need to walk further
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const inner = selection.selectionSet
        ? depthOf(context, selection.selectionSet, depth + 1, spread, max)
        : depth + 1;
      deepest = Math.max(deepest, inner);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(context, selection.selectionSet, depth, spread, max));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || spread.has(name)) continue; // cycles are reported by NoFragmentCycles
      spread.add(name);
      deepest = Math.max(deepest, depthOf(context, fragment.selectionSet, depth, spread, max));
      spread.delete(name);
    }
  }
  return deepest;
}
