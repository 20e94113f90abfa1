// How many GraphQL requests each screen makes to show itself (issue 13: at most 2, none per row), counted in Debian's
// chromium against the real stack: every POST to /graphql from the move to the screen until the network has been quiet
// for a second. Screens are reached as staff reach them, through the menu and the links, and also by loading their
// address afresh, where the console's own session check (`Viewer`, once per opening) comes on top. And the consent on the
// referral page: a coordinator reads all of it, the partner on offer only that it was given and when.
import type { Page, Request } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { launchChromium, signedIn as signedInConsole, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(180_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };
const MAX_REQUESTS = 2;
/** The console's session check (features/auth/session.tsx), once per opening, not per screen. */
const SESSION = 'Viewer';
const SUMMARY = `週1回の通院に送迎が必要（要求数テスト ${Date.now()}）`;

let browser: Browser;
let city: TestCity;
let referralId: string;
const opened: ConsoleContext[] = [];

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'requests')]);
  const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
  // Offered to the first partner (the test city's routing rule); a few more rows so the lists are not trivially short.
  const submit = (i: number) =>
    tier2.data<{ submitReferral: { id: string } }>(`mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
      input: {
        clientRequestId: `requests-browser-${Date.now()}-${i}`,
        category: 'TRANSPORT',
        areaCode: city.areaCode,
        summary: i === 0 ? SUMMARY : `${SUMMARY} ${i}`,
        subjectKind: 'PERSON',
        subject: { displayName: '要求 T.', ageBand: '80代', contact: '072-000-3333' },
        consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '家族（長女）' },
        destination: 'PARTNER',
      },
    });
  const [first] = await Promise.all([0, 1, 2, 3, 4].map(submit));
  referralId = first.submitReferral.id;
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string, ip: string): Promise<ConsoleContext> {
  const opening = await signedInConsole(browser, base, email, city.password, { ip });
  opened.push(opening);
  await quiet(opening.page, []);
  return opening;
}

/** Waits until no GraphQL request is in flight and none has started for a second. */
async function quiet(page: Page, seen: string[]): Promise<void> {
  let count = -1;
  for (let i = 0; i < 60; i++) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    if (seen.length === count) return;
    count = seen.length;
  }
  throw new Error('the console never stopped asking');
}

/** The operation names of the GraphQL POSTs made from `move` until the screen shows (`shown`) and the network is quiet. */
async function requestsFor(page: Page, move: () => Promise<unknown>, shown: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const inFlight = new Set<Request>();
  const onRequest = (request: Request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return;
    inFlight.add(request);
    seen.push((request.postDataJSON() as { operationName?: string }).operationName ?? '(anonymous)');
  };
  const onDone = (request: Request) => inFlight.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    await move();
    await shown();
    await quiet(page, seen);
    for (let i = 0; inFlight.size > 0 && i < 50; i++) await page.waitForTimeout(100);
    return seen;
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
}

const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
const heading = (page: Page, name: string) => () => page.getByRole('heading', { name, level: 1 }).waitFor();

describe('requests per screen (at most 2 to show itself)', () => {
  it('the tier-2 coordinator’s home, new-referral form and referral page, reached through the menu and links', async () => {
    const { page, problems } = await signedIn(city.emails.tier2, '198.51.100.71');
    const counted: Record<string, string[]> = {};
    counted['new referral'] = await requestsFor(page, () => menu(page, '新規依頼').click(), heading(page, '新規依頼の登録'));
    counted.home = await requestsFor(
      page,
      () => menu(page, 'ホーム').click(),
      () => page.getByRole('list', { name: '依頼の一覧' }).getByRole('link', { name: SUMMARY, exact: true }).waitFor(),
    );
    counted['referral page'] = await requestsFor(
      page,
      () => page.getByRole('list', { name: '依頼の一覧' }).getByRole('link', { name: SUMMARY, exact: true }).click(),
      () => page.getByRole('heading', { name: '経過', level: 2 }).waitFor(),
    );
    console.log(`requests per screen (tier-2, through the menu): ${JSON.stringify(counted)}`);
    expect(counted).toEqual({
      'new referral': ['NewReferralAreas'],
      home: expect.any(Array),
      'referral page': ['ReferralPage'],
    });
    expect(counted.home.length).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(problems()).toEqual(CLEAN);
  });

  it('the partner’s inbox and referral page, reached through the menu and links', async () => {
    const { page, problems } = await signedIn(city.emails.first, '198.51.100.72');
    const counted: Record<string, string[]> = {};
    counted.inbox = await requestsFor(
      page,
      () => menu(page, '受信箱').click(),
      () => page.getByRole('link', { name: SUMMARY, exact: true }).first().waitFor(),
    );
    counted['referral page'] = await requestsFor(
      page,
      () => page.getByRole('link', { name: SUMMARY, exact: true }).first().click(),
      () => page.getByRole('heading', { name: '経過', level: 2 }).waitFor(),
    );
    console.log(`requests per screen (partner, through the menu): ${JSON.stringify(counted)}`);
    expect(counted).toEqual({ inbox: ['Inbox'], 'referral page': ['ReferralPage'] });
    expect(problems()).toEqual(CLEAN);
  });

  it('each screen loaded afresh by its address: at most 2 of its own, besides the session check', async () => {
    const coordinator = await signedIn(city.emails.tier2, '198.51.100.73');
    const partner = await signedIn(city.emails.first, '198.51.100.74');
    const screens: Array<[string, ConsoleContext, string, () => Promise<unknown>]> = [
      ['home', coordinator, '/', () => coordinator.page.getByRole('list', { name: '依頼の一覧' }).getByRole('listitem').first().waitFor()],
      ['new referral', coordinator, '/referrals/new', heading(coordinator.page, '新規依頼の登録')],
      ['referral page', coordinator, `/referrals/${referralId}`, () => coordinator.page.getByRole('heading', { name: '経過', level: 2 }).waitFor()],
      ['inbox', partner, '/inbox', () => partner.page.getByRole('link', { name: SUMMARY, exact: true }).first().waitFor()],
      ['referral page (partner)', partner, `/referrals/${referralId}`, () => partner.page.getByRole('heading', { name: '経過', level: 2 }).waitFor()],
    ];
    const counted: Record<string, string[]> = {};
    for (const [name, { page }, path, shown] of screens) counted[name] = await requestsFor(page, () => page.goto(path), shown);
    console.log(`requests per screen (loaded afresh): ${JSON.stringify(counted)}`);
    for (const [name, names] of Object.entries(counted)) {
      expect({ name, session: names.filter((n) => n === SESSION).length }).toEqual({ name, session: 1 });
      expect({ name, own: names.filter((n) => n !== SESSION).length <= MAX_REQUESTS }).toEqual({ name, own: true });
    }
    expect(coordinator.problems()).toEqual(CLEAN);
    expect(partner.problems()).toEqual(CLEAN);
  });
});

/** The referral page's 対象の方 section as [term, description] pairs. */
async function residentFacts(page: Page): Promise<string[][]> {
  const section = page.getByRole('region', { name: '対象の方' });
  const terms = await section.locator('dt').allTextContents();
  const descriptions = await section.locator('dd').allTextContents();
  return terms.map((term, i) => [term, descriptions[i]]);
}

describe('the consent on the referral page', () => {
  it('a coordinator reads whether, how, when (JST, 和暦 with the weekday) and who; the partner on offer only whether and when', async () => {
    const coordinator = await signedIn(city.emails.tier2, '198.51.100.75');
    await coordinator.page.goto(`/referrals/${referralId}`);
    await coordinator.page.getByRole('heading', { name: '経過', level: 2 }).waitFor();
    // 2026-11-20T01:00Z is 10:00 on a Friday in Japan.
    expect(await residentFacts(coordinator.page)).toEqual(
      expect.arrayContaining([
        ['同意', '取得済み'],
        ['同意の日時', '令和8年11月20日(金) 10:00'],
        ['同意の方法', '書面'],
        ['同意した人', '家族（長女）'],
      ]),
    );
    expect(await seriousAxeViolations(coordinator.page, 'referral (consent, coordinator)')).toEqual([]);

    const partner = await signedIn(city.emails.first, '198.51.100.76');
    await partner.page.goto(`/referrals/${referralId}`);
    await partner.page.getByRole('heading', { name: '経過', level: 2 }).waitFor();
    const facts = await residentFacts(partner.page);
    expect(facts).toEqual(
      expect.arrayContaining([
        ['同意', '取得済み'],
        ['同意の日時', '令和8年11月20日(金) 10:00'],
      ]),
    );
    expect(facts.map(([term]) => term)).not.toContain('同意の方法');
    expect(facts.map(([term]) => term)).not.toContain('同意した人');
    expect(JSON.stringify(facts)).not.toContain('長女');
    expect(coordinator.problems()).toEqual(CLEAN);
    expect(partner.problems()).toEqual(CLEAN);
  });
});
