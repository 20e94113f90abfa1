import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BUSINESS_WINDOW, InstantWithin } from '../../common/input-sanitation/instant-window';
import { PageArgs } from '../../common/pagination/page-args';

@InputType('AuditEventFilter', { description: 'Every field given must match; lists match any of their values.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'The user who acted.' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @Field(() => [String], { nullable: true, description: 'Mutation names (acceptReferral) or reads (read:Referral.subject).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  operation?: string[];

  @Field(() => String, { nullable: true, description: 'Referral, Organization, User, ...' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  objectId?: string;

  @Field(() => String, { nullable: true, description: 'The request the events came from (X-Request-Id).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requestId?: string;

  @Field(() => [String], { nullable: true, description: 'OK or error codes (FORBIDDEN, CONFLICT, ...).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  result?: string[];

  @Field(() => Date, { nullable: true, description: 'Events at or after this time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Events before this time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @InstantWithin(BUSINESS_WINDOW)
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs(50, 200) {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}
