// The web console as the api serves it (production mode): the page at / and at every client route, hashed assets cached
// for good, the api's own paths untouched; and the console's session: an httpOnly SameSite=Strict cookie set at sign-in,
// accepted like a bearer token, ended for real by sign-out, and useless to a cross-site form or a simple GET.
import { createTestCity, readE2eState, TestCity } from '@tsunagu/testing/e2e';
import { expectSecurityHeaders } from './support/security-headers';

jest.setTimeout(60_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '');
const html = { accept: 'text/html,application/xhtml+xml' };
const json = { 'content-type': 'application/json' };
const ME = '{ me { id email } }';
const LOGIN = 'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { mustChangePassword } }';

let city: TestCity;
beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'web-console');
});

/** Signs in through GraphQL as the console does and returns the Set-Cookie header and the cookie to send back. */
async function signInWithCookie(email: string, headers: Record<string, string> = {}): Promise<{ setCookie: string; cookie: string }> {
  const response = await fetch(state.graphqlUrl, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { email, password: city.password } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { setCookie, cookie: setCookie.split(';')[0] };
}

async function meWith(headers: Record<string, string>): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(state.graphqlUrl, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ query: ME }) });
  return (await response.json()) as any;
}

describe('the console’s files', () => {
  it('serves the console at / as HTML that loads only our own hashed files, never cached itself, with the security headers', async () => {
    const response = await fetch(`${base}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders('the console page', response);
    const page = await response.text();
    expect(page).toContain('<html lang="ja">');
    const references = [...page.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(references.filter((ref) => ref !== 'data:,').every((ref) => /^\/assets\/[\w.-]+\.(js|css)$/.test(ref))).toBe(true);
    // No inline script: the CSP forbids it, so the page must not need one.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves hashed assets with a year’s immutable caching, and a missing one as a plain 404', async () => {
    const page = await (await fetch(`${base}/`, { headers: html })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1];
    const asset = await fetch(`${base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders('a console asset', asset);
    const missing = await fetch(`${base}/assets/no-such-file-abc123.js`, { headers: html });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('answers a client route with the console page, but never the api’s own paths nor a request that does not ask for HTML', async () => {
    for (const path of ['/sign-in', '/change-password', '/referrals/00000000-0000-4000-8000-000000000000']) {
      const response = await fetch(`${base}${path}`, { headers: html });
      expect([path, response.status]).toEqual([path, 200]);
      expect(await response.text()).toContain('<div id="root">');
    }
    const ide = await fetch(`${base}/graphql`, { headers: html });
    expect(await ide.text()).toContain('The GraphQL IDE is off in production.');
    expect((await fetch(`${base}/health`, { headers: html })).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${base}/no-such-page`)).status).toBe(404);
  });
});

describe('the console’s session cookie', () => {
  it('is set at sign-in: httpOnly, SameSite=Strict, on the whole origin, not Secure over plain HTTP to localhost', async () => {
    const { setCookie } = await signInWithCookie(city.emails.tier2);
    expect(setCookie).toMatch(/^tsunagu_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=\d+/);
    expect(setCookie).not.toMatch(/; Secure/);
  });

  it('is Secure when the request came over HTTPS (through a trusted proxy)', async () => {
    const { setCookie } = await signInWithCookie(city.emails.tier2, { 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/; Secure/);
  });

  it('is accepted instead of a bearer token', async () => {
    const { cookie } = await signInWithCookie(city.emails.first);
    expect((await meWith({ cookie })).data.me.email).toBe(city.emails.first);
    expect((await meWith({ cookie: 'tsunagu_session=not.a.token' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await meWith({})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is ended by sign-out: cleared in the browser, and the old cookie no longer works anywhere', async () => {
    const { cookie } = await signInWithCookie(city.emails.second);
    const response = await fetch(state.graphqlUrl, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(((await response.json()) as any).data).toEqual({ signOut: true });
    expect(response.headers.get('set-cookie')).toMatch(/^tsunagu_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await meWith({ cookie })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('cannot be used by another site: a form post (no preflight) and a simple GET are refused, and do nothing', async () => {
    const { cookie } = await signInWithCookie(city.emails.otherTier2);
    // What a cross-site <form method=post> can send: text/plain or a urlencoded body, no custom header. SameSite=Strict
    // keeps the browser from attaching the cookie at all; Apollo's CSRF check refuses it even if it did.
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(state.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': contentType, cookie },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect([contentType, response.status]).toEqual([contentType, 400]);
    }
    const get = await fetch(`${state.graphqlUrl}?query=${encodeURIComponent(ME)}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    // None of them signed the user out: the cookie still works.
    expect((await meWith({ cookie })).data.me.email).toBe(city.emails.otherTier2);
  });
});
