// The names of DOMAIN.md, used unchanged in code, schema and database.

export enum Role {
  ADMIN = 'ADMIN',
  TIER1_COORDINATOR = 'TIER1_COORDINATOR',
  TIER2_COORDINATOR = 'TIER2_COORDINATOR',
  PARTNER = 'PARTNER',
  SUBCOMMITTEE = 'SUBCOMMITTEE',
}

export enum OrganizationKind {
  CITY_DEPARTMENT = 'CITY_DEPARTMENT',
  SOCIAL_WELFARE_COUNCIL = 'SOCIAL_WELFARE_COUNCIL',
  COMMUNITY_SUPPORT_CENTER = 'COMMUNITY_SUPPORT_CENTER',
  NPO = 'NPO',
  VOLUNTEER_GROUP = 'VOLUNTEER_GROUP',
  SILVER_HR_CENTER = 'SILVER_HR_CENTER',
  CIVIC_ACTIVITY_CENTER = 'CIVIC_ACTIVITY_CENTER',
  BUSINESS = 'BUSINESS',
  SUBCOMMITTEE = 'SUBCOMMITTEE',
}

/** Kinds of organisation a referral can be offered to; the others are the city's own bodies. */
export const PARTNER_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.COMMUNITY_SUPPORT_CENTER,
  OrganizationKind.NPO,
  OrganizationKind.VOLUNTEER_GROUP,
  OrganizationKind.SILVER_HR_CENTER,
  OrganizationKind.CIVIC_ACTIVITY_CENTER,
  OrganizationKind.BUSINESS,
];

export enum NeedCategory {
  TRANSPORT = 'TRANSPORT',
  SHOPPING = 'SHOPPING',
  VOLUNTEER_INTEREST = 'VOLUNTEER_INTEREST',
  HOME_HELP = 'HOME_HELP',
  GATHERING_PLACE = 'GATHERING_PLACE',
  WATCH_OVER = 'WATCH_OVER',
  OTHER = 'OTHER',
}

export enum SubjectKind {
  PERSON = 'PERSON',
  AREA = 'AREA',
}

export enum Destination {
  PARTNER = 'PARTNER',
  TIER1 = 'TIER1',
}

export enum ReferralStatus {
  SUBMITTED = 'SUBMITTED',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  UNMATCHED = 'UNMATCHED',
  ESCALATED = 'ESCALATED',
  WITHDRAWN = 'WITHDRAWN',
  /** Paused by a coordinator until a resume date (resident in hospital, family decides later); deadlines wait. */
  ON_HOLD = 'ON_HOLD',
}

export enum HandoffKind {
  SUBMITTED = 'SUBMITTED',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  REMINDED = 'REMINDED',
  REASSIGNED = 'REASSIGNED',
  STARTED = 'STARTED',
  COMPLETED = 'COMPLETED',
  UNMATCHED = 'UNMATCHED',
  ESCALATED = 'ESCALATED',
  WITHDRAWN = 'WITHDRAWN',
  NOTE = 'NOTE',
  /** The current deadline was moved later (a partner asked for more time). */
  DEADLINE_EXTENDED = 'DEADLINE_EXTENDED',
  /** The tier-1 coordinator took an escalated need: its city department holds it. */
  TAKEN = 'TAKEN',
  /** The holder handed the referral back (a partner that cannot carry on, or tier-1 to the tier-2 coordinator); reason coded. */
  RETURNED = 'RETURNED',
  /** A coordinator put the referral on hold until a resume date. */
  PUT_ON_HOLD = 'PUT_ON_HOLD',
  /** The referral left its hold; deadlines run again. */
  RESUMED = 'RESUMED',
  // The policy track seen from the referral (DOMAIN.md, "The policy track", step 5): written by the regional issue's
  // workflow into the history of every referral linked to it as evidence. Never shown to partners.
  /** Tier-1 linked the referral to a regional issue as evidence. */
  LINKED_TO_ISSUE = 'LINKED_TO_ISSUE',
  /** Tier-1 took the referral off the issue (linked by mistake); reason says why. */
  UNLINKED_FROM_ISSUE = 'UNLINKED_FROM_ISSUE',
  /** A policy proposal on the issue went to the subcommittee. */
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  /** The subcommittee decided on the proposal; reason holds the SubcommitteeDecision. */
  SUBCOMMITTEE_DECISION = 'SUBCOMMITTEE_DECISION',
  /** Every follow-up action of the adopted proposal is done. */
  POLICY_IMPLEMENTED = 'POLICY_IMPLEMENTED',
  /** Tier-1 closed the issue without (further) proposals; reason says why. */
  ISSUE_CLOSED = 'ISSUE_CLOSED',
}

