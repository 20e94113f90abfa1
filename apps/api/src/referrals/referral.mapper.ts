import { readStoredDetails } from '@tsunagu/domain';
import { ReferralEntity } from '@tsunagu/persistence';
import type { SeenReferral } from './former-partner';
import type { HandoffRow } from '../common/loaders/loaders';
import type { Viewer } from '../common/viewer';
import { consentSight, maySeeAgeBand, maySeeSubject } from './referral-access.policy';
import type { ReferralConsentModel } from './models/referral-consent.model';
import { HandoffModel } from './models/handoff.model';
import { ReferralModel } from './models/referral.model';

/** `row` as the viewer sees it (ReferralQueryService); a row read otherwise counts as not having left anyone. */
export function toReferralModel(row: ReferralEntity | SeenReferral, viewer: Viewer): ReferralModel {
  const subjectVisible = row.subjectDisplayName !== null && maySeeSubject(viewer, row);
  return {
    id: row.id,
    status: row.status,
    category: row.category,
    summary: row.summary,
    subjectKind: row.subjectKind,
    details: readStoredDetails(row.details),
    subject: subjectVisible
      ? { displayName: row.subjectDisplayName!, nameKana: row.subjectNameKana ?? null, ageBand: row.subjectAgeBand, contact: row.subjectContact }
      : null,
    subjectAgeBand: maySeeAgeBand(viewer, row) ? row.subjectAgeBand : null,
    consent: toConsentModel(row, viewer),
    destination: row.destination,
    responseDueAt: row.responseDueAt,
    resumeOn: row.resumeOn ?? null,
    resumesToStatus: row.resumesToStatus ?? null,
    outcome: row.outcome,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    areaId: row.areaId,
    submittedById: row.submittedById,
    currentOrganizationId: row.currentOrganizationId,
    consentObtained: row.consentObtained,
    leftAtSeq: 'leftAtSeq' in row ? row.leftAtSeq : null,
  };
}

/** The consent as far as the viewer may see it (consentSight); null for AREA referrals, which record none. */
function toConsentModel(row: ReferralEntity | SeenReferral, viewer: Viewer): ReferralConsentModel | null {
  if (row.consentObtained === null) return null;
  const sight = consentSight(viewer, row);
  if (sight === 'none') return null;
  return {
    obtained: row.consentObtained,
    obtainedAt: row.consentObtainedAt,
    method: sight === 'all' ? row.consentMethod : null,
    givenBy: sight === 'all' ? row.consentGivenBy : null,
  };
}

export function toHandoffModel(row: HandoffRow): HandoffModel {
  return {
    seq: row.seq,
    kind: row.kind,
    proxy: row.proxy,
    reason: row.reason,
    note: row.note,
    at: row.at,
    fromOrganizationId: row.fromOrganizationId,
    toOrganizationId: row.toOrganizationId,
    actorId: row.actorId,
    regionalIssueId: row.regionalIssueId ?? null,
    policyProposalId: row.policyProposalId ?? null,
  };
}
