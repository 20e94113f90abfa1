// The partner directory and routing through GraphQL against the real api, worker, PostgreSQL and Temporal: routing
// rules, least-loaded order, capacity, suggestions, CSV import, and who may do which.
import { randomUUID } from 'node:crypto';
import { createTestCity, GraphQLErrorShape, GraphQLResponse, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { ACCEPT, areaNeed, DECLINE, personNeed, REFERRAL, SUBMIT } from './support/documents';

jest.setTimeout(120_000);

const ORGANIZATION_FIELDS = 'id name kind categories acceptingReferrals hasSystemUsers contactName contactEmail contactPhone areas { code }';
const CREATE = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} } }`;
const SET_CAPACITY = `mutation Capacity($id: ID!, $accepting: Boolean!) {
  setOrganizationAcceptingReferrals(id: $id, accepting: $accepting) { id acceptingReferrals }
}`;
const RULES = `query Rules($category: NeedCategory, $areaCode: String) {
  routingRules(category: $category, areaCode: $areaCode) { category area { code } organizations { id } }
}`;
const SET_RULE = `mutation SetRule($category: NeedCategory!, $areaCode: String!, $organizationIds: [ID!]!) {
  setRoutingRule(category: $category, areaCode: $areaCode, organizationIds: $organizationIds) { category area { code } organizations { id name } }
}`;
const SUGGESTED = `query Suggested($category: NeedCategory!, $areaCode: String!) {
  suggestedOrganizations(category: $category, areaCode: $areaCode) { id name }
}`;
const IMPORT = `mutation Import($csv: String!) { importOrganizations(csv: $csv) { imported created updated errors { line field message } } }`;
const ORGANIZATIONS = `query Organizations($kind: OrganizationKind, $areaCode: String, $category: NeedCategory) {
  organizations(kind: $kind, areaCode: $areaCode, category: $category) { ${ORGANIZATION_FIELDS} }
}`;
const HEADER = 'name,kind,areaCodes,categories,contactName,contactEmail,contactPhone,hasSystemUsers,acceptingReferrals';

const state = readE2eState();
let city: TestCity;
/** Names of organisations made here start with the test city's own prefix, so they sort after its first and second. */
let prefix: string;
let admin: GraphQLSession;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let second: GraphQLSession;
/** A TRANSPORT partner without users, made through createOrganization. */
let third: { id: string; name: string };

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
const ids = (orgs: Array<{ id: string }>) => orgs.map((o) => o.id);
const withoutPosition = (errors: GraphQLErrorShape[] | undefined) =>
  (errors ?? []).map(({ path: _path, locations: _locations, ...rest }: GraphQLErrorShape & { locations?: unknown }) => rest);

async function suggested(category: string, areaCode = city.areaCode): Promise<string[]> {
  return ids((await tier2.data(SUGGESTED, { category, areaCode })).suggestedOrganizations);
}

async function submit(input: Record<string, unknown>) {
  return (await tier2.data(SUBMIT, { input })).submitReferral;
}

/** Organisations the referral was offered to, in order. */
const offeredTo = (referral: { handoffs: Array<{ kind: string; toOrganization: { id: string } | null }> }) =>
  referral.handoffs.filter((h) => h.kind === 'OFFERED').map((h) => h.toOrganization!.id);

/** Declines the referral for whoever holds the offer, until nobody is left; the partner's own session or tier-2 as proxy. */
async function declineUntilUnmatched(referral: { id: string; status: string; currentOrganization: { id: string } | null }) {
  const sessions: Record<string, GraphQLSession> = { [city.first.id]: first, [city.second.id]: second };
  let current = referral;
  for (let i = 0; current.status === 'OFFERED' && i < 10; i++) {
    const session = sessions[current.currentOrganization!.id] ?? tier2;
    await session.data(DECLINE, { id: current.id, reason: 'NO_CAPACITY' });
    // Where it went next, as the coordinator sees it (a partner that declined no longer sees the next holder).
    current = (await tier2.data(REFERRAL, { id: current.id })).referral;
  }
  expect(current.status).toBe('UNMATCHED');
  return current as typeof current & { handoffs: Array<{ kind: string; toOrganization: { id: string } | null }> };
}

async function organizationCount(): Promise<number> {
  const [{ count }] = await queryRows<{ count: number }>(state.databaseUrl, 'SELECT count(*)::int AS count FROM organization');
  return count;
}

beforeAll(async () => {
  // No routing rule from the fixture: this file sets its own.
  city = await createTestCity(state.databaseUrl, 'routing', { transportRule: false });
  prefix = city.first.name.replace(/ 1 NPO$/, '');
  [admin, tier1, tier2, first, second] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.admin, city.password),
    signIn(state.graphqlUrl, city.emails.tier1, city.password),
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
    signIn(state.graphqlUrl, city.emails.second, city.password),
  ]);
  const created = (
    await admin.data(CREATE, {
      input: {
        kind: 'NPO',
        name: `${prefix} 5 Third`,
        areaCodes: [city.areaCode],
        categories: ['TRANSPORT'],
        contactName: '佐藤 三郎',
        contactEmail: 'third@example.jp',
        contactPhone: '０７２-000-5555',
        hasSystemUsers: false,
      },
    })
  ).createOrganization;
  expect(created).toMatchObject({
    name: `${prefix} 5 Third`,
    kind: 'NPO',
    categories: ['TRANSPORT'],
    acceptingReferrals: true,
    hasSystemUsers: false,
    contactName: '佐藤 三郎',
    contactEmail: 'third@example.jp',
    contactPhone: '072-000-5555',
    areas: [{ code: city.areaCode }],
  });
  third = created;
});

describe('routing order: the rule first, then the least loaded', () => {
  it('offers to the partner the rule prefers, then to the least loaded of the others, as suggestedOrganizations says', async () => {
    // No rule, no load: by name.
    expect(await suggested('TRANSPORT')).toEqual([city.first.id, city.second.id, third.id]);

    const rule = (await admin.data(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [city.second.id] })).setRoutingRule;
    expect(rule).toEqual({ category: 'TRANSPORT', area: { code: city.areaCode }, organizations: [{ id: city.second.id, name: city.second.name }] });
    expect((await tier2.data(RULES, { category: 'TRANSPORT', areaCode: city.areaCode })).routingRules).toEqual([
      { category: 'TRANSPORT', area: { code: city.areaCode }, organizations: [{ id: city.second.id }] },
    ]);
    expect(await suggested('TRANSPORT')).toEqual([city.second.id, city.first.id, third.id]);

    // Load on first: one referral it accepted, one still offered to it (the coordinator named it directly).
    const held = await submit(personNeed(city.areaCode, { organizationId: city.first.id }));
    const offered = await submit(personNeed(city.areaCode, { organizationId: city.first.id }));
    expect([held.currentOrganization.id, offered.currentOrganization.id]).toEqual([city.first.id, city.first.id]);
    expect((await first.data(ACCEPT, { id: held.id })).acceptReferral.status).toBe('ACCEPTED');

    // Now third (no open referral) comes before first (two), though first's name sorts earlier; the rule's partner leads.
    const suggestion = await suggested('TRANSPORT');
    expect(suggestion).toEqual([city.second.id, third.id, city.first.id]);

    const referral = await submit(personNeed(city.areaCode));
    expect(referral).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.second.id } });
    await second.data(DECLINE, { id: referral.id, reason: 'NO_CAPACITY' });
    const afterSecond = (await tier2.data(REFERRAL, { id: referral.id })).referral;
    expect(afterSecond.currentOrganization.id).toBe(third.id);
    const unmatched = await declineUntilUnmatched(afterSecond);
    // Routing offered it in exactly the order suggested.
    expect(offeredTo(unmatched)).toEqual(suggestion);
  });

  it('goes by load alone once the rule is deleted (an empty list)', async () => {
    const deleted = (await admin.data(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [] })).setRoutingRule;
    expect(deleted).toEqual({ category: 'TRANSPORT', area: { code: city.areaCode }, organizations: [] });
    expect((await admin.data(RULES, { areaCode: city.areaCode })).routingRules).toEqual([]);

    // second gets one open referral; first still has two; third none.
    const named = await submit(personNeed(city.areaCode, { organizationId: city.second.id }));
    expect(named.currentOrganization.id).toBe(city.second.id);
    const suggestion = await suggested('TRANSPORT');
    expect(suggestion).toEqual([third.id, city.second.id, city.first.id]);

    const referral = await submit(personNeed(city.areaCode));
    expect(referral.currentOrganization.id).toBe(third.id);
    // Declined by third: second (one open referral) comes before first (two).
    const next = (await tier2.data(DECLINE, { id: referral.id, reason: 'NOT_OUR_SERVICE' })).declineReferral;
    expect(next.currentOrganization.id).toBe(city.second.id);
    const unmatched = await declineUntilUnmatched(next);
    expect(offeredTo(unmatched)).toEqual(suggestion);
  });

  it('lists rules by area and category, and keeps each rule’s order', async () => {
    await admin.data(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [third.id, city.first.id, city.second.id] });
    await admin.data(SET_RULE, { category: 'HOME_HELP', areaCode: city.areaCode, organizationIds: [city.first.id] });
    const rules = (await tier1.data(RULES, { areaCode: city.areaCode })).routingRules;
    expect(rules).toEqual([
      { category: 'TRANSPORT', area: { code: city.areaCode }, organizations: [{ id: third.id }, { id: city.first.id }, { id: city.second.id }] },
      { category: 'HOME_HELP', area: { code: city.areaCode }, organizations: [{ id: city.first.id }] },
    ]);
    expect((await admin.data(RULES, { category: 'HOME_HELP', areaCode: city.areaCode })).routingRules).toEqual([rules[1]]);
    expect((await admin.data(RULES, { areaCode: `NOWHERE-${randomUUID()}` })).routingRules).toEqual([]);
    expect(await suggested('TRANSPORT')).toEqual([third.id, city.first.id, city.second.id]);

    // Replacing keeps only the new list.
    await admin.data(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [city.second.id, third.id] });
    const rows = await queryRows<{ rank: number; organization_id: string }>(
      state.databaseUrl,
      `SELECT rank, organization_id FROM routing_preference WHERE category = 'TRANSPORT' AND area_id = $1 ORDER BY rank`,
      [city.areaId],
    );
    expect(rows).toEqual([
      { rank: 1, organization_id: city.second.id },
      { rank: 2, organization_id: third.id },
    ]);
    await admin.data(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [] });
    await admin.data(SET_RULE, { category: 'HOME_HELP', areaCode: city.areaCode, organizationIds: [] });
  });
});

describe('capacity', () => {
  it('never offers to a partner that switched itself off, and offers again once it switches back on', async () => {
    const off = (await first.data(SET_CAPACITY, { id: city.first.id, accepting: false })).setOrganizationAcceptingReferrals;
    expect(off).toEqual({ id: city.first.id, acceptingReferrals: false });
    try {
      // first is the only HOME_HELP partner in the area: with it off, nobody is left.
      expect(await suggested('HOME_HELP')).toEqual([]);
      const homeHelp = await submit(personNeed(city.areaCode, { category: 'HOME_HELP' }));
      expect(homeHelp.status).toBe('UNMATCHED');
      expect(homeHelp.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['SUBMITTED', 'UNMATCHED']);

      const suggestion = await suggested('TRANSPORT');
      expect(suggestion).not.toContain(city.first.id);
      const transport = await declineUntilUnmatched(await submit(personNeed(city.areaCode)));
      expect(offeredTo(transport)).toEqual(suggestion);
      expect(offeredTo(transport)).not.toContain(city.first.id);
    } finally {
      const on = (await first.data(SET_CAPACITY, { id: city.first.id, accepting: true })).setOrganizationAcceptingReferrals;
      expect(on.acceptingReferrals).toBe(true);
    }
    expect(await suggested('HOME_HELP')).toEqual([city.first.id]);
    const offered = await submit(personNeed(city.areaCode, { category: 'HOME_HELP' }));
    expect(offered).toMatchObject({ status: 'OFFERED', currentOrganization: { id: city.first.id } });
  });

  it('lets a partner switch only its own organisation (another is NOT_FOUND) and an administrator any', async () => {
    const other = await first.send(SET_CAPACITY, { id: city.second.id, accepting: false });
    const unknown = await first.send(SET_CAPACITY, { id: randomUUID(), accepting: false });
    expect(codes(other)).toEqual(['NOT_FOUND']);
    expect(withoutPosition(other.errors)).toEqual(withoutPosition(unknown.errors));
    expect(codes(await tier2.send(SET_CAPACITY, { id: city.second.id, accepting: false }))).toEqual(['FORBIDDEN']);
    expect(codes(await tier1.send(SET_CAPACITY, { id: city.second.id, accepting: false }))).toEqual(['FORBIDDEN']);
    const [row] = await queryRows<{ accepting_referrals: boolean }>(state.databaseUrl, 'SELECT accepting_referrals FROM organization WHERE id = $1', [
      city.second.id,
    ]);
    expect(row.accepting_referrals).toBe(true);

    expect((await admin.data(SET_CAPACITY, { id: city.second.id, accepting: false })).setOrganizationAcceptingReferrals.acceptingReferrals).toBe(
      false,
    );
    expect(await suggested('TRANSPORT')).not.toContain(city.second.id);
    expect((await admin.data(SET_CAPACITY, { id: city.second.id, accepting: true })).setOrganizationAcceptingReferrals.acceptingReferrals).toBe(true);
    expect(await suggested('TRANSPORT')).toContain(city.second.id);
    expect(codes(await admin.send(SET_CAPACITY, { id: randomUUID(), accepting: true }))).toEqual(['NOT_FOUND']);
  });
});

describe('CSV import', () => {
  it('creates organisations from an Excel file (BOM, CRLF, quoted cells) that routing then uses, and updates them on a second import', async () => {
    const salon = `${prefix} 居場所, サロン`;
    const hall = `${prefix} 公民館`;
    const full = `${prefix} 居場所 満員`;
    const rows = (acceptingFull: string, salonContact: string) => [
      HEADER,
      `"${salon}",volunteer_group,${city.areaCode},GATHERING_PLACE;WATCH_OVER,"${salonContact}",salon@example.jp,072-000-7777,no,yes`,
      `"${hall}",COMMUNITY_SUPPORT_CENTER,${city.areaCode},GATHERING_PLACE,"担当\r\n二行目",,,0,`,
      `${full},NPO,${city.areaCode} ${city.otherAreaCode},GATHERING_PLACE,,,,false,${acceptingFull}`,
    ];
    const file = '\uFEFF' + rows('false', '山田 ""はなこ""').join('\r\n') + '\r\n';

    const before = await organizationCount();
    const result = (await admin.data(IMPORT, { csv: file })).importOrganizations;
    expect(result).toEqual({ imported: 3, created: 3, updated: 0, errors: [] });
    expect(await organizationCount()).toBe(before + 3);

    const listed = (await tier2.data(ORGANIZATIONS, { areaCode: city.areaCode, category: 'GATHERING_PLACE' })).organizations;
    const byName = new Map(listed.map((o: { name: string }) => [o.name, o]));
    expect(byName.get(salon)).toMatchObject({
      kind: 'VOLUNTEER_GROUP',
      categories: ['GATHERING_PLACE', 'WATCH_OVER'],
      contactName: '山田 "はなこ"',
      contactEmail: 'salon@example.jp',
      contactPhone: '072-000-7777',
      hasSystemUsers: false,
      acceptingReferrals: true,
      areas: [{ code: city.areaCode }],
    });
    expect(byName.get(hall)).toMatchObject({
      kind: 'COMMUNITY_SUPPORT_CENTER',
      contactName: '担当\n二行目',
      hasSystemUsers: false,
      acceptingReferrals: true,
    });
    expect(byName.get(full)).toMatchObject({
      acceptingReferrals: false,
      areas: expect.arrayContaining([{ code: city.areaCode }, { code: city.otherAreaCode }]),
    });

    // Routing uses them: the two accepting ones, in the suggested order; never the full one.
    const suggestion = await suggested('GATHERING_PLACE');
    const idOf = (name: string) => (byName.get(name) as { id: string }).id;
    expect([...suggestion].sort()).toEqual([idOf(salon), idOf(hall)].sort());
    const referral = await submit(areaNeed(city.areaCode, { category: 'GATHERING_PLACE', summary: '集会所にサロンがない' }));
    expect(referral.currentOrganization.id).toBe(suggestion[0]);
    expect(offeredTo(await declineUntilUnmatched(referral))).toEqual(suggestion);

    // The same file again, changed: the organisations are updated, not duplicated. A blank flag keeps its value.
    const again = '\uFEFF' + rows('', '山田 花子').join('\r\n') + '\r\n';
    expect((await admin.data(IMPORT, { csv: again })).importOrganizations).toEqual({ imported: 3, created: 0, updated: 3, errors: [] });
    expect(await organizationCount()).toBe(before + 3);
    const updated = (await tier2.data(ORGANIZATIONS, { areaCode: city.areaCode, category: 'GATHERING_PLACE' })).organizations;
    expect(updated.find((o: { name: string }) => o.name === salon).contactName).toBe('山田 花子');
    expect(updated.find((o: { name: string }) => o.name === full).acceptingReferrals).toBe(false);
  });

  it('reports every bad row with its line and imports nothing', async () => {
    const file =
      [
        HEADER,
        `"${prefix} 良い行",NPO,${city.areaCode},TRANSPORT,"二行に\nわたる担当",,,,`, // lines 2-3
        `${prefix} 種別不明,CHARITY,${city.areaCode},TRANSPORT,,,,,`, // 4
        `${prefix} 圏域不明,NPO,NOWHERE-${city.areaCode},TRANSPORT,,,,,`, // 5
        `${prefix} 分類不明,NPO,${city.areaCode},TRANSPORT;COOKING,,,,,`, // 6
        `"${prefix} 良い行",NPO,${city.areaCode},HOME_HELP,,,,,`, // 7
        `,NPO,${city.areaCode},TRANSPORT,,,,,`, // 8
        `${city.first.name},NPO,${city.areaCode},TRANSPORT,,,,,`, // 9: an existing name is an update, not an error
      ].join('\n') + '\n';
    const before = await organizationCount();
    const result = (await admin.data(IMPORT, { csv: file })).importOrganizations;
    expect(result.imported).toBe(0);
    expect(result.errors.map(({ line, field }: { line: number; field: string }) => ({ line, field }))).toEqual([
      { line: 4, field: 'kind' },
      { line: 5, field: 'areaCodes' },
      { line: 6, field: 'categories' },
      { line: 7, field: 'name' },
      { line: 8, field: 'name' },
    ]);
    expect(result.errors[0].message).toMatch(/CHARITY/);
    expect(result.errors[1].message).toMatch(/NOWHERE-/);
    expect(result.errors[2].message).toMatch(/COOKING/);
    expect(result.errors[3].message).toMatch(/line 2/);
    expect(result.errors[4].message).toMatch(/required/);
    expect(await organizationCount()).toBe(before);
    expect(await queryRows(state.databaseUrl, 'SELECT id FROM organization WHERE name = $1', [`${prefix} 良い行`])).toEqual([]);
    // The existing organisation named on line 9 was not touched either.
    const [firstRow] = await queryRows<{ categories: string[] }>(state.databaseUrl, 'SELECT categories FROM organization WHERE id = $1', [
      city.first.id,
    ]);
    expect(firstRow.categories).toEqual(['TRANSPORT', 'HOME_HELP']);
  });
});

describe('who may change the directory', () => {
  const input = () => ({ kind: 'NPO', name: `${prefix} 権限 ${randomUUID().slice(0, 8)}`, areaCodes: [city.areaCode], categories: ['TRANSPORT'] });
  const goodCsv = () => `${HEADER}\n${prefix} 権限CSV ${randomUUID().slice(0, 8)},NPO,${city.areaCode},TRANSPORT,,,,,\n`;

  it('lets only an administrator create, update or import organisations and set rules: FORBIDDEN for others', async () => {
    const before = await organizationCount();
    for (const session of [first, tier2, tier1]) {
      expect(codes(await session.send(CREATE, { input: input() }))).toEqual(['FORBIDDEN']);
      expect(codes(await session.send(UPDATE, { id: third.id, input: { name: 'taken over' } }))).toEqual(['FORBIDDEN']);
      expect(codes(await session.send(IMPORT, { csv: goodCsv() }))).toEqual(['FORBIDDEN']);
      expect(codes(await session.send(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds: [third.id] }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    // FORBIDDEN comes before any check of the arguments.
    expect(codes(await first.send(CREATE, { input: { ...input(), name: '', areaCodes: ['NOWHERE'] } }))).toEqual(['FORBIDDEN']);
    expect(await organizationCount()).toBe(before);
    expect((await admin.data(RULES, { areaCode: city.areaCode })).routingRules).toEqual([]);
  });

  it('shows suggestions and rules to coordinators, not to partners', async () => {
    expect(codes(await first.send(SUGGESTED, { category: 'TRANSPORT', areaCode: city.areaCode }))).toEqual(['FORBIDDEN']);
    expect(codes(await first.send(RULES, {}))).toEqual(['FORBIDDEN']);
    expect((await tier1.send(SUGGESTED, { category: 'TRANSPORT', areaCode: city.areaCode })).errors).toBeUndefined();
    expect((await admin.send(SUGGESTED, { category: 'TRANSPORT', areaCode: city.areaCode })).errors).toBeUndefined();
    const unknownArea = await tier2.send(SUGGESTED, { category: 'TRANSPORT', areaCode: `NOWHERE-${city.areaCode}` });
    expect(codes(unknownArea)).toEqual(['BAD_USER_INPUT']);
    expect(unknownArea.errors?.[0].extensions?.fields).toEqual(['areaCode']);
  });

  it('refuses a taken name, unknown areas and bad rule lists with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const before = await organizationCount();
    const taken = await admin.send(CREATE, { input: { ...input(), name: city.first.name } });
    expect(codes(taken)).toEqual(['BAD_USER_INPUT']);
    expect(taken.errors?.[0].extensions?.fields).toEqual(['name']);
    const nowhere = await admin.send(CREATE, { input: { ...input(), areaCodes: [city.areaCode, 'NOWHERE-1', 'NOWHERE-2'] } });
    expect(nowhere.errors?.[0].extensions?.fields).toEqual(['areaCodes']);
    expect(nowhere.errors?.[0].message).toMatch(/NOWHERE-1.*NOWHERE-2/);
    const both = await admin.send(CREATE, { input: { ...input(), name: city.second.name, areaCodes: ['NOWHERE'] } });
    expect(both.errors?.[0].extensions?.fields).toEqual(['areaCodes', 'name']);
    const badShape = await admin.send(CREATE, { input: { ...input(), name: '  ', contactEmail: 'not-an-email' } });
    expect(badShape.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining(['name', 'contactEmail']));
    expect(await organizationCount()).toBe(before);

    const renamed = await admin.send(UPDATE, { id: third.id, input: { name: city.second.name } });
    expect(renamed.errors?.[0].extensions?.fields).toEqual(['name']);
    expect(codes(await admin.send(UPDATE, { id: randomUUID(), input: { name: 'x' } }))).toEqual(['NOT_FOUND']);
    expect((await admin.send(UPDATE, { id: third.id, input: { kind: null } })).errors?.[0].extensions?.fields).toEqual(['kind']);

    const [council] = (await admin.data(ORGANIZATIONS, { kind: 'SOCIAL_WELFARE_COUNCIL', areaCode: city.areaCode })).organizations;
    const bad: Array<[string, string[], string]> = [
      ['a council', [city.first.id, council.id], 'organizationIds'],
      ['a repeat', [city.first.id, city.second.id, city.first.id], 'organizationIds'],
      ['an unknown id', [randomUUID()], 'organizationIds'],
      ['no id at all', ['first'], 'organizationIds'],
    ];
    for (const [what, organizationIds, field] of bad) {
      const response = await admin.send(SET_RULE, { category: 'TRANSPORT', areaCode: city.areaCode, organizationIds });
      expect({ what, codes: codes(response), fields: response.errors?.[0].extensions?.fields }).toEqual({
        what,
        codes: ['BAD_USER_INPUT'],
        fields: [field],
      });
    }
    const unknownArea = await admin.send(SET_RULE, { category: 'TRANSPORT', areaCode: 'NOWHERE', organizationIds: [city.first.id] });
    expect(unknownArea.errors?.[0].extensions?.fields).toEqual(['areaCode']);
    expect((await admin.data(RULES, { areaCode: city.areaCode })).routingRules).toEqual([]);
  });

  it('updates only the fields given, and clears a contact set to null', async () => {
    const updated = (
      await admin.data(UPDATE, {
        id: third.id,
        input: {
          contactEmail: null,
          contactName: '  鈴木  ',
          categories: ['TRANSPORT', 'HOME_HELP', 'TRANSPORT'],
          areaCodes: [city.areaCode, city.otherAreaCode],
        },
      })
    ).updateOrganization;
    expect(updated).toMatchObject({
      id: third.id,
      name: third.name,
      kind: 'NPO',
      contactName: '鈴木',
      contactEmail: null,
      contactPhone: '072-000-5555',
      categories: ['TRANSPORT', 'HOME_HELP'],
      hasSystemUsers: false,
      acceptingReferrals: true,
    });
    expect(updated.areas.map((a: { code: string }) => a.code).sort()).toEqual([city.areaCode, city.otherAreaCode].sort());
    const back = (await admin.data(UPDATE, { id: third.id, input: { categories: ['TRANSPORT'], areaCodes: [city.areaCode] } })).updateOrganization;
    expect(back).toMatchObject({ categories: ['TRANSPORT'], areas: [{ code: city.areaCode }], contactName: '鈴木' });
  });
});
