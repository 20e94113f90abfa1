import type { Request } from 'express';
import type { Viewer } from './viewer';
import type { Loaders } from './loaders/loaders';

/** The GraphQL context: built once per request, so DataLoaders never share a cache between users. */
export interface RequestContext {
  req: Request & { viewer?: Viewer };
  loaders: Loaders;
}
