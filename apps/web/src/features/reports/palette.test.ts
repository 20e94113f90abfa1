// The charts' colours are the Digital Agency's tokens, value for value.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AXIS_COLORS, CHART_COLORS } from './palette';

type TokenTree = { [key: string]: TokenTree } & { $value?: string };
const tokens = createRequire(import.meta.url)('@digital-go-jp/design-tokens') as { Color: TokenTree };

describe('the chart palette', () => {
  it.each([...CHART_COLORS, AXIS_COLORS.line, AXIS_COLORS.label])('$token is the token’s value', ({ token, value }) => {
    const node = token.split('.').reduce<TokenTree>((tree, key) => tree[key], tokens.Color);
    expect(node.$value).toBe(value);
  });
});
