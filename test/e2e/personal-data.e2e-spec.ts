// Personal data at rest and in flight: the subject and the consent are encrypted in PostgreSQL (per row and column) and
// in Temporal's histories (the payload codec), yet the coordinator reads them through the api; `npm run
// rotate-data-keys` moves rows to another key while the stack runs; and the worker's daily Schedule erases the personal
// data of referrals closed longer ago than TSUNAGU_RETENTION_DAYS, keeping the anonymised record.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, Payload } from '@temporalio/common';
import { appDataConverter, createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import { REQUEST_ID_HEADER } from '@tsunagu/workflow-contracts';
import { ACCEPT, COMPLETE, DECLINE, NOTE, personNeed, REFERRAL, START, SUBMIT, WITHDRAW } from './support/documents';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const ROTATE = join(root, 'dist/libs/persistence/src/rotate-data-keys.js');
const state = readE2eState();
const namespace = state.appEnv.TEMPORAL_NAMESPACE ?? 'tsunagu';
const taskQueue = state.appEnv.TEMPORAL_TASK_QUEUE ?? 'tsunagu-referrals';
let city: TestCity;
let tier2: GraphQLSession;
let first: GraphQLSession;
let connection: Connection;
/** Reads payloads as stored: encrypted ones stay bytes (or fail to decode). */
let raw: Client;
/** Has the stack's data keys, as the api and worker do. */
let temporal: Client;

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'personal');
  [tier2, first] = await Promise.all([
    signIn(state.graphqlUrl, city.emails.tier2, city.password),
    signIn(state.graphqlUrl, city.emails.first, city.password),
  ]);
  connection = await Connection.connect({ address: state.temporalAddress });
  raw = new Client({ connection, namespace });
  temporal = new Client({ connection, namespace, dataConverter: appDataConverter(state.appEnv) });
});

afterAll(async () => {
  await connection?.close();
});

/** A resident no other test names, so a match anywhere can only be theirs. */
function resident() {
  const tag = randomBytes(3).toString('hex');
  return {
    displayName: `秘匿 太郎 ${tag}`,
    ageBand: '90代',
    contact: `090-${randomInt(1000, 9999)}-${randomInt(1000, 9999)}`,
    method: `書面-${tag}`,
  };
}

type Resident = ReturnType<typeof resident>;

async function submit(person: Resident) {
  const input = personNeed(city.areaCode, {
    subject: { displayName: person.displayName, ageBand: person.ageBand, contact: person.contact },
    consent: { obtained: true, method: person.method, obtainedAt: '2026-11-20T01:00:00.000Z' },
  });
  return (await tier2.data(SUBMIT, { input })).submitReferral as { id: string; status: string; subject: Record<string, string> };
}

async function row(id: string) {
  const [found] = await queryRows<Record<string, any>>(state.databaseUrl, 'SELECT r.*, row_to_json(r)::text AS whole FROM referral r WHERE id = $1', [
    id,
  ]);
  return found;
}

