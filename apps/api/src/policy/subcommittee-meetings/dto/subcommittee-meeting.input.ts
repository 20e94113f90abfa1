import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SubcommitteeDecision } from '@tsunagu/domain';
import { BUSINESS_WINDOW, InstantWithin } from '../../../common/input-sanitation/instant-window';
import { REASON_MAX, RequiredText, TEXT_MAX, TITLE_MAX } from '../../shared/policy-fields';

@InputType('CreateSubcommitteeMeetingInput')
export class CreateSubcommitteeMeetingInput {
  @Field({ description: '1 to 200 characters, e.g. 令和8年度 第2回 生活支援体制整備部会' })
  @RequiredText(TITLE_MAX, 'title')
  title: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  heldAt: Date;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  location?: string | null;
}

@ArgsType()
export class SubcommitteeMeetingIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class SubcommitteeMeetingsArgs {
  @Field(() => Date, { nullable: true, description: 'Held at or after (inclusive).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Held before (exclusive).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  to?: Date | null;
}

@ArgsType()
export class AgendaArgs {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => ID)
  @IsUUID()
  proposalId: string;
}

@ArgsType()
export class RecordSubcommitteeDecisionArgs extends AgendaArgs {
  @Field(() => SubcommitteeDecision)
  @IsEnum(SubcommitteeDecision)
  decision: SubcommitteeDecision;

  @Field({ description: 'The minutes on this item: 1 to 10000 characters.' })
  @RequiredText(TEXT_MAX, 'minutes')
  minutes: string;
}

@ArgsType()
export class RescheduleSubcommitteeMeetingArgs extends SubcommitteeMeetingIdArgs {
  @Field({ description: 'The new time of the meeting.' })
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  heldAt: Date;
}

@ArgsType()
export class CancelSubcommitteeMeetingArgs extends SubcommitteeMeetingIdArgs {
  @Field({ description: 'Why it is cancelled: 1 to 2000 characters.' })
  @RequiredText(REASON_MAX, 'reason')
  reason: string;
}

@ArgsType()
export class RemoveProposalFromAgendaArgs extends AgendaArgs {
  @Field(() => String, { nullable: true, description: 'Why (up to 10000 characters); recorded in the issue’s history.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reason?: string | null;
}
