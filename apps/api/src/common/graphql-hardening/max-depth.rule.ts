import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { limitExceeded } from './limit-error';

/**
 * Refuses an operation whose fields nest deeper than `max` (a root field is level 1), following fragment spreads.
 * Introspection fields (`__schema`, `__type`) are not counted: production refuses them anyway, and development tools
 * send deep introspection queries.
 */
export function createMaxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, (name) => context.getFragment(name), new Set(), new Map());
      if (depth > max) {
        const name = operation.name ? `"${operation.name.value}" ` : '';
        context.reportError(
          limitExceeded('depth', `The operation ${name}nests fields ${depth} levels deep; the limit is ${max}`, max, [operation]),
        );
      }
    },
  });
}

/**
 * Levels of fields under a selection set. `visiting` holds the fragments on the current path (a cycle adds nothing);
 * `memo` keeps each fragment's depth, so fragments spread many times cost no more time than once.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  visiting: Set<string>,
  memo: Map<string, number>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    switch (selection.kind) {
      case Kind.FIELD:
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        depth = 1 + selectionDepth(selection.selectionSet, fragment, visiting, memo);
        break;
      case Kind.INLINE_FRAGMENT:
        depth = selectionDepth(selection.selectionSet, fragment, visiting, memo);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const definition = fragment(name);
        // An unknown fragment or a cycle is reported by graphql-js's own rules; here it adds nothing.
        if (!definition || visiting.has(name)) continue;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, selectionDepth(definition.selectionSet, fragment, visiting, memo));
          visiting.delete(name);
        }
        depth = memo.get(name)!;
        break;
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
