import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';
import { toUserModel } from '../directory/directory.mappers';
import { UserModel } from '../users/models/user.model';
import { AuthService } from './auth.service';
import { CurrentViewer } from './current-viewer.decorator';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel } from './models/auth-payload.model';
import { Public } from './public.decorator';
import { AllowedWithTemporaryPassword, AnyRole } from './roles.decorator';
import { auditTemporaryPassword, TEMPORARY_PASSWORD_SIGN_IN } from './temporary-password-audit';
import { Viewer } from '../common/viewer';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { token, user } = await this.auth.login(email, password, clientAddressOf(ctx.req));
    if (user.mustChangePassword) auditTemporaryPassword(ctx, TEMPORARY_PASSWORD_SIGN_IN, user);
    return { token, user: toUserModel(user), mustChangePassword: user.mustChangePassword };
  }

  @AnyRole()
  @AllowedWithTemporaryPassword()
  @Query(() => UserModel)
  me(@CurrentViewer() viewer: Viewer): UserModel {
    return toUserModel(viewer);
  }

  @AnyRole()
  @AllowedWithTemporaryPassword()
  @Mutation(() => Boolean, { description: 'Signs you out everywhere: every token issued to you so far stops working.' })
  async signOut(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.auth.signOut(viewer.id);
    return true;
  }
}

/** The client's address as Express sees it: the socket's peer, or X-Forwarded-For from a trusted proxy (TSUNAGU_TRUST_PROXY). */
export function clientAddressOf(req: RequestContext['req']): string | undefined {
  return req.ip ?? req.socket?.remoteAddress;
}
