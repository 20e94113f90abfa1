import { isConsoleRoute } from './web-console';

const html = { accept: 'text/html,application/xhtml+xml' };

describe('which requests get the console page', () => {
  it.each(['/', '/home', '/sign-in', '/referrals/8f0c/history', '/no-such-page'])('a browser navigating to %s', (path) => {
    expect(isConsoleRoute({ method: 'GET', path, headers: html })).toBe(true);
  });

  it.each(['/graphql', '/graphql/', '/graphql-ide/ide.js', '/health', '/assets/index-abc.js'])('never the api’s own path %s', (path) => {
    expect(isConsoleRoute({ method: 'GET', path, headers: html })).toBe(false);
  });

  it('never a POST, nor a request that does not ask for HTML', () => {
    expect(isConsoleRoute({ method: 'POST', path: '/', headers: html })).toBe(false);
    expect(isConsoleRoute({ method: 'GET', path: '/no-such-page', headers: { accept: '*/*' } })).toBe(false);
  });
});
