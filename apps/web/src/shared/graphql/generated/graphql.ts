/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** From the need's submission to: FIRST_ANSWER the first ACCEPTED or DECLINED, ACCEPTANCE the first ACCEPTED, COMPLETION its COMPLETED. */
export type AnswerTimeMeasure =
  | 'ACCEPTANCE'
  | 'COMPLETION'
  | 'FIRST_ANSWER';

/** Who consented, how and when, to sharing with partners. */
export type ConsentInput = {
  /** Who consented: 本人, 家族(長女), 成年後見人, ... (recommended; blank is none) */
  givenBy?: string | null | undefined;
  /** How it was obtained: 書面, 口頭, ... */
  method: string;
  obtained: boolean;
  obtainedAt: string;
};

export type DeclineReason =
  | 'COULD_NOT_CONTACT'
  | 'NOT_ELIGIBLE'
  | 'NOT_OUR_SERVICE'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'OUT_OF_AREA';

export type Destination =
  | 'PARTNER'
  | 'TIER1';

/** 居場所: the kind of place, its days, whether getting there needs help. */
export type GatheringPlaceDetailsInput = {
  days?: Array<Weekday> | null | undefined;
  /** Required. */
  placeKind?: GatheringPlaceKind | null | undefined;
  transportNeeded?: boolean | null | undefined;
};

/** A kind of gathering place (居場所). */
export type GatheringPlaceKind =
  /** カフェ */
  | 'CAFE'
  /** 体操・運動 */
  | 'EXERCISE'
  /** 趣味・学び */
  | 'HOBBY'
  /** その他 */
  | 'OTHER'
  /** サロン */
  | 'SALON';

export type HandoffKind =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'DEADLINE_EXTENDED'
  | 'DECLINED'
  | 'ESCALATED'
  | 'EXPIRED'
  | 'ISSUE_CLOSED'
  | 'LINKED_TO_ISSUE'
  | 'NOTE'
  | 'OFFERED'
  | 'POLICY_IMPLEMENTED'
  | 'PROPOSAL_SUBMITTED'
  | 'PUT_ON_HOLD'
  | 'REASSIGNED'
  | 'REMINDED'
  | 'RESUMED'
  | 'RETURNED'
  | 'STARTED'
  | 'SUBCOMMITTEE_DECISION'
  | 'SUBMITTED'
  | 'TAKEN'
  | 'UNLINKED_FROM_ISSUE'
  | 'UNMATCHED'
  | 'WITHDRAWN';

/** 訪問型支えあい: the tasks and how often. */
export type HomeHelpDetailsInput = {
  frequency?: NeedFrequency | null | undefined;
  /** Required: at least one. */
  tasks?: Array<HomeHelpTask> | null | undefined;
};

/** A household task. */
export type HomeHelpTask =
  /** 掃除 */
  | 'CLEANING'
  /** ごみ出し */
  | 'GARBAGE'
  /** 軽作業 */
  | 'LIGHT_WORK'
  /** その他 */
  | 'OTHER'
  /** 買い物代行 */
  | 'SHOPPING_ERRANDS'
  /** 見守り */
  | 'WATCHING';

/** How the person gets about (health-related: docs/SECURITY.md, "Need details"). */
export type Mobility =
  /** 杖 */
  | 'CANE'
  /** 自立 */
  | 'INDEPENDENT'
  /** 車椅子 */
  | 'WHEELCHAIR';

export type NeedCategory =
  | 'GATHERING_PLACE'
  | 'HOME_HELP'
  | 'OTHER'
  | 'SHOPPING'
  | 'TRANSPORT'
  | 'VOLUNTEER_INTEREST'
  | 'WATCH_OVER';

/** How often a need recurs. */
export type NeedFrequency =
  /** 必要な時 */
  | 'AS_NEEDED'
  /** 毎日 */
  | 'DAILY'
  /** 月に1〜2回 */
  | 'MONTHLY'
  /** 1回のみ */
  | 'ONCE'
  /** 週に数回 */
  | 'SEVERAL_TIMES_A_WEEK'
  /** 週に1回 */
  | 'WEEKLY';

/** At once, in the 08:30 JST digest of the next business morning, or not at all (OFF: not for account events). */
export type NotificationDelivery =
  | 'DAILY_DIGEST'
  | 'IMMEDIATE'
  | 'OFF';

/** What a mail tells someone (docs/NOTIFICATIONS.md). */
export type NotificationKind =
  | 'ACCEPTED'
  | 'ACCOUNT_CREATED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'ESCALATED'
  | 'FOLLOW_UP_ACTION_DUE'
  | 'OFFER'
  | 'OFFER_EXPIRED'
  | 'OFFER_REMINDER'
  | 'PASSWORD_RESET_DONE'
  | 'PROGRESS_REMINDER'
  | 'RESUME_DATE'
  | 'RETURNED'
  | 'SIGN_IN_LOCKED'
  | 'SUBCOMMITTEE_DECISION'
  | 'TIER1_REMINDER'
  | 'UNMATCHED';

