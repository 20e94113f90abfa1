// The web console in Debian's chromium against the real stack (api serving dist/web, worker, PostgreSQL, Temporal):
// sign-in as a tier-2 coordinator and as a partner, by keyboard only; a wrong password; the temporary-password
// change; sign-out that ends the session for real. On every page: no request leaves the origin, no CSP violation, no
// script error, and axe-core finds no serious or critical violation.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, scrollsSideways, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(120_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };

let browser: Browser;
let city: TestCity;
const opened: ConsoleContext[] = [];

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'browser')]);
  // One referral the tier-2 coordinator and the first partner can see, so the home's count is not only zeros.
  const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
  await tier2.data(`mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
    input: {
      clientRequestId: `browser-${Date.now()}`,
      category: 'TRANSPORT',
      areaCode: city.areaCode,
      summary: '週2回の通院に付き添いと送迎が必要',
      subjectKind: 'PERSON',
      subject: { displayName: '山田 H.', ageBand: '80代', contact: '072-000-1111' },
      consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
      destination: 'PARTNER',
    },
  });
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function open(options: Parameters<typeof openConsole>[2] = {}): Promise<ConsoleContext> {
  const opening = await openConsole(browser, base, options);
  opened.push(opening);
  return opening;
}

/** An expression evaluated in the page (a string: the tests compile without the DOM's types). */
function inPage(page: Page, expression: string): Promise<unknown> {
  return page.evaluate(expression);
}

/** Signs in with the keyboard only: the skip link first, then the fields in order, Enter to send. */
async function signInByKeyboard(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  expect(await inPage(page, 'document.activeElement?.textContent')).toBe('本文へ移動');
  await page.keyboard.press('Tab');
  expect(await inPage(page, 'document.activeElement?.id')).toBe('sign-in-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  expect(await inPage(page, 'document.activeElement?.id')).toBe('sign-in-password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^メールアドレス/).fill(email);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

describe('signing in', () => {
  it('a tier-2 coordinator signs in by keyboard only and sees who they are, their role in Japanese and what they may see', async () => {
    const { page, problems } = await open();
    await signInByKeyboard(page, city.emails.tier2, city.password);
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    expect(page.url()).toBe(base);
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('第2層生活支援コーディネーター');
    expect(await banner.textContent()).toContain(city.emails.tier2.split('@')[0]);
    // The coordinator's home: the list of what they may see, with its count.
    await page.getByRole('heading', { name: '依頼の一覧 1 件', level: 2 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link').allTextContents()).toEqual([
      'ホーム',
      '新規依頼',
      '見える化',
      '通知設定',
    ]);
    expect(await page.title()).toBe('ホーム | つなぐ');
    // The session is the httpOnly cookie only: nothing a script could read holds a token.
    const stored = await inPage(page, '({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } })');
    expect(stored).toEqual({ cookie: '', local: {}, session: {} });
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'tsunagu_session', httpOnly: true, sameSite: 'Strict' });
    expect(await seriousAxeViolations(page, 'home (tier-2)')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('a partner signs in and sees its organisation and role; an unknown address shows 「見つかりません」', async () => {
    const { page, problems } = await open();
    await signInWithForm(page, city.emails.first, city.password);
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    const banner = await page.getByRole('banner').textContent();
    expect(banner).toContain(city.first.name);
    expect(banner).toContain('連携先');
    await page.getByText('1 件').waitFor();
    await page.goto('/no/such/screen');
    await page.getByRole('heading', { name: '見つかりません', level: 1 }).waitFor();
    expect(await seriousAxeViolations(page, 'not found')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('a wrong password shows a Japanese error on the password field, announced, and signs nobody in', async () => {
    // Its own client address (the e2e api trusts X-Forwarded-For from loopback): the failure does not count against 127.0.0.1.
    const { page, problems } = await open({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.13' } });
    await signInWithForm(page, city.emails.tier2, 'wrong-password');
    const password = page.getByLabel(/^パスワード/);
    await page.locator('#sign-in-password-error').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy}`).textContent()).toBe('メールアドレスまたはパスワードが正しくありません。');
    expect(await page.getByRole('alert').textContent()).toContain('入力内容を確認してください');
    expect(await inPage(page, 'document.activeElement?.id')).toBe('sign-in-password');
    expect(await page.context().cookies()).toEqual([]);
    expect(await seriousAxeViolations(page, 'sign-in with an error')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('empty fields are caught before sending, in Japanese, by the fields', async () => {
    const { page, problems } = await open();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText('メールアドレスを入力してください。', { exact: true }).first().waitFor();
    expect(await page.getByLabel(/^メールアドレス/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/^パスワード/).getAttribute('aria-invalid')).toBe('true');
    expect(problems()).toEqual(CLEAN);
  });
});

