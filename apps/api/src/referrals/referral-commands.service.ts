import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import {
  Destination,
  ErrorCode,
  isClosed,
  normaliseKana,
  PARTNER_ORGANIZATION_KINDS,
  ReferralOutcome,
  resumeOnProblem,
  Role,
  SubjectKind,
  validateReferralDetails,
} from '@tsunagu/domain';
import { ReferralEntity } from '@tsunagu/persistence';
import {
  acceptReferralUpdate,
  addReferralNoteUpdate,
  completeReferralUpdate,
  declineReferralUpdate,
  escalateReferralUpdate,
  extendReferralDeadlineUpdate,
  holdReferralUpdate,
  reassignReferralUpdate,
  referralWorkflowId,
  returnReferralUpdate,
  resumeReferralUpdate,
  startReferralUpdate,
  submitReferralUpdate,
  takeReferralUpdate,
  TEMPORAL_CONFIG,
  TemporalConfig,
  withdrawReferralUpdate,
} from '@tsunagu/temporal';
import { REFERRAL_WORKFLOW, type ReferralWorkflow } from '@tsunagu/temporal';
import type { Viewer } from '../common/viewer';
import { badUserInput, conflict, FieldProblem } from '../common/graphql-errors';
import { TemporalCalls } from '../common/temporal-calls';
import { startUpdateId } from '../common/update-ids';
import { workflowRefusal } from '../common/workflow-errors';
import { DeadlineRulesService } from '../deadlines/deadline-rules.service';
import { DirectoryService } from '../directory/directory.service';
import { SubmitReferralInput } from './dto/submit-referral.input';
import type { SeenReferral } from './former-partner';
import { actorForMove, assertMaySubmit, ReferralMove } from './referral-access.policy';
import { ReferralQueryService } from './referral-query.service';
import { ADDITIVE_MOVES, isRepeatOf, MovePayload, moveUpdateId } from './repeated-move';

export type { MovePayload } from './repeated-move';

const UPDATES = {
  ACCEPT: acceptReferralUpdate,
  DECLINE: declineReferralUpdate,
  START: startReferralUpdate,
  COMPLETE: completeReferralUpdate,
  REASSIGN: reassignReferralUpdate,
  ESCALATE: escalateReferralUpdate,
  WITHDRAW: withdrawReferralUpdate,
  NOTE: addReferralNoteUpdate,
  EXTEND_DEADLINE: extendReferralDeadlineUpdate,
  TAKE: takeReferralUpdate,
  RETURN: returnReferralUpdate,
  HOLD: holdReferralUpdate,
  RESUME: resumeReferralUpdate,
} as const;

/**
 * Changes referrals, only through their workflows: submit is update-with-start, every other move an Update. Each call
 * returns once the workflow has written the read model, so the caller reads its own write. Every Temporal call is
 * bounded (TemporalCalls: UNAVAILABLE, retryable), and repeating a request is safe: a submit by its clientRequestId, a
 * move by its Update id and isRepeatOf (docs/ARCHITECTURE.md, "Bounded Temporal calls and safe repeats").
 */
@Injectable()
export class ReferralCommandsService {
  constructor(
    private readonly temporal: TemporalCalls,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
    private readonly directory: DirectoryService,
    private readonly referrals: ReferralQueryService,
    private readonly deadlineRules: DeadlineRulesService,
  ) {}

