import { sessionCookieOptions, sessionTokenFromCookies } from './session-cookie';

describe('the session cookie', () => {
  it('reads our cookie only, among others', () => {
    expect(sessionTokenFromCookies('a=1; tsunagu_session=abc.def.ghi; b=2')).toBe('abc.def.ghi');
    expect(sessionTokenFromCookies('tsunagu_sessionx=1; other=tsunagu_session')).toBeNull();
    expect(sessionTokenFromCookies('tsunagu_session=')).toBeNull();
    expect(sessionTokenFromCookies(undefined)).toBeNull();
  });

  it('is httpOnly, SameSite=Strict, on the whole origin, and lives as long as the token', () => {
    expect(sessionCookieOptions({ secure: true, hostname: 'tsunagu.city.example' }, { environment: 'production', tokenTtlSeconds: 3600 })).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
      maxAge: 3_600_000,
    });
  });

  it.each([
    ['HTTPS in production', true, 'tsunagu.city.example', 'production', true],
    [
      'plain HTTP to another host in production (the browser drops it: serve the console over HTTPS)',
      false,
      'tsunagu.city.example',
      'production',
      true,
    ],
    ['plain HTTP to localhost in production (the e2e stack)', false, 'localhost', 'production', false],
    ['plain HTTP in development', false, '192.168.1.20', 'development', false],
    ['HTTPS in development', true, 'localhost', 'development', true],
  ] as const)('Secure on %s: %s', (_label, secure, hostname, environment, expected) => {
    expect(sessionCookieOptions({ secure, hostname }, { environment, tokenTtlSeconds: 60 }).secure).toBe(expected);
  });
});
