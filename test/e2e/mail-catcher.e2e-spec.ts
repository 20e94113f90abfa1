// The wiring of the e2e run's mail catcher: the worker and api are told to send to it (SMTP_URL, MAIL_FROM), a test
// file, in another process than the global setup that started it, reads and steers it through e2eMailCatcher(), and an
// administrator reads what it kept with keptMails (送信メール), since the api is given its folder (MAIL_CATCHER_DIR).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { createTestCity, e2eMailCatcher, GraphQLSession, readE2eState, signIn } from '@tsunagu/testing/e2e';

describe('the e2e mail catcher', () => {
  const state = readE2eState();
  const catcher = e2eMailCatcher();

  it('is where api and worker send mail, and keeps what it receives in the stack folder', async () => {
    expect(state.appEnv.SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(state.appEnv.MAIL_FROM).toBeTruthy();
    expect(state.appEnv.MAIL_CATCHER_DIR).toBe(join(state.dataDir!, 'mail'));

    const subject = `配線の確認 ${Date.now()}`;
    await createTransport(state.appEnv.SMTP_URL).sendMail({ from: state.appEnv.MAIL_FROM, to: 'admin@tsunagu.test', subject, text: '本文' });
    const mail = await catcher.waitFor((m) => m.subject === subject, 10_000);
    expect(mail).toMatchObject({ to: ['admin@tsunagu.test'], envelope: { to: ['admin@tsunagu.test'] } });
    expect(readdirSync(state.appEnv.MAIL_CATCHER_DIR)).toEqual(expect.arrayContaining([`${mail.id}.eml`, `${mail.id}.json`]));
  });

  it('refuses on demand for the retry tests', async () => {
    await catcher.refuseNext(1, 451);
    await expect(
      createTransport(state.appEnv.SMTP_URL).sendMail({ from: state.appEnv.MAIL_FROM, to: 'admin@tsunagu.test', subject: '拒否', text: '本文' }),
    ).rejects.toMatchObject({ responseCode: 451 });
  });

  describe('keptMails (送信メール)', () => {
    let admin: GraphQLSession;
    let tier1: GraphQLSession;
    beforeAll(async () => {
      const city = await createTestCity(state.databaseUrl, 'kept-mail');
      admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
      tier1 = await signIn(state.graphqlUrl, city.emails.tier1, city.password);
    });
    const KEPT = `query K($first: Int!) { keptMails(first: $first) {
      catcherEnabled totalCount mails { id receivedAt from to recipients subject messageId text html } } }`;

    it('says through me.canReadKeptMail who may read it (the console shows 送信メール only then): the administrator, not tier 1', async () => {
      const query = `query { me { canReadKeptMail } }`;
      expect(await admin.data<any>(query)).toEqual({ me: { canReadKeptMail: true } });
      expect(await tier1.data<any>(query)).toEqual({ me: { canReadKeptMail: false } });
    });

    it('lists what the catcher kept, newest first, with both bodies as sent', async () => {
      const subject = `送信メールの確認 ${Date.now()}`;
      const html = '<p>打診が届きました。<script>alert(1)</script></p>';
      for (const n of [1, 2]) {
        await createTransport(state.appEnv.SMTP_URL).sendMail({
          from: state.appEnv.MAIL_FROM,
          to: 'npo@tsunagu.test',
          bcc: 'tier1@tsunagu.test',
          subject: `${subject} ${n}`,
          text: '打診が届きました。',
          html,
          messageId: `<kept-${n}-${subject.length}@tsunagu.test>`,
        });
      }
      const data = await admin.data<any>(KEPT, { first: 200 });
      expect(data.keptMails.catcherEnabled).toBe(true);
      expect(data.keptMails.totalCount).toBeGreaterThanOrEqual(2);
      expect(data.keptMails.mails.slice(0, 2)).toEqual([
        {
          id: expect.any(String),
          receivedAt: expect.any(String),
          from: 'no-reply@tsunagu.test',
          to: ['npo@tsunagu.test'],
          recipients: ['npo@tsunagu.test', 'tier1@tsunagu.test'],
          subject: `${subject} 2`,
          messageId: `<kept-2-${subject.length}@tsunagu.test>`,
          text: expect.stringContaining('打診が届きました。'),
          html: expect.stringContaining('<script>alert(1)</script>'),
        },
        expect.objectContaining({ subject: `${subject} 1` }),
      ]);
      const one = await admin.data<any>(KEPT, { first: 1 });
      expect(one.keptMails.mails.map((mail: { subject: string }) => mail.subject)).toEqual([`${subject} 2`]);
    });

    it('refuses a first outside 1 to 200 by its field, and anyone but an administrator', async () => {
      for (const first of [0, 201]) {
        const response = await admin.send(KEPT, { first });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });
      }
      expect((await tier1.send(KEPT, { first: 1 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