/** その他: nothing structured beyond a note. */
export type OtherDetailsInput = {
  /** Required, at most 1000 characters. */
  note?: string | null | undefined;
};

export type PolicyProposalStatus =
  | 'ADOPTED'
  | 'CONTINUED'
  | 'DRAFT'
  | 'IMPLEMENTED'
  | 'ON_AGENDA'
  | 'REJECTED'
  | 'SUBMITTED';

/** A move a person makes on a referral; each is one mutation (ACCEPT: acceptReferral, NOTE: addReferralNote, ...). */
export type ReferralAction =
  | 'ACCEPT'
  | 'COMPLETE'
  | 'DECLINE'
  | 'ESCALATE'
  | 'EXTEND_DEADLINE'
  | 'HOLD'
  | 'NOTE'
  | 'REASSIGN'
  | 'RESUME'
  | 'RETURN'
  | 'START'
  | 'TAKE'
  | 'WITHDRAW';

/** The details of the referral's category, under its key (TRANSPORT: transport, ...); the other keys stay empty. */
export type ReferralDetailsInput = {
  gatheringPlace?: GatheringPlaceDetailsInput | null | undefined;
  homeHelp?: HomeHelpDetailsInput | null | undefined;
  other?: OtherDetailsInput | null | undefined;
  shopping?: ShoppingDetailsInput | null | undefined;
  transport?: TransportDetailsInput | null | undefined;
  volunteerInterest?: VolunteerInterestDetailsInput | null | undefined;
  watchOver?: WatchOverDetailsInput | null | undefined;
};

export type ReferralFilter = {
  areaCode?: Array<string> | null | undefined;
  category?: Array<NeedCategory> | null | undefined;
  /** true: only those that need the caller now (docs/API.md, "Needs me now"); false or absent: no such filter. */
  needsAttention?: boolean | null | undefined;
  /** Referrals this organisation holds or is offered. */
  organizationId?: string | number | null | undefined;
  status?: Array<ReferralStatus> | null | undefined;
  /** Submitted on or after this day, YYYY-MM-DD (Japan time). */
  submittedFrom?: string | null | undefined;
  /** Submitted on or before this day, YYYY-MM-DD (Japan time). */
  submittedTo?: string | null | undefined;
  /** Words in the summary (any part, case-insensitive), or for coordinators a resident’s ふりがな (the whole name or one word of it, exact). 1 to 100 characters. */
  text?: string | null | undefined;
};

export type ReferralOutcome =
  | 'NOT_RESOLVED'
  | 'NO_LONGER_NEEDED'
  | 'PARTIALLY_RESOLVED'
  | 'RESOLVED'
  | 'TAKEN_INTO_REGIONAL_ISSUE';

export type ReferralStatus =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'ESCALATED'
  | 'IN_PROGRESS'
  | 'OFFERED'
  | 'ON_HOLD'
  | 'SUBMITTED'
  | 'UNMATCHED'
  | 'WITHDRAWN';

export type ReferralSubjectInput = {
  /** For example "80代" */
  ageBand?: string | null | undefined;
  contact?: string | null | undefined;
  displayName: string;
  /** ふりがな: hiragana or katakana, ー and spaces, at most 100 characters; stored in hiragana (ヤマダ タロウ → やまだ たろう). */
  nameKana?: string | null | undefined;
};

export type RegionalIssueStatus =
  | 'CLOSED'
  | 'IMPLEMENTED'
  | 'IN_DELIBERATION'
  | 'IN_IMPLEMENTATION'
  | 'OPEN';

/** The period (JST days or months, both ends inclusive) and filters of a report (docs/REPORTS.md). */
export type ReportFilter = {
  /** Only needs of these areas (codes); all when absent. */
  areaCodes?: Array<string> | null | undefined;
  /** Only needs of these categories; all when absent. */
  categories?: Array<NeedCategory> | null | undefined;
  destination?: Destination | null | undefined;
  /** First day ("YYYY-MM-DD") or month ("YYYY-MM") of the period, Japan time, inclusive. */
  from: string;
  subjectKind?: SubjectKind | null | undefined;
  /** Last day ("YYYY-MM-DD") or month ("YYYY-MM") of the period, inclusive; at most 366 days after from. */
  to: string;
};

/** Why the holder hands a referral back (returnReferral). */
export type ReturnReason =
  | 'CANNOT_CONTINUE'
  | 'COULD_NOT_CONTACT'
  | 'LOCAL_RESOURCE_AVAILABLE'
  | 'NOT_ELIGIBLE'
  | 'NO_CAPACITY'
  | 'OTHER';

export type Role =
  | 'ADMIN'
  | 'PARTNER'
  | 'SUBCOMMITTEE'
  | 'TIER1_COORDINATOR'
  | 'TIER2_COORDINATOR';

/** 買い物支援: for one person or a whole place. */
export type ShoppingDetailsInput = {
  frequency?: NeedFrequency | null | undefined;
  /** The place (estate, street, 自治会), at most 200 characters. Never a resident's address. */
  location?: string | null | undefined;
  /** 移動販売 wanted. */
  mobileSalesWanted?: boolean | null | undefined;
  /** At most 100 characters. */
  nearestShop?: string | null | undefined;
  /** Required; PERSON for a PERSON referral, AREA for an AREA one. */
  scope?: ShoppingScope | null | undefined;
};

