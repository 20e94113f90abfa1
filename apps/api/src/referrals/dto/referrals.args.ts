import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NeedCategory, ReferralStatus } from '@tsunagu/domain';

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
}

@ArgsType()
export class ReferralsArgs {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class ReferralIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
