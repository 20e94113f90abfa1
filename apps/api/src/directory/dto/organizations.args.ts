import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { NeedCategory, OrganizationKind } from '@tsunagu/domain';

@ArgsType()
export class OrganizationsArgs {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  areaCode?: string;

  @Field(() => NeedCategory, { nullable: true })
  @IsOptional()
  @IsEnum(NeedCategory)
  category?: NeedCategory;
}
