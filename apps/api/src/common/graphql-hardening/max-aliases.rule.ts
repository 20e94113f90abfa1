import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { limitExceeded } from './limit-error';
import { measureSelections, type SelectionMeasure } from './selection-measure';

/**
 * Refuses an operation with more than `max` aliased fields. A fragment's aliases count each time it is spread, since
 * each spread resolves them again: aliases are how one request repeats an expensive field (or a mutation) many times.
 */
export function createMaxAliasesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = aliasCount(operation.selectionSet, (name) => context.getFragment(name));
      if (count > max) {
        const name = operation.name ? `"${operation.name.value}" ` : '';
        context.reportError(limitExceeded('aliases', `The operation ${name}uses ${count} aliases; the limit is ${max}`, max, [operation]));
      }
    },
  });
}

/** Aliased fields under a selection set, fragments expanded (each spread counts again). */
export function aliasCount(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
): number {
  return measureSelections(selectionSet, fragment, ALIASES);
}

const ALIASES: SelectionMeasure = {
  field: (node, inner) => (node.alias ? 1 : 0) + inner,
  combine: (a, b) => a + b,
};
