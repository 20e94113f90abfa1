import { buildSchema, GraphQLError, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { ConfigError } from '@tsunagu/domain';
import { withoutSuggestions } from './field-suggestions';
import { DEFAULT_GRAPHQL_LIMITS, readGraphqlLimits } from './limits';
import { createMaxAliasesRule } from './max-aliases.rule';
import { createMaxDepthRule } from './max-depth.rule';
import { tokenLimitMessage, tokenLimitOf, tokenLimitParseOptions } from './max-tokens';
import { documentCost } from './query-cost';

// A small schema shaped like Tsunagu's: a connection with `first` (default 20), lists without, nested objects.
const schema = buildSchema(`
  type Query {
    me: User!
    areas: [Area!]!
    referral(id: ID!): Referral
    referrals(first: Int = 20, after: String): ReferralConnection!
    organizations(first: Int): [Organization!]!
  }
  type Mutation { addReferralNote(id: ID!, note: String!): Referral! }
  type User { id: ID!, email: String!, organization: Organization }
  type Area { id: ID!, code: String! }
  type Organization { id: ID!, name: String!, areas: [Area!]! }
  type Referral { id: ID!, status: String!, area: Area!, handoffs: [Handoff!]!, subject: Subject }
  type Subject { displayName: String! }
  type Handoff { seq: Int!, toOrganization: Organization, actor: User }
  type ReferralConnection { totalCount: Int!, edges: [ReferralEdge!]!, pageInfo: PageInfo! }
  type ReferralEdge { cursor: String!, node: Referral! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
`);

/** The errors `rule` reports for `source`, with graphql-js's own rules too. */
function errors(rule: ValidationRule, source: string): readonly GraphQLError[] {
  return validate(schema, parse(source), [...specifiedRules, rule]);
}

/** Queries exactly `levels` fields deep (a root field is level 1). */
const DEEP: Record<number, string> = {
  3: '{ referral(id: "1") { handoffs { seq } } }',
  4: '{ referral(id: "1") { handoffs { actor { id } } } }',
  5: '{ referral(id: "1") { handoffs { actor { organization { id } } } } }',
};
const nested = (levels: number) => DEEP[levels];

describe('max depth', () => {
  const rule = createMaxDepthRule(4);

  it('accepts an operation at the limit and refuses one level more, naming the depth and the limit', () => {
    expect(errors(rule, nested(4))).toEqual([]);
    const [error, ...rest] = errors(createMaxDepthRule(3), nested(4));
    expect(rest).toEqual([]);
    expect(error.message).toBe('The operation nests fields 4 levels deep; the limit is 3');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth', max: 3, fields: ['query'] });
  });

  it('names the operation when it has a name', () => {
    expect(errors(createMaxDepthRule(2), `query Deep ${nested(3)}`)[0].message).toBe(
      'The operation "Deep" nests fields 3 levels deep; the limit is 2',
    );
  });

  it('counts the levels inside fragments and inline fragments where they are spread', () => {
    const viaFragments = `
      query { referral(id: "1") { ...H } }
      fragment H on Referral { handoffs { ... on Handoff { actor { ...O } } } }
      fragment O on User { organization { areas { code } } }`;
    expect(errors(createMaxDepthRule(6), viaFragments)).toEqual([]);
    expect(errors(createMaxDepthRule(5), viaFragments).map((e) => e.message)).toEqual(['The operation nests fields 6 levels deep; the limit is 5']);
  });

  it('takes the deepest branch, not the sum of branches', () => {
    expect(errors(rule, '{ me { id organization { id areas { code } } } areas { code } referral(id: "1") { id } }')).toEqual([]);
  });

  it('does not count introspection, which development tools send deep', () => {
    expect(errors(createMaxDepthRule(2), '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });

  it('survives a fragment cycle (graphql-js reports the cycle itself) and a fragment spread many times', () => {
    const cycle = errors(rule, '{ me { ...A } } fragment A on User { organization { id } ...B } fragment B on User { ...A }');
    expect(cycle.map((e) => e.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
    expect(cycle.some((e) => e.extensions.limit)).toBe(false);
    const wide = `{ referral(id: "1") { ${'...F '.repeat(200)} } } fragment F on Referral { handoffs { seq } }`;
    expect(errors(rule, wide).filter((e) => e.extensions.limit)).toEqual([]);
  });
});

describe('max aliases', () => {
  it('accepts the limit and refuses one more, naming the count and the limit', () => {
    const three = '{ a: me { id } b: me { id } c: areas { code } }';
    expect(errors(createMaxAliasesRule(3), three)).toEqual([]);
    const [error] = errors(createMaxAliasesRule(2), three);
    expect(error.message).toBe('The operation uses 3 aliases; the limit is 2');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases', max: 2, fields: ['query'] });
  });

  it('counts aliases at any depth', () => {
    expect(errors(createMaxAliasesRule(1), '{ me { x: id y: email } }').map((e) => e.extensions.limit)).toEqual(['aliases']);
  });

  it('counts a fragment’s aliases once per spread', () => {
    const doc = `{ one: referral(id: "1") { ...F } two: referral(id: "2") { ...F } } fragment F on Referral { a: id b: status }`;
    // 2 aliased referrals + 2 spreads × 2 aliases = 6
    expect(errors(createMaxAliasesRule(6), doc)).toEqual([]);
    expect(errors(createMaxAliasesRule(5), doc)[0].message).toBe('The operation uses 6 aliases; the limit is 5');
  });

  it('refuses many aliased mutations in one operation (a batch in disguise)', () => {
    const fields = Array.from({ length: 21 }, (_, i) => `n${i}: addReferralNote(id: "1", note: "x") { id }`).join(' ');
    expect(errors(createMaxAliasesRule(20), `mutation { ${fields} }`)[0].extensions.limit).toBe('aliases');
  });

  it('does not count unaliased fields', () => {
    expect(errors(createMaxAliasesRule(0), '{ me { id email organization { name } } areas { code } }')).toEqual([]);
  });
});

describe('max tokens', () => {
  const query = '{ me { id email organization { name } } }'; // 11 tokens (braces, names), plus <SOF>/<EOF>

  it('parses a document within the limit', () => {
    expect(() => parse(query, tokenLimitParseOptions(11))).not.toThrow();
  });

  it('stops parsing past the limit with an error formatError recognises, giving the limit', () => {
    let caught: unknown;
    try {
      parse(query, tokenLimitParseOptions(10));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphQLError);
    expect(tokenLimitOf((caught as GraphQLError).message)).toBe(10);
  });

  it('does not mistake other syntax errors for the limit', () => {
    expect(tokenLimitOf('Syntax Error: Expected Name, found "}".')).toBeNull();
    expect(tokenLimitOf('Syntax Error: Document contains more than 2000 tokens. Parsing aborted.')).toBe(2000);
  });

  it('counts a long string literal as one token', () => {
    expect(() => parse(`{ referral(id: "${'x'.repeat(100_000)}") { id } }`, tokenLimitParseOptions(12))).not.toThrow();
  });

  it('explains the limit without graphql-js’s wording', () => {
    expect(tokenLimitMessage(2000)).toBe('The document has more than 2000 tokens, the most this server reads: send a smaller query');
  });
});

describe('query cost', () => {
  const options = { defaultListSize: 20 };
  const cost = (source: string, variables?: Record<string, unknown>, operationName?: string) =>
    documentCost(schema, parse(source), operationName, variables, options);

  it('counts each field 1, nested objects included', () => {
    expect(cost('{ me { id email organization { id name } } }')).toBe(1 + 2 + 1 + 2);
  });

  it('multiplies a list field’s selection by the default list size when it has no first', () => {
    expect(cost('{ areas { id code } }')).toBe(1 + 20 * 2);
    expect(cost('{ areas { id code } }', undefined)).toBe(41);
    expect(documentCost(schema, parse('{ areas { id code } }'), undefined, undefined, { defaultListSize: 5 })).toBe(1 + 5 * 2);
  });

  it('multiplies by a list field’s own first: literal, variable, or the operation’s variable default', () => {
    expect(cost('{ organizations(first: 3) { id } }')).toBe(1 + 3);
    expect(cost('query ($n: Int) { organizations(first: $n) { id } }', { n: 7 })).toBe(1 + 7);
    expect(cost('query ($n: Int = 4) { organizations(first: $n) { id } }')).toBe(1 + 4);
    expect(cost('query ($n: Int = 4) { organizations(first: $n) { id } }', { n: 9 })).toBe(1 + 9);
    // Unknown (null) first: the default list size.
    expect(cost('query ($n: Int) { organizations(first: $n) { id } }', { n: null })).toBe(1 + 20);
  });

  it('hands a connection’s first to its edges, counting totalCount and pageInfo once', () => {
    const page = '{ referrals(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } } }';
    // referrals 1 + totalCount 1 + pageInfo 3 + edges (1 + 100 × (cursor 1 + node 3))
    expect(cost(page)).toBe(1 + 1 + 3 + 1 + 100 * 4);
  });

  it('uses the schema’s default first of a connection when the query gives none', () => {
    expect(cost('{ referrals { edges { node { id } } } }')).toBe(1 + 1 + 20 * 2);
  });

  it('multiplies nested lists', () => {
    // referral 1 + handoffs (1 + 20 × (toOrganization 1 + areas (1 + 20 × code 1)))
    expect(cost('{ referral(id: "1") { handoffs { toOrganization { areas { code } } } } }')).toBe(1 + 1 + 20 * (1 + 1 + 20 * 1));
  });

  it('counts fragments where they are spread, with the first of the connection they are spread under', () => {
    const direct = cost('{ referrals(first: 10) { edges { node { id status } } } }');
    expect(cost('{ referrals(first: 10) { ...P } } fragment P on ReferralConnection { edges { node { id status } } }')).toBe(direct);
    expect(cost('{ referrals(first: 10) { edges { node { ... on Referral { id status } } } } }')).toBe(direct);
    const twice = '{ a: referrals(first: 10) { ...P } b: referrals(first: 2) { ...P } } fragment P on ReferralConnection { edges { node { id } } }';
    expect(cost(twice)).toBe(1 + 1 + 10 * 2 + (1 + 1 + 2 * 2));
  });

  it('gives __typename and introspection no cost', () => {
    expect(cost('{ __typename me { __typename id } }')).toBe(2);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('costs the operation named, mutations too', () => {
    const doc = 'query A { me { id } } mutation B { addReferralNote(id: "1", note: "x") { id handoffs { seq } } }';
    expect(cost(doc, undefined, 'A')).toBe(2);
    expect(cost(doc, undefined, 'B')).toBe(1 + 1 + 1 + 20);
    expect(cost(doc, undefined, 'C')).toBe(0);
  });

  it('stays fast on fragments spread in a chain (no exponential walk)', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Referral { id }` : `fragment F${i} on Referral { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = Date.now();
    const total = cost(`{ referral(id: "1") { ...F0 } } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(total).toBe(1 + 2 ** (levels - 1));
  });
});

describe('field suggestions', () => {
  it('strips graphql-js’s "Did you mean" from field, argument and enum messages', () => {
    expect(withoutSuggestions('Cannot query field "subjet" on type "Referral". Did you mean "subject"?')).toBe(
      'Cannot query field "subjet" on type "Referral".',
    );
    expect(withoutSuggestions('Unknown argument "frist" on field "Query.referrals". Did you mean "first"?')).toBe(
      'Unknown argument "frist" on field "Query.referrals".',
    );
    expect(
      withoutSuggestions(
        'Variable "$reason" got invalid value "TOO_BUSY"; Value "TOO_BUSY" does not exist in "DeclineReason" enum. Did you mean the enum value "NO_CAPACITY" or "OTHER"?',
      ),
    ).toBe('Variable "$reason" got invalid value "TOO_BUSY"; Value "TOO_BUSY" does not exist in "DeclineReason" enum.');
  });

  it('leaves other messages alone', () => {
    expect(withoutSuggestions('Referral not found')).toBe('Referral not found');
  });

  it('graphql-js does suggest (so there is something to strip)', () => {
    const [error] = validate(schema, parse('{ me { emial } }'));
    expect(error.message).toMatch(/Did you mean "email"\?$/);
    expect(withoutSuggestions(error.message)).toBe('Cannot query field "emial" on type "User".');
  });
});

describe('readGraphqlLimits', () => {
  it('has defaults', () => {
    expect(readGraphqlLimits({})).toEqual(DEFAULT_GRAPHQL_LIMITS);
    expect(DEFAULT_GRAPHQL_LIMITS).toEqual({
      maxDepth: 10,
      maxAliases: 20,
      maxTokens: 2000,
      maxCost: 50_000,
      defaultListSize: 20,
      maxBodyBytes: 1_048_576,
    });
  });

  it('reads each variable', () => {
    expect(
      readGraphqlLimits({
        TSUNAGU_GRAPHQL_MAX_DEPTH: '12',
        TSUNAGU_GRAPHQL_MAX_ALIASES: '0',
        TSUNAGU_GRAPHQL_MAX_TOKENS: '5000',
        TSUNAGU_GRAPHQL_MAX_COST: '1000',
        TSUNAGU_GRAPHQL_DEFAULT_LIST_SIZE: '10',
        TSUNAGU_HTTP_MAX_BODY_BYTES: '2048',
      }),
    ).toEqual({ maxDepth: 12, maxAliases: 0, maxTokens: 5000, maxCost: 1000, defaultListSize: 10, maxBodyBytes: 2048 });
  });

  it.each([
    ['TSUNAGU_GRAPHQL_MAX_DEPTH', '1'],
    ['TSUNAGU_GRAPHQL_MAX_DEPTH', 'deep'],
    ['TSUNAGU_GRAPHQL_MAX_ALIASES', '-1'],
    ['TSUNAGU_GRAPHQL_MAX_TOKENS', '10'],
    ['TSUNAGU_GRAPHQL_MAX_COST', '1.5'],
    ['TSUNAGU_GRAPHQL_DEFAULT_LIST_SIZE', '0'],
    ['TSUNAGU_HTTP_MAX_BODY_BYTES', '1mb'],
    ['TSUNAGU_HTTP_MAX_BODY_BYTES', '100'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => readGraphqlLimits({ [name]: value })).toThrow(ConfigError);
    expect(() => readGraphqlLimits({ [name]: value })).toThrow(name);
  });
});
