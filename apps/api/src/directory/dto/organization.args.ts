import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@ArgsType()
export class OrganizationIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class SetAcceptingReferralsArgs extends OrganizationIdArgs {
  @Field({ description: 'Whether the organisation takes new referrals now.' })
  @IsBoolean()
  accepting: boolean;
}
