// The web console (apps/web), built by `npm run build` into dist/web, served by the api on its own origin: hashed
// assets with long caching, index.html (never cached) for the console's client-side routes. The api's own paths
// (/graphql, /health, /graphql-ide, /exports/) are never answered with the console, nor is a missing asset or a request that
// does not ask for HTML (a script's GET of an unknown path still gets a plain 404).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** dist/web, beside dist/apps (this file runs from dist/apps/api/src/web-console/). */
export const WEB_CONSOLE_DIR = join(__dirname, '..', '..', '..', '..', 'web');

/** Vite puts every hashed file here (apps/web/vite.config.ts: build.assetsDir). */
export const WEB_ASSETS_PREFIX = '/assets/';

/** Paths that belong to the api, not to the console's router. */
const API_PATHS = [/^\/graphql(\/|$)/, /^\/graphql-ide(\/|$)/, /^\/health(\/|$)/, /^\/assets\//, /^\/exports\//];

export function isConsoleRoute(req: Pick<Request, 'method' | 'path' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (API_PATHS.some((pattern) => pattern.test(req.path))) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/** Installs the console when it is built; returns whether it is. */
export function serveWebConsole(app: NestExpressApplication, dir = WEB_CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(dir, 'assets'), { prefix: WEB_ASSETS_PREFIX, index: false, maxAge: '365d', immutable: true, fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isConsoleRoute(req)) return next();
    // The page names the current hashed files: always asked for again, so a new build is picked up at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