/** Every byte string and string inside a (protobuf) object, with where it is. */
function* leaves(value: unknown, path = ''): Generator<[string, Buffer]> {
  if (value instanceof Uint8Array) yield [path, Buffer.from(value)];
  else if (typeof value === 'string') yield [path, Buffer.from(value, 'utf8')];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* leaves(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* leaves(item, `${path}.${key}`);
}

/** Where in `value` any of the texts occurs (as UTF-8 bytes or in a string). */
function occurrences(value: unknown, texts: string[]): string[] {
  const needles = texts.map((text) => [text, Buffer.from(text, 'utf8')] as const);
  const found: string[] = [];
  for (const [path, bytes] of leaves(value)) for (const [text, needle] of needles) if (bytes.includes(needle)) found.push(`${text} at ${path}`);
  return found;
}

/**
 * The `metadata.encoding` of every payload in a history that goes through the data converter: not the SDK's own patch
 * markers and search attributes (which hold the patch's name, `business-day-deadlines`), which codecs never see.
 */
function encodings(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) encodings(item, found);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const encoding = (value as Payload).metadata?.encoding;
    if (encoding instanceof Uint8Array && 'data' in value) found.add(Buffer.from(encoding).toString('utf8'));
    for (const [key, item] of Object.entries(value)) {
      // The request id header (logs across processes) is the one payload kept in clear: an id the api checked
      // against its pattern, never data; anything else in it would fail here.
      if (key === REQUEST_ID_HEADER) {
        expect(Buffer.from((item as Payload).data!).toString('utf8')).toMatch(/^"[A-Za-z0-9._:-]{1,64}"$/);
        continue;
      }
      if (key !== 'markerRecordedEventAttributes' && key !== 'upsertWorkflowSearchAttributesEventAttributes') encodings(item, found);
    }
  }
  return found;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('personal data at rest and in Temporal', () => {
  it('is neither in the referral row nor in the workflow history in clear, and the coordinator reads it', async () => {
    const person = resident();
    const secrets = [person.displayName, person.contact, person.method];
    const submitted = await submit(person);
    expect(submitted.subject).toEqual({ displayName: person.displayName, ageBand: '90代', contact: person.contact });
    // More history: an update with a note, activities, a query.
    await first.data(ACCEPT, { id: submitted.id, note: '受け付けました' });
    expect((await tier2.data(REFERRAL, { id: submitted.id })).referral.subject).toEqual({
      displayName: person.displayName,
      ageBand: '90代',
      contact: person.contact,
    });

    // PostgreSQL: each personal value sealed with the active key, nothing of them in the row.
    const stored = await row(submitted.id);
    for (const column of ['subject_display_name', 'subject_age_band', 'subject_contact', 'consent_method']) {
      expect({ column, value: stored[column] }).toEqual({ column, value: expect.stringMatching(/^enc:v1:e2e-a:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/) });
    }
    expect(occurrences(stored.whole, [...secrets, '90代'])).toEqual([]);
    // Bound to its row: the same ciphertext in another row's column does not open (the api answers with an error, not the value).
    const other = await submit(resident());
    await queryRows(state.databaseUrl, 'UPDATE referral SET subject_contact = $2 WHERE id = $1', [other.id, stored.subject_contact]);
    const swapped = await tier2.send(REFERRAL, { id: other.id });
    expect(swapped.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(swapped)).not.toContain(person.contact);
    await queryRows(state.databaseUrl, 'UPDATE referral SET subject_contact = NULL WHERE id = $1', [other.id]);

    // Temporal: the history as the server keeps it, fetched without the codec.
    const handle = raw.workflow.getHandle(stored.workflow_id);
    const history = await handle.fetchHistory();
    expect(history.events!.length).toBeGreaterThan(5);
    expect(occurrences(history, secrets)).toEqual([]);
    expect([...encodings(history)]).toEqual(['binary/encrypted']);
    // ... though the subject is in it: the codec opens the workflow input.
    const started = history.events!.find((event) => event.workflowExecutionStartedEventAttributes)!;
    const [input] = await appDataConverter(state.appEnv).payloadCodecs![0].decode(
      started.workflowExecutionStartedEventAttributes!.input!.payloads as Payload[],
    );
    expect(defaultPayloadConverter.fromPayload<{ submission: { subject: unknown } }>(input).submission.subject).toEqual({
      displayName: person.displayName,
      ageBand: '90代',
      contact: person.contact,
    });
    // A client without the keys cannot read a query's answer; one with them can.
    await expect(handle.query('referralState')).rejects.toThrow();
    expect(await temporal.workflow.getHandle(stored.workflow_id).query<{ status: string }>('referralState')).toMatchObject({ status: 'ACCEPTED' });

    // Logs: api and worker never wrote it.
    for (const log of ['api.log', 'worker.log'].map((file) => join(state.dataDir ?? '', file)).filter((file) => existsSync(file))) {
      expect({ log, found: secrets.filter((secret) => readFileSync(log, 'utf8').includes(secret)) }).toEqual({ log, found: [] });
    }
  });
});

