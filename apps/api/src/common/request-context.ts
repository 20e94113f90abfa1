import type { Request, Response } from 'express';
import type { Viewer } from './viewer';
import type { Loaders } from './loaders/loaders';

/** The GraphQL context: built once per request, so DataLoaders never share a cache between users. */
export interface RequestContext {
  req: Request & { viewer?: Viewer };
  /** Absent outside HTTP (tests that build a context by hand); sign-in and sign-out set the session cookie on it. */
  res?: Response;
  loaders: Loaders;
}
