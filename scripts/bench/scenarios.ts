// The six scenarios: Tsunagu's two mutations end to end (A3 submit, A5 accept) and the bare minimum the same work
// needs (A0 the rows in PostgreSQL, A1 the durable start, A2 both: the floor for submitting; A4 one Temporal Update:
// the floor for a partner's answer). The floors send exactly what the api sends, to the same task queue, so the
// real worker runs the same workflow.
import { randomUUID } from 'node:crypto';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_RULE, deadlineFor, Destination, HandoffKind, NeedCategory, ReferralStatus, SubjectKind } from '@tsunagu/domain';
import { DataKeyring } from '@tsunagu/crypto';
import { ReferralWriter } from '@tsunagu/persistence';
import { acceptReferralUpdate, referralWorkflowId, submitReferralUpdate } from '@tsunagu/temporal';
import { REFERRAL_WORKFLOW, type ReferralWorkflow, type ReferralWorkflowInput } from '@tsunagu/temporal';
import type { GraphQLSession, TestCity } from '@tsunagu/testing';
import { mapLimit } from './open-loop';

import { SCENARIO_IDS, type ScenarioId } from './scenario-ids';

export { SCENARIO_IDS, type ScenarioId };

export interface BenchUser {
  id: string;
  organizationId: string;
  session: GraphQLSession;
}

export interface BenchContext {
  /** Unique per run: goes into every clientRequestId. */
  tag: string;
  city: TestCity;
  temporal: Client;
  /** The bench's own reads (whom a referral was offered to, table sizes). */
  pool: Pool;
  /** For A0: a DataSource sized like the worker's pool (DATABASE_POOL_SIZE), for the activity's ReferralWriter. */
  db: DataSource;
  /** The stack's data keys: A0 encrypts personal data as the activity does (the Temporal client's codec uses them too). */
  dataKeys: DataKeyring;
  taskQueue: string;
  tier2: BenchUser;
  /** The city's TRANSPORT partners by organisation id: routing offers to either, by load. */
  partners: Map<string, BenchUser>;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** Makes what `count` requests will need (open referrals to answer); runs outside the measured windows. */
  prepare?(count: number): Promise<void>;
  /** One request; the paths through the api name the referral they moved, so its history can be split into hops. */
  send(): Promise<SentMove | void>;
}

/** The referral a request submitted or answered. */
export interface SentMove {
  referralId: string;
}

/** A referral OFFERED to a partner, its workflow waiting for the answer. */
export interface OpenReferral {
  id: string;
  workflowId: string;
  organizationId: string;
}

const SUMMARY = '週2回の通院に付き添いと送迎が必要';
const CONSENT_AT = '2026-11-20T01:00:00.000Z';

let sequence = 0;
export function nextRequestId(ctx: BenchContext, kind: string): string {
  sequence += 1;
  return `bench-${ctx.tag}-${kind}-${sequence}`;
}

/** The workflow input the api builds in ReferralCommandsService.submit for a TRANSPORT need about a person. */
export function workflowInput(ctx: BenchContext, clientRequestId: string, referralId = randomUUID()): ReferralWorkflowInput {
  return {
    referralId,
    deadlineRule: { ...DEFAULT_DEADLINE_RULE },
    submission: {
      clientRequestId,
      category: NeedCategory.TRANSPORT,
      areaId: ctx.city.areaId,
      summary: SUMMARY,
      subjectKind: SubjectKind.PERSON,
      subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
      consent: { obtained: true, method: '書面', obtainedAt: CONSENT_AT, givenBy: null },
      destination: Destination.PARTNER,
      requestedOrganizationId: null,
      submittedByUserId: ctx.tier2.id,
      submittedByOrganizationId: ctx.tier2.organizationId,
    },
  };
}

/** The api's start options: same id scheme, policies and task queue. */
function startOptions(ctx: BenchContext, input: ReferralWorkflowInput) {
  return {
    workflowId: referralWorkflowId(ctx.tier2.id, input.submission.clientRequestId),
    taskQueue: ctx.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    args: [input] as [ReferralWorkflowInput],
  };
}

/**
 * A0: the rows recordReferralTransition writes for a submission, in one transaction, by the same ReferralWriter the
 * activity uses (libs/persistence): the referral (already OFFERED, with its deadline; the subject's personal data
 * sealed with the active data key), its SUBMITTED and OFFERED handoffs, and the provision record of what the offer
 * shows the partner (the age band). No Temporal, no api: the floor under the activity's own write.
 */
async function insertReferralRows(ctx: BenchContext, input: ReferralWorkflowInput, workflowId: string): Promise<void> {
  const s = input.submission;
  const now = new Date();
  const at = now.toISOString();
  const offeredTo = ctx.city.first.id;
  const dueAt = deadlineFor(ReferralStatus.OFFERED, now, input.deadlineRule ?? DEFAULT_DEADLINE_RULE)?.dueAt ?? null;
  const handoff = { actorUserId: s.submittedByUserId, proxy: false, reason: null, note: null, at };
  await ctx.db.transaction((tx) =>
    new ReferralWriter(tx, ctx.dataKeys).recordTransition({
      referralId: input.referralId,
      workflowId,
      status: ReferralStatus.OFFERED,
      currentOrganizationId: offeredTo,
      outcome: null,
      responseDueAt: dueAt,
      lastSeq: 2,
      at,
      submission: { ...s, createdAt: at },
      handoffs: [
        { ...handoff, seq: 1, kind: HandoffKind.SUBMITTED, fromOrganizationId: s.submittedByOrganizationId, toOrganizationId: null },
        { ...handoff, seq: 2, kind: HandoffKind.OFFERED, fromOrganizationId: null, toOrganizationId: offeredTo },
      ],
    }),
  );
}