/** A shopping need of one person or of a place. */
export type ShoppingScope =
  /** 地域 */
  | 'AREA'
  /** 個人 */
  | 'PERSON';

export type SubcommitteeDecision =
  | 'ADOPTED'
  | 'CONTINUED'
  | 'REJECTED';

export type SubjectKind =
  | 'AREA'
  | 'PERSON';

export type SubmitReferralInput = {
  areaCode: string;
  category: NeedCategory;
  /** Idempotency key chosen by the form; resubmitting returns the same referral. */
  clientRequestId: string | number;
  /** Required when subjectKind is PERSON. */
  consent?: ConsentInput | null | undefined;
  destination: Destination;
  /** What the coordinator recorded for this category (docs/API.md, "Need details"). Optional: submissions without keep working. */
  details?: ReferralDetailsInput | null | undefined;
  /** The partner the coordinator chose; otherwise routing picks. */
  organizationId?: string | number | null | undefined;
  /** Required when subjectKind is PERSON. */
  subject?: ReferralSubjectInput | null | undefined;
  subjectKind: SubjectKind;
  /** 1 to 2000 characters */
  summary: string;
};

/** 移動支援: what the outing is for, how often, how the person gets about. */
export type TransportDetailsInput = {
  /** Each day once. */
  days?: Array<Weekday> | null | undefined;
  escortNeeded?: boolean | null | undefined;
  frequency?: NeedFrequency | null | undefined;
  mobility?: Mobility | null | undefined;
  /** Required. */
  purpose?: TransportPurpose | null | undefined;
};

/** What an outing is for. */
export type TransportPurpose =
  /** 通院 */
  | 'HOSPITAL'
  /** その他 */
  | 'OTHER'
  /** 外出 */
  | 'OUTING'
  /** 買い物 */
  | 'SHOPPING';

/** 活動希望: what a supporter offers, when and where. */
export type VolunteerInterestDetailsInput = {
  /** Codes of the daily-life areas the supporter can act in. */
  areaCodes?: Array<string> | null | undefined;
  days?: Array<Weekday> | null | undefined;
  skills?: Array<VolunteerSkill> | null | undefined;
  /** Finished the city’s 生活支援サポーター養成研修. */
  supporterTrainingCompleted?: boolean | null | undefined;
  workPreference?: WorkPreference | null | undefined;
};

/** What a supporter can do. */
export type VolunteerSkill =
  /** 話し相手 */
  | 'CONVERSATION'
  /** 運転 */
  | 'DRIVING'
  /** 庭仕事・草引き */
  | 'GARDENING'
  /** 家事 */
  | 'HOUSEWORK'
  /** その他 */
  | 'OTHER'
  /** 修繕・軽作業 */
  | 'REPAIRS'
  /** スマホ・パソコン */
  | 'SMARTPHONE_PC';

/** 見守り: how often and how. */
export type WatchOverDetailsInput = {
  frequency?: NeedFrequency | null | undefined;
  /** Required: at least one. */
  methods?: Array<WatchOverMethod> | null | undefined;
};

/** How watching over happens. */
export type WatchOverMethod =
  /** 電話 */
  | 'PHONE'
  /** 訪問 */
  | 'VISIT';

/** A day of the week (月..日). */
export type Weekday =
  /** 金 */
  | 'FRI'
  /** 月 */
  | 'MON'
  /** 土 */
  | 'SAT'
  /** 日 */
  | 'SUN'
  /** 木 */
  | 'THU'
  /** 火 */
  | 'TUE'
  /** 水 */
  | 'WED';

/** Paid work or volunteering. */
export type WorkPreference =
  /** どちらでも */
  | 'EITHER'
  /** 有償の仕事 */
  | 'PAID'
  /** ボランティア */
  | 'VOLUNTEER';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, displayName: string, email: string, role: Role, mustChangePassword: boolean | null, organization: { id: string, name: string } | null, area: { id: string, name: string } | null } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { login: { mustChangePassword: boolean } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changeMyPassword: boolean };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type CoordinatorHomeQueryVariables = Exact<{
  filter: ReferralFilter;
  attentionFilter: ReferralFilter;
  first: number;
}>;


export type CoordinatorHomeQuery = { attention: { totalCount: number, edges: Array<{ node: { id: string, summary: string, category: NeedCategory, status: ReferralStatus, createdAt: string, responseDueAt: string | null, currentOrganization: { id: string, name: string } | null } }> }, list: { totalCount: number, countsByStatus: Array<{ status: ReferralStatus, count: number }>, edges: Array<{ node: { id: string, summary: string, category: NeedCategory, status: ReferralStatus, createdAt: string, responseDueAt: string | null, currentOrganization: { id: string, name: string } | null } }> } };

export type HomeReferralRowFragment = { id: string, summary: string, category: NeedCategory, status: ReferralStatus, createdAt: string, responseDueAt: string | null, currentOrganization: { id: string, name: string } | null };

