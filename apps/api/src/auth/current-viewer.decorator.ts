import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';

/** The signed-in user; the AuthGuard has put them on the request. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<RequestContext>().req.viewer,
);
