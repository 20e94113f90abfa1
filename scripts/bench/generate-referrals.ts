// `npm run bench:data -- --referrals 1000000 --years 5`: fills a migrated database with realistic referrals and their
// handoff histories for the report and export benchmarks (docs/BENCHMARKS.md, "Report data: 1,000,000 referrals").
// Each referral's moves go through the referral state machine (referral-mix.ts); personal data is sealed with the data
// key as the worker seals it. Rows go in by batches of multi-row INSERT … SELECT FROM unnest(arrays), one transaction
// per batch (a referral and its handoffs together), two batches in flight while the next one is planned.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { blindIndexTerms, DataKeyring, generateDataKeyEntry, readDataKeys } from '@tsunagu/crypto';
import { kanaSearchTerms, NeedCategory, PARTNER_ORGANIZATION_KINDS, Role } from '@tsunagu/domain';
import {
  createDataSource,
  DEFAULT_DEMO_PASSWORD,
  NAME_KANA_INDEX_PURPOSE,
  readDatabaseConfig,
  runMigrations,
  sealReferralColumn,
  seedDemoData,
} from '@tsunagu/persistence';
import { referralWorkflowId } from '@tsunagu/temporal';
import { RunningPostgres, startPostgres } from '@tsunagu/testing';
import { BenchDirectory, planReferral, PlannedReferral, Random } from './referral-mix';

interface GeneratorOptions {
  referrals: number;
  years: number;
  seed: number;
  batch: number;
  dataDir: string;
  port: number;
  serve: boolean;
}

const USAGE = `usage: npm run bench:data -- [--referrals 1000000] [--years 5] [--seed 1] [--batch 5000]
                          [--data-dir .data/bench-referrals] [--port 0] [--serve]
Without DATABASE_URL it starts (or reuses) an embedded PostgreSQL in --data-dir; --serve keeps it running afterwards.`;

