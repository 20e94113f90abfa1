// Runs last (the name sorts last): every mail the e2e suite caused, read from the mail catcher's folder, must hold none
// of the residents' data the suite submitted (docs/NOTIFICATIONS.md, "What a mail may contain"): names, ふりがな,
// contacts and who consented (decrypted from the referral rows), and the free text written about them (summaries,
// coordinators' notes, regional issue titles and descriptions, follow-up actions).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataKeys } from '@tsunagu/crypto';
import { openReferralColumn, REFERRAL_SEALED_COLUMN_NAMES } from '@tsunagu/persistence/crypto/referral-personal-data';
import { queryRows, readE2eState } from '@tsunagu/testing/e2e';

jest.setTimeout(120_000);

const state = readE2eState();

/** Shorter values (年代 such as 80代, one-word notes) would match ordinary words of the templates. */
const MIN_FREE_TEXT = 4;
const MIN_NAME = 2;

async function residentData(): Promise<Map<string, string>> {
  const keys = readDataKeys(state.appEnv);
  const found = new Map<string, string>(); // value → where it came from
  const add = (value: string | null | undefined, where: string, min: number) => {
    const text = value?.trim();
    if (text && text.length >= min) found.set(text, where);
  };
  const sealed = REFERRAL_SEALED_COLUMN_NAMES.filter((c) => c !== 'subject_age_band' && c !== 'consent_method');
  const referrals = await queryRows<Record<string, string | null>>(state.databaseUrl, `SELECT id, summary, ${sealed.join(', ')} FROM referral`);
  for (const row of referrals) {
    add(row.summary, `referral ${row.id} summary`, MIN_FREE_TEXT);
    for (const column of sealed) add(openReferralColumn(keys, column, row.id!, row[column]), `referral ${row.id} ${column}`, MIN_NAME);
  }
  // What people wrote: notes of handoffs made by someone (the workflow's own notes are templates, not about a resident).
  for (const row of await queryRows<{ referral_id: string; note: string }>(
    state.databaseUrl,
    `SELECT referral_id, note FROM referral_handoff WHERE actor_id IS NOT NULL AND note IS NOT NULL`,
  )) {
    add(row.note, `note on referral ${row.referral_id}`, MIN_FREE_TEXT);
  }
  for (const row of await queryRows<{ id: string; title: string; description: string }>(
    state.databaseUrl,
    `SELECT id, title, description FROM regional_issue`,
  )) {
    add(row.title, `regional issue ${row.id} title`, MIN_FREE_TEXT);
    add(row.description, `regional issue ${row.id} description`, MIN_FREE_TEXT);
  }
  for (const row of await queryRows<{ id: string; description: string }>(state.databaseUrl, `SELECT id, description FROM follow_up_action`)) {
    add(row.description, `follow-up action ${row.id}`, MIN_FREE_TEXT);
  }
  return found;
}

it('no mail the suite caused holds a resident’s data or what was written about them', async () => {
  const dir = join(state.dataDir!, 'mail');
  const mails = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, mail: JSON.parse(readFileSync(join(dir, name), 'utf8')) as { subject: string; text?: string; html?: string } }));
  // The suite sends mail (notifications.e2e-spec.ts alone sends dozens): an empty folder means this test looked in the wrong place.
  expect(mails.length).toBeGreaterThan(10);
  const secrets = await residentData();
  // The fixtures' resident (test/e2e/support/documents.ts, personNeed) is among them: decryption worked.
  expect([...secrets.keys()]).toEqual(expect.arrayContaining(['山田 H.', '072-000-1111', '週2回の通院に付き添いと送迎が必要']));

  const leaks: string[] = [];
  for (const { name, mail } of mails) {
    const body = `${mail.subject}\n${mail.text ?? ''}\n${mail.html ?? ''}`;
    for (const [value, where] of secrets) if (body.includes(value)) leaks.push(`${name}: ${where}`);
  }
  expect(leaks).toEqual([]);
});