describe('retention', () => {
  it('erases the personal data of referrals closed longer ago than the retention period, from the daily Schedule', async () => {
    // The worker made the Schedule at start.
    const schedule = temporal.schedule.getHandle('tsunagu-retention-sweep');
    const described = await schedule.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'retentionSweepWorkflow', taskQueue });

    // Open (offered to the next partner after a decline): not due.
    const person = resident();
    const declined = await submit(person);
    await first.data(DECLINE, { id: declined.id, reason: 'NO_CAPACITY', note: `${person.displayName}さんは遠方` });
    // Completed long ago (past the default 1825 days once backdated), with notes that name the resident.
    const back = await submit(person);
    await first.data(ACCEPT, { id: back.id, note: `${person.displayName}さんに電話` });
    await first.data(START, { id: back.id });
    await tier2.data(NOTE, { id: back.id, note: `${person.displayName}さんの長女から連絡` });
    await first.data(COMPLETE, { id: back.id, outcome: 'RESOLVED', note: '送迎開始' });
    // Withdrawn long ago, with a free-text reason.
    const withdrawn = await submit(person);
    await tier2.data(WITHDRAW, { id: withdrawn.id, reason: `${person.displayName}さんが入院` });
    // Withdrawn recently, and open for long: not due.
    const recent = await submit(person);
    await tier2.data(WITHDRAW, { id: recent.id, reason: '家族が対応' });
    const open = await submit(person);

    const provisionsOf = async (ids: string[]) =>
      (
        await queryRows<{ n: number }>(state.databaseUrl, 'SELECT count(*)::int AS n FROM provision_record WHERE referral_id = ANY($1::uuid[])', [
          ids,
        ])
      )[0].n;
    expect(await provisionsOf([back.id])).toBeGreaterThan(0); // the offer and the acceptance gave the partner personal data

    const old = [back.id, withdrawn.id, open.id];
    await queryRows(state.databaseUrl, `UPDATE referral SET updated_at = now() - interval '1826 days' WHERE id = ANY($1::uuid[])`, [old]);
    const handoffsBefore = await queryRows<{ referral_id: string; seq: number; kind: string; reason: string | null }>(
      state.databaseUrl,
      'SELECT referral_id, seq, kind, reason FROM referral_handoff WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id, seq',
      [old],
    );

    await schedule.trigger();
    const erased = await waitFor('the sweep to erase', async () => {
      const rows = await queryRows<Record<string, any>>(
        state.databaseUrl,
        'SELECT * FROM referral WHERE id = ANY($1::uuid[]) AND personal_data_erased_at IS NOT NULL',
        [[back.id, withdrawn.id]],
      );
      return rows.length === 2 && rows;
    });
    for (const r of erased) {
      expect(r).toMatchObject({
        subject_display_name: null,
        subject_age_band: null,
        subject_contact: null,
        consent_method: null,
        subject_kind: 'PERSON',
        consent_obtained: true,
        category: 'TRANSPORT',
        area_id: city.areaId,
      });
    }
    expect(erased.find((r) => r.id === back.id)).toMatchObject({ status: 'COMPLETED', outcome: 'RESOLVED', current_organization_id: city.first.id });
    expect(erased.find((r) => r.id === withdrawn.id)).toMatchObject({ status: 'WITHDRAWN' });

    // The history keeps its shape and coded reasons; the free text people wrote is gone.
    const handoffsAfter = await queryRows<{ referral_id: string; seq: number; kind: string; reason: string | null; note: string | null }>(
      state.databaseUrl,
      'SELECT referral_id, seq, kind, reason, note FROM referral_handoff WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id, seq',
      [[back.id, withdrawn.id]],
    );
    expect(handoffsAfter.map((h) => h.note)).toEqual(handoffsAfter.map(() => null));
    for (const h of handoffsAfter) {
      const before = handoffsBefore.find((b) => b.referral_id === h.referral_id && b.seq === h.seq)!;
      expect({ kind: h.kind, reason: h.reason }).toEqual({ kind: before.kind, reason: before.kind === 'WITHDRAWN' ? null : before.reason });
    }
    expect(handoffsAfter.find((h) => h.kind === 'COMPLETED')?.reason).toBe('RESOLVED');
    expect(await provisionsOf([back.id, withdrawn.id])).toBe(0);

    // Not due: closed recently, or still open however old.
    for (const id of [recent.id, open.id, declined.id]) {
      const kept = await row(id);
      expect({ id, erased: kept.personal_data_erased_at, name: kept.subject_display_name }).toEqual({
        id,
        erased: null,
        name: expect.stringMatching(/^enc:v1:/),
      });
    }

    // The api: the anonymised record, no subject.
    const shown = (await tier2.data(REFERRAL, { id: back.id })).referral;
    expect(shown).toMatchObject({ status: 'COMPLETED', outcome: 'RESOLVED', subject: null, area: { code: city.areaCode } });
    expect(shown.handoffs.map((h: { kind: string }) => h.kind)).toEqual(['SUBMITTED', 'OFFERED', 'ACCEPTED', 'STARTED', 'NOTE', 'COMPLETED']);
    expect(JSON.stringify(shown)).not.toContain(person.displayName);
    expect((await first.data(REFERRAL, { id: back.id })).referral.subject).toBeNull();
    expect((await tier2.data(REFERRAL, { id: recent.id })).referral.subject.displayName).toBe(person.displayName);

    // Idempotent: a second run finds nothing more to erase.
    const again = await temporal.workflow.execute('retentionSweepWorkflow', { taskQueue, workflowId: `retention-e2e-${randomUUID()}`, args: [{}] });
    expect(again).toEqual({ erased: 0, batches: 1 });

    // The history stays append-only otherwise: no other change, and no erasure on a referral that was not erased.
    await expect(queryRows(state.databaseUrl, `UPDATE referral_handoff SET note = 'x' WHERE referral_id = $1`, [back.id])).rejects.toThrow(
      'append-only',
    );
    await expect(queryRows(state.databaseUrl, `UPDATE referral_handoff SET note = NULL WHERE referral_id = $1`, [recent.id])).rejects.toThrow(
      'append-only',
    );
    await expect(queryRows(state.databaseUrl, `DELETE FROM referral_handoff WHERE referral_id = $1`, [back.id])).rejects.toThrow('append-only');
  });
});

