// The mail sender's own process (docs/NOTIFICATIONS.md, "The sender"), started by the worker (sender-process.ts) with
// its environment. It runs at a lower CPU priority than the worker, api and PostgreSQL, so that on a busy machine the
// moves get the CPU first and the mails wait a little: sending never slows a move (docs/BENCHMARKS.md, "Mail").
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { createDataSource, readDatabaseConfig, setLogSink } from '@tsunagu/persistence';
import { readMailConfig } from './mail-config';
import { MailSender } from './mail-sender';
import { createWorkerLogger, nestLogger } from '../observability/worker-log';

const log = createWorkerLogger();

// The worker is gone (killed): end at once, as it did when the sender ran inside it. An open claim's transaction is
// rolled back with the connection, its rows stay PENDING and are sent again with the same Message-IDs. Watched from the
// first line, and twice: the IPC channel's end, and the parent's pid each second, because a sender that missed the
// channel's end (e2e runs found orphans, adopted by init) would go on claiming the outbox beside the next worker's.
const workerPid = process.ppid;
const workerGone = () => process.exit(1);
process.once('disconnect', workerGone);
setInterval(() => {
  if (process.ppid !== workerPid || !process.connected) workerGone();
}, 1_000).unref();

/** Lowers every thread's priority: Linux applies a nice value per thread, and threads started later inherit it. */
function lowerPriority(nice: number): void {
  let tids: number[] = [process.pid];
  try {
    tids = readdirSync('/proc/self/task').map(Number);
  } catch {
    // not Linux: the process's priority is its only one
  }
  for (const tid of tids) {
    try {
      setPriority(tid, nice);
    } catch {
      // a thread that ended meanwhile
    }
  }
}

async function main(): Promise<void> {
  const mail = readMailConfig(process.env);
  if (!mail.smtpUrl) throw new Error('SMTP_URL is not set');
  lowerPriority(mail.senderNice);
  Logger.overrideLogger(nestLogger(log));
  // As in the worker: TypeORM's warnings (a pool error while PostgreSQL is away) are JSON lines like every other.
  setLogSink({ error: (message) => log.error({ context: 'typeorm' }, message), warn: (message) => log.warn({ context: 'typeorm' }, message) });
  // Its own small pool: one claim runs at a time; the second connection serves the backlog gauge's reads meanwhile.
  const db = await createDataSource({ ...readDatabaseConfig(process.env), poolSize: 2 }, 'tsunagu-mail').initialize();
  const transport = createTransport({ url: mail.smtpUrl, pool: true, maxConnections: mail.concurrency, socketTimeout: 30_000 });
  const sender = new MailSender(db, transport, mail);
  sender.start();
  const stop = async () => {
    await sender.stop();
    transport.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  process.stderr.write(
    `${JSON.stringify({ level: 60, time: new Date().toISOString(), service: 'worker', context: 'mail', msg: `mail sender: ${error instanceof Error ? error.message : error}` })}\n`,
  );
  process.exit(1);
});
