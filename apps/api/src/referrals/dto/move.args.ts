import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DeclineReason, ReferralOutcome } from '@tsunagu/domain';

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
