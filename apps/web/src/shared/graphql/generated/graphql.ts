/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who consented, how and when, to sharing with partners. */
export type ConsentInput = {
  /** Who consented: 本人, 家族(長女), 成年後見人, ... (recommended; blank is none) */
  givenBy?: string | null | undefined;
  /** How it was obtained: 書面, 口頭, ... */
  method: string;
  obtained: boolean;
  obtainedAt: string;
};

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

/** その他: nothing structured beyond a note. */
export type OtherDetailsInput = {
  /** Required, at most 1000 characters. */
  note?: string | null | undefined;
};

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


export type HomeOrganizationsQuery = { organizations: Array<{ id: string, name: string }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { referrals: { totalCount: number } };

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

export const HomeReferralRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomeReferralRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HomeReferralRowFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMyPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const CoordinatorHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attentionFilter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"attention"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attentionFilter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"URGENCY"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomeReferralRow"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"list"},"name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NEWEST"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"countsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomeReferralRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomeReferralRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CoordinatorHomeQuery, CoordinatorHomeQueryVariables>;
export const HomeOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HomeOrganizationsQuery, HomeOrganizationsQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const NewReferralAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewReferralAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<NewReferralAreasQuery, NewReferralAreasQueryVariables>;
export const SuggestedOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuggestedOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NeedCategory"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestedOrganizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"areaCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areaCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByProxy"}}]}}]}}]} as unknown as DocumentNode<SuggestedOrganizationsQuery, SuggestedOrganizationsQueryVariables>;
export const SubmitReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SubmitReferralMutation, SubmitReferralMutationVariables>;