import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';

@ArgsType()
export class ChangeMyPasswordArgs {
  @Field()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @Field({ description: 'At least 12 characters; not your email address, not the current password.' })
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}
