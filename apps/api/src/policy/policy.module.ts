import { Module } from '@nestjs/common';
import { FollowUpActionsModule } from './follow-up-actions/follow-up-actions.module';
import { PolicyProposalsModule } from './proposals/policy-proposals.module';
import { RegionalIssuesModule } from './regional-issues/regional-issues.module';
import { SubcommitteeMeetingsModule } from './subcommittee-meetings/subcommittee-meetings.module';

/**
 * The policy track (DOMAIN.md, "The policy track"): regional issues, proposals, subcommittee meetings, follow-up
 * actions. Changes go through each issue's workflow; reads come from its read model. Who sees what: docs/SECURITY.md.
 */
@Module({
  imports: [RegionalIssuesModule, PolicyProposalsModule, SubcommitteeMeetingsModule, FollowUpActionsModule],
})
export class PolicyModule {}
