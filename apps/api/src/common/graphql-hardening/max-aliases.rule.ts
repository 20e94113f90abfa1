import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { limitExceeded } from './limit-error';

/**
 * Refuses an operation with more than `max` aliased fields. A fragment's aliases count each time it is spread, since
 * each spread resolves them again: aliases are how one request repeats an expensive field (or a mutation) many times.
 */
export function createMaxAliasesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = aliasCount(operation.selectionSet, (name) => context.getFragment(name), new Set(), new Map());
      if (count > max) {
        const name = operation.name ? `"${operation.name.value}" ` : '';
        context.reportError(limitExceeded('aliases', `The operation ${name}uses ${count} aliases; the limit is ${max}`, max, [operation]));
      }
    },
  });
}

/**
 * Aliased fields under a selection set, fragments expanded. `visiting` holds the fragments on the current path;
 * `memo` keeps each fragment's count, so a fragment spread many times is counted in constant time.
 */
export function aliasCount(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  visiting: Set<string>,
  memo: Map<string, number>,
): number {
  if (!selectionSet) return 0;
  let count = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        count += (selection.alias ? 1 : 0) + aliasCount(selection.selectionSet, fragment, visiting, memo);
        break;
      case Kind.INLINE_FRAGMENT:
        count += aliasCount(selection.selectionSet, fragment, visiting, memo);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const definition = fragment(name);
        if (!definition || visiting.has(name)) break;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, aliasCount(definition.selectionSet, fragment, visiting, memo));
          visiting.delete(name);
        }
        count += memo.get(name)!;
        break;
      }
    }
  }
  return count;
}
