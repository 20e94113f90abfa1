// RegionalIssueWriter on a real PostgreSQL (db tier): the issue's read model made to match the workflow's state.
import { randomUUID } from 'node:crypto';
import {
  Destination,
  NeedCategory,
  PolicyProposalStatus,
  ReferralStatus,
  RegionalIssueEvent,
  RegionalIssueEventKind,
  RegionalIssueState,
  RegionalIssueStatus,
  SubcommitteeDecision,
  SubjectKind,
} from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { ReferralWriter } from './referral-writer';
import { RegionalIssueWrite, RegionalIssueWriter } from './regional-issue-writer';

let t: TestDatabase;
let meetingId: string;
beforeAll(async () => {
  t = await openTestDatabase();
  [{ id: meetingId }] = await t.db.query(
    `INSERT INTO subcommittee_meeting (title, held_at, created_by_id) VALUES ('第3回 部会', '2027-01-20T05:00:00Z', $1) RETURNING id`,
    [t.city.userId],
  );
});
afterAll(() => t?.close());

const write = (input: RegionalIssueWrite) => t.db.transaction((tx) => new RegionalIssueWriter(tx).recordTransition(input));

/** A referral row to link (an AREA need: no personal data). */
async function referral(): Promise<string> {
  const referralId = randomUUID();
  await t.db.transaction((tx) =>
    new ReferralWriter(tx, t.dataKeys).recordTransition({
      referralId,
      workflowId: `referral-test:${referralId}`,
      status: ReferralStatus.SUBMITTED,
      currentOrganizationId: null,
      outcome: null,
      lastSeq: 1,
      at: '2026-12-01T00:00:00.000Z',
      submission: {
        clientRequestId: referralId,
        category: NeedCategory.TRANSPORT,
        areaId: t.city.areaId,
        summary: '坂道で買い物に行けない',
        subjectKind: SubjectKind.AREA,
        subject: null,
        consent: null,
        destination: Destination.TIER1,
        submittedByUserId: t.city.userId,
        createdAt: '2026-12-01T00:00:00.000Z',
      },
      handoffs: [],
    }),
  );
  return referralId;
}

const event = (seq: number, kind: RegionalIssueEventKind, more: Partial<RegionalIssueEvent> = {}) => ({
  seq,
  at: `2026-12-0${Math.min(seq, 9)}T01:00:00.000Z`,
  kind,
  actorUserId: t.city.userId,
  proposalId: null,
  meetingId: null,
  actionId: null,
  referralId: null,
  decision: null,
  note: null,
  ...more,
});

function created(issueId: string, linked: string): RegionalIssueWrite {
  const state: RegionalIssueState = {
    issueId,
    title: '買い物の足がない',
    description: '坂の上の団地で買い物に行けない人が多い',
    category: NeedCategory.TRANSPORT,
    areaIds: [t.city.areaId, t.city.secondAreaId],
    status: RegionalIssueStatus.OPEN,
    closedReason: null,
    createdByUserId: t.city.userId,
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    referrals: [{ referralId: linked, workflowId: `referral-test:${linked}`, linkedAt: '2026-12-01T01:00:00.000Z', linkedByUserId: t.city.userId }],
    proposals: [],
  };
  return {
    workflowId: `regional-issue:${issueId}`,
    lastSeq: 2,
    state,
    events: [event(1, RegionalIssueEventKind.CREATED), event(2, RegionalIssueEventKind.REFERRAL_LINKED, { referralId: linked })],
  };
}

/** The next write: one area dropped, the first referral unlinked and another linked, a proposal on an agenda with an action. */
function moved(first: RegionalIssueWrite, unlinked: string, linked: string): RegionalIssueWrite {
  const proposalId = randomUUID();
  const actionId = randomUUID();
  const at = '2026-12-03T01:00:00.000Z';
  return {
    workflowId: first.workflowId,
    lastSeq: 5,
    state: {
      ...first.state,
      title: '買い物の足がない（団地）',
      status: RegionalIssueStatus.IN_DELIBERATION,
      areaIds: [t.city.secondAreaId],
      updatedAt: at,
      referrals: [{ referralId: linked, workflowId: `referral-test:${linked}`, linkedAt: at, linkedByUserId: t.city.userId }],
      proposals: [
        {
          proposalId,
          title: '移動販売の誘致',
          body: '週1回の移動販売車',
          status: PolicyProposalStatus.ON_AGENDA,
          revision: 1,
          createdByUserId: t.city.userId,
          createdAt: at,
          updatedAt: at,
          submittedAt: at,
          agenda: [{ meetingId, addedAt: at, decision: null, minutes: null, decidedAt: null, decidedByUserId: null }],
          actions: [
            {
              actionId,
              description: '事業者に打診',
              owner: '産業振興課',
              dueOn: '2027-02-01',
              createdAt: at,
              remindedAt: null,
              doneAt: null,
              doneByUserId: null,
              doneNote: null,
            },
          ],
        },
      ],
    },
    events: [
      event(3, RegionalIssueEventKind.REFERRAL_UNLINKED, { referralId: unlinked, note: '誤って紐付け' }),
      event(4, RegionalIssueEventKind.REFERRAL_LINKED, { referralId: linked }),
      event(5, RegionalIssueEventKind.PUT_ON_AGENDA, { proposalId, meetingId }),
    ],
  };
}

