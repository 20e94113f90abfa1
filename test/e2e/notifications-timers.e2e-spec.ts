// The mails that only timers cause (docs/NOTIFICATIONS.md, "Which tier tests which kind"), end to end: the compiled api
// and worker of this run, on the run's PostgreSQL and mail catcher, but connected to Temporal's time-skipping test server
// instead of the dev server, so this file can let weeks of business-day timers fire: the workflows' own timers, the
// worker's activities writing the handoffs and the outbox rows, the sender delivering them to the real SMTP server.
// Sharing the database and the catcher puts these mails and residents under zz-mail-privacy.e2e-spec.ts's check too.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTestCity, e2eMailCatcher, GraphQLSession, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';
import type { CaughtMail } from '@tsunagu/testing/servers/mail-catcher';
import { RunningTemporalTestServer, startTemporalTestServer } from '@tsunagu/testing/servers/temporal-test-server';
import { freePort, ServerProcess } from '@tsunagu/testing/servers';
import { startApiProcess, startWorkerProcess } from '@tsunagu/testing/stack/app-processes';
import { ACCEPT, personNeed, REFERRAL_FIELDS, SUBMIT } from './support/documents';
import {
  ADD_ACTION,
  ADD_TO_AGENDA,
  CREATE_ISSUE,
  CREATE_MEETING,
  DECIDE,
  DRAFT,
  issueInput,
  SUBMIT_PROPOSAL,
  subcommitteeSession,
} from './support/policy';

jest.setTimeout(300_000);

const HOLD = `mutation Hold($id: ID!, $resumeOn: String!, $reason: String!) { holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) { ${REFERRAL_FIELDS} } }`;
const HISTORY = `query R($id: ID!) { referral(id: $id) { status handoffs { kind } } }`;
const DAY = 86_400_000;

const state = readE2eState();
const catcher = e2eMailCatcher();
let temporal: RunningTemporalTestServer;
let worker: ServerProcess;
let api: ServerProcess;
let graphqlUrl: string;
let city: TestCity;
let tier1: GraphQLSession;
let tier2: GraphQLSession;
let first: GraphQLSession;
let admin: GraphQLSession;

beforeAll(async () => {
  const dataDir = join(state.dataDir!, 'time-skipping');
  temporal = await startTemporalTestServer({ logFile: join(dataDir, 'temporal-test-server.log') });
  // The run's database (migrated, seeded), data keys, JWT secret, SMTP_URL of its catcher and mail settings; this Temporal.
  const env = { ...state.appEnv, TEMPORAL_ADDRESS: temporal.address, TSUNAGU_METRICS_PORT: '' };
  worker = await startWorkerProcess(env, join(dataDir, 'worker.log'));
  const port = await freePort('127.0.0.1');
  api = await startApiProcess(env, port, join(dataDir, 'api.log'));
  graphqlUrl = `http://localhost:${port}/graphql`;
  city = await createTestCity(state.databaseUrl, 'timers');
  [tier1, tier2, first, admin] = await Promise.all(
    [city.emails.tier1, city.emails.tier2, city.emails.first, city.emails.admin].map((email) => signIn(graphqlUrl, email, city.password)),
  );
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await temporal?.stop();
});

const about = (email: string, title: string, id: string) => (mail: CaughtMail) =>
  mail.envelope.to.includes(email) && mail.subject.includes(title) && (mail.text ?? '').includes(id);

/** The mail, checked for what no mail may hold: the fixture's resident (personNeed) and its summary. */
async function mailTo(email: string, title: string, id: string): Promise<CaughtMail> {
  const mail = await catcher.waitFor(about(email, title, id), 30_000);
  for (const resident of ['山田', '072-000-1111', '通院に付き添い']) expect(mail.raw).not.toContain(resident);
  return mail;
}

/** The JST calendar date `days` after the server's now. */
async function jstDateIn(days: number): Promise<string> {
  return new Date((await temporal.now()).getTime() + days * DAY + 9 * 3_600_000).toISOString().slice(0, 10);
}

