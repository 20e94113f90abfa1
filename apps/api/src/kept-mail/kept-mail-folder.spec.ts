// keptMails (送信メール) reads the folder the mail catcher writes: newest first, files that are not its summaries left out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@tsunagu/domain';
import { keptMailReadableBy, newestKeptMails } from './kept-mail-folder';

const ignore = () => undefined;

describe('newestKeptMails', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-kept-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const keep = (id: string, fields: Record<string, unknown> = {}) =>
    writeFileSync(
      join(dir, `${id}.json`),
      JSON.stringify({
        id,
        receivedAt: '2026-12-07T05:00:00.000Z',
        envelope: { from: 'no-reply@tsunagu.test', to: ['npo@tsunagu.test', 'tier1@tsunagu.test'] },
        from: 'no-reply@tsunagu.test',
        to: ['npo@tsunagu.test'],
        cc: [],
        subject: `件名 ${id}`,
        text: '本文',
        headers: {},
        ...fields,
      }),
    );

  it('says the catcher is off, and lists nothing, without a folder', async () => {
    await expect(newestKeptMails(undefined, 50, ignore)).resolves.toEqual({ catcherEnabled: false, totalCount: 0, mails: [] });
  });

  it('lists nothing yet when the folder does not exist', async () => {
    await expect(newestKeptMails(join(dir, 'not-yet'), 50, ignore)).resolves.toEqual({ catcherEnabled: true, totalCount: 0, mails: [] });
  });

  it('lists the newest first, up to first, and counts them all', async () => {
    keep('20261207T050000000Z-00000001');
    keep('20261207T050100000Z-00000002', { html: '<p>本文</p>', messageId: '<m2@tsunagu.test>' });
    keep('20261207T045900000Z-00000003');
    writeFileSync(join(dir, '20261207T050100000Z-00000002.eml'), 'source');

    const all = await newestKeptMails(dir, 50, ignore);
    expect(all.totalCount).toBe(3);
    expect(all.mails.map((mail) => mail.id)).toEqual([
      '20261207T050100000Z-00000002',
      '20261207T050000000Z-00000001',
      '20261207T045900000Z-00000003',
    ]);
    expect(all.mails[0]).toEqual({
      id: '20261207T050100000Z-00000002',
      receivedAt: new Date('2026-12-07T05:00:00.000Z'),
      from: 'no-reply@tsunagu.test',
      to: ['npo@tsunagu.test'],
      recipients: ['npo@tsunagu.test', 'tier1@tsunagu.test'],
      subject: '件名 20261207T050100000Z-00000002',
      messageId: '<m2@tsunagu.test>',
      text: '本文',
      html: '<p>本文</p>',
    });
    expect(all.mails[1]).toMatchObject({ html: null, messageId: null });
    expect((await newestKeptMails(dir, 1, ignore)).mails.map((mail) => mail.id)).toEqual(['20261207T050100000Z-00000002']);
  });

  it('leaves out files that are not the catcher’s summaries, and half-written ones', async () => {
    const skipped: string[] = [];
    keep('20261207T050000000Z-00000001');
    writeFileSync(join(dir, '20261207T050100000Z-00000002.json'), '{"id": "trunc');
    writeFileSync(join(dir, '20261207T050200000Z-00000003.json'), '{"subject": "no id"}');
    writeFileSync(join(dir, '20261207T050300000Z-00000004.json.tmp'), '{}');
    writeFileSync(join(dir, 'notes.json'), '{}');

    const listed = await newestKeptMails(dir, 50, (file) => skipped.push(file));
    expect(listed.mails.map((mail) => mail.id)).toEqual(['20261207T050000000Z-00000001']);
    expect(listed.totalCount).toBe(3);
    expect(skipped.sort()).toEqual([join(dir, '20261207T050100000Z-00000002.json'), join(dir, '20261207T050200000Z-00000003.json')]);
  });
});

describe('keptMailReadableBy (User.canReadKeptMail: the console shows 送信メール only then)', () => {
  it('an administrator, while the api keeps mail in the local catcher', () => {
    expect(keptMailReadableBy(Role.ADMIN, '/tmp/kept')).toBe(true);
    expect(keptMailReadableBy(Role.TIER2_COORDINATOR, '/tmp/kept')).toBe(false);
    expect(keptMailReadableBy(Role.PARTNER, '/tmp/kept')).toBe(false);
  });

  it('nobody with a real mail server: nothing is kept', () => {
    expect(keptMailReadableBy(Role.ADMIN, undefined)).toBe(false);
  });
});
