import { Destination, HandoffKind, NeedCategory, ReferralStatus, SubjectKind } from '@tsunagu/domain';
import { afterOfficeHours, BenchDirectory, planReferral, Random } from './referral-mix';

const areas = ['area-a', 'area-b'];
const partners = ['org-npo', 'org-silver', 'org-shop'];
const directory: BenchDirectory = {
  areaIds: areas,
  candidates: (_area, category) =>
    category === NeedCategory.SHOPPING ? ['org-shop'] : category === NeedCategory.OTHER ? [] : ['org-npo', 'org-silver'],
  partnersInArea: () => partners,
  partnerUser: (org) => (org === 'org-npo' ? 'user-npo' : undefined),
  tier2: () => ({ userId: 'user-tier2', organizationId: 'org-council' }),
  tier1: { userId: 'user-tier1', organizationId: 'org-city' },
};
const from = new Date('2021-12-01T00:00:00Z');
const now = new Date('2026-12-07T05:00:00Z');

describe('planReferral (benchmark data)', () => {
  const rng = new Random(42);
  const plans = Array.from({ length: 3000 }, () => planReferral(rng, directory, from, now));

  it('writes histories numbered from 1 without gaps, in time order, none after now', () => {
    for (const p of plans) {
      expect(p.handoffs.map((h) => h.seq)).toEqual(p.handoffs.map((_, i) => i + 1));
      expect(p.handoffs[0].kind).toBe(HandoffKind.SUBMITTED);
      for (let i = 1; i < p.handoffs.length; i++) expect(p.handoffs[i].at.getTime()).toBeGreaterThanOrEqual(p.handoffs[i - 1].at.getTime());
      expect(p.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
    }
  });

  it('keeps the row consistent with its history', () => {
    for (const p of plans) {
      if (p.status === ReferralStatus.COMPLETED) expect(p.outcome).not.toBeNull();
      else expect(p.outcome).toBeNull();
      if (p.status === ReferralStatus.OFFERED)
        expect(p.handoffs.some((h) => h.kind === HandoffKind.OFFERED && h.toOrganizationId === p.currentOrganizationId)).toBe(true);
      if (p.status === ReferralStatus.ON_HOLD) expect(p.resumeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.subject === null).toBe(p.subjectKind === SubjectKind.AREA);
      if (p.destination === Destination.TIER1) expect(p.handoffs[1].kind).toBe(HandoffKind.ESCALATED);
    }
  });

  it('has the mix the reports need: outcomes, declines with reasons, expiries, escalations, open ones', () => {
    const statuses = new Set(plans.map((p) => p.status));
    for (const s of [ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN, ReferralStatus.UNMATCHED]) expect(statuses).toContain(s);
    const kinds = new Set(plans.flatMap((p) => p.handoffs.map((h) => h.kind)));
    for (const k of [
      HandoffKind.DECLINED,
      HandoffKind.EXPIRED,
      HandoffKind.ESCALATED,
      HandoffKind.REMINDED,
      HandoffKind.TAKEN,
      HandoffKind.RETURNED,
      HandoffKind.REASSIGNED,
    ]) {
      expect(kinds).toContain(k);
    }
    const declines = plans.flatMap((p) => p.handoffs.filter((h) => h.kind === HandoffKind.DECLINED));
    expect(declines.every((h) => h.reason)).toBe(true);
    expect(plans.some((p) => p.handoffs.some((h) => h.proxy))).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = planReferral(new Random(7), directory, from, now);
    expect(planReferral(new Random(7), directory, from, now)).toEqual(again);
  });
});

describe('afterOfficeHours', () => {
  it('counts only 9:00 to 17:00 JST on business days', () => {
    // Friday 2026-12-04 16:00 JST + 2 office hours: Monday 2026-12-07 10:00 JST.
    expect(afterOfficeHours(new Date('2026-12-04T07:00:00Z'), 2).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    // Before opening: counted from 9:00.
    expect(afterOfficeHours(new Date('2026-12-07T22:00:00Z'), 1).toISOString()).toBe('2026-12-08T01:00:00.000Z');
  });
});
