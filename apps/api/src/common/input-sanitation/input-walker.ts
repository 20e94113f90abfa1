// Walks one GraphQL argument value deeply (input objects, lists) and lists every text or DateTime in it that the API
// refuses, named by its field path as the validation pipe names class-validator's problems. Pure: unit-tested.
import type { FieldProblem } from '../graphql-errors';
import { RefusedInstant } from './date-time.scalar';
import { textFault } from './text-rules';

/**
 * Says where in a long text an index is, in the words its users know ("line 4, column contactName" in a CSV file);
 * null when it cannot tell.
 */
export type TextLocator = (text: string, index: number) => string | null;

/**
 * Problems in an argument's value. A scalar or list argument is named by `argumentName` (`note`, `after`); in an object
 * (an input object, or all arguments of an @ArgsType) the paths start at its fields (`subject.displayName`, `csv`,
 * `filter.areaCode`), as class-validator names them. `locators` are keyed by those paths.
 */
export function inputProblems(value: unknown, argumentName = '', locators: ReadonlyMap<string, TextLocator> = new Map()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (node: unknown, path: string) => {
    const name = path || 'value';
    if (typeof node === 'string') {
      const fault = textFault(node);
      if (!fault) return;
      const place = locators.get(path)?.(node, fault.index) ?? (fault.index > 0 ? `at character ${fault.index + 1}` : null);
      problems.push({ field: name, message: place ? `${place}: ${fault.message}` : fault.message });
    } else if (node instanceof RefusedInstant) {
      problems.push({ field: name, message: node.message });
    } else if (Array.isArray(node)) {
      // A list of texts is one field (class-validator's `each`); a list of input objects names each item's fields.
      node.forEach((item, index) => visit(item, isPlainObject(item) ? `${name}.${index}` : path));
    } else if (isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
    }
    // Numbers, booleans, null and parsed instants (Date) carry nothing to refuse here.
  };
  visit(value, isPlainObject(value) ? '' : argumentName);
  return dedupe(problems);
}

/** graphql-js gives input objects as plain objects (some with a null prototype); anything else is a parsed scalar. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** One problem per field and message (a list of texts with the same fault twice says so once). */
function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0001${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