describe('mails caused by timers, on the time-skipping test server', () => {
  let unanswered: string;

  it('offer reminder and expiry, unmatched, automatic escalation and tier-1 reminder, progress reminder, resume date', async () => {
    const submit = async () => (await tier2.data(SUBMIT, { input: personNeed(city.areaCode) })).submitReferral.id as string;
    unanswered = await submit(); // nobody answers: first, then second is offered; then unmatched, escalated
    const accepted = await submit(); // accepted, no progress recorded
    const held = await submit(); // accepted, then on hold until a resume date
    await first.data(ACCEPT, { id: accepted });
    await first.data(ACCEPT, { id: held });
    const resumeOn = await jstDateIn(7);
    expect((await tier2.data(HOLD, { id: held, resumeOn, reason: '入院のため' })).holdReferral.status).toBe('ON_HOLD');

    // Five weeks of business days: every timer above fires at least once.
    await temporal.skip(35 * DAY);

    const reminder = await mailTo(city.emails.first, '打診への回答をお願いします', unanswered);
    expect(reminder.text).toMatch(/回答期限: \d{4}年\d{1,2}月\d{1,2}日\(.\) 17:15/);
    await mailTo(city.emails.second, '打診への回答をお願いします', unanswered);
    const expired = await catcher.waitForCount(about(city.emails.tier2, '打診が回答期限を過ぎました', unanswered), 2, 30_000);
    expect(expired.map((m) => m.text?.match(/連携先: (.*)/)?.[1]).sort()).toEqual([city.first.name, city.second.name].sort());
    await mailTo(city.emails.tier2, 'つなぎ先が見つかりません', unanswered);
    for (const email of [city.emails.tier2, city.emails.tier1]) {
      const escalated = await mailTo(email, '第1層SCに上げられました', unanswered);
      expect(escalated.text).toContain('経緯: つなぎ先なしの期間を過ぎたため自動で');
    }
    const tier1Reminder = await mailTo(city.emails.tier1, '第1層SCの対応をお願いします', unanswered);
    expect(tier1Reminder.text).toMatch(/対応期限: \d{4}年/);

    for (const email of [city.emails.first, city.emails.tier2]) await mailTo(email, '進捗の記録をお願いします', accepted);
    const resume = await mailTo(city.emails.tier2, '保留中の依頼の再開予定日です', held);
    expect(resume.text).toContain(`https://tsunagu.test.example/referrals/${held}`);
    // The holder is not asked about the resume date: the coordinator decides.
    expect((await catcher.mails()).filter(about(city.emails.first, '保留中の依頼の再開予定日です', held))).toEqual([]);

    // Nobody else was told: the offers' reminders went to the offered partner only, never to the other test partners.
    const ours = (await catcher.mails()).filter((m) => (m.text ?? '').includes(unanswered));
    expect(ours.filter((m) => m.envelope.to.includes(city.emails.elsewhere))).toEqual([]);
    const history = (await tier2.data(HISTORY, { id: unanswered })).referral;
    expect(history.status).toBe('ESCALATED');
  });

  it('a subcommittee decision reaches the submitter; a follow-up action falling due reaches tier-1, with a link to it', async () => {
    const issue = (await tier1.data(CREATE_ISSUE, { input: issueInput([city.areaCode], [unanswered]) })).createRegionalIssue;
    const proposal = (await tier1.data(DRAFT, { issueId: issue.id, input: { title: '通院移動支援の創設', body: '第1版' } })).draftPolicyProposal;
    await tier1.data(SUBMIT_PROPOSAL, { id: proposal.id });
    const subcommittee = await subcommitteeSession(graphqlUrl, admin, state.databaseUrl, city.emails.tier1);
    const meeting = (
      await subcommittee.data(CREATE_MEETING, {
        input: { title: `部会 ${randomUUID().slice(0, 6)}`, heldAt: new Date(Date.now() - DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z') },
      })
    ).createSubcommitteeMeeting;
    await subcommittee.data(ADD_TO_AGENDA, { meetingId: meeting.id, proposalId: proposal.id });
    await subcommittee.data(DECIDE, { meetingId: meeting.id, proposalId: proposal.id, decision: 'ADOPTED', minutes: '全会一致で採択' });
    const decision = await mailTo(city.emails.tier2, '部会で決定がありました', unanswered);
    expect(decision.text).toContain('部会の決定: 採択');
    expect(decision.text).toContain(`地域課題番号: ${issue.id}`);

    const dueOn = await jstDateIn(5);
    const action = (
      await tier1.data(ADD_ACTION, { proposalId: proposal.id, input: { description: '運転ボランティア募集', owner: '社会福祉協議会', dueOn } })
    ).addFollowUpAction;
    expect(action.dueOn).toBe(dueOn);
    await temporal.skip(10 * DAY);
    const due = await mailTo(city.emails.tier1, 'フォローアップの期日です', issue.id);
    expect(due.text).toContain(`地域課題番号: ${issue.id}`);
    expect(due.text).not.toContain('運転ボランティア募集');
    expect(due.text).not.toContain(issue.title);
  });
});
