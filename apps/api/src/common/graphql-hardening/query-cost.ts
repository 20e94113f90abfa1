import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostOptions {
  /** Items assumed for a list field that has no `first` argument (and no connection above it that has one). */
  defaultListSize: number;
}

/**
 * A static upper bound on the work an operation asks for, counted before it runs:
 * - every field costs 1 (`__typename` and introspection fields cost nothing);
 * - a list field's selection counts once per item: its own `first` argument, else the `first` of the connection field
 *   right above it (`referrals(first: 50) { edges { ... } }`: edges × 50), else `defaultListSize`;
 * - `first` comes from the literal, the variable, or the argument's default in the schema (`referrals` has 20);
 * - fragments count wherever they are spread; both branches of an inline fragment or `@include` count (an upper bound).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> | undefined,
  options: CostOptions,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // A variable the request leaves out takes the default its operation declares: `query ($first: Int = 50)`.
  const effective: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) effective[definition.variable.name.value] = Number(definition.defaultValue.value);
  }
  for (const [name, value] of Object.entries(variables ?? {})) if (value !== undefined) effective[name] = value;
  const counter = new CostCounter(schema, fragments, effective, options);
  return counter.selectionCost(operation.selectionSet, root, undefined, new Set());
}

/** The cost of the operation `operationName` picks in `document` (the only one when null), 0 when there is none. */
export function documentCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  options: CostOptions,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return operationCost(schema, operation, fragments, variables, options);
}

class CostCounter {
  /** A fragment's cost depends on where it is spread only through the connection `first` it inherits. */
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly options: CostOptions,
  ) {}

  selectionCost(
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
    connectionFirst: number | undefined,
    visiting: Set<string>,
  ): number {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          total += this.fieldCost(selection, parent, connectionFirst, visiting);
          break;
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
          total += this.selectionCost(selection.selectionSet, type ?? parent, connectionFirst, visiting);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const definition = this.fragments.get(name);
          // Unknown fragments and cycles are graphql-js validation errors; they add nothing here.
          if (!definition || visiting.has(name)) break;
          const key = `${name}|${connectionFirst ?? ''}`;
          if (!this.memo.has(key)) {
            const type = this.schema.getType(definition.typeCondition.name.value) ?? parent;
            visiting.add(name);
            this.memo.set(key, this.selectionCost(definition.selectionSet, type, connectionFirst, visiting));
            visiting.delete(name);
          }
          total += this.memo.get(key)!;
          break;
        }
      }
    }
    return total;
  }

  private fieldCost(node: FieldNode, parent: GraphQLNamedType, connectionFirst: number | undefined, visiting: Set<string>): number {
    if (node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const first = this.firstOf(field, node);
    const isList = isListType(getNullableType(field.type));
    const items = isList ? (first ?? connectionFirst ?? this.options.defaultListSize) : 1;
    // A connection (a non-list field with `first`) hands its `first` to the list right below it.
    const handedDown = isList ? undefined : first;
    return 1 + items * this.selectionCost(node.selectionSet, getNamedType(field.type), handedDown, visiting);
  }

  /** The field's `first` argument as a count, or undefined when it has none or none is known before execution. */
  private firstOf(field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    const definition = field.args.find((arg) => arg.name === 'first');
    if (!definition) return undefined;
    const argument = node.arguments?.find((arg) => arg.name.value === 'first');
    let value: unknown;
    if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) value = this.variables[argument.value.name.value];
    if (value === undefined || value === null) value = definition.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
  }
}
