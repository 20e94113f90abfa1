import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** How a measure (depth, aliases) values a field from what lies under it, and how it folds siblings together. */
export interface SelectionMeasure {
  /** A field's value given the value of its own selection set; null leaves the field out (it adds nothing). */
  field(node: FieldNode, inner: number): number | null;
  /** Folds the values of the selections of one set (sum for counts, max for depth), starting from 0. */
  combine(a: number, b: number): number;
}

/**
 * Measures a selection set with fragments expanded. Each fragment is measured once per operation (`memo`), so a
 * fragment spread many times costs no more time than once; a fragment already on the current path (a cycle) and an
 * unknown fragment add nothing: graphql-js's own rules report them.
 */
export function measureSelections(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  measure: SelectionMeasure,
  visiting: Set<string> = new Set(),
  memo: Map<string, number> = new Map(),
): number {
  if (!selectionSet) return 0;
  const inner = (set: SelectionSetNode | undefined) => measureSelections(set, fragment, measure, visiting, memo);
  let total = 0;
  for (const selection of selectionSet.selections) {
    let value: number | null = null;
    switch (selection.kind) {
      case Kind.FIELD:
        value = measure.field(selection, inner(selection.selectionSet));
        break;
      case Kind.INLINE_FRAGMENT:
        value = inner(selection.selectionSet);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const definition = fragment(name);
        if (!definition || visiting.has(name)) break;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, inner(definition.selectionSet));
          visiting.delete(name);
        }
        value = memo.get(name)!;
        break;
      }
    }
    if (value !== null) total = measure.combine(total, value);
  }
  return total;
}