async function readModel(issueId: string) {
  const q = (sql: string) => t.db.query(sql, [issueId]);
  return {
    issue: (await q(`SELECT title, status, last_seq FROM regional_issue WHERE id = $1`))[0],
    areas: (await q(`SELECT area_id FROM regional_issue_area WHERE issue_id = $1 ORDER BY area_id`)).map((r: { area_id: string }) => r.area_id),
    links: (await q(`SELECT referral_id FROM regional_issue_referral WHERE issue_id = $1`)).map((r: { referral_id: string }) => r.referral_id),
    proposals: await q(`SELECT id, title, status, revision FROM policy_proposal WHERE issue_id = $1`),
    agenda: await q(
      `SELECT a.meeting_id, a.decision, a.minutes FROM agenda_item a JOIN policy_proposal p ON p.id = a.proposal_id WHERE p.issue_id = $1`,
    ),
    actions: await q(`SELECT f.id, f.done_note FROM follow_up_action f JOIN policy_proposal p ON p.id = f.proposal_id WHERE p.issue_id = $1`),
    events: (await q(`SELECT seq, kind, referral_id FROM regional_issue_event WHERE issue_id = $1 ORDER BY seq`)) as Array<{
      seq: number;
      kind: string;
      referral_id: string | null;
    }>,
  };
}

