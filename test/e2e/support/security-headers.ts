// What every response of the api must carry (docs/SECURITY.md "HTTP surface"), checked the same way by each spec.

/** The Content-Security-Policy as directive → sources. */
export function cspDirectives(header: string | null): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

/** Fails with the response's label and headers when one of them is missing or wrong. */
export function expectSecurityHeaders(label: string, response: Response): void {
  const headers = Object.fromEntries(response.headers.entries());
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);

  check(headers['x-content-type-options'] === 'nosniff', 'X-Content-Type-Options is not nosniff');
  check(headers['referrer-policy'] === 'no-referrer', 'Referrer-Policy is not no-referrer');
  check(headers['x-powered-by'] === undefined, 'X-Powered-By is sent');
  check(headers['x-frame-options'] === 'DENY', 'X-Frame-Options is not DENY');
  check(headers['cross-origin-resource-policy'] === 'same-origin', 'Cross-Origin-Resource-Policy is not same-origin');
  // Plain HTTP here: no HSTS (it is tested over a proxy that says HTTPS).
  check(headers['strict-transport-security'] === undefined, 'Strict-Transport-Security is sent over plain HTTP');

  const csp = cspDirectives(headers['content-security-policy'] ?? null);
  const expected: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'connect-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
  };
  for (const [name, sources] of Object.entries(expected)) {
    check(JSON.stringify(csp[name]) === JSON.stringify(sources), `CSP ${name} is ${JSON.stringify(csp[name])}, not ${JSON.stringify(sources)}`);
  }
  // Nothing from another origin, no eval, no inline code, under any directive.
  for (const [name, sources] of Object.entries(csp)) {
    for (const source of sources) {
      check(["'self'", "'none'", 'data:'].includes(source), `CSP ${name} allows ${source}`);
    }
  }
  if (problems.length) {
    throw new Error(`${label} (HTTP ${response.status}):\n  ${problems.join('\n  ')}\nheaders: ${JSON.stringify(headers, null, 2)}`);
  }
}
