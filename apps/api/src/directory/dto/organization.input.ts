import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';
import {
  CONTACT_EMAIL_MAX_LENGTH,
  CONTACT_NAME_MAX_LENGTH,
  CONTACT_PHONE_MAX_LENGTH,
  CONTACT_PHONE_PATTERN,
  NAME_MAX_LENGTH,
  blankToNull,
  normalizePhone,
} from '../organization-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A blank contact is no contact: stored as null. */
const contact = ({ value }: { value: unknown }) => (typeof value === 'string' ? blankToNull(value) : value);
const phone = ({ value }: { value: unknown }) => (typeof value === 'string' ? blankToNull(normalizePhone(value)) : value);
/** For an update: the field may be left out, but not set to null (the column needs a value). */
const given = (field: string) => ValidateIf((input: Record<string, unknown>) => input[field] !== undefined);

/** Contacts, the same on create and update: a blank or null contact clears it. */
@InputType({ isAbstract: true })
abstract class OrganizationContactsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(contact)
  @IsString()
  @MaxLength(CONTACT_NAME_MAX_LENGTH)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(contact)
  @IsEmail()
  @MaxLength(CONTACT_EMAIL_MAX_LENGTH)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(phone)
  @IsString()
  @MaxLength(CONTACT_PHONE_MAX_LENGTH)
  @Matches(CONTACT_PHONE_PATTERN, { message: 'contactPhone may contain only digits, spaces and + ( ) - .' })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Set: the organisation opted in to mail about offers at this address, used while it has no active users (docs/NOTIFICATIONS.md). Blank or null: no mail.',
  })
  @IsOptional()
  @Transform(contact)
  @IsEmail()
  @MaxLength(CONTACT_EMAIL_MAX_LENGTH)
  notificationEmail?: string | null;
}

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput extends OrganizationContactsInput {
  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: `Unique; 1 to ${NAME_MAX_LENGTH} characters` })
  @Transform(trim)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name: string;

  @Field(() => [String], { description: 'Codes of the daily-life areas it serves; each must exist.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  areaCodes: string[];

  @Field(() => [NeedCategory], { defaultValue: [], description: 'Need categories it takes.' })
  @ArrayMaxSize(20)
  @IsEnum(NeedCategory, { each: true })
  categories: NeedCategory[] = [];

  @Field({ defaultValue: true, description: 'False for partners whose answers a tier-2 coordinator records.' })
  @IsBoolean()
  hasSystemUsers: boolean = true;

  @Field({ defaultValue: true, description: 'Capacity: whether it takes new referrals now.' })
  @IsBoolean()
  acceptingReferrals: boolean = true;
}

@InputType('UpdateOrganizationInput', { description: 'Only the fields given change; null clears a contact.' })
export class UpdateOrganizationInput extends OrganizationContactsInput {
  @Field(() => OrganizationKind, { nullable: true })
  @given('kind')
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field({ nullable: true })
  @given('name')
  @Transform(trim)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the areas it serves.' })
  @given('areaCodes')
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  areaCodes?: string[];

  @Field(() => [NeedCategory], { nullable: true, description: 'Replaces the categories it takes.' })
  @given('categories')
  @ArrayMaxSize(20)
  @IsEnum(NeedCategory, { each: true })
  categories?: NeedCategory[];

  @Field({ nullable: true })
  @given('hasSystemUsers')
  @IsBoolean()
  hasSystemUsers?: boolean;

  @Field({ nullable: true })
  @given('acceptingReferrals')
  @IsBoolean()
  acceptingReferrals?: boolean;
}
