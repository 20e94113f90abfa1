// The six scenarios: Tsunagu's two mutations end to end (A3 submit, A5 accept) and the bare minimum the same work
// needs (A0 the rows in PostgreSQL, A1 the durable start, A2 both: the floor for submitting; A4 one Temporal Update:
// the floor for a partner's answer). The floors send exactly what the api sends, to the same task queue, so the
// real worker runs the same workflow.
import { randomUUID } from 'node:crypto';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { Pool } from 'pg';
import {
  DEFAULT_DEADLINE_RULE,
  deadlineFor,
  Destination,
  HandoffKind,
  itemsGivenBy,
  NeedCategory,
  PersonalDataItem,
  ReferralStatus,
  SubjectKind,
} from '@tsunagu/domain';
import { DataKeyring } from '@tsunagu/crypto';
import { sealReferralColumn } from '@tsunagu/persistence';
import { acceptReferralUpdate, referralWorkflowId, submitReferralUpdate } from '@tsunagu/temporal';
import { REFERRAL_WORKFLOW, type ReferralWorkflow, type ReferralWorkflowInput } from '@tsunagu/temporal';
import type { GraphQLSession, TestCity } from '@tsunagu/testing';
import { mapLimit } from './open-loop';

export const SCENARIO_IDS = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

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
  /** For A0, sized like the worker's pool (DATABASE_POOL_SIZE). */
  pool: Pool;
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
  send(): Promise<void>;
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
 * A0: the rows recordReferralTransition writes for a submission, in one transaction, straight through `pg`: the
 * referral (already OFFERED, with its deadline; the subject's personal data sealed with the active data key), its
 * SUBMITTED and OFFERED handoffs, and the provision record of what the offer shows the partner (the age band).
 */
async function insertReferralRows(ctx: BenchContext, input: ReferralWorkflowInput, workflowId: string): Promise<void> {
  const s = input.submission;
  const id = input.referralId;
  const now = new Date();
  const at = now.toISOString();
  const offeredTo = ctx.city.first.id;
  const dueAt = deadlineFor(ReferralStatus.OFFERED, now, input.deadlineRule ?? DEFAULT_DEADLINE_RULE)?.dueAt ?? null;
  const seal = (column: Parameters<typeof sealReferralColumn>[1], value: string | null | undefined) =>
    sealReferralColumn(ctx.dataKeys, column, id, value);
  const consentMethod = seal('consent_method', s.consent?.method);
  const consentGivenBy = seal('consent_given_by', s.consent?.givenBy);
  const present = new Set<PersonalDataItem>(
    (['displayName', 'ageBand', 'contact'] as const).filter((item) => s.subject?.[item] !== null && s.subject?.[item] !== undefined),
  );
  const offeredItems = s.subjectKind === SubjectKind.PERSON && s.consent?.obtained ? itemsGivenBy(HandoffKind.OFFERED, present) : [];
  const client = await ctx.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind,
         subject_display_name, subject_age_band, subject_contact, consent_obtained, consent_method, consent_obtained_at,
         destination, submitted_by_id, current_organization_id, outcome, last_seq, response_due_at, created_at, updated_at,
         consent_given_by)
       VALUES ($1, $2, $3, 'OFFERED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, NULL, 2, $17, $18, $18, $19)`,
      [
        id,
        workflowId,
        s.clientRequestId,
        s.category,
        s.areaId,
        s.summary,
        s.subjectKind,
        seal('subject_display_name', s.subject?.displayName),
        seal('subject_age_band', s.subject?.ageBand),
        seal('subject_contact', s.subject?.contact),
        s.consent?.obtained ?? null,
        consentMethod,
        s.consent?.obtainedAt ?? null,
        s.destination,
        s.submittedByUserId,
        offeredTo,
        dueAt,
        at,
        consentGivenBy,
      ],
    );
    await client.query(
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at)
       VALUES ($1, 1, $2, $3, NULL, $4, false, NULL, NULL, $6), ($1, 2, $5, NULL, $7, $4, false, NULL, NULL, $6)`,
      [id, HandoffKind.SUBMITTED, s.submittedByOrganizationId, s.submittedByUserId, HandoffKind.OFFERED, at, offeredTo],
    );
    if (offeredItems.length) {
      await client.query(
        `INSERT INTO provision_record (referral_id, recipient_organization_id, items, consent_obtained, consent_method,
                                       consent_obtained_at, consent_given_by, handoff_seq, at)
         VALUES ($1, $2, $3::text[], $4, $5, $6, $7, 2, $8)`,
        [id, offeredTo, offeredItems, s.consent?.obtained ?? null, consentMethod, s.consent?.obtainedAt ?? null, consentGivenBy, at],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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

async function graphql(session: GraphQLSession, document: string, variables: Record<string, unknown>): Promise<Record<string, { status: string }>> {
  const response = await session.send<Record<string, { status: string }>>(document, variables);
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
      title: 'raw pg: referral row, handoffs, provision record; one transaction',
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
      },
    },
  ];
}
