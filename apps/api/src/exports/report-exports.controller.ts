import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, Role } from '@tsunagu/domain';
import { AuditService } from '../audit/audit.service';
import { clientAddressOf } from '../auth/auth.resolver';
import { AuthService } from '../auth/auth.service';
import { ROLES } from '../auth/roles.decorator';
import { badUserInput, FieldProblem, forbidden, notFound } from '../common/graphql-errors';
import { createValidationPipe } from '../common/validation.pipe';
import { MonthlyReportArgs, ReportFilterInput } from '../reports/dto/report-filter.input';
import { ReportsResolver } from '../reports/reports.resolver';
import { ReportsService } from '../reports/reports.service';
import { refuse, requestIdOfHttp, signedInViewer, startDownload } from './export-http';
import { ExportHeaders, writeCsv, writeXlsx } from './export-writer';
import { reportTable, reportTableColumns } from './report-table';

/** The report behind each file name: its GraphQL query (whose @Roles decide who may export it) and its Japanese name. */
const REPORTS = {
  needs: { query: 'needsReport', ja: 'ニーズ' },
  outcomes: { query: 'outcomesReport', ja: '結果' },
  'answer-times': { query: 'answerTimesReport', ja: '回答までの時間' },
  offers: { query: 'offersReport', ja: '依頼と回答' },
  gaps: { query: 'gapsReport', ja: '資源の不足' },
  'partner-load': { query: 'partnerLoadReport', ja: '連携先の負荷' },
  'policy-track': { query: 'policyTrackReport', ja: '政策形成' },
  monthly: { query: 'monthlyReport', ja: '月次報告' },
} as const satisfies Record<string, { query: keyof ReportsResolver & keyof ReportsService; ja: string }>;

type ReportName = keyof typeof REPORTS;

const LIST_PARAMETERS = ['areaCodes', 'categories'];
const FILTER_PARAMETERS = new Set(['from', 'to', 'areaCodes', 'categories', 'subjectKind', 'destination']);
const pipe = createValidationPipe();

/**
 * GET /exports/reports/<report>.csv|.xlsx (docs/API.md, "Exports"): a report of the 見える化 family as one long table,
 * one row per figure. The figures are ReportsService's, for this viewer: the same scope, sensitivity and small-cell
 * suppression as the GraphQL query, and who may export a report is who may query it (the resolver's @Roles, read here,
 * not copied). Query parameters: the report's filter (`from`, `to`, `areaCodes`, `categories`, `subjectKind`,
 * `destination`) or, for `monthly`, `month`; and `headers`. Audited as `export:report` before the first byte.
 */
@Controller('exports/reports')
export class ReportExportsController {
  private readonly log = new Logger('Exports');

  constructor(
    private readonly auth: AuthService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  @Get(':file')
  async report(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const requestId = requestIdOfHttp(req);
    try {
      const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
      const name = match?.[1] as ReportName | undefined;
      if (!match || !name || !Object.prototype.hasOwnProperty.call(REPORTS, name)) throw notFound('Report');
      const format = match[2] as 'csv' | 'xlsx';
      const { query, ja } = REPORTS[name];
      const viewer = await signedInViewer(this.auth, req);
      const roles = this.reflector.get<Role[] | undefined>(ROLES, ReportsResolver.prototype[query]);
      if (!roles?.includes(viewer.role)) throw forbidden(`A ${viewer.role} cannot export the ${name} report`);

      const { headers, input } = await readReportRequest(req.query as Record<string, unknown>, name === 'monthly');
      const model = await withParameterNames<object>(() =>
        name === 'monthly'
          ? this.reports.monthlyReport(viewer, (input as MonthlyReportArgs).month)
          : (this.reports[query as Exclude<typeof query, 'monthlyReport'>] as (v: typeof viewer, f: ReportFilterInput) => Promise<object>).call(
              this.reports,
              viewer,
              input as ReportFilterInput,
            ),
      );
      const rows = reportTable(model);
      await this.audit.write([
        {
          at: new Date(),
          actorUserId: viewer.id,
          actorRole: viewer.role,
          operation: 'export:report',
          objectType: 'Report',
          objectId: name,
          result: 'OK',
          clientAddress: clientAddressOf(req) ?? null,
          requestId,
          details: { report: name, format, headers, ...auditedReportInput(input), rows: rows.length },
        },
      ]);
      startDownload(res, format, `report-${name}`, ja);
      const source = (async function* () {
        yield* rows;
      })();
      if (format === 'csv') {
        await writeCsv(res, reportTableColumns(headers), source, headers);
        res.end();
      } else {
        await writeXlsx(res, reportTableColumns(headers), source, headers, ja);
      }
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      refuse(res, error, this.log, requestId);
    }
  }
}

/** The query string as the report's GraphQL arguments, validated by the same pipe; BAD_USER_INPUT names the parameters. */
async function readReportRequest(
  query: Record<string, unknown>,
  monthly: boolean,
): Promise<{ headers: ExportHeaders; input: ReportFilterInput | MonthlyReportArgs }> {
  const problems: FieldProblem[] = [];
  const plain: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const known = name === 'headers' || (monthly ? name === 'month' : FILTER_PARAMETERS.has(name));
    if (!known) {
      problems.push({ field: name, message: `${name} is not a parameter of this export` });
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (LIST_PARAMETERS.includes(name)) plain[name] = values.flatMap((v) => v.split(',')).map((v) => v.trim());
    else if (values.length > 1) problems.push({ field: name, message: `${name} may be given once` });
    else plain[name] = values[0];
  }
  const { headers = ExportHeaders.JAPANESE, ...rest } = plain;
  if (!Object.values(ExportHeaders).includes(headers as ExportHeaders))
    problems.push({ field: 'headers', message: 'headers must be JAPANESE or CODES' });
  let input: ReportFilterInput | MonthlyReportArgs | null = null;
  try {
    input = (await pipe.transform(rest, { type: 'body', metatype: monthly ? MonthlyReportArgs : ReportFilterInput, data: '' })) as ReportFilterInput;
  } catch (error) {
    const theirs = (error as GraphQLError).extensions?.problems;
    if (!Array.isArray(theirs)) throw error;
    problems.push(...(theirs as FieldProblem[]));
  }
  if (problems.length || !input) throw badUserInput(problems);
  return { headers: headers as ExportHeaders, input };
}

/** The service names a bad period by the GraphQL argument (`filter.from`); here the parameter is `from`. */
async function withParameterNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const problems = (error as GraphQLError).extensions?.problems;
    if (!(error instanceof GraphQLError) || error.extensions?.code !== ErrorCode.BAD_USER_INPUT || !Array.isArray(problems)) throw error;
    throw badUserInput((problems as FieldProblem[]).map((p) => ({ ...p, field: p.field.replace(/^filter\./, '') })));
  }
}

/** The period and filters as the audit log keeps them: days, months, codes (what looks like one). */
function auditedReportInput(input: ReportFilterInput | MonthlyReportArgs): Record<string, unknown> {
  if ('month' in input) return { month: input.month };
  const codes = input.areaCodes?.filter((code) => /^[A-Z0-9_-]{1,50}$/.test(code));
  return {
    from: input.from,
    to: input.to,
    ...(codes?.length ? { areaCodes: codes } : {}),
    ...(input.categories?.length ? { categories: input.categories } : {}),
    ...(input.subjectKind ? { subjectKind: input.subjectKind } : {}),
    ...(input.destination ? { destination: input.destination } : {}),
  };
}
