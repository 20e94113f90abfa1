// What every export route shares over HTTP: signing the caller in as the GraphQL AuthGuard does (a bearer token or the
// console's session cookie; a temporary password is refused), the attachment headers, and refusals in the GraphQL
// error shape with an HTTP status.
import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import { errorForLog } from '@tsunagu/persistence';
import { PASSWORD_CHANGE_REQUIRED } from '../auth/auth.guard';
import type { AuthService } from '../auth/auth.service';
import { sessionTokenFromCookies } from '../auth/session-cookie';
import { formatError } from '../common/format-error';
import { forbidden, unauthenticated } from '../common/graphql-errors';
import type { Viewer } from '../common/viewer';
import type { ExportFormat } from './export-writer';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const STATUS_BY_CODE: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

const format = formatError({ hideSuggestions: true });

export async function signedInViewer(auth: AuthService, req: Request): Promise<Viewer> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? sessionTokenFromCookies(req.headers.cookie);
  const viewer = token ? await auth.viewerFromToken(token) : null;
  if (!viewer) throw unauthenticated(token ? 'The token is invalid or has expired: sign in again' : undefined);
  if (viewer.mustChangePassword) {
    throw forbidden('Your password is a temporary one: choose your own (changeMyPassword), then sign in again', { reason: PASSWORD_CHANGE_REQUIRED });
  }
  return viewer;
}

/** The id the request-id middleware gave the request (X-Request-Id), for the audit events. */
export function requestIdOfHttp(req: Request): string | null {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** 200 and the headers of a download: `<name>-YYYYMMDD-HHMM.<format>` (JST), with a Japanese `filename*`; never cached. */
export function startDownload(res: Response, format: ExportFormat, name: string, nameJa: string): void {
  const stamp = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${name}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(`${nameJa}_${stamp}.${format}`)}`,
  );
  // Residents' data may be in it: never kept by a browser or proxy cache.
  res.setHeader('Cache-Control', 'no-store');
}

/** A refusal before the first byte: JSON as GraphQL errors look (code, fields, messageJa), with its HTTP status. */
export function refuse(res: Response, error: unknown, log: Logger, requestId: string | null): void {
  const graphqlError =
    error instanceof GraphQLError ? error : new GraphQLError('internal', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  if (!(error instanceof GraphQLError)) log.error(`export ${requestId}: failed before the first byte: ${errorForLog(error)}`);
  const formatted = format(graphqlError.toJSON(), error);
  res.status(STATUS_BY_CODE[String(formatted.extensions?.code)] ?? 500).json({ errors: [formatted] });
}
