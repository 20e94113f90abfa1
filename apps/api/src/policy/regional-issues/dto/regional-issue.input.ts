import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NeedCategory, RegionalIssueStatus } from '@tsunagu/domain';
import { PageArgs } from '../../../common/pagination/page-args';
import { REASON_MAX, RequiredText, TEXT_MAX, TITLE_MAX } from '../../shared/policy-fields';

/** At most this many referrals are linked by one call. */
export const MAX_REFERRALS_PER_CALL = 200;

@InputType('CreateRegionalIssueInput')
export class CreateRegionalIssueInput {
  @Field(() => ID, { description: 'Idempotency key chosen by the client; creating again with it returns the same issue.' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'clientRequestId may contain only letters, digits and . _ : -' })
  clientRequestId: string;

  @Field({ description: '1 to 200 characters' })
  @RequiredText(TITLE_MAX, 'title')
  title: string;

  @Field({ description: '1 to 10000 characters' })
  @RequiredText(TEXT_MAX, 'description')
  description: string;

  @Field(() => NeedCategory)
  @IsEnum(NeedCategory)
  category: NeedCategory;

  @Field(() => [String], { description: 'The areas it affects: at least one.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  areaCodes: string[];

  @Field(() => [ID], { nullable: true, description: 'Referrals to link as evidence (e.g. a suggestion’s).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REFERRALS_PER_CALL)
  @IsUUID(undefined, { each: true })
  referralIds?: string[] | null;
}

@InputType('UpdateRegionalIssueInput', { description: 'The fields to change; at least one.' })
export class UpdateRegionalIssueInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @RequiredText(TITLE_MAX, 'title')
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @RequiredText(TEXT_MAX, 'description')
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  areaCodes?: string[] | null;
}

@ArgsType()
export class RegionalIssueIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class LinkReferralsArgs extends RegionalIssueIdArgs {
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REFERRALS_PER_CALL)
  @IsUUID(undefined, { each: true })
  referralIds: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @RequiredText(REASON_MAX, 'note')
  note?: string | null;
}

@ArgsType()
export class UnlinkReferralArgs extends RegionalIssueIdArgs {
  @Field(() => ID)
  @IsUUID()
  referralId: string;

  @Field({ description: 'Why it was linked by mistake: 1 to 2000 characters.' })
  @RequiredText(REASON_MAX, 'reason')
  reason: string;
}

@ArgsType()
export class CloseRegionalIssueArgs extends RegionalIssueIdArgs {
  @Field({ description: '1 to 2000 characters' })
  @RequiredText(REASON_MAX, 'reason')
  reason: string;
}

@InputType('RegionalIssueFilter')
export class RegionalIssueFilter {
  @Field(() => [RegionalIssueStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(RegionalIssueStatus, { each: true })
  status?: RegionalIssueStatus[];

  @Field(() => [NeedCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(NeedCategory, { each: true })
  category?: NeedCategory[];

  @Field(() => [String], { nullable: true, description: 'Issues affecting any of these areas.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  areaCode?: string[];
}

@ArgsType()
export class RegionalIssuesArgs extends PageArgs(20, 100) {
  @Field(() => RegionalIssueFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegionalIssueFilter)
  filter?: RegionalIssueFilter;
}

@ArgsType()
export class SuggestedRegionalIssuesArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Days back to look (1 to 730); default TSUNAGU_ISSUE_SUGGESTION_WINDOW_DAYS (90).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  windowDays?: number | null;
}

@ArgsType()
export class DismissRegionalIssueSuggestionArgs {
  @Field(() => NeedCategory)
  @IsEnum(NeedCategory)
  category: NeedCategory;

  @Field(() => [ID], { description: 'The suggestion’s referrals (RegionalIssueSuggestion.referrals): 1 to 200.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REFERRALS_PER_CALL)
  @IsUUID(undefined, { each: true })
  referralIds: string[];

  @Field({ description: 'Why it is set aside: 1 to 2000 characters.' })
  @RequiredText(REASON_MAX, 'reason')
  reason: string;
}
