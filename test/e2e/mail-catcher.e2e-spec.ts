// The wiring of the e2e run's mail catcher: the worker and api are told to send to it (SMTP_URL, MAIL_FROM), and a test
// file, in another process than the global setup that started it, reads and steers it through e2eMailCatcher().
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { e2eMailCatcher, readE2eState } from '@tsunagu/testing/e2e';

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
});
