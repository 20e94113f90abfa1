import { registerEnumType } from '@nestjs/graphql';
import {
  DeclineReason,
  Destination,
  HandoffKind,
  NeedCategory,
  OrganizationKind,
  PolicyProposalStatus,
  ReferralOutcome,
  ReturnReason,
  ReferralStatus,
  RegionalIssueEventKind,
  RegionalIssueStatus,
  Role,
  SubcommitteeDecision,
  SubjectKind,
} from '@tsunagu/domain';

// The domain's enums, exposed to GraphQL under the same names (API.md).
registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(NeedCategory, { name: 'NeedCategory' });
registerEnumType(SubjectKind, { name: 'SubjectKind' });
registerEnumType(Destination, { name: 'Destination' });
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
registerEnumType(HandoffKind, { name: 'HandoffKind' });
registerEnumType(DeclineReason, { name: 'DeclineReason' });
registerEnumType(ReferralOutcome, { name: 'ReferralOutcome' });
registerEnumType(ReturnReason, { name: 'ReturnReason', description: 'Why the holder hands a referral back (returnReferral).' });
registerEnumType(RegionalIssueStatus, { name: 'RegionalIssueStatus' });
registerEnumType(PolicyProposalStatus, { name: 'PolicyProposalStatus' });
registerEnumType(SubcommitteeDecision, { name: 'SubcommitteeDecision' });
registerEnumType(RegionalIssueEventKind, { name: 'RegionalIssueEventKind' });
