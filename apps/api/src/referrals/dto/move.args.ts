import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DeclineReason, ReferralOutcome, ReturnReason } from '@tsunagu/domain';

// Arguments of the referral mutations (API.md). Every one names the referral by id.

@ArgsType()
export class NoteOnMoveArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@ArgsType()
export class DeclineReferralArgs extends NoteOnMoveArgs {
  @Field(() => DeclineReason)
  @IsEnum(DeclineReason)
  reason: DeclineReason;
}

@ArgsType()
export class ReturnReferralArgs extends NoteOnMoveArgs {
  @Field(() => ReturnReason)
  @IsEnum(ReturnReason)
  reason: ReturnReason;
}

@ArgsType()
export class CompleteReferralArgs extends NoteOnMoveArgs {
  @Field(() => ReferralOutcome)
  @IsEnum(ReferralOutcome)
  outcome: ReferralOutcome;
}

@ArgsType()
export class ReassignReferralArgs extends NoteOnMoveArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;
}

@ArgsType()
export class RequiredNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note: string;
}

@ArgsType()
export class WithdrawReferralArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

@ArgsType()
export class HoldReferralArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'The day to resume, YYYY-MM-DD (Japan time): from tomorrow to 365 days ahead.' })
  @IsString()
  resumeOn: string;

  @Field({ description: 'Why, e.g. "the resident is in hospital until mid-January".' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

@ArgsType()
export class ExtendReferralDeadlineArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'How many business days to add to the current deadline (1 to 30).' })
  @IsInt()
  @Min(1)
  @Max(30)
  businessDays: number;

  @Field({ description: 'Why, e.g. "the partner asked for 2 more days to find a driver".' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