function runRotation(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ROTATE], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('key rotation', () => {
  const keys = () => state.appEnv.TSUNAGU_DATA_KEYS;

  it('re-encrypts with the new key while referrals are submitted, and the api reads rows on either key', async () => {
    const person = resident();
    const before = await submit(person);
    // A row from before encryption existed: clear values, which the api reads as they are.
    const legacy = await submit(resident());
    await queryRows(
      state.databaseUrl,
      `UPDATE referral SET subject_display_name = '旧 花子', subject_age_band = NULL, subject_contact = '06-0000-0000', consent_method = '口頭' WHERE id = $1`,
      [legacy.id],
    );
    expect((await tier2.data(REFERRAL, { id: legacy.id })).referral.subject).toEqual({
      displayName: '旧 花子',
      ageBand: null,
      contact: '06-0000-0000',
    });

    // The switch: e2e-b becomes active (the api and worker of this stack keep writing with e2e-a, which is in every ring).
    const during = Promise.all(Array.from({ length: 6 }, () => submit(person)));
    const rotation = await runRotation({ DATABASE_URL: state.databaseUrl, TSUNAGU_DATA_KEYS: keys(), TSUNAGU_DATA_KEY_ACTIVE: 'e2e-b' });
    const submittedDuring = await during;
    expect(rotation.output).toContain('rotate-data-keys: done');
    expect(rotation.code).toBe(0);
    expect(rotation.output).not.toContain(person.displayName);

    for (const id of [before.id, legacy.id]) {
      const stored = await row(id);
      expect(stored.subject_display_name).toMatch(/^enc:v1:e2e-b:/);
      expect(stored.subject_contact).toMatch(/^enc:v1:e2e-b:/);
      expect(stored.consent_method).toMatch(/^enc:v1:e2e-b:/);
    }
    expect((await row(legacy.id)).subject_age_band).toBeNull();
    expect((await tier2.data(REFERRAL, { id: before.id })).referral.subject).toEqual({
      displayName: person.displayName,
      ageBand: '90代',
      contact: person.contact,
    });
    expect((await tier2.data(REFERRAL, { id: legacy.id })).referral.subject).toEqual({
      displayName: '旧 花子',
      ageBand: null,
      contact: '06-0000-0000',
    });
    // Referrals written while it ran are whole and readable, on whichever key.
    for (const referral of submittedDuring) {
      expect((await tier2.data(REFERRAL, { id: referral.id })).referral.subject.contact).toBe(person.contact);
    }

    // A second run converts what the stack wrote meanwhile with e2e-a, and then nothing is left on another key.
    expect((await runRotation({ DATABASE_URL: state.databaseUrl, TSUNAGU_DATA_KEYS: keys(), TSUNAGU_DATA_KEY_ACTIVE: 'e2e-b' })).code).toBe(0);
    const [{ n }] = await queryRows<{ n: number }>(
      state.databaseUrl,
      `SELECT count(*)::int AS n FROM referral WHERE NOT starts_with(coalesce(subject_display_name, 'enc:v1:e2e-b:'), 'enc:v1:e2e-b:')
          OR NOT starts_with(coalesce(subject_contact, 'enc:v1:e2e-b:'), 'enc:v1:e2e-b:')`,
    );
    expect(n).toBe(0);
  });

  it('stops, naming the key, when a row is on a key missing from its ring, and writes nothing', async () => {
    const referral = await submit(resident()); // sealed with e2e-a by the worker
    const storedBefore = await row(referral.id);
    const onlyB = keys()
      .split(',')
      .filter((entry) => entry.startsWith('e2e-b:'))
      .join(',');
    const rotation = await runRotation({ DATABASE_URL: state.databaseUrl, TSUNAGU_DATA_KEYS: onlyB });
    expect(rotation.code).toBe(1);
    expect(rotation.output).toContain('data key "e2e-a", which is not in TSUNAGU_DATA_KEYS (e2e-b)');
    expect((await row(referral.id)).subject_display_name).toBe(storedBefore.subject_display_name);
  });
});

