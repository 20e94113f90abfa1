// `npm run bench:export`: how long the api takes to stream the referral list export of N referrals (default 100,000)
// and how much its memory grows meanwhile (issue 14: an .xlsx of 100,000 in ≤ 15 s, the api growing by < 200 MB). Runs
// on the database `npm run bench:data` filled (its embedded PostgreSQL in --data-dir, or DATABASE_URL with
// TSUNAGU_DATA_KEYS), with the compiled api as its own process (NODE_ENV=production) and a Temporal dev server (the api
// connects at start; an export does not use it). Prints a Markdown table (docs/BENCHMARKS.md, "Exports").
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  freePort,
  RunningPostgres,
  RunningTemporalDevServer,
  ServerProcess,
  startApiProcess,
  startPostgres,
  startTemporalDevServer,
} from '@tsunagu/testing';

interface Options {
  rows: number;
  dataDir: string;
  formats: Array<'xlsx' | 'csv'>;
  /** Runs without and with the personal data columns (decrypting each resident's data). */
  personalData: boolean[];
  email: string;
  password: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    rows: 100_000,
    dataDir: '.data/bench-referrals',
    formats: ['xlsx', 'csv'],
    personalData: [false, true],
    email: 'tier1@tsunagu.test',
    password: process.env.TSUNAGU_DEMO_PASSWORD || 'tsunagu-demo',
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--rows':
        options.rows = Number(value().replace(/[_,]/g, ''));
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--formats':
        options.formats = value().split(',') as Options['formats'];
        break;
      case '--personal-data':
        options.personalData = value()
          .split(',')
          .map((v) => v === 'true');
        break;
      case '--email':
        options.email = value();
        break;
      default:
        throw new Error(`unknown option ${argv[i]}: --rows <n> --data-dir <dir> --formats xlsx,csv --email <user>`);
    }
  }
  return options;
}

/** Resident memory of a process, from /proc (Linux), in bytes. */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

interface Run {
  format: string;
  personalData: boolean;
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  rssBefore: number;
  rssPeak: number;
}

async function download(url: string, token: string, pid: number, format: string, personalData: boolean, rows: number): Promise<Run> {
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 50);
  const started = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!firstByteMs) firstByteMs = performance.now() - started;
      bytes += value.byteLength;
    }
  } finally {
    clearInterval(sampler);
  }
  return { format, personalData, rows, bytes, firstByteMs, totalMs: performance.now() - started, rssBefore, rssPeak: Math.max(rssPeak, rssOf(pid)) };
}

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let postgres: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  let dataKeys = process.env.TSUNAGU_DATA_KEYS;
  if (!databaseUrl) {
    dataKeys = readFileSync(resolve(`${options.dataDir}.data-keys`), 'utf8').trim();
    postgres = await startPostgres({ dataDir: options.dataDir, persistent: true });
    databaseUrl = postgres.url;
  }
  if (!dataKeys) throw new Error('DATABASE_URL is set: set TSUNAGU_DATA_KEYS too, the keys `npm run bench:data` sealed the data with');
  let api: ServerProcess | undefined;
  let temporal: RunningTemporalDevServer | undefined;
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    // The newest `rows` referrals: the day from which on there are at least that many (whole JST days).
    const [{ day, total }] = (
      await pool.query(
        `SELECT to_char((created_at AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS day, (SELECT count(*)::int FROM referral) AS total
           FROM referral ORDER BY created_at DESC OFFSET $1 - 1 LIMIT 1`,
        [options.rows],
      )
    ).rows;
    if (!day) throw new Error(`the database holds fewer than ${options.rows} referrals: run npm run bench:data first`);
    const [{ n }] = (
      await pool.query(`SELECT count(*)::int AS n FROM referral WHERE created_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`, [day])
    ).rows;
    const port = await freePort();
    temporal = await startTemporalDevServer({});
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      TSUNAGU_DATA_KEYS: dataKeys,
      TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex'),
      TEMPORAL_ADDRESS: temporal.address,
    };
    api = await startApiProcess(env, port);
    const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: options.email, p: options.password },
      }),
    });
    const token = ((await login.json()) as { data?: { login?: { token?: string } } }).data?.login?.token;
    if (!token) throw new Error(`could not sign in as ${options.email}`);
    const url = (format: string, from: string, personalData: boolean) =>
      `http://127.0.0.1:${port}/exports/referrals.${format}?submittedFrom=${from}&personalData=${personalData}`;
    const pid = api.child.pid!;
    // Warm up (first queries, code paths, exceljs loaded): a small export of the newest day.
    const [{ last }] = (await pool.query(`SELECT to_char((max(created_at) AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS last FROM referral`))
      .rows;
    for (const format of options.formats) await download(url(format, last, true), token, pid, format, true, 0);
    console.error(
      `bench:export: ${total.toLocaleString('en')} referrals in the database; exporting the ${n.toLocaleString('en')} submitted since ${day} as ${options.email}`,
    );
    const runs: Run[] = [];
    for (const personalData of options.personalData) {
      for (const format of options.formats) {
        const run = await download(url(format, day, personalData), token, pid, format, personalData, n);
        runs.push(run);
        console.error(`bench:export: ${format}${personalData ? ' with personal data' : ''} done in ${(run.totalMs / 1000).toFixed(1)} s`);
      }
    }
    const lines = [
      '| format | personal data | rows | size | first byte | total | rows/s | api RSS before | peak | growth | target |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...runs.map((r) => {
        const growth = (r.rssPeak - r.rssBefore) / MB;
        const verdict = r.totalMs <= 15_000 && growth < 200 ? 'PASS' : 'MISS';
        return (
          `| ${r.format} | ${r.personalData ? 'yes' : 'no'} | ${r.rows.toLocaleString('en')} | ${(r.bytes / MB).toFixed(1)} MB | ${r.firstByteMs.toFixed(0)} ms | ${(r.totalMs / 1000).toFixed(1)} s | ` +
          `${Math.round(r.rows / (r.totalMs / 1000)).toLocaleString('en')} | ${(r.rssBefore / MB).toFixed(0)} MiB | ${(r.rssPeak / MB).toFixed(0)} MiB | ` +
          `${growth.toFixed(0)} MiB | ${verdict} (≤ 15 s, < 200 MB) |`
        );
      }),
    ];
    console.log(
      `${n.toLocaleString('en')} referrals submitted since ${day} (of ${total.toLocaleString('en')}), as ${options.email}; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} (1 / 5 / 15 min) at the end\n`,
    );
    console.log(lines.join('\n'));
  } finally {
    await pool.end();
    await api?.stop();
    await temporal?.stop();
    if (postgres) {
      process.on('uncaughtException', (error) => {
        if ((error as { code?: string }).code !== '57P01') throw error;
      });
      await postgres.stop();
    }
  }
}

main().catch((error) => {
  console.error(`bench:export: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
