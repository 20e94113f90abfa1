import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Role } from '@tsunagu/domain';

@InputType('UserFilter')
export class UserFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Users who belong to this organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ nullable: true, description: 'true: only users who may sign in; false: only deactivated ones.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UsersArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
