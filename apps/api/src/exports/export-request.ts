// The query string of GET /exports/referrals.{csv,xlsx}: the `referrals` query's filter (ReferralFilter, validated by the
// same pipe as every GraphQL argument: input sanitation, then class-validator), `headers` and `personalData`. A list
// is given comma-separated or by repeating the parameter. An unknown parameter is refused rather than ignored: a typo
// must not export more than the caller meant.
import { GraphQLError } from 'graphql';
import { badUserInput, FieldProblem } from '../common/graphql-errors';
import { createValidationPipe } from '../common/validation.pipe';
import { ReferralFilter } from '../referrals/dto/referrals.args';
import { ExportHeaders } from './export-writer';

export interface ReferralExportRequest {
  filter: ReferralFilter;
  headers: ExportHeaders;
  /** The caller asked for the personal data columns (氏名, ふりがな, 年齢区分, 連絡先). */
  personalData: boolean;
}

const LIST_FIELDS = ['status', 'category', 'areaCode'] as const;
const SCALAR_FIELDS = ['organizationId', 'text', 'submittedFrom', 'submittedTo', 'needsAttention'] as const;
const OWN_FIELDS = ['headers', 'personalData'] as const;
const KNOWN = new Set<string>([...LIST_FIELDS, ...SCALAR_FIELDS, ...OWN_FIELDS]);

const pipe = createValidationPipe();

/** The request, or BAD_USER_INPUT naming every parameter that is wrong. */
export async function readReferralExportRequest(query: Record<string, unknown>): Promise<ReferralExportRequest> {
  const problems: FieldProblem[] = [];
  const plain: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (!KNOWN.has(name)) {
      problems.push({ field: name, message: `${name} is not a parameter of this export` });
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if ((LIST_FIELDS as readonly string[]).includes(name)) {
      plain[name] = values.flatMap((v) => v.split(',')).map((v) => v.trim());
    } else if (values.length > 1) {
      problems.push({ field: name, message: `${name} may be given once` });
    } else {
      plain[name] = values[0];
    }
  }
  const headers = plain.headers ?? ExportHeaders.JAPANESE;
  if (!Object.values(ExportHeaders).includes(headers as ExportHeaders))
    problems.push({ field: 'headers', message: 'headers must be JAPANESE or CODES' });
  const personalData = plain.personalData ?? 'false';
  if (personalData !== 'true' && personalData !== 'false') problems.push({ field: 'personalData', message: 'personalData must be true or false' });
  if (plain.needsAttention === 'true' || plain.needsAttention === 'false') plain.needsAttention = plain.needsAttention === 'true';

  const filterInput = Object.fromEntries(Object.entries(plain).filter(([name]) => !(OWN_FIELDS as readonly string[]).includes(name)));
  let filter: ReferralFilter | null = null;
  try {
    filter = (await pipe.transform(filterInput, { type: 'body', metatype: ReferralFilter, data: '' })) as ReferralFilter;
  } catch (error) {
    const theirs = (error as GraphQLError).extensions?.problems;
    if (!Array.isArray(theirs)) throw error;
    problems.push(...(theirs as FieldProblem[]));
  }
  if (problems.length || !filter) throw badUserInput(problems);
  return { filter, headers: headers as ExportHeaders, personalData: personalData === 'true' };
}

/**
 * The filter as the audit log keeps it: codes, ids, days and flags, never the search text (it may be a resident's
 * ふりがな), only that there was one.
 */
export function auditedFilter(filter: ReferralFilter): Record<string, unknown> {
  const { text, areaCode, ...rest } = filter;
  // Area codes are free text to the validator: only what looks like a code is kept (unknown ones simply match nothing).
  const codes = areaCode?.filter((code) => /^[A-Z0-9_-]{1,50}$/.test(code));
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(codes?.length ? { areaCode: codes } : {}),
    ...(areaCode && codes && codes.length < areaCode.length ? { areaCodeNotACode: areaCode.length - codes.length } : {}),
    ...(text ? { text: true } : {}),
  };
}
