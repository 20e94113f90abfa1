// What the web console reads (docs/API.md: "Need details", "Referral filters", "Needs me now", "Available actions"),
// through GraphQL against the real api, worker, PostgreSQL and Temporal.
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, areaNeed, COMPLETE, DECLINE, ESCALATE, EXTEND_DEADLINE, NOTE, personNeed, REASSIGN, START, WITHDRAW } from './support/documents';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let admin: GraphQLSession;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'console');
  [tier2, first, admin] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.admin, city.password),
  ]);
});

const DETAILS = `details {
  __typename
  ... on TransportDetails { purpose frequency days mobility escortNeeded }
  ... on ShoppingDetails { scope location nearestShop mobileSalesWanted frequency }
  ... on VolunteerInterestDetails { skills days areaCodes supporterTrainingCompleted workPreference }
  ... on HomeHelpDetails { tasks frequency }
  ... on GatheringPlaceDetails { placeKind days transportNeeded }
  ... on WatchOverDetails { frequency methods }
  ... on OtherDetails { note }
}`;
const FIELDS = `id status category summary ${DETAILS} subject { displayName nameKana } availableActions { action proxy } currentOrganization { id }`;
const SUBMIT = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { ${FIELDS} } }`;
const REFERRAL = `query Referral($id: ID!) { referral(id: $id) { ${FIELDS} } }`;
const LIST = `query List($filter: ReferralFilter, $first: Int, $after: String, $orderBy: ReferralOrder) {
  referrals(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    edges { cursor node { id status } } pageInfo { hasNextPage endCursor } totalCount countsByStatus { status count }
  }
}`;

const ids = (list: { edges: Array<{ node: { id: string } }> }) => list.edges.map((e) => e.node.id);
const list = async (session: GraphQLSession, filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  (await session.data(LIST, { filter: { areaCode: [city.areaCode], ...filter }, ...extra })).referrals;
const submit = async (input: Record<string, unknown>) => (await tier2.data(SUBMIT, { input })).submitReferral;

describe('need details', () => {
  const perCategory: Array<[string, string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'TRANSPORT',
      'transport',
      { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['FRI', 'TUE'], mobility: 'WHEELCHAIR', escortNeeded: true },
      { __typename: 'TransportDetails', purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE', 'FRI'], mobility: 'WHEELCHAIR', escortNeeded: true },
    ],
    [
      'SHOPPING',
      'shopping',
      { scope: 'AREA', location: '清和台東5丁目の団地', nearestShop: 'コープ清和台', mobileSalesWanted: true, frequency: 'WEEKLY' },
      {
        __typename: 'ShoppingDetails',
        scope: 'AREA',
        location: '清和台東5丁目の団地',
        nearestShop: 'コープ清和台',
        mobileSalesWanted: true,
        frequency: 'WEEKLY',
      },
    ],
    [
      'VOLUNTEER_INTEREST',
      'volunteerInterest',
      { skills: ['DRIVING', 'CONVERSATION'], days: ['MON'], areaCodes: ['OTHER-AREA'], supporterTrainingCompleted: true, workPreference: 'PAID' },
      {
        __typename: 'VolunteerInterestDetails',
        skills: ['DRIVING', 'CONVERSATION'],
        days: ['MON'],
        areaCodes: ['OTHER-AREA'],
        supporterTrainingCompleted: true,
        workPreference: 'PAID',
      },
    ],
    ['HOME_HELP', 'homeHelp', { tasks: ['GARBAGE', 'CLEANING'] }, { __typename: 'HomeHelpDetails', tasks: ['GARBAGE', 'CLEANING'], frequency: null }],
    [
      'GATHERING_PLACE',
      'gatheringPlace',
      { placeKind: 'SALON', days: ['WED'], transportNeeded: false },
      { __typename: 'GatheringPlaceDetails', placeKind: 'SALON', days: ['WED'], transportNeeded: false },
    ],
    [
      'WATCH_OVER',
      'watchOver',
      { frequency: 'DAILY', methods: ['PHONE'] },
      { __typename: 'WatchOverDetails', frequency: 'DAILY', methods: ['PHONE'] },
    ],
    ['OTHER', 'other', { note: '庭木の剪定の相談' }, { __typename: 'OtherDetails', note: '庭木の剪定の相談' }],
  ];

  it.each(perCategory)('%s: stored structured and read back as its own type', async (category, key, given, expected) => {
    const input = { ...given, ...(given.areaCodes ? { areaCodes: [city.otherAreaCode] } : {}) };
    const want = { ...expected, ...(expected.areaCodes ? { areaCodes: [city.otherAreaCode] } : {}) };
    const submitted = await submit(areaNeed(city.areaCode, { category, details: { [key]: input } }));
    expect(submitted.details).toEqual(want);
    expect((await tier2.data(REFERRAL, { id: submitted.id })).referral.details).toEqual(want);
    const [row] = await queryRows<{ details: Record<string, unknown> }>(state.databaseUrl, 'SELECT details FROM referral WHERE id = $1', [
      submitted.id,
    ]);
    expect(row.details).toMatchObject({ version: 1, category });
  });

  it('a submission without details works as before: details null', async () => {
    const submitted = await submit(personNeed(city.areaCode));
    expect(submitted.details).toBeNull();
  });

  it('bad details: BAD_USER_INPUT naming each field path, and nothing written', async () => {
    const input = personNeed(city.areaCode, {
      details: { transport: { purpose: 'HOSPITAL', days: ['MON', 'TUE', 'MON'] }, shopping: { scope: 'AREA' } },
    });
    const result = await tier2.send(SUBMIT, { input });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect([...(result.errors?.[0].extensions?.fields as string[])].sort()).toEqual(['details.shopping', 'details.transport.days[2]']);
    const volunteer = await tier2.send(SUBMIT, {
      input: areaNeed(city.areaCode, { category: 'VOLUNTEER_INTEREST', details: { volunteerInterest: { areaCodes: ['NO-SUCH-AREA'] } } }),
    });
    expect(volunteer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['details.volunteerInterest.areaCodes[0]'] });
    const rows = await queryRows(state.databaseUrl, 'SELECT id FROM referral WHERE client_request_id = $1', [input.clientRequestId]);
    expect(rows).toEqual([]);
  });
});

describe('ふりがな', () => {
  it('is stored in hiragana, shown like the name, and found by the coordinators only', async () => {
    const submitted = await submit(
      personNeed(city.areaCode, {
        summary: '通院の送迎',
        subject: { displayName: '川西 花子', nameKana: 'カワニシ　ハナコ', ageBand: '80代', contact: null },
      }),
    );
    expect(submitted.subject).toEqual({ displayName: '川西 花子', nameKana: 'かわにし はなこ' });
    expect(ids(await list(tier2, { text: 'かわにし' }))).toEqual([submitted.id]);
    expect(ids(await list(tier2, { text: 'カワニシハナコ' }))).toEqual([submitted.id]);
    expect(ids(await list(tier2, { text: 'かわ' }))).toEqual([]);
    // The partner offered it sees neither the name nor finds it by the name.
    expect((await first.data(REFERRAL, { id: submitted.id })).referral.subject).toBeNull();
    expect(ids(await first.data(LIST, { filter: { text: 'かわにし' } }).then((d) => d.referrals))).toEqual([]);
  });

  it('that is not kana is BAD_USER_INPUT on subject.nameKana', async () => {
    const result = await tier2.send(SUBMIT, { input: personNeed(city.areaCode, { subject: { displayName: '山田', nameKana: '山田' } }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['subject.nameKana'] });
  });
});

describe('referral filters', () => {
  it('text in the summary, categories, holder, dates (Japan days), and counts by status beside them', async () => {
    const city2 = await createTestCity(state.databaseUrl, 'filters');
    const coordinator = await signIn(state.graphqlUrl, city2.emails.tier2, city2.password);
    const need = (overrides: Record<string, unknown>) =>
      coordinator.data(SUBMIT, { input: areaNeed(city2.areaCode, overrides) }).then((d) => d.submitReferral);
    const shop = await need({ summary: '団地に移動販売車を_100%' });
    const unmatched = await need({ category: 'GATHERING_PLACE', summary: '集会所でサロンを開きたい' });
    const scoped = (filter: Record<string, unknown>) =>
      coordinator.data(LIST, { filter: { areaCode: [city2.areaCode], ...filter } }).then((d) => d.referrals);

    expect(ids(await scoped({ text: '移動販売' }))).toEqual([shop.id]);
    expect(ids(await scoped({ text: '_100%' }))).toEqual([shop.id]); // LIKE's own characters are taken literally
    expect(ids(await scoped({ text: '_1%' }))).toEqual([]);
    expect(ids(await scoped({ category: ['GATHERING_PLACE', 'WATCH_OVER'] }))).toEqual([unmatched.id]);
    expect(ids(await scoped({ organizationId: city2.shop.id }))).toEqual([shop.id]);

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    expect((await scoped({ submittedFrom: today, submittedTo: today })).totalCount).toBe(2);
    expect((await scoped({ submittedTo: '2026-01-01' })).totalCount).toBe(0);
    const bad = await coordinator.send(LIST, { filter: { submittedFrom: '2026-02-30' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.submittedFrom'] });

    // Counts leave the status list out, so tabs can show every status's count while one is picked.
    const offeredOnly = await scoped({ status: ['OFFERED'] });
    expect(offeredOnly.totalCount).toBe(1);
    expect(offeredOnly.countsByStatus).toEqual([
      { status: 'OFFERED', count: 1 },
      { status: 'UNMATCHED', count: 1 },
    ]);
  });

  it('needs me now: unmatched first, then a shop waiting for my proxy answer; an offer to a partner with users is not mine', async () => {
    const city3 = await createTestCity(state.databaseUrl, 'needs');
    const coordinator = await signIn(state.graphqlUrl, city3.emails.tier2, city3.password);
    const need = (input: Record<string, unknown>) => coordinator.data(SUBMIT, { input }).then((d) => d.submitReferral);
    const shop = await need(areaNeed(city3.areaCode));
    const offered = await need(personNeed(city3.areaCode));
    const unmatched = await need(areaNeed(city3.areaCode, { category: 'GATHERING_PLACE' }));
    expect([shop.status, offered.status, unmatched.status]).toEqual(['OFFERED', 'OFFERED', 'UNMATCHED']);

    const read = (extra: Record<string, unknown>) =>
      coordinator.data(LIST, { filter: { areaCode: [city3.areaCode], needsAttention: true }, orderBy: 'URGENCY', ...extra }).then((d) => d.referrals);
    const urgent = await read({});
    expect(ids(urgent)).toEqual([unmatched.id, shop.id]);
    expect(urgent.totalCount).toBe(2);
    // Pages in urgency order follow on from the cursor.
    const page1 = await read({ first: 1 });
    const page2 = await read({ first: 1, after: page1.pageInfo.endCursor });
    expect([...ids(page1), ...ids(page2)]).toEqual([unmatched.id, shop.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // Everything in urgency order: the offer to a partner with users comes last.
    const all = await coordinator.data(LIST, { filter: { areaCode: [city3.areaCode] }, orderBy: 'URGENCY' }).then((d) => d.referrals);
    expect(ids(all)).toEqual([unmatched.id, shop.id, offered.id]);

    // A running deadline within 2 business days needs the coordinator too, after the two above (set in the read model:
    // waiting for a real one would take days).
    await queryRows(state.databaseUrl, `UPDATE referral SET response_due_at = now() + interval '1 hour' WHERE id = $1`, [offered.id]);
    expect(ids(await read({}))).toEqual([unmatched.id, shop.id, offered.id]);
    // The partner offered it: that offer is what needs it now.
    const partner = await signIn(state.graphqlUrl, city3.emails.first, city3.password);
    const mine = await partner.data(LIST, { filter: { needsAttention: true }, orderBy: 'URGENCY' }).then((d) => d.referrals);
    expect(ids(mine)).toEqual([offered.id]);
  });
});

describe('availableActions', () => {
  type Action = { action: string; proxy: boolean };
  const TRY: Record<string, (s: GraphQLSession, id: string) => Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>> = {
    ACCEPT: (s, id) => s.send(ACCEPT, { id }),
    DECLINE: (s, id) => s.send(DECLINE, { id, reason: 'NO_CAPACITY' }),
    START: (s, id) => s.send(START, { id }),
    COMPLETE: (s, id) => s.send(COMPLETE, { id, outcome: 'RESOLVED' }),
    REASSIGN: (s, id) => s.send(REASSIGN, { id, organizationId: city.second.id }),
    ESCALATE: (s, id) => s.send(ESCALATE, { id, note: '地域で対応できない' }),
    WITHDRAW: (s, id) => s.send(WITHDRAW, { id, reason: '本人が辞退' }),
    NOTE: (s, id) => s.send(NOTE, { id, note: '確認済み' }),
    EXTEND_DEADLINE: (s, id) => s.send(EXTEND_DEADLINE, { id, businessDays: 1, reason: '調整中' }),
    TAKE: (s, id) => s.send(`mutation Take($id: ID!) { takeReferral(id: $id) { id } }`, { id }),
    RETURN: (s, id) => s.send(`mutation Return($id: ID!) { returnReferral(id: $id, reason: LOCAL_RESOURCE_AVAILABLE) { id } }`, { id }),
    HOLD: (s, id) =>
      s.send(`mutation Hold($id: ID!, $on: String!) { holdReferral(id: $id, resumeOn: $on, reason: "入院中") { id } }`, { id, on: inDays(30) }),
    RESUME: (s, id) => s.send(`mutation Resume($id: ID!) { resumeReferral(id: $id) { id } }`, { id }),
  };
  /** A JST calendar date `days` ahead, as holdReferral's resumeOn. */
  const inDays = (days: number) => new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const actionsOf = async (s: GraphQLSession, id: string): Promise<Action[]> => (await s.data(REFERRAL, { id })).referral.availableActions;

  /** For each listed move, a fresh referral made by `fresh` on which the move goes through; one unlisted move is refused. */
  async function expectListedMovesWork(session: GraphQLSession, fresh: () => Promise<{ id: string }>, expected: string[], unlisted: string) {
    const sample = await fresh();
    expect((await actionsOf(session, sample.id)).map((a) => a.action)).toEqual(expected);
    for (const move of expected) {
      const { id } = await fresh();
      const result = await TRY[move](session, id);
      expect({ move, errors: result.errors ?? [] }).toEqual({ move, errors: [] });
    }
    const refused = await TRY[unlisted](session, sample.id);
    expect(['FORBIDDEN', 'CONFLICT']).toContain(refused.errors?.[0].extensions?.code);
  }

  const offeredToFirst = () => submit(personNeed(city.areaCode));

  it('the partner offered a referral: exactly what it may do', async () => {
    await expectListedMovesWork(first, offeredToFirst, ['ACCEPT', 'DECLINE', 'NOTE', 'EXTEND_DEADLINE'], 'START');
  });

  it('the partner holding it after accepting', async () => {
    const accepted = async () => {
      const r = await offeredToFirst();
      await first.data(ACCEPT, { id: r.id });
      return r;
    };
    await expectListedMovesWork(first, accepted, ['START', 'NOTE', 'EXTEND_DEADLINE', 'RETURN'], 'COMPLETE');
  });

  it('tier-1 on a need escalated to it: takes, closes, re-refers, hands back, holds', async () => {
    const tier1 = await signIn(state.graphqlUrl, city.emails.tier1, city.password);
    const escalated = () => submit({ ...personNeed(city.areaCode), destination: 'TIER1' });
    await expectListedMovesWork(tier1, escalated, ['COMPLETE', 'REASSIGN', 'WITHDRAW', 'NOTE', 'TAKE', 'RETURN', 'HOLD'], 'START');
  });

  it('the tier-2 coordinator on an offer to a partner with users: steering, no answers', async () => {
    await expectListedMovesWork(tier2, offeredToFirst, ['REASSIGN', 'ESCALATE', 'WITHDRAW', 'NOTE', 'EXTEND_DEADLINE'], 'ACCEPT');
  });

  it('the tier-2 coordinator on an offer to a shop without users: its answers, marked proxy', async () => {
    const shopNeed = () => submit(areaNeed(city.areaCode));
    const sample = await shopNeed();
    expect(await actionsOf(tier2, sample.id)).toEqual([
      { action: 'ACCEPT', proxy: true },
      { action: 'DECLINE', proxy: true },
      { action: 'REASSIGN', proxy: false },
      { action: 'ESCALATE', proxy: false },
      { action: 'WITHDRAW', proxy: false },
      { action: 'NOTE', proxy: false },
      { action: 'EXTEND_DEADLINE', proxy: false },
    ]);
    const accepted = (await tier2.data(ACCEPT, { id: sample.id })).acceptReferral;
    expect(accepted.status).toBe('ACCEPTED');
    expect((await actionsOf(tier2, sample.id)).filter((a) => a.proxy).map((a) => a.action)).toEqual(['START', 'RETURN']);
  });

  it('an administrator may only add notes; a closed referral offers nothing', async () => {
    await expectListedMovesWork(admin, offeredToFirst, ['NOTE'], 'WITHDRAW');
    const closed = await offeredToFirst();
    await tier2.data(WITHDRAW, { id: closed.id, reason: '本人が辞退' });
    expect(await actionsOf(tier2, closed.id)).toEqual([]);
    expect(await actionsOf(first, closed.id)).toEqual([]);
  });
});