export type HomeOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeOrganizationsQuery = { organizations: Array<{ id: string, name: string }>, areas: Array<{ code: string, name: string }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { referrals: { totalCount: number } };

export type InboxQueryVariables = Exact<{
  organizationId: string | number;
}>;


export type InboxQuery = { offers: { totalCount: number, edges: Array<{ node: { id: string, status: ReferralStatus, category: NeedCategory, summary: string, subjectAgeBand: string | null, responseDueAt: string | null, businessDaysLeft: number | null, outcome: ReferralOutcome | null, updatedAt: string, area: { name: string }, currentOrganization: { id: string } | null, subject: { displayName: string, contact: string | null } | null, availableActions: Array<{ action: ReferralAction, proxy: boolean }> } }> }, held: { totalCount: number, edges: Array<{ node: { id: string, status: ReferralStatus, category: NeedCategory, summary: string, subjectAgeBand: string | null, responseDueAt: string | null, businessDaysLeft: number | null, outcome: ReferralOutcome | null, updatedAt: string, area: { name: string }, currentOrganization: { id: string } | null, subject: { displayName: string, contact: string | null } | null, availableActions: Array<{ action: ReferralAction, proxy: boolean }> } }> }, recent: { edges: Array<{ node: { id: string, status: ReferralStatus, category: NeedCategory, summary: string, subjectAgeBand: string | null, responseDueAt: string | null, businessDaysLeft: number | null, outcome: ReferralOutcome | null, updatedAt: string, area: { name: string }, currentOrganization: { id: string } | null, subject: { displayName: string, contact: string | null } | null, availableActions: Array<{ action: ReferralAction, proxy: boolean }> } }> } };

export type InboxRowFragment = { id: string, status: ReferralStatus, category: NeedCategory, summary: string, subjectAgeBand: string | null, responseDueAt: string | null, businessDaysLeft: number | null, outcome: ReferralOutcome | null, updatedAt: string, area: { name: string }, currentOrganization: { id: string } | null, subject: { displayName: string, contact: string | null } | null, availableActions: Array<{ action: ReferralAction, proxy: boolean }> };

export type KeptMailsQueryVariables = Exact<{
  first: number;
}>;


export type KeptMailsQuery = { keptMails: { catcherEnabled: boolean, totalCount: number, mails: Array<{ id: string, receivedAt: string, from: string | null, to: Array<string>, recipients: Array<string>, subject: string, text: string | null, html: string | null }> } };

export type MyNotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationPreferencesQuery = { myNotificationPreferences: Array<{ kind: NotificationKind, delivery: NotificationDelivery, changeable: boolean }> };

export type SetNotificationPreferenceMutationVariables = Exact<{
  kind: NotificationKind;
  delivery: NotificationDelivery;
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: { kind: NotificationKind, delivery: NotificationDelivery, changeable: boolean } };

export type ReferralPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralPageQuery = { referral: { id: string, status: ReferralStatus, category: NeedCategory, summary: string, subjectKind: SubjectKind, subjectAgeBand: string | null, createdAt: string, responseDueAt: string | null, businessDaysLeft: number | null, resumeOn: string | null, outcome: ReferralOutcome | null, area: { code: string, name: string }, submittedBy: { displayName: string }, currentOrganization: { id: string, name: string } | null, subject: { displayName: string, nameKana: string | null, ageBand: string | null, contact: string | null } | null, consent: { obtained: boolean, obtainedAt: string | null, method: string | null, givenBy: string | null } | null, availableActions: Array<{ action: ReferralAction, proxy: boolean }>, details:
      | { __typename: 'GatheringPlaceDetails', placeKind: GatheringPlaceKind, days: Array<Weekday>, transportNeeded: boolean | null }
      | { __typename: 'HomeHelpDetails', tasks: Array<HomeHelpTask>, frequency: NeedFrequency | null }
      | { __typename: 'OtherDetails', note: string }
      | { __typename: 'ShoppingDetails', scope: ShoppingScope, location: string | null, nearestShop: string | null, mobileSalesWanted: boolean | null, frequency: NeedFrequency | null }
      | { __typename: 'TransportDetails', purpose: TransportPurpose, frequency: NeedFrequency | null, days: Array<Weekday>, mobility: Mobility | null, escortNeeded: boolean | null }
      | { __typename: 'VolunteerInterestDetails', skills: Array<VolunteerSkill>, days: Array<Weekday>, areaCodes: Array<string>, supporterTrainingCompleted: boolean | null, workPreference: WorkPreference | null }
      | { __typename: 'WatchOverDetails', methods: Array<WatchOverMethod>, frequency: NeedFrequency | null }
     | null, handoffs: Array<{ seq: number, kind: HandoffKind, at: string, proxy: boolean, reason: string | null, note: string | null, actor: { displayName: string } | null, fromOrganization: { name: string } | null, toOrganization: { name: string } | null }> } | null };

export type ReassignSuggestionsQueryVariables = Exact<{
  areaCode: string;
  category: NeedCategory;
}>;


export type ReassignSuggestionsQuery = { suggestedOrganizations: Array<{ id: string, name: string }> };

export type AcceptReferralMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcceptReferralMutation = { acceptReferral: { id: string } };

export type DeclineReferralMutationVariables = Exact<{
  id: string | number;
  reason: DeclineReason;
  note?: string | null | undefined;
}>;


export type DeclineReferralMutation = { declineReferral: { id: string } };

export type StartReferralMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type StartReferralMutation = { startReferral: { id: string } };

export type CompleteReferralMutationVariables = Exact<{
  id: string | number;
  outcome: ReferralOutcome;
  note?: string | null | undefined;
}>;


export type CompleteReferralMutation = { completeReferral: { id: string } };

export type ReturnReferralMutationVariables = Exact<{
  id: string | number;
  reason: ReturnReason;
  note?: string | null | undefined;
}>;


export type ReturnReferralMutation = { returnReferral: { id: string } };

export type ExtendReferralDeadlineMutationVariables = Exact<{
  id: string | number;
  businessDays: number;
  reason: string;
}>;


export type ExtendReferralDeadlineMutation = { extendReferralDeadline: { id: string } };

export type AddReferralNoteMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type AddReferralNoteMutation = { addReferralNote: { id: string } };

export type ReassignReferralMutationVariables = Exact<{
  id: string | number;
  organizationId: string | number;
  note?: string | null | undefined;
}>;


export type ReassignReferralMutation = { reassignReferral: { id: string } };

export type EscalateReferralMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type EscalateReferralMutation = { escalateReferral: { id: string } };

export type WithdrawReferralMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WithdrawReferralMutation = { withdrawReferral: { id: string } };

export type HoldReferralMutationVariables = Exact<{
  id: string | number;
  resumeOn: string;
  reason: string;
}>;


export type HoldReferralMutation = { holdReferral: { id: string } };

export type ResumeReferralMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ResumeReferralMutation = { resumeReferral: { id: string } };

export type TakeReferralMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type TakeReferralMutation = { takeReferral: { id: string } };

export type NewReferralAreasQueryVariables = Exact<{ [key: string]: never; }>;


export type NewReferralAreasQuery = { areas: Array<{ id: string, code: string, name: string }> };

export type SuggestedOrganizationsQueryVariables = Exact<{
  areaCode: string;
  category: NeedCategory;
}>;


export type SuggestedOrganizationsQuery = { suggestedOrganizations: Array<{ id: string, name: string, answeredByProxy: boolean | null }> };

export type SubmitReferralMutationVariables = Exact<{
  input: SubmitReferralInput;
}>;


export type SubmitReferralMutation = { submitReferral: { id: string } };

export type RegionalIssuePageQueryVariables = Exact<{
  id: string | number;
}>;


export type RegionalIssuePageQuery = { regionalIssue: { id: string, title: string, status: RegionalIssueStatus, category: NeedCategory, referralCount: number, areas: Array<{ code: string, name: string }>, referrals: Array<{ id: string, status: ReferralStatus, category: NeedCategory, area: { name: string } }>, proposals: Array<{ id: string, title: string, status: PolicyProposalStatus, followUpActions: Array<{ id: string, description: string, owner: string, dueOn: string, doneAt: string | null, overdue: boolean }> }> } | null };

export type ReportCountFieldsFragment = { count: number | null, display: string, suppressed: boolean };

export type DurationFieldsFragment = { medianHours: number | null, p90Hours: number | null, medianBusinessDays: number | null, p90BusinessDays: number | null, count: { count: number | null, display: string, suppressed: boolean } };

export type ReportsPageQueryVariables = Exact<{
  filter: ReportFilter;
  city: boolean;
  partnerLoad: boolean;
}>;


export type ReportsPageQuery = { areas: Array<{ code: string, name: string }>, needsReport: { period: { from: string, to: string, months: Array<string> }, total: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, month: string, area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byArea: Array<{ area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byCategory: Array<{ category: NeedCategory, count: { count: number | null, display: string, suppressed: boolean } }>, byMonth: Array<{ month: string, count: { count: number | null, display: string, suppressed: boolean } }>, bySubjectKind: Array<{ subjectKind: SubjectKind, count: { count: number | null, display: string, suppressed: boolean } }> }, outcomesReport: { total: { count: number | null, display: string, suppressed: boolean }, byResult: Array<{ status: ReferralStatus, outcome: ReferralOutcome | null, count: { count: number | null, display: string, suppressed: boolean } }>, escalated: { count: number | null, display: string, suppressed: boolean } | null, linkedToRegionalIssue: { count: number | null, display: string, suppressed: boolean } | null }, answerTimesReport?: { overall: Array<{ measure: AnswerTimeMeasure, time: { medianHours: number | null, p90Hours: number | null, medianBusinessDays: number | null, p90BusinessDays: number | null, count: { count: number | null, display: string, suppressed: boolean } } }> }, offersReport?: { shareAccepted: number | null, offers: { count: number | null, display: string, suppressed: boolean }, accepted: { count: number | null, display: string, suppressed: boolean }, declined: { count: number | null, display: string, suppressed: boolean }, declinedByReason: Array<{ reason: DeclineReason, count: { count: number | null, display: string, suppressed: boolean } }>, expired: { count: number | null, display: string, suppressed: boolean }, other: { count: number | null, display: string, suppressed: boolean }, open: { count: number | null, display: string, suppressed: boolean }, triedBeforeAcceptance: Array<{ tried: string, count: { count: number | null, display: string, suppressed: boolean } }> }, gapsReport?: { unmatchedTotal: { count: number | null, display: string, suppressed: boolean }, escalatedTotal: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, partnersAccepting: number, area: { code: string, name: string }, unmatched: { count: number | null, display: string, suppressed: boolean }, escalated: { count: number | null, display: string, suppressed: boolean }, partners: Array<{ id: string, name: string, acceptingReferrals: boolean }> }> }, policyTrackReport?: { issuesByStatus: Array<{ status: RegionalIssueStatus, count: { count: number | null, display: string, suppressed: boolean } }>, proposalsSubmitted: { count: number | null, display: string, suppressed: boolean }, decisions: Array<{ decision: SubcommitteeDecision, count: { count: number | null, display: string, suppressed: boolean } }>, actionsDone: { count: number | null, display: string, suppressed: boolean }, actionsOverdue: { count: number | null, display: string, suppressed: boolean }, issues: Array<{ issueId: string, title: string, status: RegionalIssueStatus, needs: { count: number | null, display: string, suppressed: boolean } }> }, partnerLoadReport?: { partners: Array<{ organizationId: string, organizationName: string, offers: number, accepted: number, declined: number, expired: number, completed: number, openNow: number, answerMedianHours: number | null, answerP90Hours: number | null, answerMedianBusinessDays: number | null, answerP90BusinessDays: number | null }> } };

export type MonthlyReportQueryVariables = Exact<{
  month: string;
}>;


export type MonthlyReportQuery = { monthlyReport: { month: string, title: string, needs: { period: { from: string, to: string, months: Array<string> }, total: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, month: string, area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byArea: Array<{ area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byCategory: Array<{ category: NeedCategory, count: { count: number | null, display: string, suppressed: boolean } }>, byMonth: Array<{ month: string, count: { count: number | null, display: string, suppressed: boolean } }>, bySubjectKind: Array<{ subjectKind: SubjectKind, count: { count: number | null, display: string, suppressed: boolean } }> }, outcomes: { total: { count: number | null, display: string, suppressed: boolean }, byResult: Array<{ status: ReferralStatus, outcome: ReferralOutcome | null, count: { count: number | null, display: string, suppressed: boolean } }>, escalated: { count: number | null, display: string, suppressed: boolean } | null, linkedToRegionalIssue: { count: number | null, display: string, suppressed: boolean } | null }, answerTimes: { overall: Array<{ measure: AnswerTimeMeasure, time: { medianHours: number | null, p90Hours: number | null, medianBusinessDays: number | null, p90BusinessDays: number | null, count: { count: number | null, display: string, suppressed: boolean } } }> }, offers: { shareAccepted: number | null, offers: { count: number | null, display: string, suppressed: boolean }, accepted: { count: number | null, display: string, suppressed: boolean }, declined: { count: number | null, display: string, suppressed: boolean }, declinedByReason: Array<{ reason: DeclineReason, count: { count: number | null, display: string, suppressed: boolean } }>, expired: { count: number | null, display: string, suppressed: boolean }, other: { count: number | null, display: string, suppressed: boolean }, open: { count: number | null, display: string, suppressed: boolean }, triedBeforeAcceptance: Array<{ tried: string, count: { count: number | null, display: string, suppressed: boolean } }> }, gaps: { unmatchedTotal: { count: number | null, display: string, suppressed: boolean }, escalatedTotal: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, partnersAccepting: number, area: { code: string, name: string }, unmatched: { count: number | null, display: string, suppressed: boolean }, escalated: { count: number | null, display: string, suppressed: boolean }, partners: Array<{ id: string, name: string, acceptingReferrals: boolean }> }> }, policyTrack: { issuesByStatus: Array<{ status: RegionalIssueStatus, count: { count: number | null, display: string, suppressed: boolean } }>, proposalsSubmitted: { count: number | null, display: string, suppressed: boolean }, decisions: Array<{ decision: SubcommitteeDecision, count: { count: number | null, display: string, suppressed: boolean } }>, actionsDone: { count: number | null, display: string, suppressed: boolean }, actionsOverdue: { count: number | null, display: string, suppressed: boolean }, issues: Array<{ issueId: string, title: string, status: RegionalIssueStatus, needs: { count: number | null, display: string, suppressed: boolean } }> } } };

export type NeedsFiguresFragment = { period: { from: string, to: string, months: Array<string> }, total: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, month: string, area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byArea: Array<{ area: { code: string, name: string }, count: { count: number | null, display: string, suppressed: boolean } }>, byCategory: Array<{ category: NeedCategory, count: { count: number | null, display: string, suppressed: boolean } }>, byMonth: Array<{ month: string, count: { count: number | null, display: string, suppressed: boolean } }>, bySubjectKind: Array<{ subjectKind: SubjectKind, count: { count: number | null, display: string, suppressed: boolean } }> };

export type OutcomesFiguresFragment = { total: { count: number | null, display: string, suppressed: boolean }, byResult: Array<{ status: ReferralStatus, outcome: ReferralOutcome | null, count: { count: number | null, display: string, suppressed: boolean } }>, escalated: { count: number | null, display: string, suppressed: boolean } | null, linkedToRegionalIssue: { count: number | null, display: string, suppressed: boolean } | null };

export type AnswerTimesFiguresFragment = { overall: Array<{ measure: AnswerTimeMeasure, time: { medianHours: number | null, p90Hours: number | null, medianBusinessDays: number | null, p90BusinessDays: number | null, count: { count: number | null, display: string, suppressed: boolean } } }> };

export type OffersFiguresFragment = { shareAccepted: number | null, offers: { count: number | null, display: string, suppressed: boolean }, accepted: { count: number | null, display: string, suppressed: boolean }, declined: { count: number | null, display: string, suppressed: boolean }, declinedByReason: Array<{ reason: DeclineReason, count: { count: number | null, display: string, suppressed: boolean } }>, expired: { count: number | null, display: string, suppressed: boolean }, other: { count: number | null, display: string, suppressed: boolean }, open: { count: number | null, display: string, suppressed: boolean }, triedBeforeAcceptance: Array<{ tried: string, count: { count: number | null, display: string, suppressed: boolean } }> };

export type GapsFiguresFragment = { unmatchedTotal: { count: number | null, display: string, suppressed: boolean }, escalatedTotal: { count: number | null, display: string, suppressed: boolean }, cells: Array<{ category: NeedCategory, partnersAccepting: number, area: { code: string, name: string }, unmatched: { count: number | null, display: string, suppressed: boolean }, escalated: { count: number | null, display: string, suppressed: boolean }, partners: Array<{ id: string, name: string, acceptingReferrals: boolean }> }> };

export type PolicyTrackFiguresFragment = { issuesByStatus: Array<{ status: RegionalIssueStatus, count: { count: number | null, display: string, suppressed: boolean } }>, proposalsSubmitted: { count: number | null, display: string, suppressed: boolean }, decisions: Array<{ decision: SubcommitteeDecision, count: { count: number | null, display: string, suppressed: boolean } }>, actionsDone: { count: number | null, display: string, suppressed: boolean }, actionsOverdue: { count: number | null, display: string, suppressed: boolean }, issues: Array<{ issueId: string, title: string, status: RegionalIssueStatus, needs: { count: number | null, display: string, suppressed: boolean } }> };

export const HomeReferralRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomeReferralRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HomeReferralRowFragment, unknown>;
export const InboxRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"subjectAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"businessDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"proxy"}}]}}]}}]} as unknown as DocumentNode<InboxRowFragment, unknown>;
export const ReportCountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<ReportCountFieldsFragment, unknown>;
export const NeedsFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NeedsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NeedsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySubjectKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<NeedsFiguresFragment, unknown>;
export const OutcomesFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedToRegionalIssue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<OutcomesFiguresFragment, unknown>;
export const DurationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medianHours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"medianBusinessDays"}},{"kind":"Field","name":{"kind":"Name","value":"p90BusinessDays"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<DurationFieldsFragment, unknown>;
export const AnswerTimesFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnswerTimesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerTimesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"time"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medianHours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"medianBusinessDays"}},{"kind":"Field","name":{"kind":"Name","value":"p90BusinessDays"}}]}}]} as unknown as DocumentNode<AnswerTimesFiguresFragment, unknown>;
export const OffersFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OffersFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OffersReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declinedByReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"expired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"other"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"open"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"triedBeforeAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tried"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<OffersFiguresFragment, unknown>;
export const GapsFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GapsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GapsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnersAccepting"}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<GapsFiguresFragment, unknown>;
export const PolicyTrackFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyTrackFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyTrackReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuesByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSubmitted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsDone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsOverdue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<PolicyTrackFiguresFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMyPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const CoordinatorHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attentionFilter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"attention"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attentionFilter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"URGENCY"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomeReferralRow"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"list"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NEWEST"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"countsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomeReferralRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomeReferralRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CoordinatorHomeQuery, CoordinatorHomeQueryVariables>;
export const HomeOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HomeOrganizationsQuery, HomeOrganizationsQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"offers"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OFFERED"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"URGENCY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxRow"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"held"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACCEPTED"},{"kind":"EnumValue","value":"IN_PROGRESS"},{"kind":"EnumValue","value":"ON_HOLD"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"URGENCY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxRow"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"recent"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InboxRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InboxRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"subjectAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"businessDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"proxy"}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const KeptMailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeptMails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keptMails"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catcherEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"mails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"html"}}]}}]}}]}}]} as unknown as DocumentNode<KeptMailsQuery, KeptMailsQueryVariables>;
export const MyNotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyNotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"changeable"}}]}}]}}]} as unknown as DocumentNode<MyNotificationPreferencesQuery, MyNotificationPreferencesQueryVariables>;
export const SetNotificationPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"delivery"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationDelivery"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setNotificationPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"delivery"},"value":{"kind":"Variable","name":{"kind":"Name","value":"delivery"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"changeable"}}]}}]}}]} as unknown as DocumentNode<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const ReferralPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"subjectAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"businessDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"resumeOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"nameKana"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"obtained"}},{"kind":"Field","name":{"kind":"Name","value":"obtainedAt"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"givenBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"proxy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TransportDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"mobility"}},{"kind":"Field","name":{"kind":"Name","value":"escortNeeded"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ShoppingDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"nearestShop"}},{"kind":"Field","name":{"kind":"Name","value":"mobileSalesWanted"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VolunteerInterestDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"areaCodes"}},{"kind":"Field","name":{"kind":"Name","value":"supporterTrainingCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"workPreference"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeHelpDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GatheringPlaceDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeKind"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"transportNeeded"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WatchOverDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"methods"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtherDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"handoffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"proxy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralPageQuery, ReferralPageQueryVariables>;
export const ReassignSuggestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReassignSuggestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NeedCategory"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestedOrganizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"areaCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReassignSuggestionsQuery, ReassignSuggestionsQueryVariables>;
export const AcceptReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const DeclineReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineReason"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const StartReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StartReferralMutation, StartReferralMutationVariables>;
export const CompleteReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CompleteReferralMutation, CompleteReferralMutationVariables>;
export const ReturnReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnReason"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReturnReferralMutation, ReturnReferralMutationVariables>;
export const ExtendReferralDeadlineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendReferralDeadline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"businessDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendReferralDeadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"businessDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"businessDays"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ExtendReferralDeadlineMutation, ExtendReferralDeadlineMutationVariables>;
export const AddReferralNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddReferralNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addReferralNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddReferralNoteMutation, AddReferralNoteMutationVariables>;
export const ReassignReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReassignReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reassignReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReassignReferralMutation, ReassignReferralMutationVariables>;
export const EscalateReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EscalateReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"escalateReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EscalateReferralMutation, EscalateReferralMutationVariables>;
export const WithdrawReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WithdrawReferralMutation, WithdrawReferralMutationVariables>;
export const HoldReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resumeOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"resumeOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resumeOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HoldReferralMutation, HoldReferralMutationVariables>;
export const ResumeReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ResumeReferralMutation, ResumeReferralMutationVariables>;
export const TakeReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TakeReferralMutation, TakeReferralMutationVariables>;
export const NewReferralAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewReferralAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<NewReferralAreasQuery, NewReferralAreasQueryVariables>;
export const SuggestedOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuggestedOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NeedCategory"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestedOrganizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"areaCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByProxy"}}]}}]}}]} as unknown as DocumentNode<SuggestedOrganizationsQuery, SuggestedOrganizationsQueryVariables>;
export const SubmitReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SubmitReferralMutation, SubmitReferralMutationVariables>;
export const RegionalIssuePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionalIssuePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionalIssue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralCount"}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"followUpActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"doneAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionalIssuePageQuery, RegionalIssuePageQueryVariables>;
export const ReportsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"city"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnerLoad"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needsReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NeedsFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomesReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomesFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answerTimesReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"city"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnswerTimesFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offersReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"city"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OffersFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gapsReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"city"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GapsFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policyTrackReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"city"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyTrackFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerLoadReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnerLoad"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"declined"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"answerMedianHours"}},{"kind":"Field","name":{"kind":"Name","value":"answerP90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"answerMedianBusinessDays"}},{"kind":"Field","name":{"kind":"Name","value":"answerP90BusinessDays"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medianHours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"medianBusinessDays"}},{"kind":"Field","name":{"kind":"Name","value":"p90BusinessDays"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NeedsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NeedsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySubjectKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedToRegionalIssue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnswerTimesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerTimesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"time"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OffersFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OffersReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declinedByReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"expired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"other"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"open"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"triedBeforeAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tried"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GapsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GapsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnersAccepting"}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyTrackFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyTrackReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuesByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSubmitted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsDone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsOverdue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}}]} as unknown as DocumentNode<ReportsPageQuery, ReportsPageQueryVariables>;
export const MonthlyReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonthlyReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NeedsFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomesFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answerTimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnswerTimesFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OffersFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GapsFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policyTrack"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyTrackFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medianHours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"medianBusinessDays"}},{"kind":"Field","name":{"kind":"Name","value":"p90BusinessDays"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NeedsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NeedsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySubjectKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedToRegionalIssue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnswerTimesFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerTimesReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"time"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OffersFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OffersReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declinedByReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"expired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"other"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"open"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"triedBeforeAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tried"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GapsFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GapsReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnersAccepting"}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acceptingReferrals"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyTrackFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyTrackReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuesByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSubmitted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsDone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsOverdue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportCountFields"}}]}}]}}]}}]} as unknown as DocumentNode<MonthlyReportQuery, MonthlyReportQueryVariables>;