async function startWorkflow(ctx: BenchContext, input: ReferralWorkflowInput): Promise<void> {
  await ctx.temporal.workflow.start(REFERRAL_WORKFLOW, startOptions(ctx, input));
}

/** Submits through the raw client exactly as the api does (update-with-start), returning once the read model holds it. */
export async function submitDirect(ctx: BenchContext, kind: string): Promise<string> {
  const input = workflowInput(ctx, nextRequestId(ctx, kind));
  const start = new WithStartWorkflowOperation<ReferralWorkflow>(REFERRAL_WORKFLOW, startOptions(ctx, input));
  const result = await ctx.temporal.workflow.executeUpdateWithStart(submitReferralUpdate, { startWorkflowOperation: start });
  if (result.status !== ReferralStatus.OFFERED) throw new Error(`submitted referral is ${result.status}, not OFFERED`);
  return result.referralId;
}

/** Opens `count` referrals (raw update-with-start, `concurrency` at a time) and reads whom each was offered to. */
export async function openReferrals(ctx: BenchContext, kind: string, count: number, concurrency: number): Promise<OpenReferral[]> {
  const ids = await mapLimit(Array.from({ length: count }), concurrency, () => submitDirect(ctx, kind));
  const { rows } = await ctx.pool.query<{ id: string; workflow_id: string; current_organization_id: string }>(
    `SELECT id, workflow_id, current_organization_id FROM referral WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((row) => ({ id: row.id, workflowId: row.workflow_id, organizationId: row.current_organization_id }));
}

/** A partner's accept, as the api sends it for a PARTNER user of the organisation the referral is offered to. */
export async function acceptDirect(ctx: BenchContext, referral: OpenReferral): Promise<void> {
  const partner = ctx.partners.get(referral.organizationId);
  if (!partner) throw new Error(`referral ${referral.id} is offered to an organisation without a bench user`);
  const result = await ctx.temporal.workflow.getHandle(referral.workflowId).executeUpdate(acceptReferralUpdate, {
    args: [{ actor: { userId: partner.id, organizationId: partner.organizationId, proxy: false }, note: null }],
  });
  if (result.status !== ReferralStatus.ACCEPTED) throw new Error(`accepted referral is ${result.status}`);
}

const SUBMIT = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id status } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptReferral(id: $id) { id status } }`;

async function graphql(
  session: GraphQLSession,
  document: string,
  variables: Record<string, unknown>,
): Promise<Record<string, { id: string; status: string }>> {
  const response = await session.send<Record<string, { id: string; status: string }>>(document, variables);
  if (response.errors?.length || !response.data)
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
  return response.data;
}

export function createScenarios(ctx: BenchContext, prepareConcurrency: number): Scenario[] {
  const queues: Record<'A4' | 'A5', OpenReferral[]> = { A4: [], A5: [] };
  const prepare = (id: 'A4' | 'A5') => async (count: number) => {
    queues[id].push(...(await openReferrals(ctx, `${id}-open`, count, prepareConcurrency)));
  };
  const take = (id: 'A4' | 'A5'): OpenReferral => {
    const referral = queues[id].shift();
    if (!referral) throw new Error(`${id}: no prepared referral left`);
    return referral;
  };

  return [
    {
      id: 'A0',
      title: 'ReferralWriter: referral row, handoffs, provision record; one transaction',
      send: async () => {
        const input = workflowInput(ctx, nextRequestId(ctx, 'A0'));
        await insertReferralRows(ctx, input, `bench-floor:${input.referralId}`);
      },
    },
    {
      id: 'A1',
      title: 'raw Temporal start of referralWorkflow',
      send: () => startWorkflow(ctx, workflowInput(ctx, nextRequestId(ctx, 'A1'))),
    },
    {
      id: 'A2',
      title: 'A0 then A1: the floor for submitting',
      send: async () => {
        const input = workflowInput(ctx, nextRequestId(ctx, 'A2'));
        await insertReferralRows(ctx, input, startOptions(ctx, input).workflowId);
        await startWorkflow(ctx, input);
      },
    },
    {
      id: 'A3',
      title: 'GraphQL submitReferral, end to end',
      send: async () => {
        const input = {
          clientRequestId: nextRequestId(ctx, 'A3'),
          category: 'TRANSPORT',
          areaCode: ctx.city.areaCode,
          summary: SUMMARY,
          subjectKind: 'PERSON',
          subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
          consent: { obtained: true, method: '書面', obtainedAt: CONSENT_AT },
          destination: 'PARTNER',
        };
        const data = await graphql(ctx.tier2.session, SUBMIT, { input });
        if (data.submitReferral.status !== 'OFFERED') throw new Error(`submitReferral answered ${data.submitReferral.status}`);
        return { referralId: data.submitReferral.id };
      },
    },
    {
      id: 'A4',
      title: 'raw Temporal Update (accept): the floor for an answer',
      prepare: prepare('A4'),
      send: () => acceptDirect(ctx, take('A4')),
    },
    {
      id: 'A5',
      title: 'GraphQL acceptReferral, end to end',
      prepare: prepare('A5'),
      send: async () => {
        const referral = take('A5');
        const partner = ctx.partners.get(referral.organizationId);
        if (!partner) throw new Error(`referral ${referral.id} is offered to an organisation without a bench user`);
        const data = await graphql(partner.session, ACCEPT, { id: referral.id });
        if (data.acceptReferral.status !== 'ACCEPTED') throw new Error(`acceptReferral answered ${data.acceptReferral.status}`);
        return { referralId: referral.id };
      },
    },
  ];
}
