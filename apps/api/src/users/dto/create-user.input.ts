import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '@tsunagu/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A blank optional code is no code, as forms send an unselected choice. */
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
/** Emails are stored lower-case and signing in lower-cases what is typed: Hanako@Example.jp is hanako@example.jp. */
const email = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const DISPLAY_NAME_MAX_LENGTH = 100;
/** The longest address the sign-in form accepts is 320 characters; a mailbox is at most 254. */
export const EMAIL_MAX_LENGTH = 254;

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field({ description: 'Unique; the user signs in with it (stored lower-case).' })
  @Transform(email)
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @Field({ description: `1 to ${DISPLAY_NAME_MAX_LENGTH} characters` })
  @Transform(trim)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  displayName: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      'Required for every role but ADMIN: PARTNER a partner organisation with system users, TIER2_COORDINATOR the social welfare council, TIER1_COORDINATOR a city department, SUBCOMMITTEE the subcommittee or a city department.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'The daily-life area of a TIER2_COORDINATOR (required for them, refused for others).' })
  @Transform(blankToNull)
  @IsOptional()
  @IsString()
  @Length(1, 50)
  areaCode?: string | null;
}
