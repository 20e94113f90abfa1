// 見える化 and the monthly report (月次報告) in Debian's chromium against the real stack (api serving dist/web, worker,
// PostgreSQL, Temporal): a tier-1 coordinator opens 見える化 from the menu after three needs of a fresh area exist,
// narrows it to that area and this month (the address follows), reads the figures in the tables, clicks a cell and
// lands on the referral list filtered to it; the monthly report renders with its 和暦 title and prints without the
// menu; a partner sees its own needs and outcomes only, without list links. On every page: the charts draw (ECharts'
// canvas under the CSP), nothing leaves the origin, no CSP violation or script error, and axe-core finds no serious
// or critical violation.
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openConsole, signedIn as signedInConsole, seriousAxeViolations, type ConsoleContext } from '@tsunagu/testing/browser';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(120_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '/');
const CLEAN = { foreignRequests: [], pageProblems: [] };

let browser: Browser;
let city: TestCity;
const opened: ConsoleContext[] = [];

/** This month in Japan, YYYY-MM: the needs below are submitted now, so they are this month's. */
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const [year, monthNumber] = month.split('-').map(Number);
const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', era: 'long', year: 'numeric' })
  .format(new Date(Date.UTC(year, monthNumber - 1, 1)))
  .replace(/^(\D+)1年$/, '$1元年');

beforeAll(async () => {
  [browser, city] = await Promise.all([launchChromium(), createTestCity(state.databaseUrl, 'reports')]);
  await submitNeeds();
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.context.close();
});

afterAll(async () => {
  await browser?.close();
});

