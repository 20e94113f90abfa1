import {
  DeclineReason,
  Destination,
  HandoffKind,
  NeedCategory,
  OrganizationKind,
  PolicyProposalStatus,
  ReferralOutcome,
  ReferralStatus,
  RegionalIssueStatus,
  ReturnReason,
  Role,
  SubcommitteeDecision,
  SubjectKind,
} from '../enums';
import type { PersonalDataItem } from '../privacy/personal-data';

// The Japanese words of the enums, from the glossary (shared/design/GLOSSARY.md): one name per thing, shared by the
// history notes, the CSV exports, error messages and later the console and mail. Records over the whole enum, so a
// value added without its word does not compile. Words the glossary does not have yet are marked "not in the glossary".

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.ADMIN]: 'システム管理者',
  [Role.TIER1_COORDINATOR]: '第1層生活支援コーディネーター',
  [Role.TIER2_COORDINATOR]: '第2層生活支援コーディネーター',
  [Role.PARTNER]: '連携先',
  [Role.SUBCOMMITTEE]: '生活支援体制整備部会',
};

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  [OrganizationKind.CITY_DEPARTMENT]: '市の担当課',
  [OrganizationKind.SOCIAL_WELFARE_COUNCIL]: '社会福祉協議会',
  [OrganizationKind.COMMUNITY_SUPPORT_CENTER]: '地域包括支援センター',
  [OrganizationKind.NPO]: 'NPO法人',
  [OrganizationKind.VOLUNTEER_GROUP]: '住民主体の支えあい団体',
  [OrganizationKind.SILVER_HR_CENTER]: 'シルバー人材センター',
  [OrganizationKind.CIVIC_ACTIVITY_CENTER]: '市民活動センター',
  [OrganizationKind.BUSINESS]: '事業者',
  [OrganizationKind.SUBCOMMITTEE]: '生活支援体制整備部会',
};

export const NEED_CATEGORY_LABELS: Readonly<Record<NeedCategory, string>> = {
  [NeedCategory.TRANSPORT]: '移動支援',
  [NeedCategory.SHOPPING]: '買い物支援',
  [NeedCategory.VOLUNTEER_INTEREST]: '活動希望',
  [NeedCategory.HOME_HELP]: '家事支援',
  [NeedCategory.GATHERING_PLACE]: '通いの場・居場所',
  [NeedCategory.WATCH_OVER]: '見守り',
  [NeedCategory.OTHER]: 'その他',
};

export const SUBJECT_KIND_LABELS: Readonly<Record<SubjectKind, string>> = {
  [SubjectKind.PERSON]: '個人',
  [SubjectKind.AREA]: '地域',
};

export const DESTINATION_LABELS: Readonly<Record<Destination, string>> = {
  [Destination.PARTNER]: '連携先につなぐ',
  [Destination.TIER1]: '第1層SCに上げる',
};

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  [ReferralStatus.SUBMITTED]: '受付',
  [ReferralStatus.OFFERED]: '依頼中',
  [ReferralStatus.ACCEPTED]: '受諾',
  [ReferralStatus.IN_PROGRESS]: '対応中',
  [ReferralStatus.COMPLETED]: '完了',
  [ReferralStatus.UNMATCHED]: 'つなぎ先なし',
  [ReferralStatus.ESCALATED]: '第1層へ引継ぎ',
  [ReferralStatus.WITHDRAWN]: '取下げ',
  [ReferralStatus.ON_HOLD]: '保留', // not in the glossary yet
};

