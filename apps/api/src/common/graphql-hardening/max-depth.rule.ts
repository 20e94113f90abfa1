import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { limitExceeded } from './limit-error';
import { measureSelections, type SelectionMeasure } from './selection-measure';

/**
 * Refuses an operation whose fields nest deeper than `max` (a root field is level 1), following fragment spreads.
 * Introspection fields (`__schema`, `__type`) are not counted: production refuses them anyway, and development tools
 * send deep introspection queries.
 */
export function createMaxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, (name) => context.getFragment(name));
      if (depth > max) {
        const name = operation.name ? `"${operation.name.value}" ` : '';
        context.reportError(limitExceeded('depth', `The operation ${name}nests fields ${depth} levels deep; the limit is ${max}`, max, [operation]));
      }
    },
  });
}

/** Levels of fields under a selection set, fragments expanded; introspection fields add nothing. */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
): number {
  return measureSelections(selectionSet, fragment, DEPTH);
}

const DEPTH: SelectionMeasure = {
  field: (node, inner) => (node.name.value === '__schema' || node.name.value === '__type' ? null : 1 + inner),
  combine: Math.max,
};