/** Two TRANSPORT needs of a person and one SHOPPING need of the area, in the test city's own area. */
async function submitNeeds(): Promise<void> {
  const tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
  const consent = { obtained: true, method: '書面', obtainedAt: new Date(Date.now() - 86_400_000).toISOString(), givenBy: '本人' };
  const transport = (index: number) => ({
    category: 'TRANSPORT',
    summary: `通院の送迎 ${index}`,
    subjectKind: 'PERSON',
    subject: { displayName: `見える 太郎${index}`, nameKana: 'みえる たろう', ageBand: '80代', contact: '072-000-0000' },
    consent,
    details: { transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['TUE'], mobility: 'CANE', escortNeeded: true } },
  });
  const shopping = {
    category: 'SHOPPING',
    summary: '団地の買い物の足がない',
    subjectKind: 'AREA',
    details: { shopping: { scope: 'AREA', location: '見える団地', mobileSalesWanted: true, frequency: 'WEEKLY' } },
  };
  for (const [index, need] of [transport(1), transport(2), shopping].entries()) {
    await tier2.data(`mutation S($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
      input: { ...need, clientRequestId: `reports-browser-${city.areaCode}-${index}`, areaCode: city.areaCode, destination: 'PARTNER' },
    });
  }
}

async function signedInAsTier1(): Promise<ConsoleContext> {
  const opening = await signedInConsole(browser, base, city.emails.tier1, city.password);
  opened.push(opening);
  await opening.page.getByRole('heading', { name: '対応が必要な依頼', level: 2 }).waitFor();
  return opening;
}

/** The cells of a table's row, by the row's header. */
async function rowTexts(table: Locator, header: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

async function columnHeaders(table: Locator): Promise<string[]> {
  return table.getByRole('columnheader').allInnerTexts();
}

/** Every chart of the page drawn (a canvas each): ECharts ran under the CSP. */
async function chartsDrawn(page: Page): Promise<void> {
  const charts = page.getByRole('img', { name: /のグラフ/ });
  await charts.first().locator('canvas').first().waitFor();
  for (const chart of await charts.all()) await chart.locator('canvas').first().waitFor();
}

it('tier-1 opens 見える化, reads the figures of its filter in the tables and opens the referral list of a cell', async () => {
  const { page, problems } = await signedInAsTier1();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '見える化' }).click();
  await page.getByRole('heading', { name: '見える化', level: 1 }).waitFor();

  await page.getByLabel('圏域', { exact: true }).selectOption(city.areaCode);
  await page.getByLabel('期間（から）').selectOption(month);
  await page.waitForURL((url) => url.searchParams.get('area') === city.areaCode && url.searchParams.get('from') === month);
  // A reload keeps the filter (it is in the address).
  await page.reload();
  const matrix = page.getByRole('table', { name: '圏域別・支援の種類別の件数' });
  await matrix.waitFor();
  const columns = await columnHeaders(matrix);
  const cells = await rowTexts(matrix, `テスト ${city.areaCode}`);
  const cell = (category: string) => cells[columns.indexOf(category) - 1];
  expect([cell('移動支援'), cell('買い物支援'), cell('見守り'), cell('合計')]).toEqual(['2', '1', '0', '3']);
  expect(await rowTexts(page.getByRole('table', { name: '対象別の件数' }), '個人')).toEqual(['2']);
  expect(await rowTexts(page.getByRole('table', { name: '対象別の件数' }), '地域')).toEqual(['1']);
  expect((await rowTexts(page.getByRole('table', { name: '月別の件数' }), '合計'))[0]).toBe('3');
  // Tier-1 sees the partners' load and the policy track too.
  await page.getByRole('heading', { name: '連携先ごとの状況', level: 2 }).waitFor();
  await page.getByRole('heading', { name: '地域課題と施策提言', level: 2 }).waitFor();
  await chartsDrawn(page);
  expect(await seriousAxeViolations(page, 'reports')).toEqual([]);

  // The TRANSPORT cell: its link opens the home's list filtered to that area, category and the month's days.
  await matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `テスト ${city.areaCode}`, exact: true }) })
    .getByRole('link', { name: '2', exact: true })
    .click();
  await page.waitForURL(/\/\?/);
  const params = new URL(page.url()).searchParams;
  expect(Object.fromEntries(params)).toEqual({
    area: city.areaCode,
    category: 'TRANSPORT',
    from: `${month}-01`,
    to: `${month}-${String(lastDay).padStart(2, '0')}`,
  });
  await page.getByRole('heading', { name: /^依頼の一覧\s*2 件/, level: 2 }).waitFor();
  expect(await page.getByLabel('圏域', { exact: true }).inputValue()).toBe(city.areaCode);
  const list = page.getByRole('list', { name: '依頼の一覧' });
  expect((await list.getByRole('link').allInnerTexts()).sort()).toEqual(['通院の送迎 1', '通院の送迎 2']);
  expect(problems()).toEqual(CLEAN);
});

it('the monthly report renders with its 和暦 title and its figures, and prints on A4 without the menu', async () => {
  const { page, problems } = await signedInAsTier1();
  await page.goto(`/reports/monthly/${month}`);
  await page.getByRole('heading', { name: `${eraYear}${monthNumber}月分`, level: 1 }).waitFor();
  const areas = page.getByRole('table', { name: /圏域ごとの受付件数/ });
  await areas.waitFor();
  expect((await rowTexts(areas, `テスト ${city.areaCode}`))[0]).toBe('3');
  await chartsDrawn(page);
  await page.getByRole('button', { name: '印刷' }).waitFor();
  expect(await seriousAxeViolations(page, 'monthly-report')).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('banner').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
  expect(await page.getByRole('heading', { name: `${eraYear}${monthNumber}月分`, level: 1 }).isVisible()).toBe(true);
  // A4 with each section on its own page: more than one page.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(1);
  expect(problems()).toEqual(CLEAN);
});

it('a partner opens 見える化 with its own figures only: needs and outcomes, no city figures, no list links', async () => {
  const opening = await openConsole(browser, base);
  opened.push(opening);
  const { page, problems } = opening;
  await page.goto('/sign-in');
  await page.getByLabel(/^メールアドレス/).fill(city.emails.first);
  await page.getByLabel(/^パスワード/).fill(city.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '見える化' }).click();
  await page.getByRole('table', { name: '月別の件数' }).waitFor();
  await page.getByRole('heading', { name: '結果と現在の状況', level: 2 }).waitFor();
  expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['期間と条件', '受け付けたニーズ', '結果と現在の状況']);
  expect(await page.getByRole('link', { name: /月次報告/ }).count()).toBe(0);
  expect(await page.getByRole('main').getByRole('table').getByRole('link').count()).toBe(0);
  await chartsDrawn(page);
  expect(await seriousAxeViolations(page, 'reports-partner')).toEqual([]);
  expect(problems()).toEqual(CLEAN);
});