export const HANDOFF_KIND_LABELS: Readonly<Record<HandoffKind, string>> = {
  [HandoffKind.SUBMITTED]: '受付',
  [HandoffKind.OFFERED]: '依頼',
  [HandoffKind.ACCEPTED]: '受諾',
  [HandoffKind.DECLINED]: '辞退',
  [HandoffKind.EXPIRED]: '回答期限切れ',
  [HandoffKind.REMINDED]: '催促',
  [HandoffKind.REASSIGNED]: '依頼先変更',
  [HandoffKind.STARTED]: '対応開始',
  [HandoffKind.COMPLETED]: '完了',
  [HandoffKind.UNMATCHED]: 'つなぎ先なし',
  [HandoffKind.ESCALATED]: '第1層へ引継ぎ',
  [HandoffKind.WITHDRAWN]: '取下げ',
  [HandoffKind.NOTE]: 'メモ',
  [HandoffKind.DEADLINE_EXTENDED]: '期限延長',
  // Not in the glossary yet (issue 12):
  [HandoffKind.TAKEN]: '第1層SCが引受け',
  [HandoffKind.RETURNED]: '連携先から差戻し',
  [HandoffKind.PUT_ON_HOLD]: '保留',
  [HandoffKind.RESUMED]: '再開',
  [HandoffKind.LINKED_TO_ISSUE]: '地域課題に追加',
  [HandoffKind.UNLINKED_FROM_ISSUE]: '地域課題から除外',
  [HandoffKind.PROPOSAL_SUBMITTED]: '施策提言を提出',
  [HandoffKind.SUBCOMMITTEE_DECISION]: '部会の決定',
  [HandoffKind.POLICY_IMPLEMENTED]: '施策を実施',
  [HandoffKind.ISSUE_CLOSED]: '地域課題を終了',
};

export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, string>> = {
  [DeclineReason.NO_CAPACITY]: '受入れ余力なし',
  [DeclineReason.OUT_OF_AREA]: '対象地域外',
  [DeclineReason.NOT_ELIGIBLE]: '対象要件に該当しない',
  [DeclineReason.NOT_OUR_SERVICE]: '実施していない支援',
  [DeclineReason.COULD_NOT_CONTACT]: '連絡がつかない',
  [DeclineReason.OTHER]: 'その他',
};

/** Not in the glossary yet (issue 12): the words of the decline reasons where they are the same. */
export const RETURN_REASON_LABELS: Readonly<Record<ReturnReason, string>> = {
  [ReturnReason.CANNOT_CONTINUE]: '対応の継続が困難',
  [ReturnReason.NO_CAPACITY]: '受入れ余力なし',
  [ReturnReason.NOT_ELIGIBLE]: '対象要件に該当しない',
  [ReturnReason.COULD_NOT_CONTACT]: '連絡がつかない',
  [ReturnReason.LOCAL_RESOURCE_AVAILABLE]: '地域の資源で対応できる',
  [ReturnReason.OTHER]: 'その他',
};

export const REFERRAL_OUTCOME_LABELS: Readonly<Record<ReferralOutcome, string>> = {
  [ReferralOutcome.RESOLVED]: '解決',
  [ReferralOutcome.PARTIALLY_RESOLVED]: '一部解決',
  [ReferralOutcome.NOT_RESOLVED]: '未解決',
  [ReferralOutcome.NO_LONGER_NEEDED]: '支援不要となった',
  [ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE]: '地域課題として対応', // not in the glossary yet
};

export const REGIONAL_ISSUE_STATUS_LABELS: Readonly<Record<RegionalIssueStatus, string>> = {
  [RegionalIssueStatus.OPEN]: '検討中',
  [RegionalIssueStatus.IN_DELIBERATION]: '部会で協議中',
  [RegionalIssueStatus.IN_IMPLEMENTATION]: '施策実施中',
  [RegionalIssueStatus.IMPLEMENTED]: '実施済み',
  [RegionalIssueStatus.CLOSED]: '終了',
};

export const POLICY_PROPOSAL_STATUS_LABELS: Readonly<Record<PolicyProposalStatus, string>> = {
  [PolicyProposalStatus.DRAFT]: '下書き',
  [PolicyProposalStatus.SUBMITTED]: '提出済み',
  [PolicyProposalStatus.ON_AGENDA]: '議題予定',
  [PolicyProposalStatus.CONTINUED]: '継続審議',
  [PolicyProposalStatus.ADOPTED]: '採択',
  [PolicyProposalStatus.REJECTED]: '不採択',
  [PolicyProposalStatus.IMPLEMENTED]: '実施済み',
};

export const SUBCOMMITTEE_DECISION_LABELS: Readonly<Record<SubcommitteeDecision, string>> = {
  [SubcommitteeDecision.ADOPTED]: '採択',
  [SubcommitteeDecision.REJECTED]: '不採択',
  [SubcommitteeDecision.CONTINUED]: '継続審議',
};

/** The items of a resident's personal data (provision records); 年齢区分 and 連絡先 from the glossary. */
export const PERSONAL_DATA_ITEM_LABELS: Readonly<Record<PersonalDataItem, string>> = {
  displayName: '氏名',
  ageBand: '年齢区分',
  contact: '連絡先',
  nameKana: 'ふりがな',
};
