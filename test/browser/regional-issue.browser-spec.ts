// 地域課題 (/regional-issues/<id>, where the follow-up mail links) in Debian's chromium against the real stack: tier-1,
// who receives that mail, reads the issue's title and status, the follow-up action's due day in 和暦 with the weekday,
// and opens the linked need; the subcommittee sees the same issue with the need as a count only (the api decides); an
// issue that does not exist is 「見つかりません」. axe-core on the page, no request leaving the origin, no CSP problem.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, seriousAxeViolations, signedIn, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, GraphQLSession, readE2eState, signIn, signInFirstTime, TestCity } from '@tsunagu/testing/e2e';
import { ESCALATE, personNeed, SUBMIT } from '../e2e/support/documents';
import { ADD_ACTION, ADD_TO_AGENDA, CREATE_ISSUE, CREATE_MEETING, DECIDE, DRAFT, issueInput, SUBMIT_PROPOSAL } from '../e2e/support/policy';

jest.setTimeout(120_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };

let browser: Browser;
let city: TestCity;
let issue: { id: string; title: string };
let referralId: string;
let subcommittee: { email: string; password: string };
const opened: ConsoleContext[] = [];

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'regional-issue')]);
  const [tier1, tier2, admin] = await Promise.all(
    [city.emails.tier1, city.emails.tier2, city.emails.admin].map((email) => signIn(state.graphqlUrl, email, city.password)),
  );
  referralId = (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral.id;
  await tier2.data(ESCALATE, { id: referralId, note: '市へ相談' });
  issue = (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [referralId]) })).createRegionalIssue;
  const proposal = (await tier1.data(DRAFT, { issueId: issue.id, input: { title: '通院移動支援の創設', body: '第1版' } })).draftPolicyProposal;
  await tier1.data(SUBMIT_PROPOSAL, { id: proposal.id });
  subcommittee = await subcommitteeUser(admin);
  const session = await signIn(state.graphqlUrl, subcommittee.email, subcommittee.password);
  const heldAt = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
  const meeting = (await session.data(CREATE_MEETING, { input: { title: `部会 ${randomUUID().slice(0, 6)}`, heldAt } })).createSubcommitteeMeeting;
  await session.data(ADD_TO_AGENDA, { meetingId: meeting.id, proposalId: proposal.id });
  await session.data(DECIDE, { meetingId: meeting.id, proposalId: proposal.id, decision: 'ADOPTED', minutes: '採択' });
  await tier1.data(ADD_ACTION, {
    proposalId: proposal.id,
    input: { description: '運転ボランティアの募集', owner: '社会福祉協議会', dueOn: '2027-03-31' },
  });
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function subcommitteeUser(admin: GraphQLSession): Promise<{ email: string; password: string }> {
  const email = `subcommittee-${randomUUID().slice(0, 8)}@test.example`;
  const tier1Home = await signIn(state.graphqlUrl, city.emails.tier1, city.password).then((s) => s.data(`query { me { organization { id } } }`));
  const created = await admin.data(`mutation C($input: CreateUserInput!) { createUser(input: $input) { user { id } temporaryPassword } }`, {
    input: { email, displayName: '部会事務局', role: 'SUBCOMMITTEE', organizationId: tier1Home.me.organization.id },
  });
  const { password } = await signInFirstTime(state.graphqlUrl, email, created.createUser.temporaryPassword);
  return { email, password };
}

async function openAs(email: string, password: string): Promise<ConsoleContext> {
  const opening = await signedIn(browser, base, email, password);
  opened.push(opening);
  return opening;
}

describe('地域課題', () => {
  it('tier-1 reads the issue the follow-up mail links to: status, the action’s due day in 和暦, the linked need', async () => {
    const { page, problems } = await openAs(city.emails.tier1, city.password);
    await page.goto(`/regional-issues/${issue.id}`);
    await page.getByRole('heading', { name: issue.title, level: 1 }).waitFor();
    expect(await page.title()).toBe('地域課題 | つなぐ');
    expect(await page.getByText('施策実施中').count()).toBe(1);
    const actions = page.getByRole('table');
    expect(await actions.getByRole('row').nth(1).innerText()).toMatch(/運転ボランティアの募集\s+社会福祉協議会\s+令和9年3月31日\(水\)\s+未完了/);
    await page.getByRole('heading', { name: 'つながっている依頼（1件）' }).waitFor();
    expect(await seriousAxeViolations(page, 'regional issue')).toEqual([]);
    // The page as tier-1 sees it, at a desktop's and a tablet's width (docs/screenshots/).
    for (const [width, name] of [
      [1280, 'regional-issue-tier1-desktop'],
      [768, 'regional-issue-tier1-tablet'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: screenshotPath(name), fullPage: true });
    }
    await page.getByRole('link', { name: /移動支援（テスト / }).click();
    await page.getByRole('heading', { name: '依頼の詳細', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${referralId}`);
    expect(problems()).toEqual(CLEAN);
  });

  it('the subcommittee sees the issue and how many needs are linked, not the needs; an unknown issue is not found', async () => {
    const { page, problems } = await openAs(subcommittee.email, subcommittee.password);
    await page.goto(`/regional-issues/${issue.id}`);
    await page.getByRole('heading', { name: issue.title, level: 1 }).waitFor();
    await page.getByText('ほか1件は、あなたの権限では表示されません。').waitFor();
    expect(await page.getByRole('link', { name: /移動支援（/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page, 'regional issue, subcommittee')).toEqual([]);
    await page.goto(`/regional-issues/${randomUUID()}`);
    await page.getByRole('heading', { name: '見つかりません', level: 1 }).waitFor();
    expect(problems()).toEqual(CLEAN);
  });
});
