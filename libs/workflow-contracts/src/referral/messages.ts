// The referral workflow's messages, defined once: the api sends them, the workflow handles them.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PolicyHandoff } from '../regional-issue/types';
// Relative imports into libs/domain: the workflow bundle includes this file, and @tsunagu aliases do not resolve there.
import type { Deadline } from '../../../domain/src/referral/referral-deadlines';
import type { ReferralCommand, ReferralState } from '../../../domain/src/referral/referral-state';

/** A move as callers send it: the command without its type, and without routing results the workflow decides itself. */
export type MoveInput<T extends ReferralCommand['type']> = Omit<Extract<ReferralCommand, { type: T }>, 'type' | 'offerTo'>;

/** What every update returns once the read model holds the new state. */
export interface ReferralMoveResult {
  referralId: string;
  status: ReferralState['status'];
  lastSeq: number;
}

/** Sent with update-with-start: returns once the referral is submitted, routed and in the read model. */
export const submitReferralUpdate = defineUpdate<ReferralMoveResult, []>('submitReferral');
export const acceptReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'ACCEPT'>]>('acceptReferral');
export const declineReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'DECLINE'>]>('declineReferral');
export const startReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'START'>]>('startReferral');
export const completeReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'COMPLETE'>]>('completeReferral');
export const reassignReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'REASSIGN'>]>('reassignReferral');
export const escalateReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'ESCALATE'>]>('escalateReferral');
export const withdrawReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'WITHDRAW'>]>('withdrawReferral');
export const addReferralNoteUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'NOTE'>]>('addReferralNote');
/** Tier-1 takes an escalated need: its city department holds it (DOMAIN.md, "Every need reaches an end"). */
export const takeReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'TAKE'>]>('takeReferral');
/** The holder hands it back: a partner to routing, tier-1 to the tier-2 coordinator. */
export const returnReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'RETURN'>]>('returnReferral');
/** Puts the referral ON_HOLD until resumeOn (a JST date, YYYY-MM-DD); the workflow writes the handoff's note. */
export const holdReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'HOLD'>]>('holdReferral');
export const resumeReferralUpdate = defineUpdate<ReferralMoveResult, [MoveInput<'RESUME'>]>('resumeReferral');

/** Moves the current deadline `businessDays` later; the workflow writes the handoff's note (the new due time). */
export type ExtendDeadlineInput = Omit<MoveInput<'EXTEND_DEADLINE'>, 'note'>;
export const extendReferralDeadlineUpdate = defineUpdate<ReferralMoveResult, [ExtendDeadlineInput]>('extendReferralDeadline');

export interface ReferralStateView extends ReferralState {
  referralId: string;
  lastSeq: number;
  /** The deadline the workflow's timer waits for, if any. */
  deadline: Deadline | null;
}

export const referralStateQuery = defineQuery<ReferralStateView>('referralState');

/**
 * Sent by a regional issue's workflow to each referral linked to it: the referral writes it into its own handoff
 * history (its workflow owns the sequence numbers). Duplicates (same issueId and issueSeq) are ignored.
 */
export const policyHandoffSignal = defineSignal<[PolicyHandoff]>('policyHandoff');
