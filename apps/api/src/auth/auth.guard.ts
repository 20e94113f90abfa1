import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { forbidden, unauthenticated } from '../common/graphql-errors';
import type { RequestContext } from '../common/request-context';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { ROLES } from './roles.decorator';
import { Viewer } from './viewer';

/** Every GraphQL operation needs a valid bearer token unless marked @Public(); one marked @Roles() needs one of them. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    // Another root field of the same request may already have signed the viewer in.
    req.viewer ??= await this.viewerOf(req.headers.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(req.viewer.role)) throw forbidden(`A ${req.viewer.role} cannot call ${context.getHandler().name}`);
    return true;
  }

  private async viewerOf(authorization: string | undefined): Promise<Viewer> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const viewer = match ? await this.auth.viewerFromToken(match[1]) : null;
    if (!viewer) throw unauthenticated(match ? 'The token is invalid or has expired: sign in again' : undefined);
    return viewer;
  }
}
