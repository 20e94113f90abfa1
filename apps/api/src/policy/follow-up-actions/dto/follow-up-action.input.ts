import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { BUSINESS_WINDOW, DayWithin } from '../../../common/input-sanitation/instant-window';
import { IsCalendarDate, REASON_MAX, RequiredText, TEXT_MAX, TITLE_MAX } from '../../shared/policy-fields';

@InputType('FollowUpActionInput')
export class FollowUpActionInput {
  @Field({ description: '1 to 10000 characters' })
  @RequiredText(TEXT_MAX, 'description')
  description: string;

  @Field({ description: 'Who carries it out (a department or organisation): 1 to 200 characters.' })
  @RequiredText(TITLE_MAX, 'owner')
  owner: string;

  @Field({ description: 'The due day, YYYY-MM-DD (Japan time).' })
  @IsCalendarDate()
  @DayWithin(BUSINESS_WINDOW)
  dueOn: string;
}

@ArgsType()
export class AddFollowUpActionArgs {
  @Field(() => ID, { description: 'The adopted proposal.' })
  @IsUUID()
  proposalId: string;
}

@ArgsType()
export class CompleteFollowUpActionArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  @IsOptional()
  @RequiredText(REASON_MAX, 'note')
  note?: string | null;
}
