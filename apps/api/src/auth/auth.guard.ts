import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../common/graphql-errors';
import type { RequestContext } from '../common/request-context';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

/** Every GraphQL operation needs a valid bearer token unless marked @Public(). */
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
    if (req.viewer) return true; // another root field of the same request already signed in
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const viewer = match ? await this.auth.viewerFromToken(match[1]) : null;
    if (!viewer) throw unauthenticated(match ? 'The token is invalid or has expired: sign in again' : undefined);
    req.viewer = viewer;
    return true;
  }
}
