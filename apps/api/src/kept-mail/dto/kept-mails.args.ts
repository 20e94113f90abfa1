import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const KEPT_MAILS_MAX = 200;

@ArgsType()
export class KeptMailsArgs {
  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(KEPT_MAILS_MAX)
  first: number = 50;
}
