import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { toUserModel } from '../directory/directory.mappers';
import { UserModel } from '../directory/models/user.model';
import { AuthService } from './auth.service';
import { CurrentViewer } from './current-viewer.decorator';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel } from './models/auth-payload.model';
import { Public } from './public.decorator';
import { Viewer } from './viewer';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args() { email, password }: LoginArgs): Promise<AuthPayloadModel> {
    const { token, user } = await this.auth.login(email, password);
    return { token, user: toUserModel(user) };
  }

  @Query(() => UserModel)
  me(@CurrentViewer() viewer: Viewer): UserModel {
    return toUserModel(viewer);
  }
}
