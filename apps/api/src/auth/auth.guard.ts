import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { forbidden, unauthenticated } from '../common/graphql-errors';
import type { RequestContext } from '../common/request-context';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { sessionTokenFromCookies } from './session-cookie';
import { ALLOWED_WITH_TEMPORARY_PASSWORD, ROLES } from './roles.decorator';
import { Viewer } from '../common/viewer';

/** Why a signed-in user with a temporary password is refused (extensions.reason, with code FORBIDDEN). */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/**
 * Runs before every query and mutation, and before their arguments are validated (Nest runs guards before pipes):
 * a valid bearer token or session cookie (the console's; a bearer header wins when both come) unless the operation is @Public(); while the password is a temporary one, only operations
 * marked @AllowedWithTemporaryPassword(); and one of the roles the operation declares (@Roles, @AnyRole).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (isPublic) return true;
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    // Another root field of the same request may already have signed the viewer in.
    req.viewer ??= await this.viewerOf(req.headers.authorization, req.headers.cookie);
    const operation = context.getHandler().name;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // Fail closed: an operation that does not say who may call it is a bug (access-matrix.spec.ts), not open to all.
    if (!roles) throw new Error(`${operation} declares no roles (@Roles, @AnyRole or @Public)`);
    if (req.viewer.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_WITH_TEMPORARY_PASSWORD, targets)) {
      throw forbidden('Your password is a temporary one: choose your own (changeMyPassword), then sign in again', {
        reason: PASSWORD_CHANGE_REQUIRED,
      });
    }
    if (!roles.includes(req.viewer.role)) throw forbidden(`A ${req.viewer.role} cannot call ${operation}`);
    return true;
  }

  private async viewerOf(authorization: string | undefined, cookie: string | undefined): Promise<Viewer> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? sessionTokenFromCookies(cookie);
    const viewer = token ? await this.auth.viewerFromToken(token) : null;
    if (!viewer) throw unauthenticated(token ? 'The token is invalid or has expired: sign in again' : undefined);
    return viewer;
  }
}
