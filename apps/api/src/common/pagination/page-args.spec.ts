import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, validateSync } from 'class-validator';
import { PageArgs } from './page-args';

// @nestjs/graphql is an ES module jest cannot require (jest.config.js): its decorators are stubbed here. What they make
// of the mixin (the arguments, their types and defaults) is checked by printing the schema, not here.
jest.mock('@nestjs/graphql', () => ({ ArgsType: () => () => undefined, Field: () => () => undefined, Int: Number }));

class FilterArgs {
  @IsOptional()
  @IsString()
  filter?: string;
}

class SmallPage extends PageArgs(20, 100) {}
class LongCursorPage extends PageArgs(50, 500, 1000, FilterArgs) {}

const problems = (type: new () => object, plain: object) =>
  validateSync(plainToInstance(type, plain), { whitelist: true, forbidUnknownValues: false }).map((error) => [
    error.property,
    Object.keys(error.constraints ?? {}),
  ]);

describe('PageArgs', () => {
  it('defaults first', () => {
    expect(new SmallPage().first).toBe(20);
    expect(plainToInstance(LongCursorPage, {}).first).toBe(50);
  });

  it('takes first from 1 to maxFirst', () => {
    expect(problems(SmallPage, { first: 1 })).toEqual([]);
    expect(problems(SmallPage, { first: 100 })).toEqual([]);
    expect(problems(SmallPage, { first: 0 })).toEqual([['first', ['min']]]);
    expect(problems(SmallPage, { first: 101 })).toEqual([['first', ['max']]]);
    expect(problems(SmallPage, { first: 1.5 })).toEqual([['first', ['isInt']]]);
    expect(problems(LongCursorPage, { first: 500 })).toEqual([]);
    expect(problems(LongCursorPage, { first: 501 })).toEqual([['first', ['max']]]);
  });

  it('takes an after of at most maxCursorLength (200 unless given) characters', () => {
    expect(problems(SmallPage, { after: 'A'.repeat(200) })).toEqual([]);
    expect(problems(SmallPage, { after: 'A'.repeat(201) })).toEqual([['after', ['maxLength']]]);
    expect(problems(LongCursorPage, { after: 'A'.repeat(1000) })).toEqual([]);
    expect(problems(LongCursorPage, { after: 'A'.repeat(1001) })).toEqual([['after', ['maxLength']]]);
  });

  it('keeps the checks of the base class and of the subclass', () => {
    expect(problems(LongCursorPage, { filter: 3, first: 0 })).toEqual([
      ['filter', ['isString']],
      ['first', ['min']],
    ]);
    expect(new LongCursorPage()).toBeInstanceOf(FilterArgs);
  });

  it('gives every use its own limits', () => {
    expect(problems(PageArgs(5, 10), { first: 11 })).toEqual([['first', ['max']]]);
    expect(problems(SmallPage, { first: 11 })).toEqual([]);
  });
});