describe('start-up configuration of the keys and the retention', () => {
  const entries = {
    api: join(root, 'dist/apps/api/src/main.js'),
    worker: join(root, 'dist/apps/worker/src/main.js'),
    'rotate-data-keys': ROTATE,
  };
  const key = randomBytes(32).toString('base64');
  const good = {
    DATABASE_URL: 'postgres://tsunagu:secret-password@127.0.0.1:1/tsunagu',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    TSUNAGU_JWT_SECRET: 'x'.repeat(40),
    TSUNAGU_DATA_KEYS: `k1:${key}`,
  };
  const short = randomBytes(16).toString('base64');

  it.each([
    ['api', 'TSUNAGU_DATA_KEYS', { ...good, TSUNAGU_DATA_KEYS: undefined }, 'is required'],
    ['worker', 'TSUNAGU_DATA_KEYS', { ...good, TSUNAGU_DATA_KEYS: undefined }, 'is required'],
    ['rotate-data-keys', 'TSUNAGU_DATA_KEYS', { ...good, TSUNAGU_DATA_KEYS: undefined }, 'is required'],
    ['api', 'TSUNAGU_DATA_KEYS', { ...good, TSUNAGU_DATA_KEYS: `k1:${short}` }, 'base64 of exactly 32 bytes'],
    ['worker', 'TSUNAGU_DATA_KEYS', { ...good, TSUNAGU_DATA_KEYS: key }, '<key id>:<base64 key>'],
    ['worker', 'TSUNAGU_DATA_KEY_ACTIVE', { ...good, TSUNAGU_DATA_KEYS: `k1:${key},k2:${key}` }, 'is required'],
    ['api', 'TSUNAGU_DATA_KEY_ACTIVE', { ...good, TSUNAGU_DATA_KEY_ACTIVE: 'k9' }, 'not in TSUNAGU_DATA_KEYS'],
    ['worker', 'TSUNAGU_RETENTION_DAYS', { ...good, TSUNAGU_RETENTION_DAYS: '0' }, 'at least 1'],
    ['worker', 'TSUNAGU_RETENTION_DAYS', { ...good, TSUNAGU_RETENTION_DAYS: 'five years' }, 'whole number'],
  ] as const)('%s stops when %s is wrong', (app, variable, env, problem) => {
    const { PATH, HOME } = process.env;
    const result = spawnSync(process.execPath, [entries[app]], {
      env: { PATH, HOME, ...env } as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain(`Configuration error: ${variable}`);
    expect(output).toContain(problem);
    expect(output).not.toContain(key);
    expect(output).not.toContain(short);
  });
});
