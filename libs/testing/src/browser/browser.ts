// The browser tests' harness (test/browser/): Debian's chromium driven by playwright-core (nothing downloads a
// browser), with every page watched for requests that leave the console's origin, CSP violations and script errors,
// and axe-core (@axe-core/playwright) for accessibility. Imported as @tsunagu/testing/browser, never by the stack.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { repoRoot } from '../tools';

/** Debian's chromium (`.ci/run` installs it with apt-get); TSUNAGU_CHROMIUM names another binary. */
export function chromiumPath(): string {
  return process.env.TSUNAGU_CHROMIUM || '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: the tests run as root in CI containers, where chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

/** A browser context on the console, with what went wrong on its pages collected for the test to assert on. */
export interface ConsoleContext {
  context: BrowserContext;
  page: Page;
  /** Requests to any other origin (aborted, so nothing leaves). */
  foreignRequests: string[];
  /** Content-Security-Policy violations and uncaught script errors, as the browser reported them. */
  pageProblems: string[];
  /** Both lists, for one assertion: `expect(console.problems()).toEqual({ foreignRequests: [], pageProblems: [] })`. */
  problems(): { foreignRequests: string[]; pageProblems: string[] };
}

export async function openConsole(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<ConsoleContext> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];
  // Every request of every page, frame and worker: our origin goes through; anything else is recorded and refused.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
  return {
    context,
    page,
    foreignRequests,
    pageProblems,
    problems: () => ({ foreignRequests: [...foreignRequests], pageProblems: [...pageProblems] }),
  };
}

/**
 * A console context signed in as `email` through the sign-in page, as staff sign in, on the home page (its heading
 * shown). `ip` is sent as x-forwarded-for, so that specs signing in often stay under the sign-in throttle of one
 * address; `options` go to the browser context. The caller closes the context (`context.close()`).
 */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  { ip, ...options }: BrowserContextOptions & { ip?: string } = {},
): Promise<ConsoleContext> {
  const extraHTTPHeaders = ip ? { ...options.extraHTTPHeaders, 'x-forwarded-for': ip } : options.extraHTTPHeaders;
  const opening = await openConsole(browser, baseUrl, { ...options, ...(extraHTTPHeaders ? { extraHTTPHeaders } : {}) });
  const { page } = opening;
  await page.goto('/sign-in');
  await page.getByLabel(/^メールアドレス/).fill(email);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
  return opening;
}

/** The WCAG 2.1 A and AA rules axe-core checks (JIS X 8341-3:2016 follows WCAG 2.0; 2.1 adds reflow and the like). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's serious and critical violations on the page as it is now, each naming the screen, the rule and the elements. */
export async function seriousAxeViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Where the screens' pictures go (README and docs link them), kept current by the browser tests. */
export function screenshotPath(name: string): string {
  const dir = join(repoRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** Whether the page needs sideways scrolling at its current width (WCAG 1.4.10 reflow: none at 320 CSS px, 400% zoom). */
export function scrollsSideways(page: Page): Promise<boolean> {
  // A string, evaluated in the page: this library is compiled without the DOM's types.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}
