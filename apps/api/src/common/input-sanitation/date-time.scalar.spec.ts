import { Kind, parseValue } from 'graphql';
import { DateTimeScalar, parseInstant, RefusedInstant } from './date-time.scalar';

const refused = (value: unknown) => {
  const parsed = parseInstant(value);
  expect(parsed).toBeInstanceOf(RefusedInstant);
  return (parsed as RefusedInstant).message;
};

describe('parseInstant', () => {
  it('takes ISO 8601 with a time zone (Z or an offset), seconds and fractions optional', () => {
    expect(parseInstant('2026-11-20T10:00:00+09:00')).toEqual(new Date('2026-11-20T01:00:00.000Z'));
    expect(parseInstant('2026-11-20T01:00:00.000Z')).toEqual(new Date('2026-11-20T01:00:00.000Z'));
    expect(parseInstant('2026-11-20T01:00Z')).toEqual(new Date('2026-11-20T01:00:00.000Z'));
    expect(parseInstant('2026-11-19T20:30:00-04:30')).toEqual(new Date('2026-11-20T01:00:00.000Z'));
    expect(parseInstant('2026-11-20t01:00:00.123456z')).toEqual(new Date('2026-11-20T01:00:00.123Z'));
    expect(parseInstant('2024-02-29T00:00:00Z')).toEqual(new Date('2024-02-29T00:00:00Z'));
  });

  it('keeps years 0001 to 0099 as they are written (not 1900 + year)', () => {
    expect(parseInstant('0050-06-01T00:00:00Z')).toEqual(new Date('0050-06-01T00:00:00Z'));
    expect(parseInstant('9999-12-31T23:59:59.999Z')).toEqual(new Date('9999-12-31T23:59:59.999Z'));
  });

  it('refuses a number, a boolean, an object and null, saying a string is wanted', () => {
    expect(refused(1_764_000_000_000)).toMatch(/as a string, not as a number/);
    expect(refused(true)).toMatch(/not as a boolean/);
    expect(refused({})).toMatch(/not as a object/);
    expect(refused([])).toMatch(/not as a list/);
    expect(refused(null)).toMatch(/as a string/);
  });

  it('refuses what new Date() reads loosely: no zone, a date alone, other formats, expanded years', () => {
    for (const text of [
      '2026-11-20T10:00:00',
      '2026-11-20',
      '2026-11-20 10:00:00Z',
      'Fri Nov 20 2026 10:00:00 GMT+0900',
      '1764000000000',
      '-000001-01-01T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '+002026-11-20T00:00:00Z',
      '2026-11-20T10:00:00+0900',
      '来月',
      '',
    ]) {
      expect({ text, message: refused(text) }).toEqual({ text, message: expect.stringMatching(/^must be a date and time with a time zone/) });
    }
  });

  it('refuses dates, times and zones that do not exist', () => {
    for (const text of [
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-31T00:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20T10:60:00Z',
      '2026-11-20T10:00:60Z',
      '2026-11-20T10:00:00+24:00',
      '2026-11-20T10:00:00+09:60',
      '0000-06-01T00:00:00Z',
    ]) {
      expect({ text, message: refused(text) }).toEqual({ text, message: expect.stringMatching(/does not exist/) });
    }
  });

  it('refuses instants outside years 0001 to 9999 in UTC, which PostgreSQL could not read back', () => {
    expect(refused('0001-01-01T00:00:00+09:00')).toMatch(/between the years 0001 and 9999/);
    expect(refused('9999-12-31T23:00:00-09:00')).toMatch(/between the years 0001 and 9999/);
  });
});

describe('DateTimeScalar', () => {
  it("keeps the name and description of @nestjs/graphql's DateTime, and writes toISOString()", () => {
    expect(DateTimeScalar.name).toBe('DateTime');
    expect(DateTimeScalar.description).toBe('A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.');
    expect(DateTimeScalar.serialize(new Date('2026-11-20T10:00:00+09:00'))).toBe('2026-11-20T01:00:00.000Z');
    expect(DateTimeScalar.serialize('2026')).toBeNull();
  });

  it('parses literals like variables: strings by the same rule, any other literal refused', () => {
    expect(DateTimeScalar.parseLiteral(parseValue('"2026-11-20T10:00:00+09:00"'))).toEqual(new Date('2026-11-20T01:00:00.000Z'));
    expect(DateTimeScalar.parseLiteral(parseValue('"2026-11-20"'))).toBeInstanceOf(RefusedInstant);
    expect((DateTimeScalar.parseLiteral(parseValue('1764000000000')) as RefusedInstant).message).toMatch(/not as a number/);
    expect(DateTimeScalar.parseLiteral(parseValue('{ a: 1 }'))).toBeInstanceOf(RefusedInstant);
    expect(parseValue('1').kind).toBe(Kind.INT);
  });
});
