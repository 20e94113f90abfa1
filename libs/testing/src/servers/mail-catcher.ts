// A real SMTP server that keeps every mail it is sent: the e2e tests' and `npm start`'s mail server (docs/OPERATIONS.md,
// "Mail"). It accepts any sender and recipient, parses each mail with mailparser, keeps it in memory and, given a folder,
// as `<id>.eml` (the source) plus `<id>.json` (the parsed summary the api's 送信メール page lists). Tests can make it
// refuse the next mails (retries) or answer late (a worker killed after the server has the mail but before it knows).
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { join } from 'node:path';
import { AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

const HOST = '127.0.0.1';
const MAX_MAIL_BYTES = 10 * 1024 * 1024;

/** One mail as the catcher received it: the SMTP envelope, the parsed headers and bodies, and the source. */
export interface CaughtMail {
  /** Sorts in arrival order, also across restarts: `<UTC time>-<random>`; the file names under the folder. */
  id: string;
  receivedAt: string;
  /** MAIL FROM and RCPT TO: who the server was asked to deliver to (Bcc included). */
  envelope: { from: string; to: string[] };
  messageId?: string;
  from?: string;
  /** The To header's addresses. */
  to: string[];
  cc: string[];
  subject: string;
  /** The Date header, ISO. */
  date?: string;
  text?: string;
  html?: string;
  /** Header name (lower case) to its value as sent; repeated headers joined by a line break. */
  headers: Record<string, string>;
  /** The whole message as received (RFC 5322 source). */
  raw: string;
}

/** What an SMTP answer of the catcher looks like when told to refuse. */
export interface Refusal {
  /** 4xx: temporary (the sender should retry); 5xx: permanent. */
  code: number;
  message: string;
}

/** What the tests use, in the process that started the catcher (MailCatcher) or another one (the HTTP client). */
export interface MailCatcherApi {
  mails(): Promise<CaughtMail[]>;
  /** The first kept mail (already there or arriving) that `predicate` accepts; rejects after `timeoutMs`. */
  waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Once `count` kept mails match, all of them (in arrival order); rejects after `timeoutMs`. */
  waitForCount(predicate: (mail: CaughtMail) => boolean, count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /** Forgets the mails in memory (the folder keeps its files). */
  clear(): Promise<void>;
  /** The next `count` mails are refused at the end of DATA with `code` (default 451, temporary) and not kept. */
  refuseNext(count: number, code?: number): Promise<void>;
  /** The next `count` mails are kept at once but answered only after `ms` (a sender killed meanwhile never hears 250). */
  delayNext(count: number, ms: number): Promise<void>;
}

export interface MailCatcherOptions {
  /** Keep each mail as `<id>.eml` + `<id>.json` here (created when missing). */
  dir?: string;
  /** 0 or undefined: a free port. */
  port?: number;
  /** Also serve the control API over HTTP (for tests in another process; see mailCatcherClient). */
  control?: boolean;
  /**
   * Keep each mail's source and receipt time only, and parse (mailparser) when the mails are first read (`mails`,
   * `waitFor`, `waitForCount`), then on arrival: a benchmark that times moves in this process keeps the parsing out
   * of its measurement (docs/BENCHMARKS.md, "Mail"). Not with `dir`, whose files are written on arrival.
   */
  parseWhenRead?: boolean;
}

export interface MailCatcher extends MailCatcherApi {
  /** smtp://127.0.0.1:<port>: what SMTP_URL is set to. */
  readonly url: string;
  readonly port: number;
  /** http://127.0.0.1:<port> when started with `control`. */
  readonly controlUrl?: string;
  readonly dir?: string;
  stop(): Promise<void>;
}

export const DEFAULT_WAIT_MS = 30_000;

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const kept: CaughtMail[] = [];
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  const refusals: Refusal[] = [];
  const delays: number[] = [];
  if (options.parseWhenRead && options.dir)
    throw new Error('mail catcher: parseWhenRead cannot keep files in a folder (they are written on arrival)');
  let deferring = options.parseWhenRead === true;
  let catchingUp: Promise<void> | undefined;
  const unparsed: Array<{ source: Buffer; envelope: CaughtMail['envelope']; receivedAt: Date }> = [];
  const keep = (mail: CaughtMail) => {
    if (options.dir) save(options.dir, mail);
    kept.push(mail);
    arrivals.emit('mail', mail);
  };
  /** Parses what arrived unparsed (in arrival order) and from now on parses on arrival. */
  const parseKept = (): Promise<void> => {
    deferring = false;
    if (!unparsed.length) return catchingUp ?? Promise.resolve();
    return (catchingUp ??= (async () => {
      try {
        while (unparsed.length) {
          const { source, envelope, receivedAt } = unparsed.shift()!;
          keep(await parse(source, envelope, receivedAt));
        }
      } finally {
        catchingUp = undefined;
      }
    })());
  };

  const receive = async (stream: SMTPServerDataStream, session: SMTPServerSession): Promise<{ refusal?: Refusal; delayMs?: number }> => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) return { refusal: { code: 552, message: `Message exceeds ${MAX_MAIL_BYTES} bytes` } };
    const refusal = refusals.shift();
    if (refusal) return { refusal };
    // The receipt time is the end of DATA, before any parsing.
    const receivedAt = new Date();
    const envelope = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
    };
    // Arrivals while the kept ones are parsed queue behind them, so mails stay in arrival order.
    if (deferring || catchingUp) unparsed.push({ source: Buffer.concat(chunks), envelope, receivedAt });
    else keep(await parse(Buffer.concat(chunks), envelope, receivedAt));
    return { delayMs: delays.shift() };
  };

  const smtp = new SMTPServer({
    banner: 'Tsunagu mail catcher',
    // Plain SMTP on loopback: no certificate to trust; any credentials are accepted, none are needed.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'any' }),
    size: MAX_MAIL_BYTES,
    logger: false,
    onData(stream, session, callback) {
      receive(stream, session).then(
        ({ refusal, delayMs }) => {
          if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          if (delayMs) setTimeout(() => callback(null, 'Kept (late answer)'), delayMs);
          else callback(null, 'Kept');
        },
        (error: Error) => callback(Object.assign(new Error(`Could not parse the mail: ${error.message}`), { responseCode: 554 })),
      );
    },
  });
  const port = await listen(smtp, options.port ?? 0);

  const api: MailCatcherApi = {
    mails: async () => {
      await parseKept();
      return [...kept];
    },
    waitFor: async (predicate, timeoutMs = DEFAULT_WAIT_MS) => (await waitForCount(predicate, 1, timeoutMs))[0],
    waitForCount: async (predicate, count, timeoutMs = DEFAULT_WAIT_MS) => {
      await parseKept();
      return waitForCount(predicate, count, timeoutMs);
    },
    clear: async () => {
      kept.length = 0;
      unparsed.length = 0;
    },
    refuseNext: async (count, code = 451) => {
      for (let i = 0; i < count; i++)
        refusals.push({ code, message: code >= 500 ? 'Refused by the test (permanent)' : 'Refused by the test, try again later' });
    },
    delayNext: async (count, ms) => {
      for (let i = 0; i < count; i++) delays.push(ms);
    },
  };

  function waitForCount(predicate: (mail: CaughtMail) => boolean, count: number, timeoutMs: number): Promise<CaughtMail[]> {
    return new Promise((resolve, reject) => {
      const matching = () => kept.filter(predicate);
      const check = () => {
        const found = matching();
        if (found.length < count) return false;
        cleanup();
        resolve(found.slice(0, count));
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(waitTimeoutMessage(count, matching().length, kept, timeoutMs)));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        arrivals.off('mail', check);
      };
      if (!check()) arrivals.on('mail', check);
    });
  }

  const control = options.control ? await serveControl(api) : undefined;

  let stopping: Promise<void> | undefined;
  return {
    ...api,
    url: `smtp://${HOST}:${port}`,
    port,
    controlUrl: control?.url,
    dir: options.dir,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => smtp.close(() => resolve()));
        if (control) await new Promise<void>((resolve) => control.server.close(() => resolve()));
      })()),
  };
}

