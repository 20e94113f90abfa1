// Reads the folder the mail catcher (libs/testing/src/servers/mail-catcher.ts) writes: a `<id>.json` summary beside each
// `<id>.eml`. Free of Nest, so that its unit test can load it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Role } from '@tsunagu/domain';
import type { KeptMailModel, KeptMailsModel } from './models/kept-mail.model';

/** Who can read 送信メール (User.canReadKeptMail): administrators, and only while the catcher's folder is given (with a real mail server nothing is kept). */
export function keptMailReadableBy(role: Role, dir: string | undefined): boolean {
  return role === Role.ADMIN && Boolean(dir);
}

/** The summary the catcher writes (CaughtMail without its source). */
interface KeptMailFile {
  id: string;
  receivedAt: string;
  envelope?: { to?: string[] };
  messageId?: string;
  from?: string;
  to?: string[];
  subject?: string;
  text?: string;
  html?: string;
}

/** The catcher names its files `<UTC time>-<random>.json`: sorting by name sorts by arrival. */
const SUMMARY_FILE = /^[0-9TZ]+-[0-9a-f]+\.json$/;

/** The newest `first` mails kept in `dir`; undefined `dir`: the catcher is off. `skipped` hears of unreadable files. */
export async function newestKeptMails(dir: string | undefined, first: number, skipped: (file: string, why: string) => void): Promise<KeptMailsModel> {
  if (!dir) return { catcherEnabled: false, totalCount: 0, mails: [] };
  const names = (await summaryFiles(dir)).sort().reverse();
  const mails: KeptMailModel[] = [];
  for (const name of names.slice(0, first)) {
    const file = join(dir, name);
    try {
      mails.push(toKeptMail(JSON.parse(await readFile(file, 'utf8')) as KeptMailFile));
    } catch (error) {
      // A file edited by hand or another tool's is left out of the list, not an error for the page.
      skipped(file, (error as Error).message);
    }
  }
  return { catcherEnabled: true, totalCount: names.length, mails };
}

/** No folder yet means no mail yet: the catcher creates it when it starts. */
async function summaryFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => SUMMARY_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function toKeptMail(kept: KeptMailFile): KeptMailModel {
  const receivedAt = new Date(kept.receivedAt);
  if (typeof kept.id !== 'string' || Number.isNaN(receivedAt.getTime())) throw new Error('not a mail catcher summary: no id or receivedAt');
  return {
    id: kept.id,
    receivedAt,
    from: typeof kept.from === 'string' && kept.from ? kept.from : null,
    to: strings(kept.to),
    recipients: strings(kept.envelope?.to),
    subject: typeof kept.subject === 'string' ? kept.subject : '',
    messageId: typeof kept.messageId === 'string' ? kept.messageId : null,
    text: typeof kept.text === 'string' ? kept.text : null,
    html: typeof kept.html === 'string' ? kept.html : null,
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
