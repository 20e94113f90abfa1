import { Role } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { formerPartnerColumns, LEAVING_HANDOFF_KINDS, seenHolderSql, seenStatusSql } from './referral-scope';

const viewer = (role: Role, organizationId: string | null = 'org-p'): Viewer => ({
  id: 'u',
  email: 'u@example.jp',
  displayName: 'u',
  role,
  organizationId,
  areaId: null,
});

describe('what a partner the referral has left sees, as SQL', () => {
  it('is the row itself for everyone but partners', () => {
    for (const role of [Role.ADMIN, Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.SUBCOMMITTEE]) {
      expect(formerPartnerColumns(viewer(role), 'r')).toBeNull();
      expect(seenStatusSql(viewer(role), 'r')).toEqual({ sql: 'r.status', params: {} });
      expect(seenHolderSql(viewer(role), 'r')).toEqual({ sql: 'r.current_organization_id', params: {} });
    }
  });

  it('for a partner, looks for every kind of handoff that takes a referral away from its organisation, after its latest offer', () => {
    const former = formerPartnerColumns(viewer(Role.PARTNER), 'x')!;
    expect(former.params).toEqual({ viewerOrgId: 'org-p' });
    expect(LEAVING_HANDOFF_KINDS).toEqual(['DECLINED', 'RETURNED', 'EXPIRED', 'REASSIGNED', 'ESCALATED', 'WITHDRAWN']);
    for (const kind of LEAVING_HANDOFF_KINDS) expect(former.leftAtSeq).toContain(`'${kind}'`);
    expect(former.leftAtSeq).toContain("oh.kind = 'OFFERED' AND oh.to_organization_id = :viewerOrgId");
    expect(former.leftAtSeq).toContain('x.id');
    // The status and holder fall back to the row's while the referral has not left the partner.
    expect(seenStatusSql(viewer(Role.PARTNER), 'x').sql).toMatch(/^COALESCE\(.*, x\.status\)$/s);
    expect(seenHolderSql(viewer(Role.PARTNER), 'x').sql).toMatch(/^CASE WHEN .* IS NULL THEN x\.current_organization_id END$/s);
  });
});
