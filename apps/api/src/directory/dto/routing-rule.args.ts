import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NeedCategory } from '@tsunagu/domain';

@ArgsType()
export class RoutingRulesArgs {
  @Field(() => NeedCategory, { nullable: true })
  @IsOptional()
  @IsEnum(NeedCategory)
  category?: NeedCategory;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  areaCode?: string;
}

@ArgsType()
export class RoutingNeedArgs {
  @Field(() => NeedCategory)
  @IsEnum(NeedCategory)
  category: NeedCategory;

  @Field()
  @IsString()
  @Length(1, 50)
  areaCode: string;
}

@ArgsType()
export class SetRoutingRuleArgs extends RoutingNeedArgs {
  @Field(() => [ID], { description: 'Partners to offer such needs to first, in order; an empty list deletes the rule.' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  organizationIds: string[];
}
