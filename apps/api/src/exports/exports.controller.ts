import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@tsunagu/domain';
import { errorForLog } from '@tsunagu/persistence';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { clientAddressOf } from '../auth/auth.resolver';
import { forbidden, notFound } from '../common/graphql-errors';
import type { Viewer } from '../common/viewer';
import { refuse, requestIdOfHttp, signedInViewer, startDownload } from './export-http';
import { auditedFilter, readReferralExportRequest } from './export-request';
import { ExportAborted, writeCsv, writeXlsx } from './export-writer';
import { referralExportColumns } from './referral-export-columns';
import { ExportTally, ReferralExportService } from './referral-export.service';

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
  constructor(
    private readonly auth: AuthService,
    private readonly exports: ReferralExportService,
    private readonly audit: AuditService,
  ) {}

  private readonly log = new Logger('Exports');

  @Get(':file')
  async referrals(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const requestId = requestIdOfHttp(req);
    const clientAddress = clientAddressOf(req) ?? null;
    let viewer: Viewer | undefined;
    let started = false;
    const tally: ExportTally = { rows: 0, personalDataRows: 0 };
    try {
      const format = ({ 'referrals.csv': 'csv', 'referrals.xlsx': 'xlsx' } as const)[file];
      if (!format) throw notFound('Export');
      viewer = await signedInViewer(this.auth, req);
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

      startDownload(res, format, 'referrals', '依頼一覧');
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
      refuse(res, error, this.log, requestId);
    }
  }
}
