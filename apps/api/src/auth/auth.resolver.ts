import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { toUserModel } from '../directory/directory.mappers';
import { UserModel } from '../users/models/user.model';
import { AuthService } from './auth.service';
import { CurrentViewer } from './current-viewer.decorator';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel } from './models/auth-payload.model';
import { Public } from './public.decorator';
import { AllowedWithTemporaryPassword, AnyRole } from './roles.decorator';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { auditTemporaryPassword, TEMPORARY_PASSWORD_SIGN_IN } from './temporary-password-audit';
import { Viewer } from '../common/viewer';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { token, user } = await this.auth.login(email, password, clientAddressOf(ctx.req));
    if (user.mustChangePassword) auditTemporaryPassword(ctx, TEMPORARY_PASSWORD_SIGN_IN, user);
    // For the console: the same token as an httpOnly cookie (it selects no `token`, so its scripts never hold one).
    if (ctx.res) setSessionCookie(ctx.req, ctx.res, token, this.config);
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
  @Mutation(() => Boolean, {
    description: 'Signs you out everywhere: every token issued to you so far stops working, and the session cookie is cleared.',
  })
  async signOut(@CurrentViewer() viewer: Viewer, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.signOut(viewer.id);
    if (ctx.res) clearSessionCookie(ctx.req, ctx.res, this.config);
    return true;
  }
}

/** The client's address as Express sees it: the socket's peer, or X-Forwarded-For from a trusted proxy (TSUNAGU_TRUST_PROXY). */
export function clientAddressOf(req: RequestContext['req']): string | undefined {
  return req.ip ?? req.socket?.remoteAddress;
}