/** Handoff kinds written by the policy track; partners never see them. */
export const POLICY_HANDOFF_KINDS: readonly HandoffKind[] = [
  HandoffKind.LINKED_TO_ISSUE,
  HandoffKind.UNLINKED_FROM_ISSUE,
  HandoffKind.PROPOSAL_SUBMITTED,
  HandoffKind.SUBCOMMITTEE_DECISION,
  HandoffKind.POLICY_IMPLEMENTED,
  HandoffKind.ISSUE_CLOSED,
];

export enum DeclineReason {
  NO_CAPACITY = 'NO_CAPACITY',
  OUT_OF_AREA = 'OUT_OF_AREA',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NOT_OUR_SERVICE = 'NOT_OUR_SERVICE',
  COULD_NOT_CONTACT = 'COULD_NOT_CONTACT',
  OTHER = 'OTHER',
}

export enum ReferralOutcome {
  RESOLVED = 'RESOLVED',
  PARTIALLY_RESOLVED = 'PARTIALLY_RESOLVED',
  NOT_RESOLVED = 'NOT_RESOLVED',
  NO_LONGER_NEEDED = 'NO_LONGER_NEEDED',
  /** Answered by policy: the need was taken into a regional issue (地域課題として対応). Counts as answered. */
  TAKEN_INTO_REGIONAL_ISSUE = 'TAKEN_INTO_REGIONAL_ISSUE',
}

/** Why the holder hands a referral back (returnReferral). */
export enum ReturnReason {
  /** The partner cannot carry on with it (staff, vehicle, the situation changed). */
  CANNOT_CONTINUE = 'CANNOT_CONTINUE',
  NO_CAPACITY = 'NO_CAPACITY',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  COULD_NOT_CONTACT = 'COULD_NOT_CONTACT',
  /** Tier-1 hands it back to the tier-2 coordinator: a local resource can meet it. */
  LOCAL_RESOURCE_AVAILABLE = 'LOCAL_RESOURCE_AVAILABLE',
  OTHER = 'OTHER',
}

/** Where a regional issue (地域課題) stands; derived from its proposals, except CLOSED. */
export enum RegionalIssueStatus {
  /** Collecting evidence; no proposal before the subcommittee. */
  OPEN = 'OPEN',
  /** A proposal is submitted, on an agenda or continued. */
  IN_DELIBERATION = 'IN_DELIBERATION',
  /** A proposal was adopted; its follow-up actions are under way. */
  IN_IMPLEMENTATION = 'IN_IMPLEMENTATION',
  /** Every follow-up action of the adopted proposal is done. Final. */
  IMPLEMENTED = 'IMPLEMENTED',
  /** Tier-1 closed it without an implemented proposal (reason recorded). Final. */
  CLOSED = 'CLOSED',
}

export enum PolicyProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ON_AGENDA = 'ON_AGENDA',
  CONTINUED = 'CONTINUED',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  IMPLEMENTED = 'IMPLEMENTED',
}

/** What the subcommittee (生活支援体制整備部会) decides on a proposal. */
export enum SubcommitteeDecision {
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  /** Carried to a later meeting. */
  CONTINUED = 'CONTINUED',
}

/** One entry of a regional issue's own tracked history (regional_issue_event). */
export enum RegionalIssueEventKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  REFERRAL_LINKED = 'REFERRAL_LINKED',
  REFERRAL_UNLINKED = 'REFERRAL_UNLINKED',
  PROPOSAL_DRAFTED = 'PROPOSAL_DRAFTED',
  PROPOSAL_REVISED = 'PROPOSAL_REVISED',
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  PUT_ON_AGENDA = 'PUT_ON_AGENDA',
  DECISION_RECORDED = 'DECISION_RECORDED',
  ACTION_ADDED = 'ACTION_ADDED',
  ACTION_DUE = 'ACTION_DUE',
  ACTION_DONE = 'ACTION_DONE',
  IMPLEMENTED = 'IMPLEMENTED',
  CLOSED = 'CLOSED',
  /** Taken off a meeting's agenda before the meeting (or the meeting was cancelled); the note says why. */
  REMOVED_FROM_AGENDA = 'REMOVED_FROM_AGENDA',
}
