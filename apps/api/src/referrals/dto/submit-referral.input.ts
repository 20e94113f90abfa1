import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Destination, NeedCategory, SubjectKind } from '@tsunagu/domain';
import { ReferralDetailsInput } from './referral-details.input';
import { CONSENT_WINDOW, InstantWithin } from '../../common/input-sanitation/instant-window';

@InputType('ReferralSubjectInput')
export class ReferralSubjectInput {
  @Field()
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field(() => String, {
    nullable: true,
    description: 'ふりがな: hiragana or katakana, ー and spaces, at most 100 characters; stored in hiragana (ヤマダ タロウ → やまだ たろう).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameKana?: string | null;

  @Field(() => String, { nullable: true, description: 'For example "80代"' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  ageBand?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;
}

@InputType('ConsentInput', { description: 'Who consented, how and when, to sharing with partners.' })
export class ConsentInput {
  @Field()
  @IsBoolean()
  obtained: boolean;

  @Field({ description: 'How it was obtained: 書面, 口頭, ...' })
  @IsString()
  @Length(1, 100)
  method: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(CONSENT_WINDOW)
  obtainedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who consented: 本人, 家族(長女), 成年後見人, ... (recommended; blank is none)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(100)
  givenBy?: string | null;
}

@InputType('SubmitReferralInput')
export class SubmitReferralInput {
  @Field(() => ID, { description: 'Idempotency key chosen by the form; resubmitting returns the same referral.' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'clientRequestId may contain only letters, digits and . _ : -' })
  clientRequestId: string;

  @Field(() => NeedCategory)
  @IsEnum(NeedCategory)
  category: NeedCategory;

  @Field()
  @IsString()
  @Length(1, 50)
  areaCode: string;

  @Field({ description: '1 to 2000 characters' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary: string;

  @Field(() => SubjectKind)
  @IsEnum(SubjectKind)
  subjectKind: SubjectKind;

  @Field(() => ReferralSubjectInput, { nullable: true, description: 'Required when subjectKind is PERSON.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralSubjectInput)
  subject?: ReferralSubjectInput | null;

  @Field(() => ConsentInput, { nullable: true, description: 'Required when subjectKind is PERSON.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent?: ConsentInput | null;

  @Field(() => ReferralDetailsInput, {
    nullable: true,
    description: 'What the coordinator recorded for this category (docs/API.md, "Need details"). Optional: submissions without keep working.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralDetailsInput)
  details?: ReferralDetailsInput | null;

  @Field(() => Destination)
  @IsEnum(Destination)
  destination: Destination;

  @Field(() => ID, { nullable: true, description: 'The partner the coordinator chose; otherwise routing picks.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}
