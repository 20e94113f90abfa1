import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  password: string;
}