  async submit(viewer: Viewer, input: SubmitReferralInput): Promise<ReferralEntity> {
    assertMaySubmit(viewer, null);
    // Independent reads, one round trip instead of two (docs/BENCHMARKS.md).
    const [area, deadlineRule] = await Promise.all([this.directory.areaByCode(input.areaCode), this.deadlineRules.forCategory(input.category)]);
    const problems = await this.checkSubmission(input, area !== null);
    const nameKana = input.subject?.nameKana ? normaliseKana(input.subject.nameKana) : null;
    if (input.subject?.nameKana && nameKana === null) {
      problems.push({ field: 'subject.nameKana', message: 'must be kana: hiragana or katakana, ー and spaces' });
    }
    // Only a supporter's areas name area codes: looked up then, so other submissions cost no extra query.
    const volunteerAreas = input.details?.volunteerInterest?.areaCodes;
    const areaCodes = volunteerAreas?.length ? await this.directory.areaIdsByCode(volunteerAreas.filter((c) => typeof c === 'string')) : new Map();
    const details = validateReferralDetails(input.category, input.subjectKind, input.details, (code) => areaCodes.has(code));
    problems.push(...details.problems);
    if (problems.length) throw badUserInput(problems);
    assertMaySubmit(viewer, area!.id);

    const workflowId = referralWorkflowId(viewer.id, input.clientRequestId);
    const start = new WithStartWorkflowOperation<ReferralWorkflow>(REFERRAL_WORKFLOW, {
      workflowId,
      taskQueue: this.config.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A workflow fails only when its submission was not stored (MOVE_NOT_RECORDED): then the same request may start
      // afresh; a referral that exists keeps its id for good.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      args: [
        {
          referralId: randomUUID(),
          deadlineRule,
          submission: {
            clientRequestId: input.clientRequestId,
            category: input.category,
            areaId: area!.id,
            summary: input.summary.trim(),
            subjectKind: input.subjectKind,
            subject: input.subject
              ? {
                  displayName: input.subject.displayName,
                  // Left out when not given, so the workflow input keeps the shape older submissions had.
                  ...(nameKana ? { nameKana } : {}),
                  ageBand: input.subject.ageBand ?? null,
                  contact: input.subject.contact ?? null,
                }
              : null,
            consent: input.consent
              ? {
                  obtained: input.consent.obtained,
                  method: input.consent.method,
                  obtainedAt: input.consent.obtainedAt.toISOString(),
                  givenBy: input.consent.givenBy ?? null,
                }
              : null,
            ...(details.details ? { details: details.details } : {}),
            destination: input.destination,
            requestedOrganizationId: input.organizationId ?? null,
            submittedByUserId: viewer.id,
            submittedByOrganizationId: viewer.organizationId,
          },
        },
      ],
    });
    try {
      // The same submission again joins the first while it is pending, and gets its result later (update-ids.ts).
      const updateId = startUpdateId('submit', input);
      const result = await this.temporal.run('submitReferral', (client) =>
        client.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: start, updateId }),
      );
      return this.referrals.findVisible(viewer, result.referralId);
    } catch (error) {
      // The same request after its referral closed: the workflow id is taken for good, so answer with that referral.
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        const existing = await this.referrals.findByWorkflowId(viewer, workflowId);
        if (existing) return existing;
      }
      throw workflowRefusal(error);
    }
  }

  async move(viewer: Viewer, id: string, payload: MovePayload): Promise<ReferralEntity> {
    if (payload.move === 'HOLD') {
      // Japan's calendar: from tomorrow (JST) to 365 days ahead (DOMAIN.md, "On hold"); the workflow checks it again.
      const problem = resumeOnProblem(payload.resumeOn, new Date());
      if (problem) throw badUserInput([{ field: 'resumeOn', message: problem }]);
    }
    const referral = await this.referrals.findVisible(viewer, id);
    try {
      return await this.send(viewer, referral, payload);
    } catch (error) {
      // The same move repeated after the first took effect (its answer lost to a timeout, say) is refused by the state
      // it led to: answer it with the referral as it is.
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT && (await this.isRepeat(viewer, id, payload))) {
        return this.referrals.findVisible(viewer, id);
      }
      throw error;
    }
  }

  private async send(viewer: Viewer, referral: SeenReferral, payload: MovePayload): Promise<ReferralEntity> {
    // A note or an extension repeated would not be refused, but added twice: answered here instead.
    if (ADDITIVE_MOVES.includes(payload.move) && (await this.isRepeat(viewer, referral.id, payload))) return referral;
    // Whether the holder has an active user matters only to a tier-2 coordinator's answer for it (a proxy update, see
    // actorForMove): a partner's own answer skips that lookup (docs/BENCHMARKS.md).
    const holderHasUsers =
      referral.currentOrganizationId && viewer.role === Role.TIER2_COORDINATOR
        ? await this.directory.hasActiveUser(referral.currentOrganizationId)
        : null;
    const actor = actorForMove(viewer, { ...referral, currentOrganizationHasUsers: holderHasUsers }, payload.move);
    if (payload.move === 'COMPLETE' && payload.outcome === ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE && viewer.role !== Role.TIER1_COORDINATOR) {
      // Answered by policy is tier-1's to say (DOMAIN.md, "Every need reaches an end"); the workflow refuses it too.
      throw badUserInput([{ field: 'outcome', message: 'TAKEN_INTO_REGIONAL_ISSUE is recorded by the tier-1 coordinator only' }]);
    }
    // A partner the referral has left may add notes, nothing else; refused here, since the workflow's refusal would name
    // the referral's later status (docs/SECURITY.md, "A partner the referral has left").
    if (referral.leftAtSeq !== null && payload.move !== 'NOTE') {
      throw conflict('The referral has left your organisation: only the organisation it is offered to or held by can do this');
    }
    if (payload.move === 'REASSIGN') {
      await this.checkPartner(payload.organizationId, 'organizationId');
      if (referral.subjectKind === SubjectKind.PERSON && referral.consentObtained !== true) {
        throw conflict('The resident has not consented to sharing with partners: this referral can stay only with the council or tier-1');
      }
    }
    if (isClosed(referral.status)) throw conflict(`The referral is ${referral.status} and takes no more moves`);

    const { move, ...rest } = payload;
    const update = UPDATES[move as ReferralMove];
    try {
      await this.temporal.run(`${move} referral`, (client) =>
        client.workflow.getHandle(referral.workflowId).executeUpdate(update as typeof acceptReferralUpdate, {
          args: [{ actor, ...rest } as never],
          updateId: moveUpdateId(viewer.id, referral, payload),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw conflict('The referral has closed and takes no more moves');
      throw workflowRefusal(error);
    }
    return this.referrals.findVisible(viewer, referral.id);
  }

  private async isRepeat(viewer: Viewer, referralId: string, payload: MovePayload): Promise<boolean> {
    return isRepeatOf(await this.referrals.lastPersonHandoff(referralId), viewer.id, payload);
  }

  private async checkSubmission(input: SubmitReferralInput, areaExists: boolean): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (!areaExists) problems.push({ field: 'areaCode', message: `no area has the code "${input.areaCode}"` });
    if (input.subjectKind === SubjectKind.PERSON) {
      if (!input.subject) problems.push({ field: 'subject', message: 'is required when subjectKind is PERSON' });
      if (!input.consent) problems.push({ field: 'consent', message: 'is required when subjectKind is PERSON' });
      else if (!input.consent.obtained && input.destination === Destination.PARTNER) {
        problems.push({ field: 'consent.obtained', message: 'must be true before personal data can go to a partner' });
      }
    } else {
      if (input.subject) problems.push({ field: 'subject', message: 'must be empty when subjectKind is AREA' });
      if (input.consent) problems.push({ field: 'consent', message: 'must be empty when subjectKind is AREA' });
    }
    if (input.organizationId) {
      if (input.destination === Destination.TIER1) {
        problems.push({ field: 'organizationId', message: 'must be empty when destination is TIER1' });
      } else {
        problems.push(...(await this.partnerProblems(input.organizationId, 'organizationId')));
      }
    }
    return problems;
  }

  private async checkPartner(organizationId: string, field: string): Promise<void> {
    const problems = await this.partnerProblems(organizationId, field);
    if (problems.length) throw badUserInput(problems);
  }

  private async partnerProblems(organizationId: string, field: string): Promise<FieldProblem[]> {
    const org = await this.directory.organization(organizationId);
    if (!org) return [{ field, message: 'no organisation has this id' }];
    if (!PARTNER_ORGANIZATION_KINDS.includes(org.kind)) return [{ field, message: `a ${org.kind} does not take referrals` }];
    return [];
  }
}
