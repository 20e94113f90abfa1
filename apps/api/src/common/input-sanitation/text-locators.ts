import type { TextLocator } from './input-walker';

// Fields of argument classes whose refused texts are located in their own words (a CSV file's line and column), found
// by the validation pipe from the argument's class. Only fields of the argument class itself, not of nested inputs.
const LOCATORS = new WeakMap<object, Map<string, TextLocator>>();

/** On a field of an @ArgsType or @InputType class: a refused character in it is reported by `locate`'s place. */
export function LocateTextFaults(locate: TextLocator): PropertyDecorator {
  return (target, property) => {
    const owner = target.constructor;
    const own = LOCATORS.get(owner) ?? new Map<string, TextLocator>();
    own.set(String(property), locate);
    LOCATORS.set(owner, own);
  };
}

/** The locators of an argument class and its parents, by field name; empty for anything else. */
export function textLocatorsOf(metatype: unknown): ReadonlyMap<string, TextLocator> {
  const found = new Map<string, TextLocator>();
  for (let type = metatype; typeof type === 'function' && type !== Function.prototype; type = Object.getPrototypeOf(type)) {
    for (const [field, locate] of LOCATORS.get(type as object) ?? []) if (!found.has(field)) found.set(field, locate);
  }
  return found;
}
