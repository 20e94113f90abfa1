// The mail catcher as the worker meets it: real SMTP over loopback with nodemailer (what the worker sends with), no
// database. Also its control API over HTTP, which the e2e test files use from another process.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mailparser from 'mailparser';
import { createTransport } from 'nodemailer';
import { mailCatcherClient } from '../e2e/mail-catcher-client';
import { MailCatcher, startMailCatcher } from './mail-catcher';

describe('mail catcher', () => {
  let dir: string;
  let catcher: MailCatcher;
  const send = (overrides: Record<string, unknown> = {}) =>
    createTransport(catcher.url).sendMail({
      from: 'つなぐ <no-reply@tsunagu.test>',
      to: 'npo@tsunagu.test',
      subject: '【つなぐ】新しい依頼の打診があります',
      text: '移動支援の依頼が届きました。\n期限: 2026年12月8日 17:00',
      html: '<p>移動支援の依頼が届きました。</p>',
      ...overrides,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-mail-'));
    catcher = await startMailCatcher({ dir, control: true });
  });
  afterEach(async () => {
    await catcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a mail parsed, with its envelope, and as .eml + .json in its folder', async () => {
    expect(catcher.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const info = await send({ bcc: 'tier1@tsunagu.test', messageId: '<offer-1@tsunagu.test>' });
    expect(info.accepted).toEqual(['npo@tsunagu.test', 'tier1@tsunagu.test']);

    const [mail] = await catcher.mails();
    expect(mail).toMatchObject({
      envelope: { from: 'no-reply@tsunagu.test', to: ['npo@tsunagu.test', 'tier1@tsunagu.test'] },
      messageId: '<offer-1@tsunagu.test>',
      from: 'no-reply@tsunagu.test',
      to: ['npo@tsunagu.test'],
      cc: [],
      subject: '【つなぐ】新しい依頼の打診があります',
      text: '移動支援の依頼が届きました。\n期限: 2026年12月8日 17:00',
      html: '<p>移動支援の依頼が届きました。</p>',
    });
    expect(mail.headers['message-id']).toBe('<offer-1@tsunagu.test>');
    expect(mail.raw).toContain('Message-ID: <offer-1@tsunagu.test>');
    expect(Date.parse(mail.receivedAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(readdirSync(dir).sort()).toEqual([`${mail.id}.eml`, `${mail.id}.json`]);
    expect(readFileSync(join(dir, `${mail.id}.eml`), 'utf8')).toBe(mail.raw);
    const { raw: _raw, ...summary } = mail;
    expect(JSON.parse(readFileSync(join(dir, `${mail.id}.json`), 'utf8'))).toEqual(summary);
  });

  it('gives ids that sort in arrival order', async () => {
    for (const n of [1, 2, 3]) await send({ subject: `件名 ${n}` });
    const mails = await catcher.mails();
    expect(mails.map((mail) => mail.subject)).toEqual(['件名 1', '件名 2', '件名 3']);
    expect(mails.map((mail) => mail.id)).toEqual(mails.map((mail) => mail.id).sort());
  });

  it('waits for a mail that is yet to come, and says what did arrive when it does not', async () => {
    const waiting = catcher.waitFor((mail) => mail.to.includes('center@tsunagu.test'), 5_000);
    await send();
    await send({ to: 'center@tsunagu.test' });
    await expect(waiting).resolves.toMatchObject({ to: ['center@tsunagu.test'] });
    await expect(catcher.waitForCount(() => true, 2, 1_000)).resolves.toHaveLength(2);

    await expect(catcher.waitFor((mail) => mail.subject === 'never', 300)).rejects.toThrow(
      /0 of the 1 mail\(s\) waited for arrived within 300 ms; 2 kept, the last ones:\n.*to npo@tsunagu\.test: 【つなぐ】/,
    );
  });

  it('refuses the next mails on demand, temporarily or for good, and keeps none of them', async () => {
    await catcher.refuseNext(1);
    await catcher.refuseNext(1, 550);
    await expect(send()).rejects.toMatchObject({ responseCode: 451 });
    await expect(send()).rejects.toMatchObject({ responseCode: 550 });
    expect(await catcher.mails()).toEqual([]);
    await send();
    expect(await catcher.mails()).toHaveLength(1);
  });

  it('answers late on demand, having kept the mail at once (a sender killed meanwhile never hears 250)', async () => {
    await catcher.delayNext(1, 1_500);
    const started = Date.now();
    let answered = false;
    const sending = send().then(() => (answered = true));
    await catcher.waitFor(() => true, 5_000);
    expect(answered).toBe(false);
    await sending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  });

  it('forgets what it kept on clear(), keeping the files', async () => {
    await send();
    await catcher.clear();
    expect(await catcher.mails()).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('serves the same over HTTP for tests in another process', async () => {
    const client = mailCatcherClient(catcher.controlUrl!);
    await client.refuseNext(1, 421);
    await expect(send()).rejects.toMatchObject({ responseCode: 421 });
    const waiting = client.waitFor((mail) => mail.subject === 'あとで', 5_000);
    await send({ subject: 'あとで' });
    await expect(waiting).resolves.toMatchObject({ subject: 'あとで', text: expect.stringContaining('移動支援') });
    expect(await client.mails()).toHaveLength(1);
    await client.clear();
    expect(await client.mails()).toEqual([]);
    await expect(client.waitFor(() => true, 200)).rejects.toThrow(/0 of the 1 mail\(s\) waited for arrived within 200 ms; 0 kept$/);
    await expect(client.refuseNext(-1)).rejects.toThrow('count must be a whole number');
  });

  it('works without a folder, and stops', async () => {
    const bare = await startMailCatcher();
    try {
      await createTransport(bare.url).sendMail({ from: 'a@tsunagu.test', to: 'b@tsunagu.test', subject: 's', text: 't' });
      expect(await bare.mails()).toMatchObject([{ subject: 's', text: expect.stringMatching(/^t\s*$/), html: undefined }]);
      expect(bare.controlUrl).toBeUndefined();
    } finally {
      await bare.stop();
    }
    await expect(createTransport(bare.url).sendMail({ from: 'a@tsunagu.test', to: 'b@tsunagu.test', text: 't' })).rejects.toThrow();
  });

  it('with parseWhenRead, keeps the source and receipt time and parses only when the mails are read, then on arrival', async () => {
    const parser = jest.spyOn(mailparser, 'simpleParser');
    const lazy = await startMailCatcher({ parseWhenRead: true });
    try {
      const transport = createTransport(lazy.url);
      for (const n of [1, 2]) await transport.sendMail({ from: 'a@tsunagu.test', to: 'b@tsunagu.test', subject: `件名 ${n}`, text: 't' });
      const sentBy = Date.now();
      expect(parser).not.toHaveBeenCalled();

      const mails = await lazy.mails();
      expect(mails.map((mail) => mail.subject)).toEqual(['件名 1', '件名 2']);
      expect(mails.every((mail) => Date.parse(mail.receivedAt) <= sentBy)).toBe(true);
      expect(parser).toHaveBeenCalledTimes(2);

      const waiting = lazy.waitFor((mail) => mail.subject === '件名 3', 5_000);
      await transport.sendMail({ from: 'a@tsunagu.test', to: 'b@tsunagu.test', subject: '件名 3', text: 't' });
      await expect(waiting).resolves.toMatchObject({ subject: '件名 3' });
    } finally {
      parser.mockRestore();
      await lazy.stop();
    }
    await expect(startMailCatcher({ parseWhenRead: true, dir })).rejects.toThrow(/parseWhenRead cannot keep files/);
  });
});
