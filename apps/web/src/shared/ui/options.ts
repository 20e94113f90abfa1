/** A choice of a select or a group of radios: [value, label]. */
export type Option = readonly [value: string, label: string];

/** Options from a label table, in the table's order. */
export function optionsOf(labels: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(labels);
}
