// The columns of the referral list export (docs/API.md, "Exports"): the console's words (apps/web/src/shared/i18n/ja.ts)
// as Japanese headers, enum cells as their Japanese labels (the codes with headers=CODES). The personal data columns
// come only when the export includes them, and each cell holds only what the api shows this viewer for this referral
// (toReferralModel: the same access policy as the `referrals` query).
import {
  Destination,
  DESTINATION_LABELS,
  NEED_CATEGORY_LABELS,
  NeedCategory,
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_STATUS_LABELS,
  ReferralOutcome,
  ReferralStatus,
  SUBJECT_KIND_LABELS,
  SubjectKind,
} from '@tsunagu/domain';
import type { ReferralModel } from '../referrals/models/referral.model';
import { ExportColumn, ExportHeaders } from './export-writer';

/** One exported referral: the model the viewer sees, with the names of what it points at. */
export interface ReferralExportRow {
  referral: ReferralModel;
  areaCode: string;
  areaName: string;
  holderName: string | null;
  submittedByName: string;
}

export function referralExportColumns(headers: ExportHeaders, personalData: boolean): ExportColumn<ReferralExportRow>[] {
  const ja = headers === ExportHeaders.JAPANESE;
  const label = <K extends string>(labels: Readonly<Record<K, string>>, code: K | null) => (code === null ? null : ja ? labels[code] : code);
  const columns: ExportColumn<ReferralExportRow>[] = [
    { header: '依頼ID', code: 'id', value: (r) => r.referral.id, width: 38 },
    { header: '受付日時', code: 'createdAtJst', value: (r) => r.referral.createdAt, width: 18 },
    { header: '圏域', code: 'areaCode', value: (r) => (ja ? r.areaName : r.areaCode), width: 12 },
    { header: '支援の種類', code: 'category', value: (r) => label<NeedCategory>(NEED_CATEGORY_LABELS, r.referral.category), width: 14 },
    { header: '対象', code: 'subjectKind', value: (r) => label<SubjectKind>(SUBJECT_KIND_LABELS, r.referral.subjectKind), width: 8 },
    { header: '依頼先区分', code: 'destination', value: (r) => label<Destination>(DESTINATION_LABELS, r.referral.destination), width: 12 },
    { header: '状況', code: 'status', value: (r) => label<ReferralStatus>(REFERRAL_STATUS_LABELS, r.referral.status), width: 12 },
    { header: '依頼内容', code: 'summary', value: (r) => r.referral.summary, width: 40 },
    { header: '依頼先・担当', code: 'currentOrganizationName', value: (r) => r.holderName, width: 28 },
    { header: '依頼先・担当ID', code: 'currentOrganizationId', value: (r) => r.referral.currentOrganizationId, width: 38 },
    { header: '期限', code: 'responseDueAtJst', value: (r) => r.referral.responseDueAt, width: 18 },
    { header: '結果', code: 'outcome', value: (r) => label<ReferralOutcome>(REFERRAL_OUTCOME_LABELS, r.referral.outcome), width: 14 },
    { header: '登録した人', code: 'submittedByName', value: (r) => r.submittedByName, width: 18 },
    { header: '最終更新日時', code: 'updatedAtJst', value: (r) => r.referral.updatedAt, width: 18 },
    { header: '同意', code: 'consentObtained', value: (r) => r.referral.consentObtained, width: 6 },
  ];
  if (!personalData) return columns;
  return [
    ...columns,
    { header: '氏名', code: 'subjectDisplayName', value: (r) => r.referral.subject?.displayName ?? null, width: 16 },
    { header: 'ふりがな', code: 'subjectNameKana', value: (r) => r.referral.subject?.nameKana ?? null, width: 18 },
    { header: '年齢区分', code: 'subjectAgeBand', value: (r) => r.referral.subjectAgeBand, width: 10 },
    { header: '連絡先', code: 'subjectContact', value: (r) => r.referral.subject?.contact ?? null, width: 16 },
  ];
}
