import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Role } from '@tsunagu/domain';
import { PageArgs } from '../../common/pagination/page-args';

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
export class UsersArgs extends PageArgs(20, 100, 1000) {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
