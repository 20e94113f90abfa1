// The e2e test files' view of the mail catcher the global setup started (in jest's main process): its control API over
// HTTP, with the same methods as the catcher itself. Test files run one at a time (--runInBand), but a workflow of an
// earlier file may still send (reminders), so match mails by recipient and subject rather than rely on clear().
import { CaughtMail, DEFAULT_WAIT_MS, MailCatcherApi, waitTimeoutMessage } from '../servers/mail-catcher';
import { readE2eState } from './e2e-state';

const POLL_MS = 100;

export function mailCatcherClient(controlUrl: string): MailCatcherApi {
  const call = async <T>(method: string, path: string): Promise<T> => {
    const response = await fetch(new URL(path, controlUrl), { method });
    const body = (await response.json()) as T | { error: string };
    if (!response.ok) throw new Error(`mail catcher: ${method} ${path}: ${(body as { error: string }).error}`);
    return body as T;
  };
  const mails = () => call<CaughtMail[]>('GET', '/mails');
  const waitForCount = async (predicate: (mail: CaughtMail) => boolean, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<CaughtMail[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const all = await mails();
      const found = all.filter(predicate);
      if (found.length >= count) return found.slice(0, count);
      if (Date.now() >= deadline) throw new Error(waitTimeoutMessage(count, found.length, all, timeoutMs));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  return {
    mails,
    waitFor: async (predicate, timeoutMs) => (await waitForCount(predicate, 1, timeoutMs))[0],
    waitForCount,
    clear: () => call<void>('DELETE', '/mails'),
    refuseNext: (count, code = 451) => call<void>('POST', `/refuse?count=${count}&code=${code}`),
    delayNext: (count, ms) => call<void>('POST', `/delay?count=${count}&ms=${ms}`),
  };
}

/** The catcher of this e2e run (the global setup's). */
export function e2eMailCatcher(): MailCatcherApi {
  const { mailCatcherControlUrl } = readE2eState();
  if (!mailCatcherControlUrl) throw new Error('the e2e global setup started no mail catcher (mailCatcherControlUrl missing from its state)');
  return mailCatcherClient(mailCatcherControlUrl);
}
