import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

type Constructor<T = object> = new (...args: any[]) => T;

/**
 * The `first` and `after` arguments of a connection query, as a base for its ArgsType:
 *
 *     @ArgsType()
 *     export class ReferralsArgs extends PageArgs(20, 100) { ... filter ... }
 *
 * `first: Int = defaultFirst` (1 to maxFirst) and `after: String` (at most maxCursorLength characters). @nestjs/graphql
 * takes the arguments of every @ArgsType class up the chain, and class-validator the checks, so the subclass needs nothing
 * more; the schema is sorted (app.module.ts), so where the arguments come from does not change it. Base: an ArgsType
 * whose arguments the query has too (ProvisionPeriodArgs).
 */
export function PageArgs<TBase extends Constructor>(defaultFirst: number, maxFirst: number, maxCursorLength = 200, Base?: TBase) {
  const Parent = (Base ?? class {}) as TBase;

  @ArgsType()
  class PageArgsType extends Parent {
    @Field(() => Int, { defaultValue: defaultFirst })
    @IsInt()
    @Min(1)
    @Max(maxFirst)
    first: number = defaultFirst;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @IsString()
    @MaxLength(maxCursorLength)
    after?: string;
  }
  return PageArgsType;
}
