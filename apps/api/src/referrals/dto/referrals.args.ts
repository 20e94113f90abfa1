import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NeedCategory, ReferralStatus } from '@tsunagu/domain';
import { BUSINESS_WINDOW, DayWithin } from '../../common/input-sanitation/instant-window';
import { PageArgs } from '../../common/pagination/page-args';
import { IsCalendarDate } from '../../policy/shared/policy-fields';

@InputType('ReferralFilter')
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(ReferralStatus, { each: true })
  status?: ReferralStatus[];

  @Field(() => [NeedCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(NeedCategory, { each: true })
  category?: NeedCategory[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  areaCode?: string[];

  @Field(() => ID, { nullable: true, description: 'Referrals this organisation holds or is offered.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Words in the summary (any part, case-insensitive), or for coordinators a resident’s ふりがな (the whole name or one word of it, exact). 1 to 100 characters.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'text must not be blank' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Submitted on or after this day, YYYY-MM-DD (Japan time).' })
  @IsOptional()
  @IsCalendarDate()
  @DayWithin(BUSINESS_WINDOW)
  submittedFrom?: string;

  @Field(() => String, { nullable: true, description: 'Submitted on or before this day, YYYY-MM-DD (Japan time).' })
  @IsOptional()
  @IsCalendarDate()
  @DayWithin(BUSINESS_WINDOW)
  submittedTo?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only those that need the caller now (docs/API.md, "Needs me now"); false or absent: no such filter.',
  })
  @IsOptional()
  @IsBoolean()
  needsAttention?: boolean;
}

export enum ReferralOrder {
  /** Newest first (created, then id). */
  NEWEST = 'NEWEST',
  /** What needs the caller first (docs/API.md, "Needs me now"), then the soonest deadline, then newest. */
  URGENCY = 'URGENCY',
}

registerEnumType(ReferralOrder, { name: 'ReferralOrder' });

@ArgsType()
export class ReferralsArgs extends PageArgs(20, 100) {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;

  @Field(() => ReferralOrder, { defaultValue: ReferralOrder.NEWEST })
  @IsOptional()
  @IsEnum(ReferralOrder)
  orderBy: ReferralOrder = ReferralOrder.NEWEST;
}

@ArgsType()
export class ReferralIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
