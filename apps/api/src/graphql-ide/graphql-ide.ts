// GET /graphql from a browser (Accept: text/html): GraphiQL bundled from npm in development and test modes, a short
// plain page in production; never Apollo's default landing page, which loads its IDE from a CDN and so shows nothing
// on a closed city network (LGWAN). The bundle is built by scripts/build-graphql-ide.mjs (npm run build).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiConfig } from '../config/api-config';

/** Where the bundle is served, on the api's origin. */
export const GRAPHQL_IDE_ASSETS_PATH = '/graphql-ide';

/** Where the build writes the bundle (beside this file in dist/), and the manifest naming its files. */
export const GRAPHQL_IDE_ASSETS_DIR = join(__dirname, 'assets');
export const GRAPHQL_IDE_MANIFEST = join(__dirname, 'ide-bundle.json');

export interface GraphqlIdeBundle {
  js: string;
  css: string;
}

export function ideEnabled(environment: ApiConfig['environment']): boolean {
  return environment !== 'production';
}

/** The bundle's file names (content-hashed), or null when the build has not made it. */
export function readGraphqlIdeBundle(manifest = GRAPHQL_IDE_MANIFEST, dir = GRAPHQL_IDE_ASSETS_DIR): GraphqlIdeBundle | null {
  if (!existsSync(manifest)) return null;
  const { js, css } = JSON.parse(readFileSync(manifest, 'utf8')) as Partial<GraphqlIdeBundle>;
  if (!js || !css || !existsSync(join(dir, js)) || !existsSync(join(dir, css))) return null;
  return { js, css };
}

/** Keeps the browser from asking for /favicon.ico (a 404 on every visit). */
const NO_FAVICON = '<link rel="icon" href="data:,">';

/** The IDE page: our stylesheet and script only (no inline script or style: the CSP forbids them). */
export function graphqlIdePage(bundle: GraphqlIdeBundle, endpoint: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tsunagu GraphQL</title>
${NO_FAVICON}
<link rel="stylesheet" href="${GRAPHQL_IDE_ASSETS_PATH}/${escapeHtml(bundle.css)}">
<script defer src="${GRAPHQL_IDE_ASSETS_PATH}/${escapeHtml(bundle.js)}"></script>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(endpoint)}">Loading the GraphQL IDE…</div>
</body>
</html>
`;
}

/** What a browser gets when there is no IDE to give: a short page, nothing to load. */
export function noGraphqlIdePage(reason: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tsunagu GraphQL</title>${NO_FAVICON}</head>
<body>
<h1>Tsunagu GraphQL</h1>
<p>${escapeHtml(reason)}</p>
<p>Send GraphQL documents to this URL with POST and <code>Content-Type: application/json</code>.</p>
</body>
</html>
`;
}

/**
 * Apollo's landing page for GET /graphql with Accept: text/html. app.module also sets Nest's `graphiql: false`, which
 * installs Apollo's LandingPageDisabled: without it Apollo would add its CDN page next to this one (and Nest its own,
 * from unpkg.com, whenever NODE_ENV is not "production", even when our configuration defaults to production).
 */
export function graphqlIdeLandingPage(environment: ApiConfig['environment'], endpoint: string): ApolloServerPlugin {
  const bundle = ideEnabled(environment) ? readGraphqlIdeBundle() : null;
  const html = !ideEnabled(environment)
    ? noGraphqlIdePage('The GraphQL IDE is off in production.')
    : bundle
      ? graphqlIdePage(bundle, endpoint)
      : noGraphqlIdePage('The GraphQL IDE is not built: run `npm run build`.');
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/** Serves the bundle (development and test modes only) with long caching: its file names change with its content. */
export function serveGraphqlIdeAssets(app: NestExpressApplication, environment: ApiConfig['environment']): void {
  if (!ideEnabled(environment)) return;
  app.useStaticAssets(GRAPHQL_IDE_ASSETS_DIR, { prefix: `${GRAPHQL_IDE_ASSETS_PATH}/`, index: false, maxAge: '365d', immutable: true });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
