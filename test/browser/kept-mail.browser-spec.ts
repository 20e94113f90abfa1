// 送信メール in Debian's chromium against the real stack, whose api reads the e2e mail catcher's folder: an administrator
// finds it in the menu and reads a kept mail, its HTML part only as source (nothing of a mail runs, the CSP stays
// default-src 'self' with nothing refused); others have no menu entry and are told the page is for administrators.
// axe-core on the page, no request leaving the origin.
import type { Browser } from 'playwright-core';
import { createTransport } from 'nodemailer';
import { launchChromium, signedIn as signedInConsole, scrollsSideways, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(120_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };

let browser: Browser;
let city: TestCity;
const opened: ConsoleContext[] = [];
const subject = `【つなぐ】新しい依頼の打診があります ${Date.now()}`;

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'kept-mail')]);
  // A mail as the worker sends one, with what a mail's HTML may hold that the console must not run or load.
  await createTransport(state.appEnv.SMTP_URL).sendMail({
    from: state.appEnv.MAIL_FROM,
    to: city.emails.first,
    bcc: city.emails.tier1,
    subject,
    text: '移動支援の依頼の打診が届きました。\n回答期限: 12月8日(火) 17:00\nhttp://localhost:4000/referrals/x',
    html: '<p style="color: red">移動支援の依頼の打診が届きました。</p><script>window.ran = true</script><img src="https://example.com/pixel.png" alt="">',
  });
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<ConsoleContext> {
  const opening = await signedInConsole(browser, base, email, city.password);
  opened.push(opening);
  return opening;
}

describe('送信メール', () => {
  it('an administrator opens it from the menu and reads a kept mail: to, Bcc apart, time in JST, text, HTML as source', async () => {
    const { page, problems } = await signedIn(city.emails.admin);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '送信メール' }).click();
    await page.getByRole('heading', { name: '送信メール', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/mail');
    expect(await page.title()).toBe('送信メール | つなぐ');

    const mail = page.getByRole('article', { name: subject });
    await mail.waitFor();
    const text = (await mail.textContent())!;
    expect(text).toContain(`宛先${city.emails.first}`);
    expect(text).toContain(`その他の配信先${city.emails.tier1}`);
    expect(text).toMatch(/送信日時令和\d+年\d+月\d+日\(.\) \d\d:\d\d/);
    expect(text).toContain('回答期限: 12月8日(火) 17:00');
    await mail.getByText('HTML版のソースを見る').click();
    await mail.getByText('<script>window.ran = true</script>', { exact: false }).waitFor();
    expect(await page.evaluate('window.ran === undefined && document.querySelectorAll("main iframe, main img").length')).toBe(0);

    expect(await seriousAxeViolations(page, 'kept mail')).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems()).toEqual(CLEAN);
  });

  it('is not in the menu of other roles; opened by its address it says it is for administrators', async () => {
    const { page, problems } = await signedIn(city.emails.tier2);
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '送信メール' }).count()).toBe(0);
    await page.goto('/admin/mail');
    await page.getByRole('alert').getByText('この画面はシステム管理者だけが使えます。').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
    expect(await seriousAxeViolations(page, 'kept mail, refused')).toEqual([]);
    expect(problems()).toEqual(CLEAN);
  });
});
