// Every screen the console has, in chromium against the real stack: axe-core finds no serious or critical violation
// on any, nothing leaves the origin, and each is photographed into docs/screenshots/ (`npm run screenshots` runs only
// this file; `npm test` runs it too, so the pictures stay current).
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium, openConsole, screenshotPath, seriousAxeViolations } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(180_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');

// The demo data's people (libs/persistence seed), so the pictures show the names a visitor of `npm start` sees; a test
// city only for the administrator who makes the temporary password.
const DEMO = { tier2: 'tier2@tsunagu.test', partner: 'npo@tsunagu.test' };

let browser: Browser;
let city: TestCity;

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'screens')]);
  await seedDemoReferrals();
});

/** A few needs of the demo tier-2 coordinator's area, so the home's picture shows lists rather than empty states. */
async function seedDemoReferrals(): Promise<void> {
  const tier2 = await signIn(state.graphqlUrl, DEMO.tier2, state.demoPassword);
  const { me, areas } = await tier2.data<{ me: { area: { id: string } }; areas: Array<{ id: string; code: string }> }>(
    `{ me { area { id } } areas { id code } }`,
  );
  const areaCode = areas.find((area) => area.id === me.area.id)!.code;
  const consent = { obtained: true, method: '書面', obtainedAt: new Date(Date.now() - 86_400_000).toISOString(), givenBy: '本人' };
  const needs = [
    {
      category: 'TRANSPORT',
      summary: '週2回の通院に付き添いと送迎が必要。本人は杖で歩行。',
      subjectKind: 'PERSON',
      subject: { displayName: '川西 花子', nameKana: 'かわにし はなこ', ageBand: '80代', contact: '072-000-1111' },
      consent,
      details: { transport: { purpose: 'HOSPITAL', frequency: 'SEVERAL_TIMES_A_WEEK', days: ['TUE', 'FRI'], mobility: 'CANE', escortNeeded: true } },
    },
    {
      category: 'GATHERING_PLACE',
      summary: '団地の集会所で週1回のサロンを開きたいという自治会の相談',
      subjectKind: 'AREA',
      details: { gatheringPlace: { placeKind: 'SALON', days: ['WED'], transportNeeded: false } },
    },
    {
      category: 'SHOPPING',
      summary: '近くのスーパーが閉店し、団地の高齢者が買い物に困っている',
      subjectKind: 'AREA',
      details: { shopping: { scope: 'AREA', location: '川西団地', mobileSalesWanted: true, frequency: 'WEEKLY' } },
    },
  ];
  for (const [index, need] of needs.entries()) {
    await tier2.data(`mutation S($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
      input: { ...need, clientRequestId: `screens-demo-${index}`, areaCode, destination: 'PARTNER' },
    });
  }
}

afterAll(async () => {
  await browser?.close();
});

/** One screen: checked by axe, then photographed whole. */
async function capture(page: Page, name: string): Promise<void> {
  expect(await seriousAxeViolations(page, name)).toEqual([]);
  // Fonts and layout settled: the picture shows what a person sees.
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** Every chart of a reports page drawn (ECharts' canvas). */
async function chartsDrawn(page: Page): Promise<void> {
  for (const chart of await page.getByRole('img', { name: /のグラフ/ }).all()) await chart.locator('canvas').first().waitFor();
}

function thisMonthInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^メールアドレス/).fill(email);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

it.each([
  ['desktop', { width: 1280, height: 800 }],
  ['tablet', { width: 768, height: 1024 }],
])('every screen on a %s: accessible, self-contained, photographed', async (device, viewport) => {
  const opened = await openConsole(browser, base, { viewport, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${viewport.width % 250}` } });
  const { page } = opened;
  try {
    // The font payload of a first visit: only the unicode-range slices holding the page's characters.
    const fonts: Array<Promise<number>> = [];
    const countFonts = (response: Response) => {
      if (response.url().endsWith('.woff2')) fonts.push(response.body().then((body) => body.length));
    };
    page.on('response', countFonts);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    await page.evaluate('document.fonts.ready');
    page.off('response', countFonts);
    const fontBytes = (await Promise.all(fonts)).reduce((sum, bytes) => sum + bytes, 0);
    process.stdout.write(`sign-in (${device}): ${fonts.length} font files, ${(fontBytes / 1024).toFixed(0)} KB\n`);
    expect(fontBytes).toBeLessThan(1024 * 1024);
    await capture(page, `sign-in-${device}`);

    await signInAs(page, DEMO.tier2, 'wrong-password');
    await page.locator('#sign-in-password-error').waitFor();
    await capture(page, `sign-in-error-${device}`);

    await signInAs(page, DEMO.tier2, state.demoPassword);
    await page.getByRole('heading', { name: /^依頼の一覧/, level: 2 }).waitFor();
    await capture(page, `home-tier2-${device}`);

    // The new-referral form, as a coordinator sees it for a TRANSPORT need (its details, the person, the partners).
    await page.getByRole('link', { name: '新規依頼' }).click();
    await page.getByRole('heading', { name: '新規依頼の登録', level: 1 }).waitFor();
    await page.getByLabel(/^支援の種類/).selectOption('TRANSPORT');
    await page.getByLabel(/^依頼内容/).fill('週2回の通院に付き添いと送迎が必要。本人は杖で歩行。');
    await page.getByLabel(/^通院/).check();
    await page
      .getByRole('list', { name: '候補の連携先（依頼する順）' })
      .or(page.getByText(/候補の連携先が表示されます|依頼できる連携先がありません/))
      .first()
      .waitFor();
    await capture(page, `new-referral-${device}`);
    await page.getByRole('button', { name: '入力内容を破棄する' }).click();
    // A need of the demo city (routing offers it to a partner), for the referral page's picture.
    const tier2 = await signIn(state.graphqlUrl, DEMO.tier2, state.demoPassword);
    const { submitReferral } = await tier2.data<{ submitReferral: { id: string } }>(
      `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
      {
        input: {
          clientRequestId: `screens-${device}-${Date.now()}`,
          category: 'TRANSPORT',
          areaCode: 'KAWANISHI',
          summary: '週1回の通院に送迎と付き添いが必要',
          subjectKind: 'PERSON',
          subject: { displayName: '山田 花子', nameKana: 'やまだ はなこ', ageBand: '80代', contact: '072-000-1234' },
          consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '本人' },
          destination: 'PARTNER',
          details: { transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE'], mobility: 'CANE', escortNeeded: true } },
        },
      },
    );
    await page.goto(`/referrals/${submitReferral.id}`);
    await page.getByRole('heading', { name: '経過', level: 2 }).waitFor();
    await capture(page, `referral-tier2-${device}`);

    // 見える化 and the monthly report as the demo tier-2 coordinator sees them: their area in full, small counts of
    // the other areas 「3未満」; charts drawn before the picture.
    await page.goto('/reports');
    await page.getByRole('table', { name: '月別の件数' }).waitFor();
    await chartsDrawn(page);
    await capture(page, `reports-tier2-${device}`);
    await page.goto(`/reports/monthly/${thisMonthInJapan()}`);
    await page.getByRole('table', { name: /圏域ごとの受付件数/ }).waitFor();
    await chartsDrawn(page);
    await capture(page, `monthly-report-tier2-${device}`);

    await page.goto('/no-such-screen');
    await page.getByRole('heading', { name: '見つかりません', level: 1 }).waitFor();
    await capture(page, `not-found-${device}`);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByText('ログアウトしました。').waitFor();
    await signInAs(page, DEMO.partner, state.demoPassword);
    await page.getByText(/\d+ 件/).waitFor();
    await capture(page, `home-partner-${device}`);
    await page.goto('/inbox');
    await page.getByRole('heading', { name: /回答を待っている依頼/, level: 2 }).waitFor();
    await capture(page, `inbox-partner-${device}`);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByText('ログアウトしました。').waitFor();

    const admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
    const email = `screens-${device}-${Date.now()}@test.example`;
    const created = await admin.data<{ createUser: { temporaryPassword: string } }>(
      `mutation C($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword } }`,
      { input: { email, displayName: '仮 花子', role: 'PARTNER', organizationId: city.first.id } },
    );
    await signInAs(page, email, created.createUser.temporaryPassword);
    await page.getByRole('heading', { name: 'パスワードの変更', level: 1 }).waitFor();
    await capture(page, `change-password-${device}`);

    expect(opened.problems()).toEqual({ foreignRequests: [], pageProblems: [] });
  } finally {
    await opened.context.close();
  }
});
