import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../directory/models/user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as Authorization: Bearer <token>.' })
  token: string;

  @Field(() => UserModel)
  user: UserModel;
}