describe('a temporary password', () => {
  it('leads to the change-password page first, and nowhere else until it is changed; then the new password signs in', async () => {
    const admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
    const email = `temporary-${Date.now()}@test.example`;
    const created = await admin.data<{ createUser: { temporaryPassword: string } }>(
      `mutation C($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword } }`,
      { input: { email, displayName: '仮 太郎', role: 'PARTNER', organizationId: city.first.id } },
    );
    const { page, problems } = await open();
    await signInWithForm(page, email, created.createUser.temporaryPassword);
    await page.getByRole('heading', { name: 'パスワードの変更', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');
    // No menu while the password is temporary, and every other address leads back here.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.goto('/');
    await page.getByRole('heading', { name: 'パスワードの変更', level: 1 }).waitFor();
    expect(await seriousAxeViolations(page, 'change password (temporary)')).toEqual([]);

    const next = `atarashii pasuwado ${Date.now()}`;
    await page.getByLabel(/^現在のパスワード/).fill(created.createUser.temporaryPassword);
    await page.getByLabel(/^新しいパスワード（確認）/).fill('chigau pasuwado 12345');
    await page.getByLabel(/^新しいパスワード(?!（)/).fill(next);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByText('確認用のパスワードが一致しません。', { exact: true }).first().waitFor();
    await page.getByLabel(/^新しいパスワード（確認）/).fill(next);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();

    await page.getByText('パスワードを変更しました。新しいパスワードでログインしてください。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel(/^メールアドレス/).fill(email);
    await page.getByLabel(/^パスワード/).fill(next);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    expect(problems()).toEqual(CLEAN);
  });
});

describe('signing out', () => {
  it('ends the session on the server: the old cookie no longer works, and the console asks to sign in again', async () => {
    const { page, context, problems } = await open();
    await signInWithForm(page, city.emails.second, city.password);
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    const [old] = await context.cookies();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByText('ログアウトしました。').waitFor();
    expect(await context.cookies()).toEqual([]);
    // The cookie as it was before signing out, sent again by hand: refused.
    const response = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${old.name}=${old.value}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await page.goto('/');
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    expect(problems()).toEqual(CLEAN);
  });
});

describe('a session ended elsewhere', () => {
  it('takes the console to the sign-in page, which says why, at the next request', async () => {
    const { page, problems } = await open();
    await signInWithForm(page, city.emails.tier2, city.password);
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    await page.goto('/no-such-screen');
    await page.getByRole('heading', { name: '見つかりません', level: 1 }).waitFor();
    // Signed out on another device: every session of the user ends, this browser's too.
    const elsewhere = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
    await elsewhere.data('mutation { signOut }');
    await page.getByRole('navigation').getByRole('link', { name: 'ホーム' }).click();
    await page.getByText('ログインの有効期限が切れました。もう一度ログインしてください。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(problems()).toEqual(CLEAN);
  });
});

describe('a tablet and 200% zoom', () => {
  it.each([
    ['a tablet, 768 px wide', { width: 768, height: 1024 }],
    ['200% zoom on a 1280 px screen (640 CSS px)', { width: 640, height: 400 }],
  ])('%s: the home and the sign-in page need no sideways scrolling', async (_label, viewport) => {
    const { page, problems } = await open({ viewport });
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await signInWithForm(page, city.emails.tier2, city.password);
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems()).toEqual(CLEAN);
  });
});