export function parseGeneratorOptions(argv: string[]): GeneratorOptions {
  const options: GeneratorOptions = { referrals: 1_000_000, years: 5, seed: 1, batch: 5000, dataDir: '.data/bench-referrals', port: 0, serve: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const positive = (v: string) => {
      const n = Number(v.replace(/[_,]/g, ''));
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, got "${v}"\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case '--referrals':
        options.referrals = Math.floor(positive(value()));
        break;
      case '--years':
        options.years = positive(value());
        break;
      case '--seed':
        options.seed = Math.floor(positive(value()));
        break;
      case '--batch':
        options.batch = Math.floor(positive(value()));
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--port':
        options.port = Math.floor(positive(value()));
        break;
      case '--serve':
        options.serve = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}

/** The data keys: the environment's (as the api would have them), else a key kept beside the embedded database. */
function dataKeys(options: GeneratorOptions): { ring: DataKeyring; source: string } {
  if (process.env.TSUNAGU_DATA_KEYS?.trim()) return { ring: readDataKeys(process.env), source: 'TSUNAGU_DATA_KEYS' };
  if (process.env.DATABASE_URL) throw new Error('DATABASE_URL is set: set TSUNAGU_DATA_KEYS too, the keys the api will read this data with');
  const file = resolve(`${options.dataDir}.data-keys`);
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, `${generateDataKeyEntry('bench1')}\n`, { mode: 0o600 });
  return { ring: readDataKeys({ TSUNAGU_DATA_KEYS: readFileSync(file, 'utf8').trim() }), source: file };
}

async function loadDirectory(pool: Pool): Promise<BenchDirectory> {
  const areas: { id: string; code: string }[] = (await pool.query(`SELECT id, code FROM area ORDER BY sort_order, code`)).rows;
  const orgs: { id: string; name: string; kind: string; categories: string[]; area_ids: string[] }[] = (
    await pool.query(
      `SELECT o.id, o.name, o.kind, o.categories, array_agg(oa.area_id) AS area_ids
         FROM organization o JOIN organization_area oa ON oa.organization_id = o.id
        WHERE o.kind = ANY($1) GROUP BY o.id ORDER BY o.name`,
      [PARTNER_ORGANIZATION_KINDS],
    )
  ).rows;
  const users: { id: string; role: string; organization_id: string | null; area_id: string | null; email: string }[] = (
    await pool.query(`SELECT id, role, organization_id, area_id, email FROM app_user ORDER BY email`)
  ).rows;
  const tier1 = users.find((u) => u.role === Role.TIER1_COORDINATOR);
  const tier2s = users.filter((u) => u.role === Role.TIER2_COORDINATOR && u.area_id);
  if (!tier1 || tier2s.length === 0) throw new Error('the directory has no tier-1 or tier-2 coordinator: load the demo data first');
  const candidates = new Map<string, string[]>();
  const inArea = new Map<string, string[]>();
  for (const area of areas) {
    inArea.set(
      area.id,
      orgs.filter((o) => o.area_ids.includes(area.id)).map((o) => o.id),
    );
    for (const category of Object.values(NeedCategory)) {
      candidates.set(
        `${area.id}:${category}`,
        orgs.filter((o) => o.area_ids.includes(area.id) && o.categories.includes(category)).map((o) => o.id),
      );
    }
  }
  const partnerUsers = new Map<string, string>();
  for (const u of users)
    if (u.role === Role.PARTNER && u.organization_id && !partnerUsers.has(u.organization_id)) partnerUsers.set(u.organization_id, u.id);
  const tier2ByArea = new Map(tier2s.map((u) => [u.area_id!, { userId: u.id, organizationId: u.organization_id! }]));
  const anyTier2 = tier2s[0];
  return {
    areaIds: areas.map((a) => a.id),
    candidates: (areaId, category) => candidates.get(`${areaId}:${category}`) ?? [],
    partnersInArea: (areaId) => inArea.get(areaId) ?? [],
    partnerUser: (org) => partnerUsers.get(org),
    tier2: (areaId) => tier2ByArea.get(areaId) ?? { userId: anyTier2.id, organizationId: anyTier2.organization_id! },
    tier1: { userId: tier1.id, organizationId: tier1.organization_id! },
  };
}

/** One tier-2 coordinator per area (the demo has one, for 川西), with the demo tier-2 user's password. */
async function ensureTier2PerArea(pool: Pool): Promise<number> {
  const result = await pool.query(
    `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash)
     SELECT 'bench-tier2-' || lower(a.code) || '@tsunagu.test', '第2層SC ' || a.name, 'TIER2_COORDINATOR', t.organization_id, a.id, t.password_hash
       FROM area a CROSS JOIN (SELECT organization_id, password_hash FROM app_user WHERE email = 'tier2@tsunagu.test') t
      WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.role = 'TIER2_COORDINATOR' AND u.area_id = a.id)
     ON CONFLICT (email) DO NOTHING`,
  );
  return result.rowCount ?? 0;
}

const REFERRAL_INSERT = `
  INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind,
    subject_display_name, subject_age_band, subject_contact, subject_name_kana, subject_name_kana_index,
    consent_obtained, consent_method, consent_obtained_at, consent_given_by, destination, submitted_by_id,
    current_organization_id, response_due_at, outcome, resume_on, resumes_to_status, last_seq, created_at, updated_at)
  SELECT r.id, r.workflow_id, r.client_request_id, r.status, r.category, r.area_id, r.summary, r.subject_kind,
    r.display_name, r.age_band, r.contact, r.name_kana,
    CASE WHEN r.kana_index IS NULL THEN NULL ELSE string_to_array(r.kana_index, ' ') END,
    r.consent_obtained, r.consent_method, r.consent_obtained_at, r.consent_given_by, r.destination, r.submitted_by_id,
    r.current_organization_id, r.response_due_at, r.outcome, r.resume_on, r.resumes_to_status, r.last_seq, r.created_at, r.updated_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
    $14::boolean[], $15::text[], $16::timestamptz[], $17::text[], $18::text[], $19::uuid[],
    $20::uuid[], $21::timestamptz[], $22::text[], $23::date[], $24::text[], $25::int[], $26::timestamptz[], $27::timestamptz[])
    AS r(id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind,
      display_name, age_band, contact, name_kana, kana_index,
      consent_obtained, consent_method, consent_obtained_at, consent_given_by, destination, submitted_by_id,
      current_organization_id, response_due_at, outcome, resume_on, resumes_to_status, last_seq, created_at, updated_at)`;

const HANDOFF_INSERT = `
  INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, actor_id, proxy, reason, note, at)
  SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::boolean[], $8::text[], $9::text[],
    $10::timestamptz[])`;

/** The two statements' parameters for a batch, with the personal data sealed as the worker seals it. */
function batchParameters(batch: PlannedReferral[], ring: DataKeyring, firstIndex: number): { referrals: unknown[][]; handoffs: unknown[][] } {
  const r: unknown[][] = Array.from({ length: 27 }, () => []);
  const h: unknown[][] = Array.from({ length: 10 }, () => []);
  batch.forEach((p, i) => {
    const seal = (column: Parameters<typeof sealReferralColumn>[1], value: string | undefined) =>
      sealReferralColumn(ring, column, p.id, value ?? null);
    const clientRequestId = `bench-${firstIndex + i}`;
    const values = [
      p.id,
      referralWorkflowId(p.submittedById, clientRequestId),
      clientRequestId,
      p.status,
      p.category,
      p.areaId,
      p.summary,
      p.subjectKind,
      seal('subject_display_name', p.subject?.displayName),
      seal('subject_age_band', p.subject?.ageBand),
      seal('subject_contact', p.subject?.contact),
      seal('subject_name_kana', p.subject?.nameKana),
      p.subject ? blindIndexTerms(ring, NAME_KANA_INDEX_PURPOSE, kanaSearchTerms(p.subject.nameKana)).join(' ') : null,
      p.consent ? true : null,
      seal('consent_method', p.consent?.method),
      p.consent?.obtainedAt ?? null,
      seal('consent_given_by', p.consent?.givenBy),
      p.destination,
      p.submittedById,
      p.currentOrganizationId,
      p.responseDueAt,
      p.outcome,
      p.resumeOn,
      p.resumesToStatus,
      p.handoffs.length,
      p.createdAt,
      p.updatedAt,
    ];
    values.forEach((v, c) => r[c].push(v));
    for (const handoff of p.handoffs) {
      const row = [
        p.id,
        handoff.seq,
        handoff.kind,
        handoff.fromOrganizationId,
        handoff.toOrganizationId,
        handoff.actorUserId,
        handoff.proxy,
        handoff.reason,
        handoff.note,
        handoff.at,
      ];
      row.forEach((v, c) => h[c].push(v));
    }
  });
  return { referrals: r, handoffs: h };
}

async function insertBatch(client: PoolClient, parameters: { referrals: unknown[][]; handoffs: unknown[][] }): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(REFERRAL_INSERT, parameters.referrals);
    await client.query(HANDOFF_INSERT, parameters.handoffs);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const options = parseGeneratorOptions(process.argv.slice(2));
  let postgres: RunningPostgres | undefined;
  let url = process.env.DATABASE_URL;
  const keys = dataKeys(options);
  if (!url) {
    postgres = await startPostgres({ dataDir: options.dataDir, port: options.port, persistent: true });
    url = postgres.url;
  }
  console.error(`bench:data: database ${url.replace(/:[^:@/]*@/, ':***@')}, data keys from ${keys.source}`);
  const config = { ...readDatabaseConfig({ ...process.env, DATABASE_URL: url }), poolSize: 3 };
  const applied = await runMigrations(config);
  if (applied.length) console.error(`bench:data: migrations applied: ${applied.length}`);
  const pool = new Pool({ connectionString: url, max: 3, application_name: 'tsunagu-bench-data' });
  try {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM referral`);
    if (rows[0].n > 0) {
      throw new Error(
        `the database already holds ${rows[0].n} referrals: the generator fills an empty one (delete ${options.dataDir} or use another database)`,
      );
    }
    const dataSource = createDataSource(config, 'tsunagu-bench-data');
    await dataSource.initialize();
    try {
      await seedDemoData(dataSource, process.env.TSUNAGU_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
    } finally {
      await dataSource.destroy();
    }
    const addedCoordinators = await ensureTier2PerArea(pool);
    const directory = await loadDirectory(pool);

    const now = new Date();
    const from = new Date(now.getTime() - options.years * 365.25 * 86_400_000);
    const rng = new Random(options.seed);
    console.error(
      `bench:data: ${options.referrals.toLocaleString('en')} referrals from ${from.toISOString()} to ${now.toISOString()}, seed ${options.seed}` +
        (addedCoordinators ? `, ${addedCoordinators} tier-2 coordinators added (one per area)` : ''),
    );

    const started = performance.now();
    let referrals = 0;
    let handoffs = 0;
    let lastReport = started;
    let planMs = 0; // planning and sealing, in this process
    let waitMs = 0; // waiting for PostgreSQL with two batches in flight
    const inFlight = new Set<Promise<void>>();
    for (let index = 0; index < options.referrals;) {
      const planStarted = performance.now();
      const size = Math.min(options.batch, options.referrals - index);
      const batch: PlannedReferral[] = [];
      for (let i = 0; i < size; i++) batch.push(planReferral(rng, directory, from, now));
      const parameters = batchParameters(batch, keys.ring, index);
      index += size;
      const waitStarted = performance.now();
      planMs += waitStarted - planStarted;
      while (inFlight.size >= 2) await Promise.race(inFlight);
      waitMs += performance.now() - waitStarted;
      const client = await pool.connect();
      const write = insertBatch(client, parameters).then(() => {
        referrals += batch.length;
        handoffs += batch.reduce((sum, p) => sum + p.handoffs.length, 0);
        inFlight.delete(write);
      });
      inFlight.add(write);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        const seconds = (lastReport - started) / 1000;
        console.error(
          `bench:data: ${referrals.toLocaleString('en')} referrals, ${handoffs.toLocaleString('en')} handoffs in ${seconds.toFixed(0)} s: ` +
            `${Math.round((referrals + handoffs) / seconds).toLocaleString('en')} rows/s`,
        );
      }
    }
    await Promise.all(inFlight);
    const loadSeconds = (performance.now() - started) / 1000;
    const analyzeStarted = performance.now();
    await pool.query('ANALYZE referral, referral_handoff');
    const byStatus = (await pool.query(`SELECT status, count(*)::int AS n FROM referral GROUP BY status ORDER BY n DESC`)).rows;
    console.log(
      [
        `referrals  ${referrals.toLocaleString('en')}`,
        `handoffs   ${handoffs.toLocaleString('en')}`,
        `load       ${loadSeconds.toFixed(1)} s, ${Math.round((referrals + handoffs) / loadSeconds).toLocaleString('en')} rows/s ` +
          `(${Math.round(referrals / loadSeconds).toLocaleString('en')} referrals/s; planning and sealing ${(planMs / 1000).toFixed(1)} s, ` +
          `waiting for PostgreSQL ${(waitMs / 1000).toFixed(1)} s)`,
        `analyze    ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`,
        `by status  ${byStatus.map((s) => `${s.status} ${s.n}`).join(', ')}`,
        `database   ${url.replace(/:[^:@/]*@/, ':***@')}`,
      ].join('\n'),
    );
  } finally {
    await pool.end();
  }
  if (postgres && options.serve) {
    console.error(`bench:data: PostgreSQL keeps running at ${postgres.url} (TSUNAGU_DATA_KEYS in ${keys.source}); Ctrl-C stops it`);
    await new Promise<void>((done) => process.once('SIGINT', done));
  }
  if (postgres) {
    // TypeORM's DataSource.destroy() (migrations, demo data) can leave an idle pg client behind, whose pool then
    // reports PostgreSQL's shutdown notice (57P01) as an unhandled error: expected here, nothing else is.
    process.on('uncaughtException', (error) => {
      if ((error as { code?: string }).code !== '57P01') throw error;
    });
    await postgres.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench:data: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
