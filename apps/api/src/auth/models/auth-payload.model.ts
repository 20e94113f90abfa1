import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/models/user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as Authorization: Bearer <token>.' })
  token: string;

  @Field(() => UserModel)
  user: UserModel;

  @Field({
    description: 'The password is a temporary one an administrator gave out: ask for a new one (changeMyPassword), then sign in again.',
  })
  mustChangePassword: boolean;
}