/** The error a wait that timed out gives: what it waited for and what did arrive, so a failing test says why. */
export function waitTimeoutMessage(count: number, matched: number, all: CaughtMail[], timeoutMs: number): string {
  const recent = all
    .slice(-10)
    .map((mail) => `  ${mail.receivedAt} to ${mail.envelope.to.join(', ')}: ${mail.subject}`)
    .join('\n');
  return `mail catcher: ${matched} of the ${count} mail(s) waited for arrived within ${timeoutMs} ms; ${all.length} kept${all.length ? `, the last ones:\n${recent}` : ''}`;
}

async function parse(source: Buffer, envelope: CaughtMail['envelope'], receivedAt: Date): Promise<CaughtMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return {
    id: `${receivedAt.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`,
    receivedAt: receivedAt.toISOString(),
    envelope,
    messageId: parsed.messageId,
    from: parsed.from?.value.map((address) => address.address ?? '').join(', '),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    date: parsed.date?.toISOString(),
    text: parsed.text,
    html: parsed.html || undefined,
    headers,
    raw: source.toString('utf8'),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((group) => group.value.map((address) => address.address ?? '')).filter(Boolean);
}

/** Written under a temporary name and renamed, so a reader of the folder (the api) never sees half a file. */
function save(dir: string, mail: CaughtMail): void {
  const { raw, ...summary } = mail;
  writeAtomically(join(dir, `${mail.id}.eml`), raw);
  writeAtomically(join(dir, `${mail.id}.json`), JSON.stringify(summary, null, 2));
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

function listen(smtp: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    smtp.on('error', reject);
    const server = smtp.listen(port, HOST, () => {
      smtp.off('error', reject);
      // Errors on a client's connection are that client's business; keep serving the others.
      smtp.on('error', () => undefined);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * The control API for tests in other processes (jest runs the e2e global setup, which starts the catcher, apart from
 * the test files): GET /mails, DELETE /mails, POST /refuse?count=&code=, POST /delay?count=&ms=. Loopback only.
 */
async function serveControl(api: MailCatcherApi): Promise<{ url: string; server: Server }> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const number = (name: string, fallback?: number) => {
      const value = url.searchParams.get(name);
      const parsed = value === null ? fallback : Number(value);
      if (parsed === undefined || !Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
      return parsed;
    };
    if (url.pathname === '/mails' && request.method === 'GET') return json(response, 200, await api.mails());
    if (url.pathname === '/mails' && request.method === 'DELETE') return json(response, 200, await api.clear());
    if (url.pathname === '/refuse' && request.method === 'POST')
      return json(response, 200, await api.refuseNext(number('count'), number('code', 451)));
    if (url.pathname === '/delay' && request.method === 'POST') return json(response, 200, await api.delayNext(number('count'), number('ms')));
    json(response, 404, { error: `no ${request.method} ${url.pathname}` });
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => json(response, 400, { error: error.message }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return { url: `http://${HOST}:${port}`, server };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body ?? null));
}
