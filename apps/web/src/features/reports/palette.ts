// The charts' colours: the Digital Agency design tokens' primitives (@digital-go-jp/design-tokens, Color.*),
// copied by value because the tokens' module is 130 KB of metadata; palette.test.ts checks each against the package.
export const CHART_COLORS = [
  { token: 'Primitive.Blue.900', value: '#0017c1' },
  { token: 'Primitive.Green.700', value: '#1d8b56' },
  { token: 'Primitive.Orange.700', value: '#e25100' },
  { token: 'Primitive.Cyan.700', value: '#008da6' },
  { token: 'Primitive.Magenta.700', value: '#c000c0' },
  { token: 'Primitive.Purple.700', value: '#6f23d0' },
  { token: 'Primitive.Blue.600', value: '#3460fb' },
] as const;

/** Axis lines and labels: SolidGray 600 and 800. */
export const AXIS_COLORS = {
  line: { token: 'Neutral.SolidGray.600', value: '#666666' },
  label: { token: 'Neutral.SolidGray.800', value: '#333333' },
} as const;
