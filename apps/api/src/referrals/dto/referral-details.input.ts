import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import {
  DETAIL_TEXT_MAX,
  GatheringPlaceKind,
  HomeHelpTask,
  Mobility,
  NeedFrequency,
  ShoppingScope,
  TransportPurpose,
  VolunteerSkill,
  WatchOverMethod,
  Weekday,
  WorkPreference,
} from '@tsunagu/domain';

// The details a coordinator records per category (docs/API.md, "Need details"). Every field is optional here so that
// one check, validateReferralDetails in libs/domain, names every problem with its path (details.transport.days[2]);
// the decorators below only keep the fields through the validation pipe's whitelist.

@InputType('TransportDetailsInput', { description: '移動支援: what the outing is for, how often, how the person gets about.' })
export class TransportDetailsInput {
  @Field(() => TransportPurpose, { nullable: true, description: 'Required.' })
  @IsOptional()
  @IsEnum(TransportPurpose)
  purpose?: TransportPurpose | null;

  @Field(() => NeedFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(NeedFrequency)
  frequency?: NeedFrequency | null;

  @Field(() => [Weekday], { nullable: true, description: 'Each day once.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  days?: Weekday[] | null;

  @Field(() => Mobility, { nullable: true })
  @IsOptional()
  @IsEnum(Mobility)
  mobility?: Mobility | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  escortNeeded?: boolean | null;
}

@InputType('ShoppingDetailsInput', { description: '買い物支援: for one person or a whole place.' })
export class ShoppingDetailsInput {
  @Field(() => ShoppingScope, { nullable: true, description: 'Required; PERSON for a PERSON referral, AREA for an AREA one.' })
  @IsOptional()
  @IsEnum(ShoppingScope)
  scope?: ShoppingScope | null;

  @Field(() => String, {
    nullable: true,
    description: `The place (estate, street, 自治会), at most ${DETAIL_TEXT_MAX.location} characters. Never a resident's address.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(DETAIL_TEXT_MAX.location * 2) // characters are counted by the domain check; this only bounds the input
  location?: string | null;

  @Field(() => String, { nullable: true, description: `At most ${DETAIL_TEXT_MAX.nearestShop} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(DETAIL_TEXT_MAX.nearestShop * 2)
  nearestShop?: string | null;

  @Field(() => Boolean, { nullable: true, description: '移動販売 wanted.' })
  @IsOptional()
  @IsBoolean()
  mobileSalesWanted?: boolean | null;

  @Field(() => NeedFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(NeedFrequency)
  frequency?: NeedFrequency | null;
}

@InputType('VolunteerInterestDetailsInput', { description: '活動希望: what a supporter offers, when and where.' })
export class VolunteerInterestDetailsInput {
  @Field(() => [VolunteerSkill], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  skills?: VolunteerSkill[] | null;

  @Field(() => [Weekday], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  days?: Weekday[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the daily-life areas the supporter can act in.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  areaCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Finished the city’s 生活支援サポーター養成研修.' })
  @IsOptional()
  @IsBoolean()
  supporterTrainingCompleted?: boolean | null;

  @Field(() => WorkPreference, { nullable: true })
  @IsOptional()
  @IsEnum(WorkPreference)
  workPreference?: WorkPreference | null;
}

@InputType('HomeHelpDetailsInput', { description: '訪問型支えあい: the tasks and how often.' })
export class HomeHelpDetailsInput {
  @Field(() => [HomeHelpTask], { nullable: true, description: 'Required: at least one.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  tasks?: HomeHelpTask[] | null;

  @Field(() => NeedFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(NeedFrequency)
  frequency?: NeedFrequency | null;
}

@InputType('GatheringPlaceDetailsInput', { description: '居場所: the kind of place, its days, whether getting there needs help.' })
export class GatheringPlaceDetailsInput {
  @Field(() => GatheringPlaceKind, { nullable: true, description: 'Required.' })
  @IsOptional()
  @IsEnum(GatheringPlaceKind)
  placeKind?: GatheringPlaceKind | null;

  @Field(() => [Weekday], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  days?: Weekday[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  transportNeeded?: boolean | null;
}

@InputType('WatchOverDetailsInput', { description: '見守り: how often and how.' })
export class WatchOverDetailsInput {
  @Field(() => NeedFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(NeedFrequency)
  frequency?: NeedFrequency | null;

  @Field(() => [WatchOverMethod], { nullable: true, description: 'Required: at least one.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  methods?: WatchOverMethod[] | null;
}

@InputType('OtherDetailsInput', { description: 'その他: nothing structured beyond a note.' })
export class OtherDetailsInput {
  @Field(() => String, { nullable: true, description: `Required, at most ${DETAIL_TEXT_MAX.note} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(DETAIL_TEXT_MAX.note * 2)
  note?: string | null;
}

@InputType('ReferralDetailsInput', {
  description: "The details of the referral's category, under its key (TRANSPORT: transport, ...); the other keys stay empty.",
})
export class ReferralDetailsInput {
  @Field(() => TransportDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransportDetailsInput)
  transport?: TransportDetailsInput | null;

  @Field(() => ShoppingDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShoppingDetailsInput)
  shopping?: ShoppingDetailsInput | null;

  @Field(() => VolunteerInterestDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VolunteerInterestDetailsInput)
  volunteerInterest?: VolunteerInterestDetailsInput | null;

  @Field(() => HomeHelpDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HomeHelpDetailsInput)
  homeHelp?: HomeHelpDetailsInput | null;

  @Field(() => GatheringPlaceDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GatheringPlaceDetailsInput)
  gatheringPlace?: GatheringPlaceDetailsInput | null;

  @Field(() => WatchOverDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WatchOverDetailsInput)
  watchOver?: WatchOverDetailsInput | null;

  @Field(() => OtherDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OtherDetailsInput)
  other?: OtherDetailsInput | null;
}
