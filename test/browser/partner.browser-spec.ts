// The partner's inbox and the referral page in Debian's chromium against the real stack (api serving dist/web,
// worker, PostgreSQL, Temporal): a TRANSPORT need routed to the NPO first is declined in its inbox; the Silver HR
// Center (next in routing) accepts it by keyboard only, sees the resident, is refused a 0-day extension by the field,
// starts and completes it on the referral page; the coordinator sees the outcome in the timeline; a partner of another
// area opening the referral's address sees 「見つかりません」 and nothing of it. axe and the origin checks on every page.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedIn as signedInConsole, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(180_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };
const SUMMARY = '週1回の通院に送迎が必要（受信箱テスト）';
const RESIDENT = '川西 T.';

let browser: Browser;
let city: TestCity;
let referralId: string;
const opened: ConsoleContext[] = [];

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'partner')]);
  // The routing rule of the test city offers TRANSPORT to the NPO (first), then the Silver HR Center (second).
  const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
  const submitted = await tier2.data<{ submitReferral: { id: string } }>(
    `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    {
      input: {
        clientRequestId: `partner-browser-${Date.now()}`,
        category: 'TRANSPORT',
        areaCode: city.areaCode,
        summary: SUMMARY,
        subjectKind: 'PERSON',
        subject: { displayName: RESIDENT, ageBand: '80代', contact: '072-000-2222' },
        consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
        destination: 'PARTNER',
        details: { transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE'], mobility: 'CANE', escortNeeded: true } },
      },
    },
  );
  referralId = submitted.submitReferral.id;
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
  return opening;
}

function inPage(page: Page, expression: string): Promise<unknown> {
  return page.evaluate(expression);
}

/** Tabs forward until the focused element's text is `text` (keyboard only), at most `max` presses. */
async function tabTo(page: Page, text: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await inPage(page, 'document.activeElement?.textContent?.trim()')) === text) return;
  }
  throw new Error(`no focusable element reads ${text}`);
}

function offer(page: Page) {
  return page
    .getByRole('region', { name: /回答を待っている依頼/ })
    .getByRole('listitem')
    .filter({ hasText: SUMMARY });
}

describe('a partner answers in its inbox and on the referral page', () => {
  it('the NPO declines the offer in its inbox with a reason, and it leaves the waiting list', async () => {
    const { page, problems } = await signedIn(city.emails.first, '198.51.100.61');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '受信箱' }).click();
    await page.getByRole('heading', { name: '受信箱', level: 1 }).waitFor();
    const row = offer(page);
    await row.waitFor();
    // Offered, not held: no resident's name yet (the api gives it only after accepting).
    expect(await row.textContent()).not.toContain(RESIDENT);
    expect(await seriousAxeViolations(page, 'inbox (offer)')).toEqual([]);

    await row.getByRole('button', { name: '辞退' }).click();
    await row.getByRole('button', { name: '辞退する' }).click();
    // Nothing chosen: the Japanese error by the field, and nothing sent.
    const reason = row.getByLabel(/辞退の理由/);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await row.locator(`[id$="-declineReason-error"]`).textContent()).toBe('辞退の理由を選んでください。');
    await reason.selectOption({ label: '受入れ余力なし' });
    await row.getByLabel(/メモ/).fill('今月は運転手が足りません');
    await row.getByRole('button', { name: '辞退する' }).click();
    await page.getByText('辞退しました。').waitFor();
    await page.getByText('回答を待っている依頼はありません。').waitFor();
    expect(problems()).toEqual(CLEAN);
  });

  it('the Silver HR Center accepts by keyboard only, is refused a 0-day extension by the field, starts and completes it', async () => {
    const { page, problems } = await signedIn(city.emails.second, '198.51.100.62');
    await page.goto('/inbox');
    // Re-offered by routing after the decline: the inbox polls, so it shows without a reload.
    await offer(page).waitFor({ timeout: 40_000 });
    await page.locator('body').focus();
    await tabTo(page, '受諾');
    await page.keyboard.press('Enter');
    // The form opens with its note focused; Tab to its button, Enter to send.
    await page.waitForFunction('document.activeElement?.tagName === "TEXTAREA"');
    await page.keyboard.type('担当者から連絡します');
    await page.keyboard.press('Tab');
    expect(await inPage(page, 'document.activeElement?.textContent?.trim()')).toBe('受諾する');
    await page.keyboard.press('Enter');
    await page.getByText('受諾しました。').waitFor();
    const held = page
      .getByRole('region', { name: /対応中の依頼/ })
      .getByRole('listitem')
      .filter({ hasText: SUMMARY });
    await held.waitFor();
    // Held now: the resident's name appears, as the api allows.
    expect(await held.textContent()).toContain(RESIDENT);
    expect(await seriousAxeViolations(page, 'inbox (held)')).toEqual([]);

    await held.getByRole('link', { name: SUMMARY }).click();
    await page.getByRole('heading', { name: '依頼の詳細', level: 1 }).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).toContain(RESIDENT);
    expect(await main.textContent()).toContain('通院');
    expect(await main.textContent()).toMatch(/あと\d+営業日|本日が期限/);
    expect(await main.textContent()).toMatch(/令和\d+年\d+月\d+日\([月火水木金土日]\) \d\d:\d\d/);

    // A move the api refuses: the Japanese message by the field, announced, and the state unchanged.
    await page.getByRole('button', { name: '期限の延長' }).click();
    await page.getByLabel(/延長する営業日数/).fill('0');
    await page.getByLabel(/^理由/).fill('運転手の手配に時間がかかるため');
    await page.getByRole('button', { name: '期限を延長する' }).click();
    const days = page.getByLabel(/延長する営業日数/);
    await page.locator('#move-businessDays-error').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#move-businessDays-error').textContent()).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(await page.getByRole('alert').first().textContent()).toContain('入力内容を確認してください');
    expect(await seriousAxeViolations(page, 'referral (move error)')).toEqual([]);
    await page.getByRole('button', { name: 'やめる' }).click();

    await page.getByRole('button', { name: '対応開始', exact: true }).click();
    await page.getByRole('button', { name: '対応を開始する' }).click();
    await page.getByText('「対応開始」を記録しました。').waitFor();
    await page.getByRole('main').getByText('対応中', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: '完了', exact: true }).click();
    await page.getByLabel(/^結果/).selectOption({ label: '解決' });
    await page.getByRole('button', { name: '完了にする' }).click();
    await page.getByText('「完了」を記録しました。').waitFor();
    await page.getByText('理由: 解決').waitFor();
    expect(await seriousAxeViolations(page, 'referral (partner, completed)')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('the coordinator sees the outcome, the decline and who answered in the timeline', async () => {
    const { page, problems } = await signedIn(city.emails.tier2, '198.51.100.63');
    await page.goto(`/referrals/${referralId}`);
    await page.getByRole('heading', { name: '依頼の詳細', level: 1 }).waitFor();
    const history = page.getByRole('region', { name: '経過' });
    await history.getByText('理由: 解決').waitFor();
    const text = await history.textContent();
    expect(text).toContain('辞退');
    expect(text).toContain('受入れ余力なし');
    expect(text).toContain('今月は運転手が足りません');
    expect(text).toContain('受諾');
    expect(text).toContain('対応開始');
    expect(await page.getByRole('main').textContent()).toContain('完了');
    expect(await seriousAxeViolations(page, 'referral (tier-2, completed)')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('the coordinator answers for a shop without users: the move reads 代理入力 and so does its timeline entry', async () => {
    const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
    const { submitReferral } = await tier2.data<{ submitReferral: { id: string } }>(
      `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
      {
        input: {
          clientRequestId: `partner-browser-shop-${Date.now()}`,
          category: 'SHOPPING',
          areaCode: city.areaCode,
          summary: '団地の近くに買い物の場がほしい（代理入力テスト）',
          subjectKind: 'AREA',
          destination: 'PARTNER',
        },
      },
    );
    const { page, problems } = await signedIn(city.emails.tier2, '198.51.100.65');
    await page.goto(`/referrals/${submitReferral.id}`);
    await page.getByRole('heading', { name: '依頼の詳細', level: 1 }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(city.shop.name);
    await page.getByRole('button', { name: '代理入力：受諾', exact: true }).click();
    await page.getByLabel(/メモ/).fill('電話で店主に確認しました');
    await page.getByRole('button', { name: '代理入力：受諾する' }).click();
    await page.getByText('「受諾」を記録しました。').waitFor();
    const accepted = page.getByRole('region', { name: '経過' }).getByRole('listitem').filter({ hasText: '電話で店主に確認しました' });
    await accepted.waitFor();
    expect(await accepted.textContent()).toContain('代理入力');
    expect(await accepted.textContent()).toContain('受諾');
    await page.getByRole('button', { name: '代理入力：対応開始', exact: true }).waitFor();
    expect(await seriousAxeViolations(page, 'referral (proxy)')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });

  it('a partner of another area opening the referral’s address sees 「見つかりません」 and nothing of it', async () => {
    const { page, problems } = await signedIn(city.emails.elsewhere, '198.51.100.64');
    await page.goto(`/referrals/${referralId}`);
    await page.getByRole('heading', { name: '見つかりません', level: 1 }).waitFor();
    const text = await page.getByRole('main').textContent();
    expect(text).not.toContain(SUMMARY);
    expect(text).not.toContain(RESIDENT);
    expect(text).not.toContain('通院');
    expect(await seriousAxeViolations(page, 'referral (not found)')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });
});
