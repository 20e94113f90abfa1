import type { NeedCategory, ReferralOutcome, SubcommitteeDecision } from '../enums';

/** What a mail tells someone (docs/NOTIFICATIONS.md, "Kinds and recipients"). Stored in notification.kind: never rename. */
export enum NotificationKind {
  OFFER = 'OFFER',
  OFFER_REMINDER = 'OFFER_REMINDER',
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  UNMATCHED = 'UNMATCHED',
  /** Automatic (after the unmatched period) or manual. */
  ESCALATED = 'ESCALATED',
  /** Tier-1's response to an escalated need is due or overdue. */
  TIER1_REMINDER = 'TIER1_REMINDER',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  RETURNED = 'RETURNED',
  COMPLETED = 'COMPLETED',
  PROGRESS_REMINDER = 'PROGRESS_REMINDER',
  /** A held referral's resume date came. */
  RESUME_DATE = 'RESUME_DATE',
  FOLLOW_UP_ACTION_DUE = 'FOLLOW_UP_ACTION_DUE',
  SUBCOMMITTEE_DECISION = 'SUBCOMMITTEE_DECISION',
  ACCOUNT_CREATED = 'ACCOUNT_CREATED',
  PASSWORD_RESET_DONE = 'PASSWORD_RESET_DONE',
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
}

/** How a user wants a kind: at once, in the 08:30 digest of the next business morning, or not at all. */
export enum NotificationDelivery {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  OFF = 'OFF',
}

/** Where an outbox row stands. */
export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Every attempt failed; an administrator can put it back (retryNotification). */
  FAILED = 'FAILED',
}

/** Account events always go out at once: a user cannot turn off being told their account was locked. */
export const ACCOUNT_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  NotificationKind.ACCOUNT_CREATED,
  NotificationKind.PASSWORD_RESET_DONE,
  NotificationKind.SIGN_IN_LOCKED,
];

/** Whether `delivery` may be chosen for `kind`: OFF and the digest are refused for account events. */
export function isAllowedDelivery(kind: NotificationKind, delivery: NotificationDelivery): boolean {
  return !ACCOUNT_NOTIFICATION_KINDS.includes(kind) || delivery === NotificationDelivery.IMMEDIATE;
}

/**
 * Everything a mail may say. There is deliberately no field for a resident (name, kana, contact, age band, consent)
 * nor for any free text (summary, notes, details, regional issue titles): mail is not a safe channel for special
 * care-required personal data, and free text may hold it. Names here are the directory's (areas, organisations) and,
 * for account events, the recipient's own.
 */
export interface NotificationFacts {
  referralId?: string;
  category?: NeedCategory;
  areaName?: string;
  /** The deadline in force (ISO instant), shown in JST. */
  dueAt?: string | null;
  /** The organisation offered, answering or holding the referral. */
  organizationName?: string | null;
  /** A DeclineReason or ReturnReason code. */
  reasonCode?: string | null;
  outcome?: ReferralOutcome | null;
  decision?: SubcommitteeDecision | null;
  /** ESCALATED: whether the unmatched period ran out (true) or a coordinator escalated it. */
  automatic?: boolean;
  regionalIssueId?: string;
  /** FOLLOW_UP_ACTION_DUE: the action's due date (YYYY-MM-DD). */
  actionDueOn?: string;
  /** Account events: the recipient's own display name. */
  recipientName?: string;
}
