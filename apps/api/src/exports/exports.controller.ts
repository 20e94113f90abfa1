import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { clientAddressOf } from '../auth/auth.resolver';
import { PASSWORD_CHANGE_REQUIRED } from '../auth/auth.guard';
import { sessionTokenFromCookies } from '../auth/session-cookie';
import { forbidden, notFound, unauthenticated } from '../common/graphql-errors';
import { formatError } from '../common/format-error';
import type { Viewer } from '../common/viewer';
import { errorForLog } from '@tsunagu/persistence';
import { auditedFilter, readReferralExportRequest } from './export-request';
import { ExportAborted, ExportFormat, writeCsv, writeXlsx } from './export-writer';
import { referralExportColumns } from './referral-export-columns';
import { ExportTally, ReferralExportService } from './referral-export.service';

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

/**
 * GET /exports/referrals.csv and /exports/referrals.xlsx (docs/API.md, "Exports"): the referral list with the
 * `referrals` query's filter, streamed. Signed in as for GraphQL (bearer token or the console's session cookie); the
 * AuthGuard covers GraphQL only, so this checks the same things itself. Every export is audited: one event before the
 * first byte (who, filter, format, whether personal data columns are in it: no file leaves if it cannot be written) and
 * one when it ends (rows, rows with personal data, or why it stopped). Errors before the first byte are JSON with the
 * GraphQL error shape (extensions.code, extensions.fields, extensions.messageJa); after it, the connection is cut, so
 * a download never looks complete when it is not.
 */
@Controller('exports')
export class ExportsController {
  private readonly format = formatError({ hideSuggestions: true });

  constructor(
    private readonly auth: AuthService,
    private readonly exports: ReferralExportService,
    private readonly audit: AuditService,
  ) {}

  private readonly log = new Logger('Exports');

  @Get(':file')
  async referrals(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const requestId = typeof (req as { id?: unknown }).id === 'string' ? ((req as { id?: unknown }).id as string) : null;
    const clientAddress = clientAddressOf(req) ?? null;
    let viewer: Viewer | undefined;
    let started = false;
    const tally: ExportTally = { rows: 0, personalDataRows: 0 };
    try {
      const format = ({ 'referrals.csv': 'csv', 'referrals.xlsx': 'xlsx' } as const)[file];
      if (!format) throw notFound('Export');
      viewer = await this.viewerOf(req);
      const request = await readReferralExportRequest(req.query as Record<string, unknown>);
      if (request.personalData && !this.exports.maySeePersonalData(viewer)) {
        throw forbidden(`A ${viewer.role} cannot export residents' personal data`, { fields: ['personalData'] });
      }
      const event = (operation: string, result: string, details: Record<string, unknown>) => ({
        at: new Date(),
        actorUserId: viewer!.id,
        actorRole: viewer!.role,
        operation,
        objectType: 'Referral',
        objectId: null,
        result,
        clientAddress,
        requestId,
        details,
      });
      const what = { format, headers: request.headers, personalData: request.personalData, filter: auditedFilter(request.filter) };
      await this.audit.write([event('export:referrals', 'OK', what)]);

      const stamp = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPES[format]);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="referrals-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(`依頼一覧_${stamp}.${format}`)}`,
      );
      // Residents' data may be in it: never kept by a browser or proxy cache.
      res.setHeader('Cache-Control', 'no-store');
      started = true;
      const columns = referralExportColumns(request.headers, request.personalData);
      const rows = this.exports.rows(viewer, request.filter, request.personalData, tally);
      let result = 'OK';
      try {
        if (format === 'csv') {
          await writeCsv(res, columns, rows, request.headers);
          res.end();
        } else {
          await writeXlsx(res, columns, rows, request.headers, '依頼一覧');
        }
      } catch (error) {
        result = error instanceof ExportAborted ? 'ABORTED' : ErrorCode.INTERNAL_SERVER_ERROR;
        throw error;
      } finally {
        await this.audit
          .write([event('export:referrals:finished', result, { format, rows: tally.rows, personalDataRows: tally.personalDataRows })])
          .catch((error: unknown) => this.log.error(`export ${requestId}: the finishing audit event could not be written: ${errorForLog(error)}`));
      }
    } catch (error) {
      if (started) {
        // The file is partly sent: cut the connection so the download fails instead of looking complete.
        if (!(error instanceof ExportAborted)) this.log.error(`export ${requestId}: failed while streaming: ${errorForLog(error)}`);
        res.destroy();
        return;
      }
      this.refuse(res, error, requestId);
    }
  }

  private async viewerOf(req: Request): Promise<Viewer> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? sessionTokenFromCookies(req.headers.cookie);
    const viewer = token ? await this.auth.viewerFromToken(token) : null;
    if (!viewer) throw unauthenticated(token ? 'The token is invalid or has expired: sign in again' : undefined);
    if (viewer.mustChangePassword) {
      throw forbidden('Your password is a temporary one: choose your own (changeMyPassword), then sign in again', {
        reason: PASSWORD_CHANGE_REQUIRED,
      });
    }
    return viewer;
  }

  private refuse(res: Response, error: unknown, requestId: string | null): void {
    const graphqlError =
      error instanceof GraphQLError ? error : new GraphQLError('internal', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    if (!(error instanceof GraphQLError)) this.log.error(`export ${requestId}: failed before the first byte: ${errorForLog(error)}`);
    const formatted = this.format(graphqlError.toJSON(), error);
    res.status(STATUS_BY_CODE[String(formatted.extensions?.code)] ?? 500).json({ errors: [formatted] });
  }
}
