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
});

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
    await page.getByText(/\d+ 件/).waitFor();
    await capture(page, `home-tier2-${device}`);

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
          consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
          destination: 'PARTNER',
          details: { transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE'], mobility: 'CANE', escortNeeded: true } },
        },
      },
    );
    await page.goto(`/referrals/${submitReferral.id}`);
    await page.getByRole('heading', { name: '経過', level: 2 }).waitFor();
    await capture(page, `referral-tier2-${device}`);

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
