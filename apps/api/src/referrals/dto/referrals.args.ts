import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { NeedCategory, ReferralStatus } from '@tsunagu/domain';
import { PageArgs } from '../../common/pagination/page-args';

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
export class ReferralsArgs extends PageArgs(20, 100) {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;
}

@ArgsType()
export class ReferralIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
