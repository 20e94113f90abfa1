// Every kind of response of the api in production mode carries the security headers (docs/SECURITY.md "HTTP
// surface"): GraphQL answers and errors, /health, 404s, a refused oversized body, the page a browser gets at /graphql.
// HSTS only over HTTPS. The IDE and its assets (development mode) are checked in graphql-ide.e2e-spec.ts.
import { readE2eState } from '@tsunagu/testing/e2e';
import { expectSecurityHeaders } from './support/security-headers';

jest.setTimeout(60_000);

const state = readE2eState();
const base = state.graphqlUrl.replace(/\/graphql$/, '');
const json = { 'content-type': 'application/json' };

describe('security headers on every response (production mode)', () => {
  it.each<[string, () => Promise<Response>, number]>([
    ['a GraphQL answer', () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }' }) }), 200],
    [
      'a GraphQL error (UNAUTHENTICATED)',
      () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ me { id } }' }) }),
      200,
    ],
    ['a malformed GraphQL request', () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{"query":' }), 400],
    [
      'a body over the size limit',
      () => fetch(`${base}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }) }),
      413,
    ],
    ['GET /health', () => fetch(`${base}/health`), 200],
    ['a 404', () => fetch(`${base}/no-such-page`), 404],
    ['a 404 under the IDE assets path', () => fetch(`${base}/graphql-ide/ide.js`), 404],
    ['the page a browser gets at /graphql', () => fetch(`${base}/graphql`, { headers: { accept: 'text/html' } }), 200],
  ])('%s', async (label, request, status) => {
    const response = await request();
    expect(response.status).toBe(status);
    expectSecurityHeaders(label, response);
  });

  it('Strict-Transport-Security only when the request came over HTTPS (through a trusted proxy)', async () => {
    // The e2e api trusts loopback proxies (TSUNAGU_TRUST_PROXY=loopback), so X-Forwarded-Proto is believed here.
    const secure = await fetch(`${base}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`${base}/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('production serves no IDE: a short page that loads nothing', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('The GraphQL IDE is off in production.');
    expect(html).not.toMatch(/<script|<style|<img|<iframe|url\(/i);
    // The only reference: an empty inline icon, so the browser does not ask for /favicon.ico.
    expect([...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1])).toEqual(['data:,']);
  });
});