describe('RegionalIssueWriter.recordTransition', () => {
  it('creates the issue with its areas, links and history', async () => {
    const linked = await referral();
    const first = created(randomUUID(), linked);
    await write(first);

    const model = await readModel(first.state.issueId);
    expect(model.issue).toEqual({ title: '買い物の足がない', status: 'OPEN', last_seq: 2 });
    expect(model.areas).toEqual([t.city.areaId, t.city.secondAreaId].sort());
    expect(model.links).toEqual([linked]);
    expect(model.events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'CREATED'],
      [2, 'REFERRAL_LINKED'],
    ]);
  });

  it('makes the areas and links match the state, upserts proposals, agenda and actions, and appends the new events', async () => {
    const [a, b] = [await referral(), await referral()];
    const first = created(randomUUID(), a);
    const second = moved(first, a, b);
    await write(first);
    await write(second);

    const model = await readModel(first.state.issueId);
    expect(model.issue).toEqual({ title: '買い物の足がない（団地）', status: 'IN_DELIBERATION', last_seq: 5 });
    expect(model.areas).toEqual([t.city.secondAreaId]);
    expect(model.links).toEqual([b]);
    expect(model.proposals).toMatchObject([{ title: '移動販売の誘致', status: 'ON_AGENDA', revision: 1 }]);
    expect(model.agenda).toEqual([{ meeting_id: meetingId, decision: null, minutes: null }]);
    expect(model.actions).toHaveLength(1);
    expect(model.events.map((e) => [e.seq, e.kind, e.referral_id])).toEqual([
      [1, 'CREATED', null],
      [2, 'REFERRAL_LINKED', a],
      [3, 'REFERRAL_UNLINKED', a],
      [4, 'REFERRAL_LINKED', b],
      [5, 'PUT_ON_AGENDA', null],
    ]);

    // The decision: the same proposal, agenda entry and action are updated in place, not added.
    const [proposal] = second.state.proposals;
    const decidedAt = '2026-12-04T01:00:00.000Z';
    await write({
      ...second,
      lastSeq: 6,
      state: {
        ...second.state,
        status: RegionalIssueStatus.IN_IMPLEMENTATION,
        updatedAt: decidedAt,
        proposals: [
          {
            ...proposal,
            status: PolicyProposalStatus.ADOPTED,
            agenda: [
              { ...proposal.agenda[0], decision: SubcommitteeDecision.ADOPTED, minutes: '全会一致', decidedAt, decidedByUserId: t.city.userId },
            ],
            actions: [{ ...proposal.actions[0], doneAt: decidedAt, doneByUserId: t.city.userId, doneNote: '打診済み' }],
          },
        ],
      },
      events: [
        event(6, RegionalIssueEventKind.DECISION_RECORDED, { proposalId: proposal.proposalId, meetingId, decision: SubcommitteeDecision.ADOPTED }),
      ],
    });
    const decided = await readModel(first.state.issueId);
    expect(decided.proposals).toMatchObject([{ status: 'ADOPTED' }]);
    expect(decided.agenda).toEqual([{ meeting_id: meetingId, decision: 'ADOPTED', minutes: '全会一致' }]);
    expect(decided.actions).toMatchObject([{ done_note: '打診済み' }]);
    expect(decided.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('deletes the agenda entry a proposal was taken off (REMOVED_FROM_AGENDA), and only that one', async () => {
    const [a, b] = [await referral(), await referral()];
    const first = created(randomUUID(), a);
    const second = moved(first, a, b);
    await write(first);
    await write(second);
    // Another issue's entry on the same meeting stays.
    const otherFirst = created(randomUUID(), a);
    const other = moved(otherFirst, a, b);
    await write(otherFirst);
    await write(other);
    const [proposal] = second.state.proposals;
    await write({
      ...second,
      lastSeq: 6,
      state: {
        ...second.state,
        updatedAt: '2026-12-05T01:00:00.000Z',
        proposals: [{ ...proposal, status: PolicyProposalStatus.SUBMITTED, agenda: [] }],
      },
      events: [event(6, RegionalIssueEventKind.REMOVED_FROM_AGENDA, { proposalId: proposal.proposalId, meetingId, note: '部会の中止: 台風' })],
    });
    const model = await readModel(first.state.issueId);
    expect(model.proposals).toMatchObject([{ status: 'SUBMITTED' }]);
    expect(model.agenda).toEqual([]);
    expect(model.events.at(-1)).toMatchObject({ seq: 6, kind: 'REMOVED_FROM_AGENDA' });
    expect((await readModel(other.state.issueId)).agenda).toEqual([{ meeting_id: meetingId, decision: null, minutes: null }]);
  });

  it('changes nothing when a write is retried, or a stale one arrives after a newer one', async () => {
    const [a, b] = [await referral(), await referral()];
    const first = created(randomUUID(), a);
    const second = moved(first, a, b);
    await write(first);
    await write(second);
    const before = await readModel(first.state.issueId);

    await write(second);
    await write(first);
    await Promise.all([write(second), write(first), write(second)]);

    expect(await readModel(first.state.issueId)).toEqual(before);
  });

  it('creates the issue once when two attempts of its first write run at the same time', async () => {
    const first = created(randomUUID(), await referral());
    await Promise.all([write(first), write(first)]);

    const model = await readModel(first.state.issueId);
    expect(model.issue).toMatchObject({ last_seq: 2 });
    expect(model.links).toHaveLength(1);
    expect(model.events.map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('mail about a follow-up action falling due (docs/NOTIFICATIONS.md)', () => {
  it('goes to the issue’s opener in the same write, once, with ids and the due date only', async () => {
    const [a, b] = [await referral(), await referral()];
    const first = created(randomUUID(), a);
    const second = moved(first, a, b);
    await write(first);
    await write(second);
    const [proposal] = second.state.proposals;
    const due: RegionalIssueWrite = {
      ...second,
      lastSeq: 6,
      state: {
        ...second.state,
        proposals: [{ ...proposal, actions: [{ ...proposal.actions[0], remindedAt: '2027-02-01T00:00:00.000Z' }] }],
      },
      events: [
        event(6, RegionalIssueEventKind.ACTION_DUE, { actorUserId: null, proposalId: proposal.proposalId, actionId: proposal.actions[0].actionId }),
      ],
    };
    await write(due);
    await t.db.query(`UPDATE regional_issue SET last_seq = 5 WHERE id = $1`, [first.state.issueId]);
    await write(due); // a retried activity
    const rows = await t.db.query(`SELECT kind, recipient_email, facts FROM notification WHERE source_key = $1`, [`issue:${first.state.issueId}:6`]);
    expect(rows).toEqual([
      {
        kind: 'FOLLOW_UP_ACTION_DUE',
        recipient_email: 'tier2@tsunagu.test',
        facts: { regionalIssueId: first.state.issueId, actionDueOn: '2027-02-01' },
      },
    ]);
  });
});
