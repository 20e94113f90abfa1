import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';

const TEMPORARY =
  'Shown this once and stored only as a hash: hand it to the user, who signs in with it and then chooses their own (changeMyPassword).';

@ObjectType('CreateUserPayload')
export class CreateUserPayloadModel {
  @Field(() => UserModel)
  user: UserModel;

  @Field({ description: TEMPORARY })
  temporaryPassword: string;
}

@ObjectType('ResetPasswordPayload')
export class ResetPasswordPayloadModel {
  @Field(() => UserModel)
  user: UserModel;

  @Field({ description: `${TEMPORARY} The user's earlier password and every token issued to them no longer work.` })
  temporaryPassword: string;
}
