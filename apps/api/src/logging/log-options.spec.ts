import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { apolloLogger, createApiLogger, httpLogOptions, pathOf } from './log-options';
import { assignRequestId, requestIdFor, requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFor('abc-123')).toBe('abc-123');
    expect(requestIdFor('proxy.1:2_3')).toBe('proxy.1:2_3');
    expect(requestIdFor(['first-id', 'second'])).toBe('first-id');
  });

  it.each([
    ['none', undefined],
    ['empty', ''],
    ['text', '山田 太郎 090-1234-5678'],
    ['spaces', 'a b'],
    ['too long', 'x'.repeat(65)],
    ['a line break', 'abc\ndef'],
  ])('makes a UUID for %s', (_name, incoming) => {
    expect(requestIdFor(incoming)).toMatch(UUID);
  });
});

describe('assignRequestId', () => {
  it('gives the request its id and names it in the response, keeping one already given', () => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => void (headers[name] = value) };
    const req: { id?: unknown; headers: Record<string, string> } = { headers: { 'x-request-id': 'proxy-7' } };
    const next = jest.fn();
    assignRequestId(req, res, next);
    expect([req.id, headers['X-Request-Id'], next.mock.calls.length]).toEqual(['proxy-7', 'proxy-7', 1]);
    const again = { id: 'kept', headers: { 'x-request-id': 'other' } };
    assignRequestId(again, res, next);
    expect([again.id, headers['X-Request-Id']]).toEqual(['kept', 'kept']);
  });
});

describe('requestIdOf', () => {
  it('reads the request id pino-http put on the request', () => {
    expect(requestIdOf({ req: { id: 'abc' } } as never)).toBe('abc');
    expect(requestIdOf({ req: {} } as never)).toBeNull();
    expect(requestIdOf(undefined)).toBeNull();
  });
});

describe('pathOf', () => {
  it('drops the query string, where a GET carries the document and its variables', () => {
    expect(pathOf('/graphql?query=%7B%20me%20%7D&variables=%7B%22note%22%3A%22x%22%7D')).toBe('/graphql');
    expect(pathOf(undefined)).toBe('');
  });
});

describe('the api’s request logging', () => {
  let server: Server;
  let url: string;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const middleware = pinoHttp(httpLogOptions(createApiLogger(sink)));
    server = createServer((req, res) => {
      middleware(req, res);
      req.log.info({ authorization: req.headers.authorization, cookie: req.headers.cookie }, 'inside');
      res.statusCode = req.url?.startsWith('/fail') ? 500 : 200;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const linesOf = async (requestId: string) => {
    for (let i = 0; i < 50 && !lines.some((l) => l.requestId === requestId && l.msg === 'request completed'); i++)
      await new Promise((r) => setTimeout(r, 20));
    return lines.filter((l) => l.requestId === requestId);
  };

  it('answers with the request id and logs one completed line with method, path, status: no headers, query or body', async () => {
    const response = await fetch(`${url}/graphql?variables=%7B%22secret%22%7D`, {
      headers: { authorization: 'Bearer eyJ.token-secret', cookie: 'session=cookie-secret', 'x-request-id': 'req-1' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const mine = await linesOf('req-1');
    expect(mine.map((l) => l.msg)).toEqual(['inside', 'request completed']);
    expect(mine[1]).toMatchObject({
      level: 30,
      service: 'api',
      requestId: 'req-1',
      req: { method: 'GET', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(mine[1].req).toEqual({ method: 'GET', path: '/graphql' });
    // Even a line that names them on purpose has them redacted.
    expect(mine[0]).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    const text = JSON.stringify(lines);
    for (const secret of ['token-secret', 'cookie-secret', 'secret%22', 'variables=']) expect(text).not.toContain(secret);
  });

  it('makes a request id when none is sent, and logs a 500 at error without an error object', async () => {
    const response = await fetch(`${url}/fail`);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const completed = (await linesOf(id)).find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ level: 50, res: { statusCode: 500 } });
    expect(completed?.err).toBeUndefined();
  });
});

describe('apolloLogger', () => {
  it('passes Apollo’s messages on at their level, an error with its stack', () => {
    const calls: string[][] = [];
    const at = (level: string) => (message: string) => void calls.push([level, message]);
    const log = apolloLogger({ debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') });
    log.warn('Could not store validated document');
    const failure = new Error('plugin failed');
    (log.error as (message: unknown) => void)(failure);
    expect(calls[0]).toEqual(['warn', 'apollo: Could not store validated document']);
    expect(calls[1][0]).toBe('error');
    expect(calls[1][1]).toMatch(/^apollo: Error: plugin failed\n\s+at /);
  });
});
