// Submitting is idempotent per coordinator and clientRequestId, whatever the timing; lists page through everything once.
import { Client, Connection } from '@temporalio/client';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { personNeed, REFERRALS, SUBMIT, WITHDRAW } from './support/documents';

jest.setTimeout(120_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let otherTier2: GraphQLSession;
let tier1: GraphQLSession;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'idempotency');
  [tier2, otherTier2, tier1] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.otherTier2, city.password),
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
  ]);
  connection = await Connection.connect({ address: state.temporalAddress });
  temporal = new Client({ connection, namespace: 'tsunagu' });
});

afterAll(async () => {
  await connection?.close();
});

async function rowsFor(clientRequestId: unknown) {
  return queryRows<{ id: string; submitted_by_id: string; workflow_id: string; status: string; last_seq: number }>(
    state.databaseUrl,
    'SELECT id, submitted_by_id, workflow_id, status, last_seq FROM referral WHERE client_request_id = $1 ORDER BY created_at',
    [clientRequestId],
  );
}

async function handoffKinds(referralId: string): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(state.databaseUrl, 'SELECT kind FROM referral_handoff WHERE referral_id = $1 ORDER BY seq', [
    referralId,
  ]);
  return rows.map((r) => r.kind);
}

async function waitForWorkflowToClose(workflowId: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = (await temporal.workflow.getHandle(workflowId).describe()).status.name;
    if (status !== 'RUNNING' || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('submitReferral idempotency', () => {
  it('turns 10 concurrent submissions with one clientRequestId into one referral', async () => {
    const input = personNeed(city.areaCode);
    const responses = await Promise.all(Array.from({ length: 10 }, () => tier2.send(SUBMIT, { input })));

    expect(responses.map((r) => r.errors ?? null)).toEqual(Array(10).fill(null));
    const ids = new Set(responses.map((r) => r.data!.submitReferral.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    for (const response of responses) {
      expect(response.data!.submitReferral).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
    }

    const rows = await rowsFor(input.clientRequestId);
    expect(rows).toEqual([expect.objectContaining({ id, submitted_by_id: tier2.userId, status: 'OFFERED', last_seq: 2 })]);
    expect(await handoffKinds(id)).toEqual(['SUBMITTED', 'OFFERED']);

    // One workflow, started once.
    const runs: string[] = [];
    for await (const execution of temporal.workflow.list({ query: `WorkflowId = "${rows[0].workflow_id}"` })) runs.push(execution.runId);
    expect(runs.length).toBeLessThanOrEqual(1); // the list may lag; describe below is authoritative
    const described = await temporal.workflow.getHandle(rows[0].workflow_id).describe();
    expect(described.status.name).toBe('RUNNING');
    if (runs.length) expect(runs).toEqual([described.runId]);
  });

  it('answers a resubmission with the same referral, also after the referral is withdrawn and its workflow has ended', async () => {
    const input = personNeed(city.areaCode);
    const submitted = (await tier2.data(SUBMIT, { input })).submitReferral;
    const again = (await tier2.data(SUBMIT, { input })).submitReferral;
    expect(again.id).toBe(submitted.id);

    const withdrawn = (await tier2.data(WITHDRAW, { id: submitted.id, reason: '家族が対応することになった' })).withdrawReferral;
    expect(withdrawn.status).toBe('WITHDRAWN');

    // Straight away, while the workflow may still be finishing...
    const right = await tier2.send(SUBMIT, { input });
    expect(right.errors).toBeUndefined();
    expect(right.data!.submitReferral).toMatchObject({ id: submitted.id, status: 'WITHDRAWN' });

    // ...and once it has ended for good.
    const [row] = await rowsFor(input.clientRequestId);
    expect(await waitForWorkflowToClose(row.workflow_id)).toBe('COMPLETED');
    const late = await Promise.all([tier2.send(SUBMIT, { input }), tier2.send(SUBMIT, { input })]);
    for (const response of late) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.submitReferral).toMatchObject({ id: submitted.id, status: 'WITHDRAWN' });
    }

    expect(await rowsFor(input.clientRequestId)).toEqual([expect.objectContaining({ id: submitted.id, status: 'WITHDRAWN', last_seq: 3 })]);
    expect(await handoffKinds(submitted.id)).toEqual(['SUBMITTED', 'OFFERED', 'WITHDRAWN']);
  });

  it('keeps the same clientRequestId from different coordinators apart', async () => {
    const clientRequestId = `shared-${Date.now()}`;
    const [mine, tier1s, others] = await Promise.all([
      tier2.data(SUBMIT, { input: personNeed(city.areaCode, { clientRequestId }) }),
      tier1.data(SUBMIT, { input: personNeed(city.areaCode, { clientRequestId }) }),
      otherTier2.data(SUBMIT, { input: personNeed(city.otherAreaCode, { clientRequestId }) }),
    ]);
    const ids = [mine.submitReferral.id, tier1s.submitReferral.id, others.submitReferral.id];
    expect(new Set(ids).size).toBe(3);
    expect(mine.submitReferral.submittedBy.id).toBe(tier2.userId);
    expect(tier1s.submitReferral.submittedBy.id).toBe(tier1.userId);
    expect(others.submitReferral.submittedBy.id).toBe(otherTier2.userId);
    expect(others.submitReferral.currentOrganization.id).toBe(city.elsewhere.id);

    const rows = await rowsFor(clientRequestId);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.workflow_id)).size).toBe(3);
    for (const id of ids) expect(await handoffKinds(id)).toEqual(['SUBMITTED', 'OFFERED']);

    // And each coordinator's resubmission finds their own.
    expect((await tier1.data(SUBMIT, { input: personNeed(city.areaCode, { clientRequestId }) })).submitReferral.id).toBe(tier1s.submitReferral.id);
    expect((await tier2.data(SUBMIT, { input: personNeed(city.areaCode, { clientRequestId }) })).submitReferral.id).toBe(mine.submitReferral.id);
  });
});

