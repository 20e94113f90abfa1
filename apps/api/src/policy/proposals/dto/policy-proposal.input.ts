import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { RequiredText, TEXT_MAX, TITLE_MAX } from '../../shared/policy-fields';

@InputType('PolicyProposalInput')
export class PolicyProposalInput {
  @Field({ description: '1 to 200 characters' })
  @RequiredText(TITLE_MAX, 'title')
  title: string;

  @Field({ description: '1 to 10000 characters' })
  @RequiredText(TEXT_MAX, 'body')
  body: string;
}

@ArgsType()
export class PolicyProposalIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class DraftPolicyProposalArgs {
  @Field(() => ID, { description: 'The issue the proposal is on.' })
  @IsUUID()
  issueId: string;
}
