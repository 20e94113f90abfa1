import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../../common/viewer';
import { requestScoped } from '../../common/loaders/request-scoped';
import type { RequestContext } from '../../common/request-context';
import { ReferralQueryService } from '../../referrals/referral-query.service';
import { PolicyQueryService } from './policy-query.service';
import type { IssueRow, MeetingRow, ProposalRow } from '../../common/loaders/policy-rows';
import { seesProposalStatus } from './policy-scope';

/**
 * What the viewer of this request may see among objects reached through links (an issue's referrals, a handoff's
 * issue, a meeting's agenda): the same rules as the root queries, batched per request.
 */
@Injectable()
export class PolicyVisibilityService {
  constructor(
    private readonly policy: PolicyQueryService,
    private readonly referralQueries: ReferralQueryService,
  ) {}

  viewer(ctx: RequestContext): Viewer {
    return ctx.req.viewer!;
  }

  /** The issue, if the viewer may see it. */
  async issue(ctx: RequestContext, id: string | null): Promise<IssueRow | null> {
    if (!id) return null;
    const [row, visible] = await Promise.all([ctx.loaders.issue.load(id), this.issueVisible(ctx).load(id)]);
    return row && visible ? row : null;
  }

  /** The proposal, if the viewer may see it (and its issue). */
  async proposal(ctx: RequestContext, id: string | null): Promise<ProposalRow | null> {
    if (!id) return null;
    const row = await ctx.loaders.proposal.load(id);
    if (!row || !seesProposalStatus(this.viewer(ctx), row.status)) return null;
    return (await this.issueVisible(ctx).load(row.issueId)) ? row : null;
  }

  /** The meeting, if the viewer may see it. */
  async meeting(ctx: RequestContext, id: string | null): Promise<MeetingRow | null> {
    if (!id) return null;
    const [row, visible] = await Promise.all([ctx.loaders.meeting.load(id), this.meetingVisible(ctx).load(id)]);
    return row && visible ? row : null;
  }

  /** The referrals among these the viewer may see, in the order of the ids. */
  async referrals(ctx: RequestContext, ids: readonly string[]): Promise<ReferralEntity[]> {
    const rows = await this.referralLoader(ctx).loadMany([...ids]);
    return rows.filter((row): row is ReferralEntity => !!row && !(row instanceof Error));
  }

  async referralVisible(ctx: RequestContext, id: string): Promise<boolean> {
    return (await this.referralLoader(ctx).load(id)) !== null;
  }

  private issueVisible(ctx: RequestContext): DataLoader<string, boolean> {
    return requestScoped(ctx, 'policy:visibleIssue', () => {
      return new DataLoader<string, boolean>(async (ids) => {
        const visible = await this.policy.visibleIssueIds(this.viewer(ctx), ids);
        return ids.map((id) => visible.has(id));
      });
    });
  }

  private meetingVisible(ctx: RequestContext): DataLoader<string, boolean> {
    return requestScoped(ctx, 'policy:visibleMeeting', () => {
      return new DataLoader<string, boolean>(async (ids) => {
        const visible = await this.policy.visibleMeetingIds(this.viewer(ctx), ids);
        return ids.map((id) => visible.has(id));
      });
    });
  }

  private referralLoader(ctx: RequestContext): DataLoader<string, ReferralEntity | null> {
    return requestScoped(ctx, 'policy:visibleReferral', () => {
      return new DataLoader<string, ReferralEntity | null>(async (ids) => {
        const rows = await this.referralQueries.visibleAmong(this.viewer(ctx), ids);
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      });
    });
  }
}
