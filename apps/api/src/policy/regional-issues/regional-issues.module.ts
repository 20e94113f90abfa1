import { Module } from '@nestjs/common';
import { DirectoryModule } from '../../directory/directory.module';
import { ReferralReadModule } from '../../referrals/referral-read.module';
import { PolicySharedModule } from '../shared/policy-shared.module';
import { RegionalIssueCommandsService } from './regional-issue-commands.service';
import {
  RegionalIssueEventFieldsResolver,
  RegionalIssueFieldsResolver,
  RegionalIssueSuggestionFieldsResolver,
} from './regional-issue-fields.resolver';
import { RegionalIssueSuggestionsService } from './regional-issue-suggestions.service';
import { RegionalIssuesResolver } from './regional-issues.resolver';

@Module({
  imports: [PolicySharedModule, ReferralReadModule, DirectoryModule],
  providers: [
    RegionalIssueCommandsService,
    RegionalIssueSuggestionsService,
    RegionalIssuesResolver,
    RegionalIssueFieldsResolver,
    RegionalIssueEventFieldsResolver,
    RegionalIssueSuggestionFieldsResolver,
  ],
})
export class RegionalIssuesModule {}