describe('referrals pagination', () => {
  let paging: TestCity;
  let coordinator: GraphQLSession;
  let created: string[];

  type Page = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string } }>;
  };

  async function page(session: GraphQLSession, after: string | null, first = 10): Promise<Page> {
    return (await session.data(REFERRALS, { filter: { areaCode: [paging.areaCode] }, first, after })).referrals;
  }

  /** The area's referral ids, newest first, as the read model orders them. */
  async function expectedOrder(): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      state.databaseUrl,
      'SELECT r.id FROM referral r JOIN area a ON a.id = r.area_id WHERE a.code = $1 ORDER BY r.created_at DESC, r.id DESC',
      [paging.areaCode],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    paging = await createTestCity(state.databaseUrl, 'paging');
    coordinator = await signIn(state.graphqlUrl, paging.emails.tier2, paging.password);
    created = [];
    // In bursts, so that some share a creation time and the id must break the tie.
    for (let burst = 0; burst < 5; burst += 1) {
      const submitted = await Promise.all(Array.from({ length: 5 }, () => coordinator.data(SUBMIT, { input: personNeed(paging.areaCode) })));
      created.push(...submitted.map((s) => s.submitReferral.id));
    }
    expect(new Set(created).size).toBe(25);
  });

  it('walks 25 referrals with first: 10 exactly once, newest first', async () => {
    const order = await expectedOrder();
    expect([...order].sort()).toEqual([...created].sort());

    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const current = await page(coordinator, after);
      pages.push(current);
      after = current.pageInfo.endCursor;
      if (!current.pageInfo.hasNextPage) break;
    } while (pages.length < 10);

    expect(pages.map((p) => p.edges.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.totalCount)).toEqual([25, 25, 25]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const p of pages) expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
    const walked = pages.flatMap((p) => p.edges.map((e) => e.node.id));
    expect(walked).toEqual(order);

    // Past the end: nothing, and no further page.
    const beyond = await page(coordinator, pages[2].pageInfo.endCursor);
    expect(beyond).toEqual({ totalCount: 25, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    // Any edge's cursor continues right after that edge.
    const fromMiddle = await page(coordinator, pages[0].edges[4].cursor, 3);
    expect(fromMiddle.edges.map((e) => e.node.id)).toEqual(order.slice(5, 8));

    // Page sizes that divide evenly: the last full page says there is no next one.
    const five = await page(coordinator, pages[1].edges[9].cursor, 5);
    expect(five.edges.map((e) => e.node.id)).toEqual(order.slice(20));
    expect(five.pageInfo.hasNextPage).toBe(false);
    const all = await page(coordinator, null, 25);
    expect(all.edges.map((e) => e.node.id)).toEqual(order);
    expect(all.pageInfo.hasNextPage).toBe(false);

    // Tier-1 sees the same area the same way.
    const tier1 = await signIn(state.graphqlUrl, paging.emails.tier1, paging.password);
    const tier1Walk: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const p = await page(tier1, cursor, 7);
      tier1Walk.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      cursor = p.pageInfo.endCursor;
    }
    expect(tier1Walk).toEqual(order);
  });

  it('neither repeats nor skips when a referral is submitted in the middle of a walk', async () => {
    const before = await expectedOrder();
    const firstPage = await page(coordinator, null);
    const newcomer = (await coordinator.data(SUBMIT, { input: personNeed(paging.areaCode) })).submitReferral;

    const rest: string[] = [];
    let after = firstPage.pageInfo.endCursor;
    let last: Page | undefined;
    for (;;) {
      last = await page(coordinator, after);
      rest.push(...last.edges.map((e) => e.node.id));
      if (!last.pageInfo.hasNextPage) break;
      after = last.pageInfo.endCursor;
    }
    expect([...firstPage.edges.map((e) => e.node.id), ...rest]).toEqual(before);
    expect(rest).not.toContain(newcomer.id);
    expect(last!.totalCount).toBe(before.length + 1);
    expect((await page(coordinator, null, 1)).edges[0].node.id).toBe(newcomer.id);
  });
});
