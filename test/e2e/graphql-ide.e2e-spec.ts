// The GraphQL IDE works on a closed network: in development mode GET /graphql gives GraphiQL bundled from npm and
// served by the api itself; a real browser (Chromium, driven by playwright-core) renders it, runs queries through it
// with a token in its headers editor, requests nothing from another origin and reports no CSP violation. Its page and
// assets carry the security headers. In production mode the browser gets a plain page and loads nothing.
import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';
import { createTestCity, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { freePort } from '@tsunagu/testing/servers/free-port';
import { startApiProcess } from '@tsunagu/testing/stack/app-processes';
import { expectSecurityHeaders } from './support/security-headers';

jest.setTimeout(180_000);

// CI installs Debian's chromium (apt-get install chromium); playwright's own browser download is not used.
const CHROMIUM = process.env.TSUNAGU_CHROMIUM ?? '/usr/bin/chromium';

const state = readE2eState();
let api: Awaited<ReturnType<typeof startApiProcess>>;
let devBase: string;
let browser: Browser;
let city: TestCity;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the GraphQL IDE test needs Chromium (apt-get install chromium, or set TSUNAGU_CHROMIUM)`);
  }
  city = await createTestCity(state.databaseUrl, 'ide');
  // A second api on the shared database and Temporal, in development mode, where the IDE is served.
  const port = await freePort('127.0.0.1');
  api = await startApiProcess({ ...state.appEnv, NODE_ENV: 'development' }, port);
  devBase = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** Opens a page that records what a test must not see: requests to other origins, CSP reports, errors. */
async function watchedPage(origin: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    // data: URLs are inline content (GraphiQL's fonts), not a request to anyone.
    if (!url.startsWith('data:') && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, requests, problems };
}

/** GraphiQL 4's editors are CodeMirror 5 instances; set their text as a user's typing would end up. */
async function setEditor(page: Page, editor: string, text: string): Promise<void> {
  const selector = `${editor} .CodeMirror`;
  await page.locator(selector).waitFor();
  await page.evaluate(
    // Runs in the page (no DOM types in this project's lib).
    ([sel, value]) => (globalThis as any).document.querySelector(sel).CodeMirror.setValue(value),
    [selector, text] as const,
  );
}

async function runAndReadResponse(page: Page, expected: string): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response .CodeMirror');
  await response.filter({ hasText: expected }).waitFor({ timeout: 30_000 });
  return (await response.textContent()) ?? '';
}

describe('GraphQL IDE in development mode', () => {
  it('the IDE page and its assets carry the security headers; the assets are cached for good', async () => {
    const page = await fetch(`${devBase}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expectSecurityHeaders('the IDE page', page);
    const html = await page.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    // An empty inline icon (no /favicon.ico request), then the bundle, from the api's origin.
    expect(references).toEqual([
      'data:,',
      expect.stringMatching(/^\/graphql-ide\/ide-\w+\.css$/),
      expect.stringMatching(/^\/graphql-ide\/ide-\w+\.js$/),
    ]);
    const assets = references.slice(1);
    expect(html).not.toMatch(/<script>|<style|style=/);
    for (const asset of assets) {
      const response = await fetch(`${devBase}${asset}`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(asset, response);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const text = await response.text();
      expect(text).not.toMatch(/@import\s+url\(\s*['"]?https?:|https:\/\/fonts\./i);
    }
  });

  it('renders GraphiQL in a browser, runs queries with a token from its headers editor, loads nothing from elsewhere', async () => {
    const { page, requests, problems } = await watchedPage(devBase);
    try {
      await page.goto(`${devBase}/graphql`);
      await page
        .locator('.graphiql-container')
        .waitFor({ timeout: 60_000 })
        .catch((error: Error) => {
          throw new Error(`GraphiQL did not render (${error.message.split('\n')[0]}); the page saw:\n  ${problems.join('\n  ')}`);
        });

      await setEditor(page, '.graphiql-query-editor', '{ __typename }');
      expect(await runAndReadResponse(page, '"__typename"')).toContain('"Query"');

      // How a developer signs in (docs/API-TOUR.md, "Try it"): the login mutation's token, as a header in the headers editor.
      const session = await signIn(`${devBase}/graphql`, city.emails.tier2, city.password);
      await page.locator('button[data-name="headers"]').click();
      await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', JSON.stringify({ Authorization: `Bearer ${session.token}` }));
      await setEditor(page, '.graphiql-query-editor', '{ me { email } }');
      expect(await runAndReadResponse(page, city.emails.tier2)).toContain(city.emails.tier2);

      expect(problems).toEqual([]);
      // It did load the bundle, from the api's origin.
      expect(requests.filter((url) => /\/graphql-ide\/ide-\w+\.(js|css)$/.test(url))).toHaveLength(2);
    } finally {
      await page.close();
    }
  });
});

describe('GraphQL IDE in production mode', () => {
  it('a browser at /graphql gets a plain page and loads nothing else', async () => {
    const base = state.graphqlUrl.replace(/\/graphql$/, '');
    const origin = new URL(base).origin;
    const { page, requests, problems } = await watchedPage(origin);
    try {
      await page.goto(`${base}/graphql`);
      await page.getByText('The GraphQL IDE is off in production.').waitFor();
      expect(await page.locator('script, link[rel=stylesheet], iframe').count()).toBe(0);
      expect(requests).toEqual([`${base}/graphql`]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
