import { GraphQLError } from 'graphql';
import { decodeKeyCursor, encodeKeyCursor, isoInstantPart, notACursor, textPart, uuidPart } from './key-cursor';

const ID = '0b7c5a52-6f0e-4c47-9d43-3a7d1e5f2c10';
const AT = '2025-01-02T03:04:05.678Z';
const raw = (content: unknown) => Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)).toString('base64url');

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error('no error');
}

describe('encodeKeyCursor', () => {
  it('writes the key as base64url JSON, byte for byte what the services wrote before', () => {
    // Cursors clients hold: the referral/provision format ([ISO instant, id]) and the user format ([email, id]).
    expect(encodeKeyCursor([AT, ID])).toBe(Buffer.from(JSON.stringify([AT, ID])).toString('base64url'));
    expect(encodeKeyCursor([AT, ID])).toBe('WyIyMDI1LTAxLTAyVDAzOjA0OjA1LjY3OFoiLCIwYjdjNWE1Mi02ZjBlLTRjNDctOWQ0My0zYTdkMWU1ZjJjMTAiXQ');
    expect(encodeKeyCursor(['ä+/@example.org', ID])).toBe(Buffer.from(JSON.stringify(['ä+/@example.org', ID])).toString('base64url'));
    expect(encodeKeyCursor([AT, ID])).not.toMatch(/[+/=]/);
  });

  it('round-trips through decodeKeyCursor', () => {
    expect(decodeKeyCursor(encodeKeyCursor([AT, ID]), [isoInstantPart, uuidPart])).toEqual([AT, ID]);
    expect(decodeKeyCursor(encodeKeyCursor(['a@b.example', ID]), [textPart(320), uuidPart])).toEqual(['a@b.example', ID]);
  });
});

describe('decodeKeyCursor', () => {
  const instantAndId = [isoInstantPart, uuidPart] as const;

  it.each([
    ['not base64url JSON', 'bogus'],
    ['empty', ''],
    ['an object', raw({ createdAt: AT, id: ID })],
    ['a string', raw('"x"')],
    ['a number', raw('1')],
    ['null', raw('null')],
    ['too few parts', raw([AT])],
    ['a part that is not a string', raw([Date.parse(AT), ID])],
    ['a bad id', raw([AT, "x' OR 1=1 --"])],
    ['an id of 36 dashes', raw([AT, '-'.repeat(36)])],
    ['a date JavaScript reads loosely', raw(['1', ID])],
    ['February 30', raw(['2024-02-30T00:00:00Z', ID])],
    ['a month name', raw(['March 7', ID])],
    ['an instant that does not round-trip (no milliseconds)', raw(['2025-01-02T03:04:05Z', ID])],
    ['an instant with an offset', raw(['2025-01-02T12:04:05.678+09:00', ID])],
  ])('refuses %s with BAD_USER_INPUT on after', (_what, cursor) => {
    expect(refusal(() => decodeKeyCursor(cursor, instantAndId))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['after'],
      problems: [{ field: 'after', message: 'is not a cursor this API gave out' }],
    });
  });

  it('checks each part with its own check', () => {
    expect(decodeKeyCursor(raw(['x'.repeat(320), ID]), [textPart(320), uuidPart])).toEqual(['x'.repeat(320), ID]);
    expect(refusal(() => decodeKeyCursor(raw(['x'.repeat(321), ID]), [textPart(320), uuidPart]))).toMatchObject({ fields: ['after'] });
    expect(refusal(() => decodeKeyCursor(raw([ID, AT]), instantAndId))).toMatchObject({ fields: ['after'] });
  });

  it('refuses instants and texts PostgreSQL cannot take, though JavaScript round-trips them', () => {
    for (const instant of ['+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '0000-12-31T15:00:00.000Z']) {
      expect(new Date(instant).toISOString()).toBe(instant);
      expect(refusal(() => decodeKeyCursor(raw([instant, ID]), instantAndId))).toMatchObject({ fields: ['after'] });
    }
    for (const text of ['a\u0000@b.example', 'a\ud800@b.example']) {
      expect(refusal(() => decodeKeyCursor(raw([text, ID]), [textPart(320), uuidPart]))).toMatchObject({ fields: ['after'] });
    }
  });

  it('accepts upper-case ids and reads only as many parts as it checks, as the decoders before it did', () => {
    expect(decodeKeyCursor(raw([AT, ID.toUpperCase()]), instantAndId)).toEqual([AT, ID.toUpperCase()]);
    expect(decodeKeyCursor(raw([AT, ID, 'more']), instantAndId)).toEqual([AT, ID]);
  });
});

describe('notACursor', () => {
  it('is the one answer to a cursor the API did not write', () => {
    const error = notACursor();
    expect(error.message).toBe('Invalid input: after: is not a cursor this API gave out');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['after'],
      problems: [{ field: 'after', message: 'is not a cursor this API gave out' }],
    });
  });
});
