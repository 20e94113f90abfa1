// 通知設定 in Debian's chromium against the real stack: a partner opens it from the menu, chooses the morning digest for
// offers and nothing for completions, saves, and finds the api has them (and the page after a reload); account events
// are shown as always at once. axe-core on the page, at tablet width too; no request leaving the origin, no CSP problem.
import type { Browser } from 'playwright-core';
import { launchChromium, scrollsSideways, signedIn, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(120_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };

let browser: Browser;
let city: TestCity;
const opened: ConsoleContext[] = [];

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'notification-settings')]);
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('通知設定', () => {
  it('a partner chooses per kind, saves, and the api and the page after a reload have the choices', async () => {
    const opening = await signedIn(browser, base, city.emails.first, city.password);
    opened.push(opening);
    const { page, problems } = opening;

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '通知設定' }).click();
    await page.getByRole('heading', { name: '通知設定', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/notifications');
    expect(await page.title()).toBe('通知設定 | つなぐ');
    const offer = page.getByRole('group', { name: '新しい依頼の打診' });
    expect(await offer.getByRole('radio', { name: 'すぐに' }).isChecked()).toBe(true);
    const account = page.getByRole('region', { name: 'アカウント' });
    expect(await account.getByRole('radio').count()).toBe(0);
    expect(await account.getByText('すぐに（変更できません）').count()).toBe(3);
    expect(await seriousAxeViolations(page, 'notification settings')).toEqual([]);

    await offer.getByRole('radio', { name: '毎朝まとめて（開庁日8:30）' }).check();
    await page.getByRole('group', { name: '依頼の完了' }).getByRole('radio', { name: '受け取らない' }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('status').getByText('通知設定を保存しました。').waitFor();
    expect(await seriousAxeViolations(page, 'notification settings, saved')).toEqual([]);

    const partner = await signIn(state.graphqlUrl, city.emails.first, city.password);
    const { myNotificationPreferences } = await partner.data<{ myNotificationPreferences: Array<{ kind: string; delivery: string }> }>(
      `query { myNotificationPreferences { kind delivery } }`,
    );
    const delivery = Object.fromEntries(myNotificationPreferences.map((p) => [p.kind, p.delivery]));
    expect(delivery).toMatchObject({ OFFER: 'DAILY_DIGEST', COMPLETED: 'OFF', ACCEPTED: 'IMMEDIATE', SIGN_IN_LOCKED: 'IMMEDIATE' });

    await page.reload();
    await page.getByRole('heading', { name: '通知設定', level: 1 }).waitFor();
    await page.getByRole('group', { name: '新しい依頼の打診' }).waitFor();
    expect(await page.getByRole('group', { name: '新しい依頼の打診' }).getByRole('radio', { name: '毎朝まとめて（開庁日8:30）' }).isChecked()).toBe(
      true,
    );
    expect(await page.getByRole('group', { name: '依頼の完了' }).getByRole('radio', { name: '受け取らない' }).isChecked()).toBe(true);

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page, 'notification settings, tablet')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });
});
